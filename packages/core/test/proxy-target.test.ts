import { describe, expect, it } from 'vitest';
import { isVaultError } from '../src/errors.js';
import { setApiHeaders } from '../src/proxy/api-headers.js';
import { type ApiSpec, apiSpecSchema } from '../src/proxy/api-spec.js';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '../src/proxy/proxy-headers.js';
import { accountBaseUrl, targetUrl } from '../src/proxy/proxy-target.js';

const api = (input: object): ApiSpec => apiSpecSchema.parse(input);
const github = api({ baseUrl: 'https://api.github.com' });
const base = new URL('https://api.example.com/v2');
const withBase = api({ baseUrl: 'https://api.example.com/v2' });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (isVaultError(err, 'invalid_request')) return err.message;
    throw err;
  }
  throw new Error('not refused');
}

describe('targetUrl', () => {
  it('appends the path to the base URL and forwards the query as sent', () => {
    expect(targetUrl(new URL('https://api.github.com'), '/user/repos', 'per_page=2&q=a%20b', github).href).toBe(
      'https://api.github.com/user/repos?per_page=2&q=a%20b',
    );
    expect(targetUrl(base, '/items/a%2Fb', '', withBase).href).toBe('https://api.example.com/v2/items/a%2Fb');
    expect(targetUrl(base, '', '', withBase).href).toBe('https://api.example.com/v2/');
  });

  // Raw forms a parser in front of the vault might leave alone: none may leave the base URL.
  it.each([
    ['/../admin', /"\." or "\.\."/],
    ['/a/%2e%2e/admin', /"\." or "\.\."/],
    ['/a/%2E./admin', /"\." or "\.\."/],
    ['/a/..%2fadmin', /"\." or "\.\."/],
    ['/./x', /"\." or "\.\."/],
    ['//evil.example/x', /absolute URL/],
    ['https://evil.example/x', /absolute URL/],
    ['/a\\..\\b', /backslash/],
    ['/a%5cb', /backslash/],
    ['/%zz', /percent-encoding/],
  ])('refuses %s', (path, message) => {
    expect(refusal(() => targetUrl(base, path, '', withBase))).toMatch(message);
  });

  it('fills params and metadata, and bounds a metadata host by allowedHosts', () => {
    const shopify = api({ baseUrl: 'https://{shop}.myshopify.com/admin/api' });
    expect(accountBaseUrl(shopify, ['shop'], { shop: 'acme' }).href).toBe('https://acme.myshopify.com/admin/api');
    expect(refusal(() => accountBaseUrl(shopify, ['shop'], {}))).toMatch(/no shop/);
    const salesforce = api({ baseUrl: '{metadata.instance_url}/services/data', allowedHosts: ['*.my.salesforce.com'] });
    const good = accountBaseUrl(salesforce, [], { instance_url: 'https://acme.my.salesforce.com' });
    expect(targetUrl(good, '/v60.0/sobjects', '', salesforce).host).toBe('acme.my.salesforce.com');
    const evil = accountBaseUrl(salesforce, [], { instance_url: 'https://evil.example' });
    expect(refusal(() => targetUrl(evil, '/x', '', salesforce))).toMatch(/not one the provider's API allows/);
    const lookalike = accountBaseUrl(salesforce, [], { instance_url: 'https://my.salesforce.com.evil.example' });
    expect(refusal(() => targetUrl(lookalike, '/x', '', salesforce))).toMatch(/not one/);
    // A placeholder inside the host (not only a whole-URL one) is bounded the same way.
    const inHost = api({ baseUrl: 'https://{metadata.host}/api', allowedHosts: ['*.wrike.com'] });
    const ok = accountBaseUrl(inHost, [], { host: 'app-eu.wrike.com' });
    expect(targetUrl(ok, '/v4/tasks', '', inHost).host).toBe('app-eu.wrike.com');
    const chosen = accountBaseUrl(inHost, [], { host: 'evil.example' });
    expect(refusal(() => targetUrl(chosen, '/x', '', inHost))).toMatch(/not one the provider's API allows/);
  });
});

describe('forwarded headers', () => {
  it("drops the caller's credentials, hop-by-hop headers and the vault's controls", () => {
    const sent = forwardedRequestHeaders({
      authorization: 'Bearer caller',
      cookie: 'a=b',
      host: 'vault',
      'x-forwarded-for': '1.2.3.4',
      forwarded: 'for=1.2.3.4',
      'tokenvault-retries': '0',
      connection: 'keep-alive, x-private',
      'x-private': 'hop',
      'transfer-encoding': 'chunked',
      accept: 'application/json',
      'content-type': 'text/plain',
    });
    expect(Object.keys(sent)).toEqual(['accept', 'content-type']);
  });

  it('drops Set-Cookie and hop-by-hop headers from the answer', () => {
    const back = forwardedResponseHeaders({
      'set-cookie': 'a=1',
      'keep-alive': 'timeout=5',
      link: '<x>; rel="next"',
      'x-ratelimit-remaining': '10',
    });
    expect(Object.keys(back)).toEqual(['link', 'x-ratelimit-remaining']);
  });

  it('drops a header named __proto__ instead of letting it set the prototype', () => {
    const incoming = JSON.parse('{"__proto__": {"polluted": "yes"}, "accept": "*/*"}');
    const sent = forwardedRequestHeaders(incoming);
    const back = forwardedResponseHeaders(incoming);
    expect(Object.keys(sent)).toEqual(['accept']);
    expect(Object.keys(back)).toEqual(['accept']);
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});

describe('account values in the path and in headers', () => {
  it('makes a metadata value in the path one segment (an Atlassian cloud id cannot climb out)', () => {
    const jira = api({ baseUrl: 'https://api.atlassian.com/ex/jira/{metadata.cloud_id}' });
    expect(accountBaseUrl(jira, [], { cloud_id: 'c-1' }).href).toBe('https://api.atlassian.com/ex/jira/c-1');
    expect(accountBaseUrl(jira, [], { cloud_id: '../../admin' }).pathname).toBe('/ex/jira/..%2F..%2Fadmin');
    expect(refusal(() => accountBaseUrl(jira, [], {}))).toMatch(/no metadata\.cloud_id/);
  });

  it('fills headers from metadata and secrets; the caller may choose another account value, never a secret', () => {
    const procore = api({
      baseUrl: 'https://api.procore.com',
      headers: { 'Procore-Company-Id': '{metadata.account_id}', 'developer-token': '{secrets.token}', Fixed: 'f' },
    });
    const sent = (incoming: Record<string, string>, metadata: Record<string, string>) => {
      const headers = { ...incoming };
      setApiHeaders(headers, procore, metadata, { token: 's3' });
      return headers;
    };
    expect(sent({}, { account_id: '42' })).toEqual({ 'procore-company-id': '42', 'developer-token': 's3', fixed: 'f' });
    const chosen = { 'procore-company-id': '7', 'developer-token': 'mine', fixed: 'mine' };
    expect(sent(chosen, { account_id: '42' })).toEqual({ ...chosen, 'developer-token': 's3', fixed: 'f' });
    expect(refusal(() => sent({}, {}))).toMatch(/no metadata\.account_id for the Procore-Company-Id header/);
    expect(sent({ 'procore-company-id': '7' }, {})['procore-company-id']).toBe('7');
    // A provider's answer cannot smuggle a header in, nor make the call fail as a bug.
    for (const account_id of ['1\r\nCookie: x', 'ünï']) {
      expect(() => sent({}, { account_id })).toThrow(/not usable/);
    }
  });
});
