// A CommonJS backend: `import` compiles to require(), which resolves the SDK's CommonJS declarations.
import { createVaultClient, verifyWebhook } from '@tokenvault/sdk-node';

export const vault = createVaultClient({ baseUrl: 'https://vault.example.com', accessKey: 'key' });
export const verify: typeof verifyWebhook = verifyWebhook;
