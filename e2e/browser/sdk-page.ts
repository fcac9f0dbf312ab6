// The app page of e2e/sdk-browser.test.ts, bundled by esbuild: the SDK as an app would use it, on `window.sdk`.
import {
  createVault,
  PopupBlockedError,
  PopupClosedError,
  RejectedError,
  type Vault,
  type VaultAuth,
  VaultAuthError,
} from '@tokenvault/sdk-browser';

export interface Outcome {
  value?: unknown;
  error?: { classes: string[]; code?: string; message: string };
}

export interface SdkPage {
  vault: Vault;
  /** The demo provider with defaultScopes ['openid'] and a "Log in?" prompt played by `dialog`. */
  demo: VaultAuth;
  /** The demo provider with the redirect flow and no prompt. */
  redirect: VaultAuth;
  /** The prompt: what it was asked, and whether it lets the login go on. */
  dialog: { answer: 'login' | 'reject'; asked: string[][] };
  /** A call's outcome as plain data: errors, and their classes, do not cross page.evaluate. */
  settle(promise: Promise<unknown>): Promise<Outcome>;
}

declare global {
  interface Window {
    VAULT_URL: string;
    sdk: SdkPage;
  }
}

const classes = { VaultAuthError, PopupBlockedError, PopupClosedError, RejectedError };
const dialog: SdkPage['dialog'] = { answer: 'login', asked: [] };
const vault = createVault({ baseUrl: window.VAULT_URL });

window.sdk = {
  vault,
  dialog,
  demo: vault.auth('demo', {
    defaultScopes: ['openid'],
    async onAuthRequest(scopes) {
      dialog.asked.push(scopes);
      if (dialog.answer === 'reject') throw new Error('the user pressed "Reject"');
    },
  }),
  redirect: vault.auth('demo', { defaultScopes: ['openid'], flow: 'redirect' }),
  settle: (promise) =>
    promise.then(
      (value) => ({ value }),
      (error: Error & { code?: string }) => ({
        error: {
          classes: Object.entries(classes)
            .filter(([, type]) => error instanceof type)
            .map(([name]) => name),
          ...(error.code !== undefined && { code: error.code }),
          message: error.message,
        },
      }),
    ),
};
