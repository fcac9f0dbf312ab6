export { loginWithoutBrowser } from './browserless-login.js';
export type { DemoClient, DemoProvider, DemoProviderOptions } from './demo-provider.js';
export { startDemoProvider } from './demo-provider.js';
