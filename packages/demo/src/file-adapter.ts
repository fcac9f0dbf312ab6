import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** The provider's signing keys (a JWKS with private parts) and cookie-signing keys. */
export interface ProviderSecrets {
  jwks: { keys: object[] };
  cookieKeys: string[];
}

/** All of oidc-provider's state: its adapter storage plus the secrets that make the stored artifacts usable. */
export interface StateStore {
  readonly secrets: ProviderSecrets;
  /** The factory oidc-provider's `adapter` option expects: one adapter per model name. */
  adapterFor(model: string): Adapter;
  /** Deletes every grant of the account and every code and token issued under those grants. */
  revokeAccount(accountId: string): void;
}

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; null when oidc-provider gave no expiry. */
  expiresAt: number | null;
}

interface SavedState {
  secrets: ProviderSecrets;
  entries: Record<string, Entry>;
}

/** Opens the state kept in `file` (created mode 0600 when missing), or a fresh in-memory state when `file` is undefined. */
export function openStateStore(file: string | undefined): StateStore {
  const saved =
    file !== undefined && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedState) : undefined;
  if (file !== undefined) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secrets = saved?.secrets ?? newSecrets();
  const entries = new Map(Object.entries(saved?.entries ?? {}));

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt != null && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const flush = (): void => {
    if (file === undefined) return;
    for (const key of entries.keys()) live(key);
    const state: SavedState = { secrets, entries: Object.fromEntries(entries) };
    // Write-then-rename so a crash mid-write never leaves a truncated file behind.
    writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };

  const removeWhere = (test: (key: string, payload: AdapterPayload) => boolean): void => {
    for (const [key, entry] of entries) {
      if (test(key, entry.payload)) entries.delete(key);
    }
    flush();
  };

  const adapterFor = (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const expiresAt = expiresIn === undefined ? null : Date.now() + expiresIn * 1000;
        entries.set(keyOf(id), { payload: copy(payload), expiresAt });
        flush();
      },
      async find(id) {
        const entry = live(keyOf(id));
        return entry && copy(entry.payload);
      },
      async findByUid(uid) {
        for (const [key, entry] of entries) {
          if (key.startsWith(`${model}:`) && entry.payload.uid === uid && live(key)) return copy(entry.payload);
        }
        return undefined;
      },
      async consume(id) {
        const entry = live(keyOf(id));
        if (!entry) return;
        entry.payload.consumed = Math.floor(Date.now() / 1000);
        flush();
      },
      async destroy(id) {
        entries.delete(keyOf(id));
        flush();
      },
      async revokeByGrantId(grantId) {
        removeWhere((key, payload) => key.startsWith(`${model}:`) && payload.grantId === grantId);
      },
    };
  };

  const revokeAccount = (accountId: string): void => {
    const grantIds = new Set<string>();
    for (const [key, entry] of entries) {
      if (key.startsWith('Grant:') && entry.payload.accountId === accountId) grantIds.add(key.slice('Grant:'.length));
    }
    removeWhere(
      (key, payload) =>
        (key.startsWith('Grant:') && grantIds.has(key.slice('Grant:'.length))) ||
        (payload.grantId !== undefined && grantIds.has(payload.grantId)),
    );
  };

  flush();
  return { secrets, adapterFor, revokeAccount };
}

// A JSON round trip on the way in and out, so the in-memory store behaves exactly like the file-backed one.
function copy(payload: AdapterPayload): AdapterPayload {
  return JSON.parse(JSON.stringify(payload)) as AdapterPayload;
}

function newSecrets(): ProviderSecrets {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  return { jwks: { keys: [signingKey] }, cookieKeys: [randomBytes(32).toString('base64url')] };
}
