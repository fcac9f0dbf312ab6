import { VaultError } from '../errors.js';
import { own } from '../own.js';
import { type ApiSpec, HEADER_PLACEHOLDER } from './api-spec.js';

/**
 * Sets the spec's API headers, filled in for one account, on a proxied call's headers (the caller's, already
 * filtered). A header naming account values is a default: the caller's own value wins (another Harvest account or
 * Procore company the same token reaches). Fixed headers and configuration secrets always replace the caller's.
 * A value the account lacks is a 400 naming it, unless the caller sent the header.
 */
export function setApiHeaders(
  headers: Headers,
  api: ApiSpec,
  metadata: Readonly<Record<string, string>>,
  secrets: Readonly<Record<string, string>>,
): void {
  for (const [name, template] of Object.entries(api.headers)) {
    let fromAccount = false;
    const missing: string[] = [];
    const value = template.replace(HEADER_PLACEHOLDER, (_, source: string | undefined, key: string) => {
      if (source === 'secrets.') {
        const secret = own(secrets, key);
        // The configuration is checked at load; a provider built in code may still lack one.
        if (secret === undefined) throw new VaultError('provider_error', `no secrets.${key} is configured`);
        return secret;
      }
      fromAccount = true;
      const found = own(metadata, key);
      if (found === undefined || found === '') missing.push(source ? `metadata.${key}` : key);
      return found ?? '';
    });
    if (fromAccount && headers.has(name)) continue;
    if (missing.length > 0) {
      throw new VaultError('invalid_request', `the account has no ${missing.join(', ')} for the ${name} header`);
    }
    // A value from a provider's answer must not split the request's headers, nor be what a header cannot carry.
    if (/[^\t\x20-\x7e]/.test(value))
      throw new VaultError('provider_error', `the ${name} header's value is not usable`);
    headers.set(name, value);
  }
}
