import { apiOperations } from '@tokenvault/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// No request, however malformed, produces a 500, a stack trace or a partial write (docs/security.md). Every
// operation of /openapi.json gets hostile path values, bodies, query strings and headers, with and without
// credentials: names of Object.prototype's members, control characters, over-long ids, forged tokens and spoofed
// proxy headers. Invariant: each answer is below 500 and one the document lists for the operation (a 4xx, or a
// read's ordinary answer such as an empty list; the request wrapper checks that), nothing is logged as an error,
// and no table changes.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const LONG = 'x'.repeat(20_000);
const PATH_VALUES = [
  ...PROTOTYPE_NAMES,
  '%0A',
  '%09x%0D%0A',
  '%7F',
  LONG,
  '%00',
  '..',
  '%2F..%2F',
  'x'.repeat(2_000),
  '%F0%9F%92%A9',
  "'%3B drop table x--",
  '%E0%A4%A',
  '*',
];
const BODIES = [
  '{',
  '[]',
  'null',
  '"x"',
  '{"scopes":"email"}',
  '{"scopes":[""],"minValiditySeconds":-1}',
  '{"userId":"","expiresInSeconds":99999999}',
  '{"name":123,"grants":[{"role":"god"}]}',
  '{"role":"admin","resource":"../../*"}',
  '{"expiresAt":"yesterday"}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  '{"token":123}',
  ...PROTOTYPE_NAMES.map((name) => JSON.stringify({ role: name, resource: `${name}/x`, userId: name, provider: name })),
  JSON.stringify({ name: 'p', grants: [{ role: 'toString' }, { role: 'admin', resource: 'constructor' }] }),
  JSON.stringify({ userId: 'a\u0000b\n', provider: '\t', scopes: ['\u0007'], name: '\r\n' }),
  JSON.stringify({ userId: LONG, scopes: [LONG], name: LONG, token: LONG }),
  JSON.stringify({ minValiditySeconds: 1e300, expiresInSeconds: -0, expiresAt: 8.64e15 + 1 }),
];
const QUERIES = [
  '?limit=0&cursor=%25%25',
  '?limit=abc&status=bogus&since=not-a-date',
  '?unknown=1',
  '?env=nowhere&origin=http://evil.test&flow=sideways&scope=%00',
  `?env=development&origin=${encodeURIComponent(APP_ORIGIN)}&redirectUrl=javascript:alert(1)`,
  '?code=x&state=zz',
  '?role=god&resource=..',
  ...PROTOTYPE_NAMES.map((name) => `?env=${name}&role=${name}&resource=${name}&status=${name}&provider=${name}`),
  `?env=development&origin=${encodeURIComponent(APP_ORIGIN)}&redirectUrl=${encodeURIComponent(`${APP_ORIGIN}/\nx`)}`,
  `?env=development&origin=${encodeURIComponent(`${APP_ORIGIN}\t`)}&flow=redirect&redirectUrl=%09${APP_ORIGIN}`,
  `?cursor=${LONG}&userId=${LONG}&clientId=${LONG}`,
];
// Headers a caller writes: forged or over-long bearer tokens and cookies, and proxy headers the vault must not
// trust unless told to.
const FORGED_JWT = [
  { alg: 'EdDSA', kid: 'constructor' },
  { sub: '__proto__', iss: 'x', aud: 'y', exp: 9e9, iat: 9e9 },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2ln')
  .join('.');
const HEADERS: Record<string, string>[] = [
  { authorization: `Bearer ${FORGED_JWT}` },
  { authorization: `Bearer ${LONG}.${LONG}.${LONG}` },
  { authorization: 'Basic __proto__' },
  { cookie: `tokenvault_session=__proto__; demo-refresh-token=${LONG}; __Host-tokenvault_session=constructor` },
  {
    'x-forwarded-for': '1.2.3.4, __proto__, 999.1.1.1',
    'x-forwarded-host': 'evil.test',
    'x-forwarded-proto': 'javascript',
    forwarded: 'for=1.2.3.4;host=evil.test;proto=https',
    'x-requested-with': 'XMLHttpRequest',
    origin: 'null',
  },
];

describe('every documented operation refuses malformed input', () => {
  let vault: InProcessVault;
  let sent = 0;

  beforeAll(async () => {
    vault = await startInProcessVault();
    await vault.link('fuzz'); // something to find, change or leak
  });
  afterAll(() => vault.close());

  async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
    const response = await vault.request(`${VAULT_URL}${path}`, {
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined && { body }),
    });
    sent += 1;
    expect(response.status, `${method} ${path.slice(0, 120)} ${body ?? ''}`).toBeLessThan(500);
  }

  it('answers every combination with a documented 4xx and changes nothing', async () => {
    const before = dbSnapshot(vault.dir);
    const callers: Record<string, string>[] = [
      {},
      {
        authorization: `Bearer ${await vault.jwt()}`,
        'x-requested-with': 'XMLHttpRequest',
        origin: APP_ORIGIN,
        'content-type': 'application/json',
      },
    ];
    for (const operation of apiOperations) {
      for (const value of PATH_VALUES) {
        const path = operation.path.replace(/\{\w+\}/g, value);
        if (path === operation.path) continue; // no parameters: the bodies and queries below cover it
        for (const headers of callers) await send(operation.method, path, headers);
      }
      const path = operation.path.replace(/\{\w+\}/g, 'nobody');
      for (const headers of callers) {
        for (const query of QUERIES) await send(operation.method, `${path}${query}`, headers);
        if (operation.method === 'get') continue;
        for (const body of BODIES) await send(operation.method, path, headers, body);
      }
      for (const headers of HEADERS)
        await send(operation.method, path, { 'content-type': 'application/json', ...headers });
    }
    expect(sent).toBeGreaterThan(2_000);
    expect(dbSnapshot(vault.dir)).toEqual(before);
    const errors = vault.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  }, 120_000);
});
