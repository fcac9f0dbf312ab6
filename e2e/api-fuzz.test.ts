import { apiOperations } from '@tokenvault/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// SPEC §6.7: no request, however malformed, produces a 500, a stack trace or a partial write. Every operation of
// /openapi.json gets hostile path values, bodies and query strings, with and without credentials. Invariant: each
// answer is below 500 and one the document lists for the operation (a 4xx, or a read's ordinary answer such as an
// empty list; the request wrapper checks that), nothing is logged as an error, and no table changes.
const PATH_VALUES = [
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
];
const QUERIES = [
  '?limit=0&cursor=%25%25',
  '?limit=abc&status=bogus&since=not-a-date',
  '?unknown=1',
  '?env=nowhere&origin=http://evil.test&flow=sideways&scope=%00',
  `?env=development&origin=${encodeURIComponent(APP_ORIGIN)}&redirectUrl=javascript:alert(1)`,
  '?code=x&state=zz',
  '?role=god&resource=..',
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
    }
    expect(sent).toBeGreaterThan(500);
    expect(dbSnapshot(vault.dir)).toEqual(before);
    const errors = vault.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  }, 120_000);
});
