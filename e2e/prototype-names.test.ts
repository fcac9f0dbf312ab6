import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { apiOperations } from '@tokenvault/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

/** Names every plain object answers to without owning them. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];

/** A body the schema accepts in shape: `name` in every required string, every enum at its first value. */
function bodyFor(schema: z.ZodType, name: string): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => bodyFor(def[key] as z.ZodType, name);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([key, field]) => [key, bodyFor(field, name)]),
      );
    case 'array':
      return [inner('element')];
    case 'optional':
    case 'default':
      return undefined; // left out, so the required fields are what the operation sees
    case 'nullable':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'union':
      return bodyFor((def.options as z.ZodType[])[0] as z.ZodType, name);
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'number':
    case 'int':
      return 60;
    case 'boolean':
      return true;
    default:
      return name;
  }
}

// A caller's string that names an Object.prototype member (`__proto__`, `constructor`, `toString`…) is a name like
// any other: in a path, a query value or name, a body value or a JSON key, every documented operation answers it
// as it answers an unknown name (a 4xx, or the ordinary answer), never a 500, and nothing logs an error.
describe('prototype names as input', () => {
  let vault: InProcessVault;
  let admin: Record<string, string>;
  let browser: Record<string, string>;

  beforeAll(async () => {
    vault = await startInProcessVault();
    const jar = vault.newJar();
    await vault.connect(jar, 'proto');
    const xhr = { 'x-requested-with': 'XMLHttpRequest', origin: APP_ORIGIN, 'content-type': 'application/json' };
    admin = { ...xhr, authorization: `Bearer ${await vault.jwt()}` };
    browser = { ...xhr, cookie: jar.header(`${VAULT_URL}/`) };
  });
  afterAll(() => vault?.close());

  async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
    const response = await vault.request(`${VAULT_URL}${path}`, {
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined && { body }),
    });
    expect(response.status, `${method} ${path} ${body ?? ''}`).toBeLessThan(500);
    return response;
  }

  it('answers every operation with a prototype name anywhere without a 5xx', async () => {
    for (const operation of apiOperations) {
      const headers = operation.auth === 'session' ? browser : admin;
      for (const name of PROTOTYPE_NAMES) {
        const path = operation.path.replace(/\{\w+\}/g, encodeURIComponent(name));
        const keys = Object.keys(operation.query?.shape ?? {});
        const queries = [
          '',
          `?${encodeURIComponent(name)}=x`,
          `?${keys.map((key) => `${key}=${encodeURIComponent(name)}`).join('&')}`,
          `?${keys.map((key) => `${key}=${key === 'env' ? 'development' : encodeURIComponent(name)}`).join('&')}`,
        ];
        for (const query of queries) await send(operation.method, `${path}${query}`, headers);
        if (operation.method === 'get') continue;
        const bodies = [`{"${name}":{"admin":true}}`, `{"${name}":"x","scopes":["${name}"]}`];
        if (operation.body) bodies.push(JSON.stringify(bodyFor(operation.body, name)));
        for (const body of bodies) await send(operation.method, path, headers, body);
      }
    }
    const errors = vault.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  }, 120_000);

  it.each(['clientId', 'keyId', 'environmentId'] as const)(
    'refuses a service token whose %s is a prototype name',
    async (part) => {
      const key = parseAccessKey(vault.adminKey);
      for (const name of PROTOTYPE_NAMES) {
        const jwt = await signServiceToken({ ...key, [part]: name }, { baseUrl: VAULT_URL });
        const response = await send('get', '/v1/admin/clients', { authorization: `Bearer ${jwt}` });
        expect(response.status, name).toBe(401);
      }
    },
  );
});
