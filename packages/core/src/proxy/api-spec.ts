import { z } from 'zod';

/** An HTTP header name (RFC 9110 token characters a real header uses). */
const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, 'letters, digits and -');

/** A host name, or `*.example.com` for every host below `example.com`. */
const hostPattern = z
  .string()
  .regex(
    /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
    'a lowercase host name or *.domain',
  );

/** Where the account's access token goes on each proxied call. */
const auth = z.discriminatedUnion('type', [
  /** `Authorization: Bearer <token>` (the default). */
  z.object({ type: z.literal('bearer') }).strict(),
  /** A named header holding the raw token, with an optional prefix: Shopify's `X-Shopify-Access-Token`. */
  z.object({ type: z.literal('header'), name: headerName, prefix: z.string().default('') }).strict(),
  /** A query parameter, for APIs that take the token in the URL. */
  z.object({ type: z.literal('query'), name: z.string().regex(/^[A-Za-z0-9_.-]+$/) }).strict(),
]);

const retry = z
  .object({
    /** Attempts in all for 429/502/503/504 on idempotent methods (1 turns retries off). */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** The longest `Retry-After` honoured; a longer one is answered to the caller as it came. */
    maxRetryAfterSeconds: z.number().min(0).max(300).default(10),
    /** A request body up to this size is held so the call can be replayed after a 401; larger ones stream. */
    replayBodyBytes: z
      .number()
      .int()
      .min(0)
      .max(1024 * 1024)
      .default(64 * 1024),
  })
  .strict();

const timeouts = z
  .object({
    /** To open the connection (TCP and TLS). */
    connectMs: z.number().int().positive().max(300_000).default(10_000),
    /** From sending the request to the end of the answer's headers. */
    headersMs: z.number().int().positive().max(600_000).default(30_000),
    /** Longest silence between two chunks of the answer's body. */
    idleMs: z.number().int().positive().max(600_000).default(60_000),
  })
  .strict();

/** How the vault calls the provider's API as an account (docs/proxy.md). */
export const apiSpecSchema = z
  .object({
    /**
     * The URL paths are appended to. May name the spec's `params` (`https://{shop}.myshopify.com/admin/api`) and
     * fields of the account's metadata (`{metadata.instance_url}`, Salesforce).
     */
    baseUrl: z.string().min(1),
    /** Hosts besides `baseUrl`'s that paths may not reach anyway: only for APIs that name other hosts. */
    allowedHosts: z.array(hostPattern).default([]),
    auth: auth.default({ type: 'bearer' }),
    /**
     * Headers sent on every call: fixed (Notion's `Notion-Version`), or naming per-account values
     * (`{metadata.name}`, `{param}`: Procore's `Procore-Company-Id`) or secrets of the configuration
     * (`{secrets.name}`: Google Ads' `developer-token`). A header naming account values is a default the caller
     * may send otherwise; the others replace the caller's.
     */
    headers: z.record(headerName, z.string()).default({}),
    retry: retry.default({ maxAttempts: 3, maxRetryAfterSeconds: 10, replayBodyBytes: 64 * 1024 }),
    timeouts: timeouts.default({ connectMs: 10_000, headersMs: 30_000, idleMs: 60_000 }),
    /** Lets calls reach private, loopback and link-local addresses: tests and local development only. */
    allowPrivateNetworks: z.boolean().default(false),
  })
  .strict();

export type ApiSpec = z.output<typeof apiSpecSchema>;

/** `{name}` (a spec param) or `{metadata.name}` (an account metadata field) in a base URL. */
export const API_PLACEHOLDER = /\{(metadata\.)?([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Problems of a base URL that no account value can fix, as messages: it must be an absolute http(s) URL with no
 * query or fragment once its placeholders are filled, http only for loopback hosts, and name only declared params.
 */
export function baseUrlProblems(baseUrl: string, params: readonly string[], isLoopback: (host: string) => boolean) {
  const problems: string[] = [];
  for (const [, metadata, name] of baseUrl.matchAll(API_PLACEHOLDER)) {
    if (!metadata && !params.includes(name as string)) problems.push(`{${name}} is not one of params`);
  }
  // A metadata value is a whole origin (Salesforce's instance_url), so stand in one for it.
  const sample = baseUrl.replace(/^\{metadata\.[A-Za-z0-9_]+\}/, 'https://example.com').replace(API_PLACEHOLDER, 'x');
  if (!URL.canParse(sample)) return [...problems, 'must be an absolute URL'];
  const url = new URL(sample);
  if (url.search || url.hash || url.username || url.password) {
    problems.push('must have no query, fragment or credentials');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    problems.push('must be an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)');
  }
  return problems;
}

/** `{name}` (a spec param), `{metadata.name}` (account metadata) or `{secrets.name}` (configuration) in a header value. */
export const HEADER_PLACEHOLDER = /\{(metadata\.|secrets\.)?([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Problems of a header value: `{name}` must be a declared param, and no line breaks may get in. */
export function headerValueProblems(value: string, params: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [, source, name] of value.matchAll(HEADER_PLACEHOLDER)) {
    if (!source && !params.includes(name as string)) problems.push(`{${name}} is not one of params`);
  }
  if (/[\r\n\0]/.test(value)) problems.push('must not contain line breaks');
  return problems;
}

/** The configuration secrets a spec's API headers name (`{secrets.name}`), which the configuration must give. */
export function secretsNamed(api: { headers?: Readonly<Record<string, string>> } | undefined): string[] {
  const names = new Set<string>();
  for (const value of Object.values(api?.headers ?? {})) {
    for (const [, source, name] of value.matchAll(HEADER_PLACEHOLDER))
      if (source === 'secrets.') names.add(name as string);
  }
  return [...names];
}
