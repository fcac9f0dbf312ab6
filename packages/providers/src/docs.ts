import { PROVIDER_CATEGORIES, type ProviderCategory, type ProviderSpecInput } from '@tokenvault/core';

type Preset = Partial<ProviderSpecInput>;

/**
 * The quirks a preset can have, one row each: its name in docs/providers.md and `tokenvault providers show`, what it
 * means, the test that proves the engine handles it against a real server behaving that way, and how to read it
 * off a preset (undefined: the preset does not have it; otherwise a detail to show beside the name, or '').
 * A new spec field for a quirk is one more row here; the quirk index and the per-preset columns follow.
 */
export const QUIRKS: readonly {
  name: string;
  means: string;
  test: string;
  found(p: Preset): string | undefined;
}[] = [
  {
    name: 'errors-200',
    means: "errors sent with HTTP 200 (also Slack's `{ok: false}`)",
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.errorsWithStatus200 ? '' : undefined),
  },
  {
    name: 'nested-tokens',
    means: 'the tokens sit under a path of the token response',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => code(p.tokenResponse?.path),
  },
  {
    name: 'metadata',
    means: 'token-response fields kept with the account',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => list(p.metadata),
  },
  {
    name: 'default-lifetime',
    means: 'no `expires_in`: the lifetime is assumed',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.defaultTokenLifetimeSeconds ? `${p.defaultTokenLifetimeSeconds} s` : undefined),
  },
  {
    name: 'keep-alive',
    means: 'refresh tokens die when unused, so the vault refreshes at least this often',
    test: 'e2e/refresh-scheduler.test.ts',
    found: (p) => (p.keepAliveSeconds ? `${Math.round(p.keepAliveSeconds / 86_400)} d` : undefined),
  },
  {
    name: 'body-auth',
    means: 'the client id and secret go in the token request body, not HTTP Basic',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.clientAuthLocation === 'body' ? '' : undefined),
  },
  {
    name: 'both-auth',
    means:
      'the client id and secret go both in the body and as HTTP Basic (the code exchange reads one, refreshes the other)',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.clientAuthLocation === 'both' ? '' : undefined),
  },
  {
    name: 'comma-scopes',
    means: 'scopes separated by commas',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.scopes?.separator === ',' ? '' : undefined),
  },
  {
    name: 'scope-param',
    means: 'scopes sent in another authorize parameter',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.scopes?.param && p.scopes.param !== 'scope' ? code(p.scopes.param) : undefined),
  },
  {
    name: 'extra-params',
    means: 'extra authorize, token or refresh parameters',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) =>
      list([
        ...new Set([
          ...Object.keys(p.extra?.authorize ?? {}),
          ...Object.keys(p.extra?.token ?? {}),
          ...Object.keys(p.extra?.refresh ?? {}),
        ]),
      ]),
  },
  {
    name: 'refresh-token-expiry',
    means:
      "the response field stating the refresh token's lifetime: refreshed before it, a reconnect asked for after it",
    test: 'e2e/provider-quirks-refresh.test.ts',
    found: (p) => code(p.refreshTokenExpiresIn),
  },
  {
    name: 'same-token',
    means: 'a refresh answers the held access token until it expires, so it is refreshed at the expiry',
    test: 'e2e/provider-quirks-refresh.test.ts',
    found: (p) => (p.sameTokenUntilExpiry ? '' : undefined),
  },
  {
    name: 'refresh-scope',
    means: 'the granted scopes are sent again on refreshes (by default `scope` is left out, as some providers require)',
    test: 'e2e/provider-quirks-refresh.test.ts',
    found: (p) => (p.scopes?.sendOnRefresh ? '' : undefined),
  },
  {
    name: 'json-token-requests',
    means: 'code exchanges and refreshes are sent as JSON, not form-encoded',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.tokenRequestFormat === 'json' ? '' : undefined),
  },
  {
    name: 'no-pkce',
    means: 'the provider rejects PKCE parameters',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.skipPkce ? '' : undefined),
  },
  {
    name: 'refresh-endpoint',
    means: 'refreshes go to their own endpoint, not the token endpoint',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.refreshUri ? '' : undefined),
  },
  {
    name: 'per-account-hosts',
    means: 'endpoints name `{param}` values entered when connecting (a shop, a tenant, a region)',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => list(Object.keys(p.params ?? {})),
  },
  {
    name: 'token-header',
    means: 'the userinfo call takes the token in its own header, not `Authorization: Bearer`',
    test: 'e2e/provider-answers.test.ts',
    found: (p) => code(p.account?.tokenHeader),
  },
  {
    name: 'userinfo-post',
    means: 'the account is found with a POSTed query (GraphQL)',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => (p.account?.userInfoBody ? '' : undefined),
  },
  {
    name: 'auth-scheme',
    means:
      'the token goes after another scheme than `Bearer` (`Authorization: OAuth …`), to the userinfo call or the API',
    test: 'e2e/provider-quirks-api.test.ts',
    found: (p) => code(p.account?.tokenScheme ?? schemeOf(p.api?.auth)),
  },
  {
    name: 'account-metadata',
    means:
      'values of the account learned when it connects and kept in its metadata for the API (a site, an organization)',
    test: 'e2e/provider-quirks-api.test.ts',
    found: (p) => list(Object.keys(p.account?.metadata?.fields ?? {})),
  },
  {
    name: 'api-headers',
    means: "headers on every API call filled from the account's metadata or from secrets of the configuration",
    test: 'e2e/provider-quirks-api.test.ts',
    found: (p) =>
      list(Object.entries(p.api?.headers ?? {}).flatMap(([name, value]) => (/\{[^}]+\}/.test(value) ? [name] : []))),
  },
  {
    name: 'long-lived-token',
    means: 'no refresh token: the short-lived token is swapped for a long-lived one that renews itself',
    test: 'e2e/provider-quirks-tokens.test.ts',
    found: (p) => code(p.longLivedToken?.refreshGrantType),
  },
  {
    name: 'expires-at',
    means: 'the expiry comes as a time in a field of the token response, not as `expires_in`',
    test: 'e2e/provider-quirks-tokens.test.ts',
    found: (p) => code(p.expiresAtField),
  },
  {
    name: 'refresh-redirect-uri',
    means: 'refreshes carry the redirect URI too',
    test: 'e2e/provider-quirks-tokens.test.ts',
    found: (p) => (p.refreshSendsRedirectUri ? '' : undefined),
  },
  {
    name: 'userinfo-headers',
    means: 'fixed headers the userinfo call needs',
    test: 'e2e/provider-quirks.test.ts',
    found: (p) => list(Object.keys(p.account?.headers ?? {})),
  },
];

