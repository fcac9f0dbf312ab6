export { createApp, MAX_BODY_BYTES } from './app.js';
export type { ConnectUi, UiAssets } from './connect-page-options.js';
export type { ServerOptions } from './context.js';
export type { Logger } from './logger.js';
export { devConnectOperation } from './openapi/connect-page-operations.js';
export { devHomeOperation, type Operation, operations as apiOperations } from './openapi/operations.js';
export { errorSchema } from './openapi/schemas.js';
export type { RateLimit } from './rate-limit.js';
export type { DevHome } from './routes/dev-home.js';
