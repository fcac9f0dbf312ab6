import type { Vault } from '@tokenvault/core';
import { loadConfig } from '../config.js';
import { devDatabase, devDirectory, devMasterKey } from '../dev-mode.js';
import { masterKeyFrom, openVault, type Settings } from '../runtime.js';

/** Service-client management needs the database and master key, not the providers. */
export async function withVault<T>(configFile: string | undefined, work: (vault: Vault) => Promise<T>): Promise<T> {
  let settings: Settings;
  if (configFile) {
    const config = loadConfig(configFile);
    settings = {
      database: config.database,
      masterKey: masterKeyFrom(config),
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

export async function createClient(vault: Vault, env: string, name: string, roles: string[], print: Print) {
  const created = await vault.clients.create({ env, name, roles });
  print(`client:     ${created.client.id}`);
  print(
    `roles:      ${roles.length > 0 ? roles.join(', ') : '(none: this client can do nothing until granted a role)'}`,
  );
  print(`access key: ${created.accessKey}`);
  print('The access key is shown once and not stored; keep it secret.');
}

export async function listClients(vault: Vault, env: string, print: Print) {
  const clients = await vault.clients.list(env);
  if (clients.length === 0) print(`no service clients in environment ${env}`);
  for (const client of clients) {
    const roles = (await vault.store.getGrants(client.id)).map((grant) => grant.role);
    print(
      `${client.id}  ${client.name}  roles: ${roles.join(', ') || '(none)'}  created ${new Date(client.createdAt).toISOString()}`,
    );
  }
}

export async function addKey(vault: Vault, env: string, clientId: string, print: Print) {
  const { keyId, accessKey } = await vault.clients.addKey(env, clientId);
  print(`key:        ${keyId}`);
  print(`access key: ${accessKey}`);
  print('The access key is shown once and not stored; keep it secret.');
}

export async function revokeKey(vault: Vault, env: string, clientId: string, keyId: string, print: Print) {
  await vault.clients.revokeKey(env, clientId, keyId);
  print(`key ${keyId} of ${clientId} revoked`);
}
