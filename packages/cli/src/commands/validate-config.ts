import { createProviderRegistry, discoverProviders, redirectUri } from '@tokenvault/core';
import { loadConfig } from '../config.js';
import { providerProblems } from '../provider-problems.js';
import { providersFrom } from '../runtime.js';

type Print = (line: string) => void;

/**
 * `providers validate` on a whole config file: every problem of the file at once (exit 1), then each provider's
 * discovery. Resolves false when a discovery failed.
 */
export async function validateConfigProviders(file: string, print: Print, json: boolean): Promise<boolean> {
  const config = loadConfig(file, process.env, [providerProblems]);
  const environments = await providersFrom(config);
  const envs = Object.keys(environments);
  const timeoutMs = config.providerTimeoutSeconds * 1000;
  // fetch's timeout does not keep the process alive: a provider that holds the connection without answering
  // would otherwise end the command with nothing printed.
  const alive = setTimeout(() => {}, timeoutMs + 1000);
  const checks = await discoverProviders(createProviderRegistry(environments), envs, { timeoutMs }).finally(() =>
    clearTimeout(alive),
  );
  const publicUrl = config.publicUrl;
  const items = checks.map((check) => ({
    ...check,
    ...(publicUrl && { redirectUri: redirectUri(publicUrl, check.provider) }),
  }));
  if (json) print(JSON.stringify({ file, items }));
  else {
    for (const item of items) {
      const where = `environments.${item.env}.providers.${item.provider}`;
      if (item.error) print(`${where}: discovery at ${item.issuer} failed: ${item.error}`);
      else print(`${where}: ok${item.issuer ? ` (discovery at ${item.issuer} answered)` : ''}`);
    }
    if (items.length === 0) print(`${file}: valid, with no providers`);
  }
  return items.every((item) => !item.error);
}
