import { type GrantInput, OPERATOR, type Vault } from '@tokenvault/core';
import { loadConfig } from '../config.js';
import { devDatabase, devMasterKey } from '../dev-mode.js';
import { note } from '../output.js';
import { masterKeyFrom, openVault, previousMasterKeysFrom, type Settings } from '../runtime.js';
import { DEV_ENVIRONMENTS, environmentsOf, existingDevDirectory, requireEnvironment } from '../vault-source.js';

export interface VaultChoice {
  /** The config file (`--config` or TOKENVAULT_CONFIG); dev mode without one. */
  config: string | undefined;
  /** For messages: which command is running. */
  command: string;
  /** The environment the command acts on: it must be one the vault has. */
  env?: string;
}

/** Service-client management needs the database and master key, not the providers. */
export async function withVault<T>(choice: VaultChoice, work: (vault: Vault) => Promise<T>): Promise<T> {
  let settings: Settings;
  if (choice.config) {
    const config = loadConfig(choice.config);
    if (choice.env !== undefined) requireEnvironment(choice.env, environmentsOf(config), choice.config);
    settings = {
      database: config.database,
      masterKey: masterKeyFrom(config),
      previousMasterKeys: previousMasterKeysFrom(config),
      publicUrl: config.publicUrl ?? 'http://127.0.0.1',
      environments: {},
    };
  } else {
    const dir = existingDevDirectory(choice.command, note);
    if (choice.env !== undefined) requireEnvironment(choice.env, DEV_ENVIRONMENTS, 'dev mode');
    settings = {
      database: devDatabase(dir),
      masterKey: devMasterKey(dir),
      publicUrl: 'http://127.0.0.1',
      environments: {},
    };
  }
  const vault = await openVault(settings);
  try {
    return await work(vault);
  } finally {
    await vault.store.close();
  }
}

type Print = (line: string) => void;

const SHOWN_ONCE = 'The access key is shown once and not stored; keep it secret.';

export async function createClient(
  vault: Vault,
  input: { env: string; name: string; grants: GrantInput[]; expiresAt: number | null },
  print: Print,
  json = false,
) {
  const created = await vault.clients.create(input, OPERATOR);
  if (json) {
    const { client, grants, keyId, accessKey } = created;
    print(JSON.stringify({ clientId: client.id, grants, keyId, accessKey, expiresAt: iso(input.expiresAt) }));
    return;
  }
  print(`client:     ${created.client.id}`);
  print(
    `grants:     ${created.grants.length > 0 ? created.grants.map(grantText).join(', ') : '(none: this client can do nothing until granted a role)'}`,
  );
  print(`key:        ${created.keyId}${expiry(input.expiresAt)}`);
  print(`access key: ${created.accessKey}`);
  print(SHOWN_ONCE);
}

export async function listClients(vault: Vault, env: string, print: Print, json = false) {
  const clients = await vault.clients.list(env);
  if (json) {
    const items = clients.map((client) => ({
      id: client.id,
      name: client.name,
      createdAt: iso(client.createdAt),
      grants: client.grants.map((g) => ({ ...g, expiresAt: iso(g.expiresAt) })),
      keys: client.keys.map((key) => ({
        id: key.id,
        revokedAt: iso(key.revokedAt),
        expiresAt: iso(key.expiresAt),
        lastUsedAt: iso(key.lastUsedAt),
      })),
    }));
    print(JSON.stringify({ items }));
    return;
  }
  if (clients.length === 0) print(`no service clients in environment ${env}`);
  for (const client of clients) {
    print(`${client.id}  ${client.name}  created ${iso(client.createdAt)}`);
    print(`  grants: ${client.grants.map(grantText).join(', ') || '(none)'}`);
    for (const key of client.keys) {
      const state = key.revokedAt !== null ? `revoked ${iso(key.revokedAt)}` : `active${expiry(key.expiresAt)}`;
      const used = key.lastUsedAt === null ? 'never used' : `last used ${iso(key.lastUsedAt)}`;
      print(`  key ${key.id}  ${state}  ${used}`);
    }
  }
}

export async function addKey(
  vault: Vault,
  env: string,
  clientId: string,
  expiresAt: number | null,
  print: Print,
  json = false,
) {
  const { keyId, accessKey } = await vault.clients.addKey(env, clientId, OPERATOR, expiresAt);
  if (json) {
    print(JSON.stringify({ clientId, keyId, accessKey, expiresAt: iso(expiresAt) }));
    return;
  }
  print(`key:        ${keyId}${expiry(expiresAt)}`);
  print(`access key: ${accessKey}`);
  print(SHOWN_ONCE);
}

export async function revokeKey(
  vault: Vault,
  env: string,
  clientId: string,
  keyId: string,
  print: Print,
  json = false,
) {
  await vault.clients.revokeKey(env, clientId, keyId, OPERATOR);
  print(json ? JSON.stringify({ clientId, keyId, revoked: true }) : `key ${keyId} of ${clientId} revoked`);
}

export async function grant(
  vault: Vault,
  env: string,
  clientId: string,
  input: GrantInput,
  print: Print,
  json = false,
) {
  const granted = await vault.clients.grant(env, clientId, input, OPERATOR);
  const shown = { ...granted, expiresAt: iso(granted.expiresAt) };
  print(json ? JSON.stringify({ clientId, granted: shown }) : `granted ${grantText(granted)} to ${clientId}`);
}

export async function revokeGrant(
  vault: Vault,
  env: string,
  clientId: string,
  input: GrantInput,
  print: Print,
  json = false,
) {
  await vault.clients.revokeGrant(env, clientId, input, OPERATOR);
  const revoked = { role: input.role, resource: input.resource ?? '' };
  print(json ? JSON.stringify({ clientId, revoked }) : `revoked ${grantText(revoked)} from ${clientId}`);
}

function grantText(grant: { role: string; resource?: string; expiresAt?: number | null }): string {
  const what = grant.resource ? `${grant.role} on ${grant.resource}` : `${grant.role} (whole environment)`;
  return grant.expiresAt ? `${what} ${timeLeft(grant.expiresAt, Date.now())}` : what;
}

/** How long a time-boxed grant has left, for people: "(expires in 59m, 2026-…)" or "(expired 2026-…)". */
export function timeLeft(expiresAt: number, now: number): string {
  const seconds = Math.floor((expiresAt - now) / 1000);
  if (seconds <= 0) return `(expired ${iso(expiresAt)})`;
  const left =
    seconds < 120
      ? `${seconds}s`
      : seconds < 7200
        ? `${Math.floor(seconds / 60)}m`
        : seconds < 172_800
          ? `${Math.floor(seconds / 3600)}h`
          : `${Math.floor(seconds / 86_400)}d`;
  return `(expires in ${left}, ${iso(expiresAt)})`;
}

function expiry(expiresAt: number | null): string {
  return expiresAt === null ? '' : `, expires ${iso(expiresAt)}`;
}

function iso(ms: number): string;
function iso(ms: number | null): string | null;
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
