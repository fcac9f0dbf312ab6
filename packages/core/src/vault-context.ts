import type { AuditWriter } from './authorization/audit.js';
import type { Cipher } from './crypto/cipher.js';
import type { ProviderHttp } from './oauth/http.js';
import type { ProviderRegistry } from './providers/registry.js';
import type { Store } from './store.js';
import type { VaultMetrics } from './vault-metrics.js';

/** What every vault operation works with; `S` is the part of the store it needs. */
export interface VaultContext<S = Store> {
  store: S;
  cipher: Cipher;
  providers: ProviderRegistry;
  http: ProviderHttp;
  /** Where browsers reach the vault; redirect URIs are derived from it. */
  publicUrl: string;
  now: () => number;
  /** This vault instance as a lease holder; unique per process. */
  instanceId: string;
  webhooks: Webhooks;
  metrics: VaultMetrics;
  log: VaultLogger;
  timing: RefreshTiming;
  audit: AuditWriter;
  /** Audit rows older than this are swept. */
  auditRetentionDays: number;
}

/** The webhooks of each environment (from the config file; the secrets never reach the database). */
export interface Webhooks {
  urls(env: string): string[];
  secret(env: string, url: string): string | undefined;
}

/**
 * The subset of pino the core uses; secrets never go into these objects. A failure goes in as the Error itself
 * under `err`, which pino's serializer writes with its type, message, stack and causes.
 */
export interface VaultLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RefreshTiming {
  /** How long a refresh lease lasts; longer than a provider call and the commit that follows it. */
  leaseMs: number;
  /** How long a caller waits for another process's refresh before answering provider_unavailable. */
  waitMs: number;
}

/** The redirect URI to register at each provider (docs/api.md, "Browser connect flow"). */
export function redirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/auth/${encodeURIComponent(providerId)}/handler/frame`;
}
