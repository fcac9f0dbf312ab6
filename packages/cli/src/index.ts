export { serve } from './commands/serve.js';
export { loadConfig } from './config.js';
export { createLogger } from './logger.js';
export { main } from './main.js';
