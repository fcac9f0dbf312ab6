import { VaultError } from '../errors.js';
import { own } from '../own.js';
import { API_PLACEHOLDER, type ApiSpec } from './api-spec.js';

/**
 * The provider's API base URL for one account: `{name}` from the account's connect-time params, `{metadata.x}`
 * from its metadata. A value that is missing leaves the account unable to use the proxy (400, naming it).
 */
export function accountBaseUrl(api: ApiSpec, params: readonly string[], metadata: Readonly<Record<string, string>>) {
  const fixed = fixedBaseUrls.get(api);
  if (fixed) return fixed;
  const missing: string[] = [];
  // Where the path starts: a metadata value before it is (part of) an origin, bounded by the host check below.
  const pathStart = api.baseUrl.indexOf('/', api.baseUrl.indexOf('://') + 3);
  const filled = api.baseUrl.replace(
    API_PLACEHOLDER,
    (_, fromMetadata: string | undefined, name: string, offset: number) => {
      const value = own(metadata, name);
      if (value === undefined || value === '') missing.push(fromMetadata ? `metadata.${name}` : name);
      // A metadata value in the origin (Salesforce's instance URL) keeps its slashes; in the path (Atlassian's
      // cloud id) it is one segment, like a param.
      const inOrigin = fromMetadata && (pathStart === -1 || offset < pathStart);
      return inOrigin || (!fromMetadata && !params.includes(name)) ? (value ?? '') : encodeURIComponent(value ?? '');
    },
  );
  if (missing.length > 0) {
    throw new VaultError('invalid_request', `the account has no ${missing.join(', ')} to build the API URL from`);
  }
  if (!URL.canParse(filled)) throw new VaultError('provider_error', "the account's API base URL is not a URL");
  const url = new URL(filled.replace(/\/+$/, ''));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new VaultError('provider_error', "the account's API base URL is not http(s)");
  }
  if (filled === api.baseUrl) fixedBaseUrls.set(api, url);
  return url;
}

/** Base URLs with no placeholder are the same for every account: parsed once per spec (never changed after). */
const fixedBaseUrls = new WeakMap<ApiSpec, URL>();

/**
 * Whether a host name is the base URL's (when the template fixes it) or one of `allowedHosts`. A `{metadata.…}`
 * placeholder anywhere before the path lets the token response choose the host, so then only `allowedHosts` count.
 */
export function hostAllowed(host: string, api: ApiSpec, base: URL): boolean {
  const origin = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/]*/i.exec(api.baseUrl)?.[0] ?? '';
  const templateHostIsFixed = !origin.includes('{metadata.');
  if (templateHostIsFixed && host === base.hostname) return true;
  return api.allowedHosts.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern,
  );
}

/**
 * The upstream URL for a caller's path (as sent, still percent-encoded) and query. Absolute URLs, `.` and `..`
 * segments (also percent-encoded), backslashes and anything that would leave the base URL's path or host are
 * refused with 400: a caller names a path of the API, never another place.
 */
export function targetUrl(base: URL, rawPath: string, rawQuery: string, api: ApiSpec): URL {
  const path = rawPath.replace(/^\/+/, (slashes) => (slashes.length > 1 ? '//' : ''));
  if (path.startsWith('//') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) throw refuse('must not be an absolute URL');
  if (path.includes('\\') || /%5c/i.test(path)) throw refuse('must not contain backslashes');
  // Without percent-encoding a segment is what it says; only an encoded path needs each segment decoded.
  if (path.includes('%')) {
    for (const segment of path.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw refuse('is not valid percent-encoding');
      }
      if (decoded.split(/[/\\]/).some(isDotSegment)) throw refuse(DOT_SEGMENTS);
    }
  } else if (/(?:^|\/)\.\.?(?:\/|$)/.test(path)) {
    throw refuse(DOT_SEGMENTS);
  }
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${origin}${prefix}/${path}${rawQuery ? `?${rawQuery.replace(/^\?/, '')}` : ''}`);
  if (url.origin !== origin || !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
    throw refuse('leaves the API base URL');
  }
  if (!hostAllowed(url.hostname, api, base)) {
    throw new VaultError('invalid_request', `the host ${url.hostname} is not one the provider's API allows`);
  }
  return url;
}

const DOT_SEGMENTS = 'must not contain "." or ".." segments';
const isDotSegment = (part: string) => part === '.' || part === '..';
const refuse = (why: string) => new VaultError('invalid_request', `the proxied path ${why}`);
