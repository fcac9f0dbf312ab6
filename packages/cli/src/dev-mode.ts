import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProviderSpec, type ConfiguredProvider, OPERATOR, redirectUri, type Vault } from '@tokenvault/core';
import type { DemoProvider } from '@tokenvault/demo';
import { oidc } from '@tokenvault/providers';
import { parseAccessKey } from '@tokenvault/sdk-node';
import { loadDemo } from './demo-loader.js';
import { decodeMasterKey } from './runtime.js';
import { devDirectoryPath } from './vault-source.js';

export const DEV_ENV = 'development';
export const DEMO_PROVIDER_ID = 'demo';
// A loopback-only demo provider: this secret protects nothing outside this machine.
const DEMO_CLIENT = { clientId: 'tokenvault-dev', clientSecret: 'tokenvault-dev-demo-secret' };

/** `./.tokenvault/` (or TOKENVAULT_DEV_DIR): the SQLite file, the master key, the demo provider's state. */
export function devDirectory(): string {
  const dir = devDirectoryPath();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function devDatabase(dir: string): string {
  return `sqlite:${join(dir, 'vault.db')}`;
}

/** Generated on first start, mode 0600, reused afterwards. */
export function devMasterKey(dir: string): Uint8Array {
  const file = join(dir, 'master.key');
  if (!existsSync(file)) writeSecret(file, `${randomBytes(32).toString('base64')}\n`);
  return decodeMasterKey(readFileSync(file, 'utf8'), file);
}

export async function startDevProvider(dir: string, publicUrl: string, port: number): Promise<DemoProvider> {
  // Loaded only here: the other commands need not load oidc-provider.
  const { startDemoProvider } = await loadDemo();
  const options = {
    clients: [{ ...DEMO_CLIENT, redirectUris: [redirectUri(publicUrl, DEMO_PROVIDER_ID)] }],
    dataFile: join(dir, 'demo-provider.json'),
  };
  try {
    return await startDemoProvider({ ...options, port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startDemoProvider({ ...options, port: 0 }); // the preferred port is taken: any free one will do
  }
}

export function demoProvider(demo: DemoProvider): ConfiguredProvider {
  const spec = buildProviderSpec(oidc, {
    id: DEMO_PROVIDER_ID,
    displayName: 'Demo provider (a local OpenID provider: any username and password)',
    issuer: demo.issuer,
  });
  return { env: DEV_ENV, id: DEMO_PROVIDER_ID, spec, ...DEMO_CLIENT, scopes: spec.scopes.default };
}

/**
 * The bootstrap admin key: created once, saved mode 0600 in the dev directory, and recreated if the
 * database no longer knows it. `created` tells the caller to print it (the only time it is shown).
 */
export async function devAdminKey(
  vault: Vault,
  dir: string,
): Promise<{ accessKey: string; file: string; created: boolean }> {
  const file = join(dir, 'admin.key');
  if (existsSync(file)) {
    const accessKey = readFileSync(file, 'utf8').trim();
    const parsed = parsedKey(accessKey);
    const stored = parsed && (await vault.store.getClientKey(parsed.clientId, parsed.keyId));
    if (stored && stored.revokedAt === null) return { accessKey, file, created: false };
  }
  const { accessKey } = await vault.clients.create(
    { env: DEV_ENV, name: 'dev-admin', grants: [{ role: 'admin' }] },
    OPERATOR,
  );
  writeSecret(file, `${accessKey}\n`);
  return { accessKey, file, created: true };
}

/** The key in the file, or undefined when it holds no well-formed access key (then a new one is made). */
function parsedKey(accessKey: string) {
  try {
    return parseAccessKey(accessKey);
  } catch {
    return undefined;
  }
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above applies only when the file is new
}
