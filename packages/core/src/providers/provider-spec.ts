import * as z from 'zod';
import { VaultError } from '../errors.js';
import { apiSpecSchema, baseUrlProblems, headerValueProblems } from '../proxy/api-spec.js';

/** `{name}` in an endpoint: a per-account value from the spec's `params`, entered at connect time. */
const PLACEHOLDER = /\{([a-z][A-Za-z0-9_]*)\}/g;

/** http:// is accepted only for loopback hosts (local development, the demo provider, tests). */
const endpointUrl = z.string().refine((value) => isAcceptableEndpoint(value.replace(PLACEHOLDER, 'x')), {
  message: 'must be an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)',
});

const param = z
  .object({
    /** A regular expression the whole value must match: a host label, not free text. */
    pattern: z.string().min(1),
    /** What to enter, for people and error messages. */
    description: z.string().min(1),
    default: z.string().optional(),
  })
  .strict();

const params = z.record(z.string(), z.string());

/** A dotted path into a JSON answer (`data.0.id`); digits index arrays. */
const answerPath = z.string().regex(/^[A-Za-z0-9_][\w.]*$/, 'a dotted path such as data.0.id');

/** A name a base URL or header can use as `{metadata.name}`. */
const metadataName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _');

/** An HTTP authentication scheme (RFC 9110 §11.1), such as Yandex's and SoundCloud's `OAuth`. */
const authScheme = z.string().regex(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*$/, 'a scheme name such as OAuth');

/** A grant type a provider invented (Instagram's `ig_exchange_token`). */
const grantType = z.string().regex(/^[A-Za-z][A-Za-z0-9_:.-]*$/, 'a grant_type value');

/** The catalog's categories, in the order `tokenvault providers list` and docs/providers.md show them. */
export const PROVIDER_CATEGORIES = [
  'crm',
  'support',
  'dev-tools',
  'productivity',
  'communication',
  'accounting',
  'marketing',
  'e-commerce',
  'hr',
  'identity',
  'social',
  'data',
  'other',
] as const;

export type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number];

/**
 * What the vault needs to know about an OAuth provider (docs/configuration.md, "Providers"). Presets and custom providers share it;
 * field names follow Integration.app's connector OAuth config where it has one.
 */
