// A Backstage app reduced to its auth: the real `OAuth2` client and `OAuthRequestManager` from
// @backstage/core-app-api, pointed at the vault, with no React rendered (docs/backstage.md).
import { OAuth2, type OAuth2CreateOptions, OAuthRequestManager } from '@backstage/core-app-api';

/** What the page puts on `window` for the tests' `page.evaluate`. */
export interface BackstageWindow {
  /** Set by the app server before this bundle runs: what a Backstage discovery API answers for `auth`. */
  AUTH_BASE: string;
  /** The real client for the vault's provider `demo`. */
  demoAuth: OAuth2;
  /** How the sign-in dialog answers: 'trigger' (the user clicks "Log in", the default) or 'reject' ("Reject All"). */
  dialogMode: 'trigger' | 'reject';
  /** How many times the dialog was shown with pending requests. */
  dialogShown: number;
}

const app = window as unknown as BackstageWindow;
app.dialogMode = 'trigger';
app.dialogShown = 0;

const discoveryApi = { getBaseUrl: async (_pluginId: string) => app.AUTH_BASE };
// Only the redirect-flow switch is read; the popup flow is what these tests drive.
const configApi = { getOptionalBoolean: () => false } as unknown as OAuth2CreateOptions['configApi'];
const oauthRequestApi = new OAuthRequestManager();

// The dialog stand-in. `authRequest$` emits once per queued request, so it waits for the queue to settle before
// answering, as a user would, or every emission would open its own popup.
let settle: ReturnType<typeof setTimeout> | undefined;
oauthRequestApi.authRequest$().subscribe({
  next(requests) {
    clearTimeout(settle);
    if (requests.length === 0) return;
    settle = setTimeout(() => {
      app.dialogShown += 1;
      for (const request of requests) {
        if (app.dialogMode === 'reject') request.reject();
        else request.trigger();
      }
    }, 50);
  },
});

app.demoAuth = OAuth2.create({
  discoveryApi,
  oauthRequestApi,
  configApi,
  environment: 'development',
  provider: { id: 'demo', title: 'Demo', icon: () => null },
  defaultScopes: ['openid'],
});
