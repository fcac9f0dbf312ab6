import type { Cipher } from './cipher.js';
import type { ProviderHttp } from './oauth/http.js';
import type { ProviderRegistry } from './providers.js';
import type { Store } from './store.js';

/** What every vault operation works with. */
export interface VaultContext {
  store: Store;
  cipher: Cipher;
  providers: ProviderRegistry;
  http: ProviderHttp;
  /** Where browsers reach the vault; redirect URIs are derived from it. */
  publicUrl: string;
  now: () => number;
}

/** The redirect URI to register at each provider (SPEC §5.3.1). */
export function redirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/auth/${encodeURIComponent(providerId)}/handler/frame`;
}
