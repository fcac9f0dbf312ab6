import { VaultError } from '../errors.js';
import { own } from '../own.js';
import { type ApiSpec, HEADER_PLACEHOLDER } from './api-spec.js';
import type { HeaderRecord } from './proxy-headers.js';

/**
 * Sets the spec's API headers, filled in for one account, on a proxied call's headers (the caller's, already
 * filtered). A header naming account values is a default: the caller's own value wins (another Procore company or
 * Zoho Desk organization the same token reaches). Fixed headers and configuration secrets always replace the caller's.
 * A value the account lacks is a 400 naming it, unless the caller sent the header.
 */
export function setApiHeaders(
  headers: HeaderRecord,
  api: ApiSpec,
  metadata: Readonly<Record<string, string>>,
  secrets: Readonly<Record<string, string>>,
): void {
  for (const { name, label, template, fixed } of headersOf(api)) {
    if (fixed) {
      headers[name] = template;
      continue;
    }
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
    if (fromAccount && own(headers, name) !== undefined) continue;
    if (missing.length > 0) {
      throw new VaultError('invalid_request', `the account has no ${missing.join(', ')} for the ${label} header`);
    }
    // A value from a provider's answer must not split the request's headers, nor be what a header cannot carry.
    if (UNUSABLE.test(value)) throw new VaultError('provider_error', `the ${label} header's value is not usable`);
    headers[name] = value;
  }
}

/** What a header value cannot carry here: control characters (a line break would split the headers), non-ASCII. */
const UNUSABLE = /[^\t\x20-\x7e]/;

/** The spec's headers with lower-case names (as the call's headers have them), worked out once per spec. */
const prepared = new WeakMap<ApiSpec, { name: string; label: string; template: string; fixed: boolean }[]>();
function headersOf(api: ApiSpec) {
  let headers = prepared.get(api);
  if (!headers) {
    headers = Object.entries(api.headers).map(([label, template]) => ({
      name: label.toLowerCase(),
      label,
      template,
      // Set as it is when nothing is filled in and nothing needs checking.
      fixed: !template.includes('{') && !UNUSABLE.test(template),
    }));
    prepared.set(api, headers);
  }
  return headers;
}
