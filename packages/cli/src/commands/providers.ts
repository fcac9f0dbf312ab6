import { readFileSync } from 'node:fs';
import { PROVIDER_CATEGORIES, type ProviderCategory, type ProviderSpecInput, redirectUri } from '@tokenvault/core';
import { presetQuirks, presets, presetsIn } from '@tokenvault/providers';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../cli-error.js';
import { loadConfig, publicUrlFromEnv } from '../config.js';
import { didYouMean } from '../did-you-mean.js';
import { entryProblems } from '../provider-problems.js';
import { validateConfigProviders } from './validate-config.js';

type Print = (line: string) => void;
type Preset = Partial<ProviderSpecInput>;

/** Where browsers reach a dev-mode vault (`tokenvault serve` without a config). */
const DEV_PUBLIC_URL = 'http://127.0.0.1:7007';

/** `tokenvault providers list [--category C]`: the presets as a table, grouped by category in the catalog's order. */
export function listProviders(print: Print, options: { json?: boolean; category?: string } = {}): void {
  const categories = options.category === undefined ? PROVIDER_CATEGORIES : [knownCategory(options.category)];
  const items = categories.flatMap((category) =>
    presetsIn(presets, category).map((id) => {
      const preset = presets[id] as Preset;
      return {
        id,
        displayName: preset.displayName ?? id,
        category,
        type: preset.type,
        refresh: refreshOf(preset),
        apiHost: preset.api ? hostOf(preset.api.baseUrl) : null,
      };
    }),
  );
  if (options.json) {
    print(JSON.stringify({ items }));
    return;
  }
  const header = { id: 'ID', displayName: 'NAME', category: 'CATEGORY', refresh: 'REFRESH', apiHost: 'API HOST' };
  const width = (key: keyof typeof header) => Math.max(header[key].length, ...items.map((i) => String(i[key]).length));
  const line = (item: { [K in keyof typeof header]: string | null }) =>
    (['id', 'displayName', 'category', 'refresh'] as const)
      .map((key) => String(item[key]).padEnd(width(key)))
      .concat(item.apiHost ?? '-')
      .join('  ');
  print(line(header));
  items.forEach((item, i) => {
    if (i > 0 && items[i - 1]?.category !== item.category) print('');
    print(line(item));
  });
}

/**
 * `tokenvault providers show ID [--config FILE]`: how to set a preset up, with the redirect URI to register for the
 * config's publicUrl (else TOKENVAULT_PUBLIC_URL, else the dev-mode default, saying which).
 */
export function showProvider(id: string, print: Print, options: { json?: boolean; config?: string } = {}): void {
  const preset = Object.hasOwn(presets, id) ? (presets[id] as Preset) : undefined;
  if (!preset) {
    const hint = didYouMean(id, Object.keys(presets));
    throw new CliError(`unknown provider '${id}'${hint} (tokenvault providers list shows them all)`, 2);
  }
  const { publicUrl, from } = publicUrlFor(options.config);
  const redirect = redirectUri(publicUrl, id);
  const quirks = presetQuirks(preset).map((quirk) => quirk.replaceAll('`', ''));
  if (options.json) {
    print(JSON.stringify({ ...preset, quirks, redirectUri: redirect, redirectUriFrom: from }));
    return;
  }
  const scopes = preset.scopes;
  const rows: [string, string | undefined][] = [
    ['category', preset.category],
    ['type', preset.type],
    ['docs', preset.docs],
    ['redirect URI', `${redirect} (${from})`],
    ['scopes', scopes?.default?.length ? scopes.default.join(scopes.separator ?? ' ') : '(none by default)'],
    ['  required', scopes?.required?.length ? scopes.required.join(' ') : undefined],
    [
      'refresh',
      {
        no: 'no refresh token',
        yes: 'yes',
        rotating: 'yes, rotating (single-use refresh tokens)',
        renews: 'no refresh token: the long-lived access token renews itself',
      }[refreshOf(preset)],
    ],
    ['quirks', quirks.length > 0 ? quirks.join(', ') : 'none'],
    ...Object.entries(preset.params ?? {}).map(([name, param]): [string, string] => [
      `param ${name}`,
      `${param.description}${param.default ? ` (default ${param.default})` : ''}`,
    ]),
    ['API (proxy)', preset.api?.baseUrl],
  ];
  print(`${preset.displayName ?? id} (${id})`);
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  for (const [label, value] of rows) if (value !== undefined) print(`  ${`${label}:`.padEnd(width)} ${value}`);
  if (preset.setup) print(`\nSetup:\n  ${preset.setup.replaceAll('{publicUrl}', publicUrl)}`);
}

function knownCategory(category: string): ProviderCategory {
  if ((PROVIDER_CATEGORIES as readonly string[]).includes(category)) return category as ProviderCategory;
  throw new CliError(
    `unknown category '${category}'${didYouMean(category, PROVIDER_CATEGORIES)} (categories: ${PROVIDER_CATEGORIES.join(', ')})`,
    2,
  );
}

function refreshOf(preset: Preset): 'no' | 'yes' | 'rotating' | 'renews' {
  if (preset.longLivedToken) return 'renews';
  if (preset.noRefreshToken) return 'no';
  return preset.rotatesRefreshTokens ? 'rotating' : 'yes';
}

/** The host of an API base URL, placeholders kept: `{shop}.myshopify.com`, `{metadata.api_domain}`. */
function hostOf(baseUrl: string): string {
  return baseUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

function publicUrlFor(config: string | undefined): { publicUrl: string; from: string } {
  if (config !== undefined) {
    const loaded = loadConfig(config);
    if (loaded.publicUrl) return { publicUrl: loaded.publicUrl, from: `publicUrl of ${config}` };
    // Without a publicUrl, serve answers at the address it listens on.
    const host = loaded.host.includes(':') ? `[${loaded.host}]` : loaded.host;
    return { publicUrl: `http://${host}:${loaded.port}`, from: `${config} sets no publicUrl: its host and port` };
  }
  const fromEnv = publicUrlFromEnv(process.env.TOKENVAULT_PUBLIC_URL);
  if (fromEnv) return { publicUrl: fromEnv, from: 'TOKENVAULT_PUBLIC_URL' };
  return { publicUrl: DEV_PUBLIC_URL, from: 'the dev-mode default; give --config FILE for your publicUrl' };
}

/**
 * `tokenvault providers validate FILE`: a provider as it would sit under `environments.*.providers` (YAML or
 * JSON), a preset with overrides or a whole custom spec; or a whole config file, whose every provider is checked,
 * discovery included. Resolves whether everything was valid; invalid entries exit 1 naming every problem.
 */
export async function validateProvider(file: string, print: Print, json = false): Promise<boolean> {
  let entry: unknown;
  try {
    entry = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new CliError(`cannot read ${file}: ${(cause as Error).message}`);
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new CliError(`${file}: a provider is a mapping of spec fields`);
  }
  if ('environments' in entry) return validateConfigProviders(file, print, json);
  const fields = entry as Record<string, unknown>;
  const id = typeof fields.id === 'string' ? fields.id : 'custom';
  const { id: _id, ...rest } = fields;
  const problems = entryProblems([], id, { displayName: 'Custom', ...rest });
  if (problems.length > 0) throw new CliError(`${file} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const type = (rest.type ?? (presets[String(rest.preset)] as Partial<ProviderSpecInput> | undefined)?.type) as string;
  print(json ? JSON.stringify({ file, valid: true, id, type }) : `${file}: valid ${type} provider '${id}'`);
  return true;
}
