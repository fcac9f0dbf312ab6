import { type ProviderSpecInput, providerSpecIssues, providerSpecSchema, secretsNamed } from '@tokenvault/core';
import { presets } from '@tokenvault/providers';
import { keysAt, pathText, problemLines } from './config-problems.js';
import { didYouMean } from './did-you-mean.js';

/** Keys of a provider entry that belong to the configuration, not to the provider spec. */
const ENTRY_KEYS = ['preset', 'hooks', 'clientId', 'clientSecret', 'secrets'];

/**
 * Every problem of every provider entry of a config (before the rest of it need be valid), with full paths:
 * unknown presets and keys with the nearest known name, and each field the provider spec refuses.
 */
export function providerProblems(config: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const environments = config.environments;
  if (!isRecord(environments)) return lines;
  for (const [env, environment] of Object.entries(environments)) {
    if (!isRecord(environment) || !isRecord(environment.providers)) continue;
    for (const [id, entry] of Object.entries(environment.providers)) {
      if (isRecord(entry)) lines.push(...entryProblems(['environments', env, 'providers', id], id, entry));
    }
  }
  return lines;
}

/** The problems of one provider entry: a preset with overrides, or a whole custom spec. */
export function entryProblems(path: string[], id: string, entry: Record<string, unknown>): string[] {
  const { preset: presetId, hooks: _hooks, clientId: _id, clientSecret: _secret, secrets, scopes, ...fields } = entry;
  if (presetId !== undefined && (typeof presetId !== 'string' || !Object.hasOwn(presets, presetId))) {
    const known = Object.keys(presets);
    return [
      `${pathText([...path, 'preset'])}: unknown preset '${String(presetId)}'${didYouMean(String(presetId), known)} (tokenvault providers list shows them all)`,
    ];
  }
  const preset = presetId === undefined ? {} : (presets[presetId] as Partial<ProviderSpecInput>);
  // A list of scopes is the configuration's own (always requested); an object is a custom spec's scopes.
  const scopeList = Array.isArray(scopes);
  const lines: string[] = [];
  if (scopeList && scopes.some((scope) => typeof scope !== 'string')) {
    lines.push(`${pathText([...path, 'scopes'])}: a list of strings`);
  }
  const overrides = { displayName: id, ...fields, ...(scopes !== undefined && !scopeList && { scopes }), id };
  const issues = providerSpecIssues({ displayName: id, ...preset }, overrides as Partial<ProviderSpecInput>);
  for (const name of missingSecrets({ ...preset.api, ...(fields.api as object) }, secrets)) {
    lines.push(`${pathText([...path, 'secrets', name])}: required: the provider's api.headers name {secrets.${name}}`);
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      // At the top of an entry, the configuration's own keys are known too (and `id` is the entry's name).
      const known = [...keysAt(providerSpecSchema, []).filter((key) => key !== 'id'), ...ENTRY_KEYS];
      for (const key of issue.keys) lines.push(`${pathText([...path, key])}: unknown key${didYouMean(key, known)}`);
    } else lines.push(...problemLines([issue], providerSpecSchema, path));
  }
  return lines;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The secrets a provider's API headers name that its entry does not give. */
export function missingSecrets(api: { headers?: unknown } | undefined, secrets: unknown): string[] {
  const headers = isRecord(api?.headers) ? (api.headers as Record<string, string>) : {};
  const given = isRecord(secrets) ? secrets : {};
  const named = secretsNamed({
    headers: Object.fromEntries(Object.entries(headers).filter(([, value]) => typeof value === 'string')),
  });
  return named.filter((name) => !Object.hasOwn(given, name));
}
