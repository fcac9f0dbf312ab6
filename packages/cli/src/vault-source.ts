import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import type { Config } from './config.js';
import { didYouMean } from './did-you-mean.js';

/** `--config`, else `TOKENVAULT_CONFIG`: the config file every command reads, if any. */
export function configFileFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag || env.TOKENVAULT_CONFIG || undefined;
}

/** Where dev mode keeps its data: `./.tokenvault`, or `TOKENVAULT_DEV_DIR`. */
export function devDirectoryPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TOKENVAULT_DEV_DIR || '.tokenvault');
}

/**
 * The dev vault a command other than `serve` may use: only one `serve` created. A command run without a config in
 * the wrong directory would otherwise create a new, empty vault there and report success against it.
 */
export function existingDevDirectory(command: string, note: (line: string) => void): string {
  const dir = devDirectoryPath();
  if (!existsSync(join(dir, 'vault.db')) || !existsSync(join(dir, 'master.key'))) {
    throw new CliError(
      `no --config given (nor TOKENVAULT_CONFIG), and there is no dev vault in ${dir}: ` +
        `give --config FILE, or run 'tokenvault serve' here first to create a dev vault`,
      2,
    );
  }
  note(`tokenvault: ${command}: dev mode, using the dev vault in ${dir} (give --config FILE for another)`);
  return dir;
}

/** `--env` must name an environment the vault has: a typo would otherwise create clients nobody can use. */
export function requireEnvironment(env: string, known: readonly string[], where: string): void {
  if (known.includes(env)) return;
  throw new CliError(
    `--env ${env}: ${where} has no environment '${env}'${didYouMean(env, known)} (its environments: ${known.join(', ') || 'none'})`,
    2,
  );
}

export function environmentsOf(config: Config): string[] {
  return Object.keys(config.environments);
}

/** Dev mode has one environment. */
export const DEV_ENVIRONMENTS = ['development'];