export const providerSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
    displayName: z.string().min(1),
    type: z.enum(['oauth2', 'oidc']),
    /** The provider's own documentation of its OAuth flow; every preset cites it. */
    docs: z.url().optional(),
    /** How to create the OAuth app at the provider, shown by `tokenvault providers show`. */
    setup: z.string().optional(),
    /** Where the catalog lists it (`tokenvault providers list --category`, docs/providers.md). */
    category: z.enum(PROVIDER_CATEGORIES).optional(),
    /** Its logo: a `simple-icons` slug (https://simpleicons.org); none gets a lettered tile. */
    logo: z
      .string()
      .regex(/^[a-z0-9]+$/, 'a simple-icons slug: lowercase letters and digits')
      .optional(),
    /** OIDC discovery: endpoints are read from `{issuer}/.well-known/openid-configuration`. */
    issuer: endpointUrl.optional(),
    authorizeUri: endpointUrl.optional(),
    tokenUri: endpointUrl.optional(),
    /** Where refreshes go when not to the token endpoint: Figma's `/v1/oauth/refresh`. */
    refreshUri: endpointUrl.optional(),
    /** RFC 7009 revocation; for `oidc` discovery supplies it when the provider has one. */
    revokeUri: endpointUrl.optional(),
    scopes: z
      .object({
        /** Requested when the configuration names none. */
        default: z.array(z.string()).default([]),
        /** Always requested. */
        required: z.array(z.string()).default([]),
        separator: z.string().default(' '),
        /** The authorize parameter the scopes go in: Slack reads user scopes from `user_scope`. */
        param: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/)
          .default('scope'),
        /**
         * Send the account's granted scopes as `scope` on refreshes. Off by default: RFC 6749 §6 reads an absent
         * `scope` as "as granted", and some providers refuse one (`invalid_scope`).
         */
        sendOnRefresh: z.boolean().default(false),
      })
      .strict()
      .default({ default: [], required: [], separator: ' ', param: 'scope', sendOnRefresh: false }),
    /** Where the client id and secret go on token requests. */
    clientAuthLocation: z.enum(['headers', 'body', 'both']).default('headers'),
    /** How token requests (code exchange, refresh) are sent: a form (RFC 6749), or JSON for providers that read only JSON. */
    tokenRequestFormat: z.enum(['form', 'json']).default('form'),
    /** For providers that reject PKCE parameters; PKCE is sent otherwise. */
    skipPkce: z.boolean().default(false),
    /** For providers whose access tokens do not expire and that issue no refresh token. */
    noRefreshToken: z.boolean().default(false),
    extra: z
      .object({ authorize: params.default({}), token: params.default({}), refresh: params.default({}) })
      .strict()
      .default({ authorize: {}, token: {}, refresh: {} }),
    /** How the provider account id and display name are found: id_token claims (oidc) or a userinfo endpoint. */
    account: z
      .object({
        userInfoUri: endpointUrl.optional(),
        /** POST this JSON body to the userinfo endpoint instead of a GET: GraphQL APIs (monday.com, Linear). */
        userInfoBody: z.string().optional(),
        /** Send the raw token in this header instead of `Authorization: Bearer` (Shopify's X-Shopify-Access-Token). */
        tokenHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/)
          .optional(),
        /** The scheme before the token instead of `Bearer` (`Authorization: OAuth …`: Yandex, SoundCloud). */
        tokenScheme: authScheme.optional(),
        /** Fixed headers the userinfo call needs besides the token: Notion's `Notion-Version`. */
        headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).default({}),
        idPath: z.string().default('sub'),
        displayNamePath: z.string().optional(),
        /**
         * Values of the account learned when it connects and kept in its metadata, for `{metadata.name}` in the
         * API's base URL and headers: fields (name → path) of the answer of a GET to `uri` with the new token
         * (Atlassian's cloud id from accessible-resources), or of the userinfo answer when `uri` is left out.
         */
        metadata: z
          .object({ uri: endpointUrl.optional(), fields: z.record(metadataName, answerPath) })
          .strict()
          .optional(),
      })
      .strict()
      .default({ idPath: 'sub', headers: {} }),
    /**
     * Per-account values the endpoints name as `{name}`, entered when connecting (`/start?name=value`) and kept
     * with the account: a Shopify shop, a Zoho data center, a Salesforce My Domain.
     */
    params: z.record(z.string().regex(/^[a-z][A-Za-z0-9_]*$/), param).default({}),
    /** Where the tokens sit in the token response: Slack puts the user's under `authed_user`. */
    tokenResponse: z
      .object({
        path: z
          .string()
          .regex(/^[A-Za-z_][\w.]*$/)
          .optional(),
      })
      .strict()
      .default({}),
    /** GitHub and Slack answer some errors with HTTP 200 (`{error}`, Slack's `{ok: false, error}`). */
    errorsWithStatus200: z.boolean().default(false),
    /** Token-response fields kept with the account, for the app to use: Salesforce's `instance_url`. */
    metadata: z.array(z.string().regex(/^[A-Za-z_][\w.]*$/)).default([]),
    /** Whether the provider rotates refresh tokens on use (documentation; the engine always keeps the newest). */
    rotatesRefreshTokens: z.boolean().default(false),
    /**
     * The token-response field (a path) holding the access token's expiry as an ISO 8601 time, read when there is
     * no `expires_in`: Square's `expires_at`.
     */
    expiresAtField: answerPath.optional(),
    /** Send the redirect URI (`redirect_uri`) on refreshes too, as Gusto documents. */
    refreshSendsRedirectUri: z.boolean().default(false),
    /**
     * Providers without refresh tokens whose access tokens renew themselves (Instagram, Threads): right after the
     * code exchange the short-lived token is swapped for a long-lived one (`GET exchangeUri` with `grant_type`,
     * `client_secret` and `access_token`), and the vault's refreshes send the held long-lived token (`GET
     * refreshUri` with `grant_type` and `access_token`), never before it is `minAgeSeconds` old.
     */
    longLivedToken: z
      .object({
        exchangeUri: endpointUrl,
        exchangeGrantType: grantType,
        refreshUri: endpointUrl,
        refreshGrantType: grantType,
        minAgeSeconds: z.number().int().min(0).default(86_400),
      })
      .strict()
      .optional(),
    /** Lifetime assumed when a token response has no `expires_in`; none means "does not expire". */
    defaultTokenLifetimeSeconds: z.number().int().positive().optional(),
    /**
     * Refresh at least this often even when the access token lasts longer (or never expires), for providers
     * whose refresh tokens die when unused: Google after 6 months, Xero and Box after 60 days.
     */
    keepAliveSeconds: z.number().int().positive().optional(),
    /**
     * The token-response field (a path) holding the refresh token's remaining lifetime in seconds
     * (`refresh_token_expires_in`, Intuit's `x_refresh_token_expires_in`). The vault keeps the expiry in the
     * account's metadata, refreshes before it, and past it marks the account as needing a reconnect without
     * asking the provider.
     */
    refreshTokenExpiresIn: z
      .string()
      .regex(/^[A-Za-z_][\w.]*$/)
      .optional(),
    /**
     * The provider answers a refresh with the access token it already issued until that token expires, so
     * refreshing ahead brings nothing: the vault refreshes such an account once its token has expired.
     */
    sameTokenUntilExpiry: z.boolean().default(false),
    /** How to call the provider's API as an account through the vault's proxy (docs/proxy.md); none: no proxy. */
    api: apiSpecSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    for (const url of [
      spec.issuer,
      spec.authorizeUri,
      spec.tokenUri,
      spec.refreshUri,
      spec.revokeUri,
      spec.account.userInfoUri,
      spec.account.metadata?.uri,
      spec.longLivedToken?.exchangeUri,
      spec.longLivedToken?.refreshUri,
    ]) {
      for (const [, name] of url?.matchAll(PLACEHOLDER) ?? []) {
        if (!Object.hasOwn(spec.params, name as string)) {
          ctx.addIssue({ code: 'custom', message: `{${name}} is not one of params`, path: ['params'] });
        }
      }
    }
    for (const [name, { pattern, default: fallback }] of Object.entries(spec.params)) {
      let matcher: RegExp;
      try {
        matcher = new RegExp(`^(?:${pattern})$`);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not a regular expression', path: ['params', name, 'pattern'] });
        continue;
      }
      if (fallback !== undefined && !matcher.test(fallback)) {
        ctx.addIssue({ code: 'custom', message: 'the default does not match the pattern', path: ['params', name] });
      }
    }
    for (const name of Object.keys(spec.account.metadata?.fields ?? {})) {
      // A param's value decides where refreshes go: nothing an API answers may replace it.
      if (Object.hasOwn(spec.params, name)) {
        ctx.addIssue({ code: 'custom', message: `'${name}' is a param`, path: ['account', 'metadata', 'fields'] });
      }
    }
    if (spec.longLivedToken && spec.rotatesRefreshTokens) {
      ctx.addIssue({ code: 'custom', message: 'a long-lived token has no refresh token', path: ['longLivedToken'] });
    }
    if (spec.api) {
      for (const message of baseUrlProblems(spec.api.baseUrl, Object.keys(spec.params), isLoopback)) {
        ctx.addIssue({ code: 'custom', message, path: ['api', 'baseUrl'] });
      }
      for (const [header, value] of Object.entries(spec.api.headers)) {
        for (const message of headerValueProblems(value, Object.keys(spec.params))) {
          ctx.addIssue({ code: 'custom', message, path: ['api', 'headers', header] });
        }
      }
      if (/^\{metadata\./.test(spec.api.baseUrl) && spec.api.allowedHosts.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'a host taken from account metadata needs allowedHosts to bound it',
          path: ['api', 'allowedHosts'],
        });
      }
    }
    if (spec.type === 'oidc' && !spec.issuer && !(spec.authorizeUri && spec.tokenUri)) {
      ctx.addIssue({ code: 'custom', message: 'an oidc provider needs issuer (for discovery)', path: ['issuer'] });
    }
    if (spec.type === 'oauth2') {
      if (!spec.authorizeUri) ctx.addIssue({ code: 'custom', message: 'required', path: ['authorizeUri'] });
      if (!spec.tokenUri) ctx.addIssue({ code: 'custom', message: 'required', path: ['tokenUri'] });
      if (!spec.account.userInfoUri) {
        ctx.addIssue({
          code: 'custom',
          message: 'an oauth2 provider needs a userinfo endpoint to identify the account',
          path: ['account', 'userInfoUri'],
        });
      }
    }
  });

