import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, refreshed, vaultFor } from './support/quirky-vault.js';
import { startRequestRecorder } from './support/request-recorder.js';

// What a provider answers cannot steer the vault: no call follows a redirect (a token header would go with it to
// another host), and no answer is read past 1 MiB.
describe('provider answers the vault does not follow or buffer', () => {
  let elsewhere: Awaited<ReturnType<typeof startRequestRecorder>>;
  beforeAll(async () => {
    elsewhere = await startRequestRecorder();
  });
  afterAll(() => elsewhere.close());

  it("refuses a userinfo redirect, so Shopify's token header never reaches another host", async () => {
    // Regression: fetch followed the 302 and, crossing origins, kept the custom header while dropping Authorization.
    const { vault } = await vaultFor({ redirect: { path: '/me', to: `${elsewhere.url}/me` } }, (url) => ({
      account: { userInfoUri: `${url}/me`, idPath: 'id', tokenHeader: 'X-Shopify-Access-Token' },
    }));
    await expect(connect(vault)).rejects.toMatchObject({ code: 'provider_error', message: /redirect \(HTTP 302\)/ });
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses a token endpoint redirect on the code exchange and on a refresh', async () => {
    const moved = await vaultFor({ redirect: { path: '/token', to: `${elsewhere.url}/token` } });
    await expect(connect(moved.vault)).rejects.toMatchObject({ code: 'provider_error', message: /redirect/ });
    // The refresh goes to a refresh endpoint that redirects (Figma-style refreshUri).
    const { vault } = await vaultFor({ redirect: { path: '/refresh', to: `${elsewhere.url}/token` } }, (url) => ({
      refreshUri: `${url}/refresh`,
    }));
    const account = await connect(vault);
    await expect(refreshed(vault, account.id)).rejects.toMatchObject({ code: 'provider_error', message: /redirect/ });
    expect(elsewhere.requests).toEqual([]);
  });

  it('answers an endless userinfo body with provider_error and hangs up instead of buffering it', async () => {
    const { vault, provider } = await vaultFor({ endless: '/me' });
    await expect(connect(vault)).rejects.toMatchObject({ code: 'provider_error', message: /more than 1024 KiB/ });
    // The connection is closed by the vault long before it could have read what the provider kept writing.
    expect(await provider.endlessEnded).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers an endless token body with provider_error and hangs up', async () => {
    const { vault, provider } = await vaultFor({ endless: '/token' });
    await expect(connect(vault)).rejects.toMatchObject({ code: 'provider_error', message: /more than 1024 KiB/ });
    expect(await provider.endlessEnded).toBeLessThan(64 * 1024 * 1024);
  });
});
