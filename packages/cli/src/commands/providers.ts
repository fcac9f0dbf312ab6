import { readFileSync } from 'node:fs';
import type { ProviderSpecInput } from '@tokenvault/core';
import { presets } from '@tokenvault/providers';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../cli-error.js';
import { didYouMean } from '../did-you-mean.js';
import { entryProblems } from '../provider-problems.js';
import { validateConfigProviders } from './validate-config.js';

type Print = (line: string) => void;

/** `tokenvault providers list`: every preset, one line each. */
export function listProviders(print: Print, json = false): void {
  const ids = Object.keys(presets).sort();
  if (json) {
    const items = ids.map((id) => {
      const preset = presets[id] as Partial<ProviderSpecInput>;
      return { id, displayName: preset.displayName ?? id, type: preset.type };
    });
    print(JSON.stringify({ items }));
    return;
  }
  for (const id of ids) {
    const preset = presets[id] as Partial<ProviderSpecInput>;
    print(`${id.padEnd(16)} ${preset.displayName ?? id} (${preset.type})`);
  }
}

/** `tokenvault providers show ID`: the preset as data, and how to set it up. */
export function showProvider(id: string, print: Print, json = false): void {
  const preset = Object.hasOwn(presets, id) ? presets[id] : undefined;
  if (!preset) {
    const hint = didYouMean(id, Object.keys(presets));
    throw new CliError(`unknown provider '${id}'${hint} (tokenvault providers list shows them all)`);
  }
  if (json) {
    print(JSON.stringify(preset));
    return;
  }
  const { setup, docs, ...spec } = preset;
  print(JSON.stringify(spec, null, 2));
  if (docs) print(`docs:  ${docs}`);
  if (setup) print(`setup: ${setup}`);
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