export type ProviderSpec = z.output<typeof providerSpecSchema>;
/** A spec as written by hand: everything with a default may be left out. */
export type ProviderSpecInput = z.input<typeof providerSpecSchema>;

function isAcceptableEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopback(url.hostname);
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A preset with a configuration's overrides on top (nested objects merged one level deep), validated.
 * Throws `invalid_request` listing every problem.
 */
export function buildProviderSpec(
  preset: Partial<ProviderSpecInput>,
  overrides: Partial<ProviderSpecInput>,
): ProviderSpec {
  const merged = mergeSpec(preset, overrides);
  const result = providerSpecSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`);
    throw new VaultError('invalid_request', `provider '${merged.id ?? '?'}' is invalid: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Every problem of a preset with overrides, each with its path, for tools that report them all at once. */
export function providerSpecIssues(
  preset: Partial<ProviderSpecInput>,
  overrides: Partial<ProviderSpecInput>,
): z.core.$ZodIssue[] {
  const result = providerSpecSchema.safeParse(mergeSpec(preset, overrides));
  return result.success ? [] : result.error.issues;
}

function mergeSpec(preset: Partial<ProviderSpecInput>, overrides: Partial<ProviderSpecInput>) {
  return {
    ...preset,
    ...overrides,
    scopes: { ...preset.scopes, ...overrides.scopes },
    extra: { ...preset.extra, ...overrides.extra },
    account: { ...preset.account, ...overrides.account },
    ...((preset.longLivedToken ?? overrides.longLivedToken) && {
      longLivedToken: { ...preset.longLivedToken, ...overrides.longLivedToken },
    }),
    tokenResponse: { ...preset.tokenResponse, ...overrides.tokenResponse },
    // Two levels for api.headers, so a configuration adds a header (login-customer-id) without dropping the preset's.
    ...((preset.api ?? overrides.api) && {
      api: { ...preset.api, ...overrides.api, headers: { ...preset.api?.headers, ...overrides.api?.headers } },
    }),
    // Two levels for params, so a configuration can give one a default without repeating its pattern.
    params: Object.fromEntries(
      [...new Set([...Object.keys(preset.params ?? {}), ...Object.keys(overrides.params ?? {})])].map((name) => [
        name,
        { ...preset.params?.[name], ...overrides.params?.[name] },
      ]),
    ),
  };
}
