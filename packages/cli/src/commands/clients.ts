import { type GrantInput, OPERATOR, type Vault } from '@tokenvault/core';
import { loadConfig } from '../config.js';
import { devDatabase, devDirectory, devMasterKey } from '../dev-mode.js';
import { masterKeyFrom, openVault, previousMasterKeysFrom, type Settings } from '../runtime.js';

/** Service-client management needs the database and master key, not the providers. */
export async function withVault<T>(configFile: string | undefined, work: (vault: Vault) => Promise<T>): Promise<T> {
  let settings: Settings;
  if (configFile) {
    const config = loadConfig(configFile);
    settings = {
      database: config.database,
      masterKey: masterKeyFrom(config),
      previousMasterKeys: previousMasterKeysFrom(config),
      publicUrl: config.publicUrl ?? 'http://127.0.0.1',
      environments: {},
    };
  } else {
    const dir = devDirectory();
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
) {
  const created = await vault.clients.create(input, OPERATOR);
  print(`client:     ${created.client.id}`);
  print(
    `grants:     ${created.grants.length > 0 ? created.grants.map(grantText).join(', ') : '(none: this client can do nothing until granted a role)'}`,
  );
  print(`key:        ${created.keyId}${expiry(input.expiresAt)}`);
  print(`access key: ${created.accessKey}`);
  print(SHOWN_ONCE);
}

export async function listClients(vault: Vault, env: string, print: Print) {
  const clients = await vault.clients.list(env);
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

export async function addKey(vault: Vault, env: string, clientId: string, expiresAt: number | null, print: Print) {
  const { keyId, accessKey } = await vault.clients.addKey(env, clientId, OPERATOR, expiresAt);
  print(`key:        ${keyId}${expiry(expiresAt)}`);
  print(`access key: ${accessKey}`);
  print(SHOWN_ONCE);
}

export async function revokeKey(vault: Vault, env: string, clientId: string, keyId: string, print: Print) {
  await vault.clients.revokeKey(env, clientId, keyId, OPERATOR);
  print(`key ${keyId} of ${clientId} revoked`);
}

export async function grant(vault: Vault, env: string, clientId: string, input: GrantInput, print: Print) {
  const granted = await vault.clients.grant(env, clientId, input, OPERATOR);
  print(`granted ${grantText(granted)} to ${clientId}`);
}

export async function revokeGrant(vault: Vault, env: string, clientId: string, input: GrantInput, print: Print) {
  await vault.clients.revokeGrant(env, clientId, input, OPERATOR);
  print(`revoked ${grantText({ role: input.role, resource: input.resource ?? '' })} from ${clientId}`);
}

function grantText(grant: { role: string; resource?: string }): string {
  return grant.resource ? `${grant.role} on ${grant.resource}` : `${grant.role} (whole environment)`;
}

function expiry(expiresAt: number | null): string {
  return expiresAt === null ? '' : `, expires ${iso(expiresAt)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
