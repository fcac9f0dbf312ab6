import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAccountPage, toTokenResult } from '../packages/sdk-browser/src/account-wire.js';
import { postConnectSession } from '../packages/sdk-browser/src/protocol.js';
import { toAccessToken, toConnectedAccounts, toConnectSession } from '../packages/sdk-node/src/wire.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

type Json = Record<string, unknown>;

// One contract per shape: every property /openapi.json documents for an answer reaches the SDKs' users. The
// answers are real (an in-process vault, whose every answer is also checked against the document), and each SDK's
// one parser reads them; a documented property a parser drops or changes fails here. Times become Dates.
describe('the SDKs carry every documented property', () => {
  let vault: InProcessVault;
  let schemas: Record<string, { properties: Json }>;
  let account: Awaited<ReturnType<InProcessVault['link']>>;

  beforeAll(async () => {
    // A provider spec that keeps a token-response field, so `metadata` is not empty.
    vault = await startInProcessVault({ demoSpec: { metadata: ['token_type'] } });
    schemas = (await (await vault.request(`${VAULT_URL}/openapi.json`)).json()).components.schemas;
    account = await vault.link('contract');
  });
  afterAll(() => vault.close());

  /** Asserts `parsed` has each documented property of `schema` with the answer's value. */
  function carries(schema: string, answer: Json, parsed: object) {
    const documented = Object.keys(schemas[schema]?.properties ?? {});
    expect(documented.length, schema).toBeGreaterThan(2);
    const seen = parsed as Json;
    for (const name of documented) {
      expect(Object.hasOwn(seen, name), `${schema}.${name} is dropped`).toBe(true);
      expect(plain(seen[name]), `${schema}.${name}`).toEqual(answer[name]);
    }
  }

  async function service(method: string, path: string, body?: object) {
    const response = await vault.request(`${VAULT_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      ...(body && { body: JSON.stringify(body) }),
    });
    return response.json();
  }

  it('carries an account, metadata included, through both SDKs', async () => {
    const list = await service('GET', `/v1/users/${encodeURIComponent(account.userId)}/connected-accounts`);
    const [item] = list.items as Json[];
    expect(item?.metadata).toEqual({ token_type: expect.stringMatching(/^bearer$/i) });
    carries('ConnectedAccount', item as Json, toConnectedAccounts(list).items[0] as object);

    const jar = vault.newJar();
    await vault.connect(jar, 'contract');
    const mine = (await vault.me(jar, 'GET', '/connected-accounts')).body;
    carries('ConnectedAccount', mine.items[0], toAccountPage(mine)?.items[0] as object);
  });

  it('carries a token answer through both SDKs', async () => {
    const token = await service('POST', `${new URL(account.base).pathname}/access-token`, {});
    carries('AccessToken', token, toAccessToken(token));
    const result = toTokenResult(200, token, null);
    expect(result?.status).toBe('ok');
    carries('AccessToken', token, result?.status === 'ok' ? result.data : {});
  });

  it('carries a connect session to the backend and its binding to the browser', async () => {
    const created = await service('POST', '/v1/connect-sessions', { userId: 'u_contract', provider: 'demo' });
    carries('ConnectSession', created, toConnectSession(created));
    // The browser SDK posts the token as a page on the app's origin would; the answer is kept to compare with.
    const jar = vault.newJar();
    const answers: Json[] = [];
    const fromPage = async (url: string | URL | Request, init: RequestInit = {}) => {
      const headers = { ...(init.headers as Record<string, string>), origin: APP_ORIGIN };
      const response = await jar.fetch(String(url), { ...init, headers });
      answers.push(await response.clone().json());
      return response;
    };
    const exchange = `${new URL(created.connectUrl).origin}/api/auth/connect-session`;
    const binding = await postConnectSession(fromPage as typeof fetch, exchange, created.token);
    carries('RedeemedConnectSession', answers[0] as Json, binding);
  });
});

/** What a parsed value looks like as JSON: Dates as ISO strings, frozen arrays and records as plain ones. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
