import { readFileSync } from 'node:fs';
import { buildProviderSpec, type ProviderSpecInput, VaultError } from '@tokenvault/core';
import { presets } from '@tokenvault/providers';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../cli-error.js';

type Print = (line: string) => void;

/** `tokenvault providers list`: every preset, one line each. */
export function listProviders(print: Print): void {
  for (const id of Object.keys(presets).sort()) {
    const preset = presets[id] as Partial<ProviderSpecInput>;
    print(`${id.padEnd(16)} ${preset.displayName ?? id} (${preset.type})`);
  }
}

/** `tokenvault providers show ID`: the preset as data, and how to set it up. */
export function showProvider(id: string, print: Print): void {
  const preset = Object.hasOwn(presets, id) ? presets[id] : undefined;
  if (!preset) throw new CliError(`unknown provider '${id}' (tokenvault providers list shows them all)`);
  const { setup, docs, ...spec } = preset;
  print(JSON.stringify(spec, null, 2));
  if (docs) print(`docs:  ${docs}`);
  if (setup) print(`setup: ${setup}`);
}

/**
 * `tokenvault providers validate FILE`: a provider as it would sit under `environments.*.providers` (YAML or
 * JSON): a preset with overrides, or a whole custom spec. Exits 1 naming every problem.
 */
export function validateProvider(file: string, print: Print): void {
  let entry: unknown;
  try {
    entry = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new CliError(`cannot read ${file}: ${(cause as Error).message}`);
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new CliError(`${file}: a provider is a mapping of spec fields`);
  }
  // The client credentials are the configuration's, not the spec's.
  const { preset: presetId, clientId: _id, clientSecret: _secret, ...fields } = entry as Record<string, unknown>;
  const preset =
    presetId === undefined ? {} : Object.hasOwn(presets, String(presetId)) ? presets[String(presetId)] : undefined;
  if (!preset) throw new CliError(`${file}: unknown preset '${String(presetId)}'`);
  try {
    const spec = buildProviderSpec(preset, {
      id: 'custom',
      displayName: 'Custom',
      ...fields,
    } as Partial<ProviderSpecInput>);
    print(`${file}: valid ${spec.type} provider '${spec.id}'`);
  } catch (err) {
    if (err instanceof VaultError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  }
}
