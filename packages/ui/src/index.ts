export { type BuiltAssets, loadUiAssets } from './assets.js';