/** How the catalog titles each category. */
const CATEGORY_TITLES: Record<ProviderCategory, string> = {
  crm: 'CRM',
  support: 'Support',
  'dev-tools': 'Developer tools',
  productivity: 'Productivity',
  communication: 'Communication',
  accounting: 'Accounting',
  marketing: 'Marketing',
  'e-commerce': 'E-commerce',
  hr: 'HR',
  identity: 'Identity',
  social: 'Social',
  data: 'Data',
  other: 'Other',
};

/** A preset's quirks as `name (detail)`, in the order of QUIRKS. */
export function presetQuirks(p: Preset): string[] {
  return QUIRKS.flatMap((quirk) => {
    const detail = quirk.found(p);
    if (detail === undefined) return [];
    return [detail ? `${quirk.name} (${detail})` : quirk.name];
  });
}

/** Where docs/providers.md finds a logo: written there by `npm run docs:providers` from simple-icons. */
export function logoFile(slug: string): string {
  return `images/providers/${slug}.svg`;
}

/** A simple-icons icon as an SVG file in its brand colour, as docs/providers.md shows it. */
export function logoSvg(icon: { title: string; hex: string; path: string }): string {
  const title = icon.title.replace(/[<>&"]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>${title}</title><path fill="#${icon.hex}" d="${icon.path}"/></svg>\n`;
}

/** The presets of one category, by id; a preset without a category is listed under `other`. */
export function presetsIn(presets: Readonly<Record<string, Preset>>, category: ProviderCategory): string[] {
  return Object.keys(presets)
    .filter((id) => (presets[id]?.category ?? 'other') === category)
    .sort();
}

/**
 * docs/providers.md, generated from the catalog so the two cannot drift: `npm run docs:providers` writes it (and
 * the logos beside it) and a test fails when the file is not what this returns.
 */
export function providersMarkdown(presets: Readonly<Record<string, Preset>>): string {
  const ids = Object.keys(presets).sort();
  const categories = PROVIDER_CATEGORIES.filter((category) => presetsIn(presets, category).length > 0);
  const contents = categories.map(
    (category) => `[${CATEGORY_TITLES[category]}](#${anchor(category)}) (${presetsIn(presets, category).length})`,
  );
  const sections = categories.map((category) => {
    const rows = presetsIn(presets, category).map((id) => row(id, presets[id] as Preset));
    return `### ${CATEGORY_TITLES[category]} (\`${category}\`)

| | id | name | type | PKCE | refresh | rotation | quirks | API (proxy) | docs |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}`;
  });
  const index = QUIRKS.map((quirk) => {
    const using = ids.filter((id) => quirk.found(presets[id] as Preset) !== undefined).map((id) => `\`${id}\``);
    return `| \`${quirk.name}\` | ${quirk.means} | ${using.join(', ') || '(none yet)'} | ${quirk.test} |`;
  });
  const setups = ids
    .filter((id) => presets[id]?.setup)
    .map((id) => `- **${presets[id]?.displayName ?? id}** (\`${id}\`): ${presets[id]?.setup}`);
  return `<!-- Generated by \`npm run docs:providers\` from packages/providers; do not edit by hand. -->
# Providers

${ids.length} presets in ${categories.length} categories. Use one with \`preset: <id>\` in \`tokenvault.yaml\` and add
\`clientId\`, \`clientSecret\` and anything its setup note asks for; any field of the provider spec
(docs/configuration.md, "Providers") can be overridden. Register \`{publicUrl}/api/auth/{provider}/handler/frame\` as
the redirect URI at the provider. The same catalog from the command line: \`tokenvault providers list [--category C]\`
(a table by category), \`tokenvault providers show <id>\` (setup note, docs, scopes, quirks and the redirect URI for
your \`publicUrl\`) and \`tokenvault providers validate <file>\`.

${contents.join(' · ')} · [Quirk index](#quirk-index) · [Setting up each provider](#setting-up-each-provider)

Logos are [simple-icons](https://simpleicons.org) (CC0) in their brand colour, the same ones the connect page shows:
\`npm run docs:providers\` writes each preset's \`logo\` to docs/images/providers/<slug>.svg beside this file.

## Catalog

${sections.join('\n\n')}

## Quirk index

Each quirk is implemented once in the engine (packages/core) and proven by a test against a real server that
behaves that way. e2e/provider-quirks.test.ts also covers, for every provider, form-encoded answers, array and
null scopes, \`expires_in: 0\` and refreshes that answer without a refresh token.

| quirk | what it means | presets | proven by |
|---|---|---|---|
${index.join('\n')}

Per-account hosts: a preset's endpoints may name \`{param}\` values entered when connecting
(\`/api/auth/{provider}/start?shop=…\`), each matched whole against its pattern and kept with the account for its
refreshes (Shopify's shop, Zoho's data center, Salesforce's login host, Microsoft's tenant).

API (proxy): the base URL the vault's proxy calls the provider's API at (docs/proxy.md); each preset cites the
provider's API documentation beside it, with its quirks (headers, where the token goes). A preset without one has
no single API host the vault can know (the account's own host, a generic provider): the configuration sets
\`api\` for it.

Known gaps, each stated in the preset's own comment and setup note with what to do today: a userinfo header whose
value is the client id (Twitch's \`Client-Id\`: Twitch identifies the account from its ID token instead); an ID-token
issuer without discovery (Intuit with \`openid\`); and a data center named in the token response that the userinfo
call would need (Wrike's \`host\`, SurveyMonkey's \`access_url\`: accounts outside the US override
\`account.userInfoUri\`).

## Setting up each provider

${setups.join('\n')}
`;
}

function row(id: string, p: Preset): string {
  const logo = p.logo ? `<img src="${logoFile(p.logo)}" width="16" height="16" alt="">` : '';
  const docs = p.docs ? `[docs](${p.docs})` : '';
  return `| ${logo} | \`${id}\` | ${p.displayName ?? id} | ${p.type ?? ''} | ${p.skipPkce ? 'no' : 'S256'} | ${
    p.longLivedToken ? 'renews' : p.noRefreshToken ? 'no' : 'yes'
  } | ${p.rotatesRefreshTokens ? 'yes' : ''} | ${presetQuirks(p).join(', ')} | ${p.api ? `\`${p.api.baseUrl}\`` : ''} | ${docs} |`;
}

/** GitHub's heading anchor for `### Title (\`category\`)`. */
function anchor(category: ProviderCategory): string {
  return `${CATEGORY_TITLES[category]} (${category})`
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** The scheme a header-borne API token goes after, when that header is `Authorization` (Zoho's `Zoho-oauthtoken`). */
function schemeOf(auth: NonNullable<Preset['api']>['auth'] | undefined): string | undefined {
  if (auth?.type !== 'header' || auth.name.toLowerCase() !== 'authorization') return undefined;
  return auth.prefix?.trim() || undefined;
}

function code(value: string | undefined): string | undefined {
  return value ? `\`${value}\`` : undefined;
}

function list(values: readonly string[] | undefined): string | undefined {
  return values?.length ? values.map((value) => `\`${value}\``).join(', ') : undefined;
}
