import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { CliError } from './cli-error.js';
import { problemLines } from './config-problems.js';

const origin = z
  .string()
  .refine(
    (value) => /^https?:/i.test(value) && URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ''),
    {
      message: 'must be an origin such as http://localhost:3000 (scheme, host and port only)',
    },
  );

/** An http(s) URL, kept as the URL parser writes it; spaces and control characters are refused, not dropped. */
const webUrl = z
  .string()
  .refine(
    (value) => ![...value].some((ch) => ch <= ' ' || ch === '\u007f'),
    'must not contain spaces or control characters',
  )
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, such as https://vault.example.com' }))
  .transform((value) => new URL(value).href);

/** Where browsers and providers reach the vault: the redirect URIs are built on it, so no query or credentials. */
export const publicUrlSchema = webUrl
  .refine((value) => {
    const url = new URL(value);
    return !url.search && !url.hash && !url.username && !url.password;
  }, 'must be scheme, host, port and an optional path (no query, fragment or credentials)')
  .transform((value) => value.replace(/\/+$/, ''));

const providerEntry = z
  .object({
    preset: z.string().optional(),
    /** A module of code hooks (docs/configuration.md, "Code hooks"), relative to the config file. */
    hooks: z.string().min(1).optional(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    /** Secrets the provider's API headers name as `{secrets.name}` (Google Ads' developer token); never shown. */
    secrets: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _'), z.string().min(1))
      .optional(),
  })
  // Every other key is a provider-spec field (docs/configuration.md, "Providers"); the spec's own schema rejects unknown ones.
  .catchall(z.unknown());

const webhook = z.object({ url: webUrl, secret: z.string().min(1) }).strict();

/** The app's branding on the hosted connect page (docs/connect-page.md). */
const connectUi = z
  .object({
    name: z.string().min(1).max(80).optional(),
    logoUrl: webUrl.optional(),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
      .optional(),
    supportUrl: webUrl.optional(),
  })
  .strict();

/** An identity provider whose user JWTs the vault accepts for that user (docs/configuration.md, "identity"). */
const trustedIssuer = z
  .object({
    issuer: z.url(),
    jwksUri: webUrl.optional(),
    audiences: z.array(z.string().min(1)).min(1),
    userIdClaim: z.string().min(1).default('sub'),
    userIdPrefix: z.string().optional(),
  })
  .strict();

const identity = z.object({ trustedIssuers: z.array(trustedIssuer).default([]) }).strict();

const environment = z
  .object({
    connectUi: connectUi.optional(),
    identity: identity.default({ trustedIssuers: [] }),
    providers: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'), providerEntry)
      .default({}),
    webhooks: z.array(webhook).default([]),
  })
  .strict();

/** One line of `dashboard.operators`: exactly one of email, subject and group, a role, its environments. */
const operatorRule = z
  .object({
    email: z.string().min(3).optional(),
    subject: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    role: z.enum(['viewer', 'operator', 'admin']),
    environments: z.array(z.string().min(1)).min(1),
  })
  .strict()
  .refine((rule) => [rule.email, rule.subject, rule.group].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of email, subject and group',
  });

/** The operator dashboard (docs/dashboard.md): who signs in, where, and as what. */
const dashboard = z
  .object({
    oidc: z.object({ issuer: webUrl, clientId: z.string().min(1), clientSecret: z.string().min(1) }).strict(),
    operators: z.array(operatorRule).min(1),
    /** An operator session ends after this long without a request. */
    idleTimeoutMinutes: z.number().int().min(1).max(720).default(30),
  })
  .strict();

/** As the server checks it (server/src/client-address.ts), without loading the server to read a config file. */
const MAX_PROXY_HOPS = 10;

/** Five requests a second per client on average: far above what a browser's sign-ins and refreshes need. */
export const DEFAULT_RATE_LIMIT = { requestsPerMinute: 300, trustProxy: false };

/** Long enough for a token read or a sign-in; a refresh that outlasts it still completes before the store closes. */
export const DEFAULT_DRAIN_SECONDS = 10;

/** `tokenvault.yaml` (docs/configuration.md). Unknown keys are errors. */
export const configSchema = z
  .object({
    publicUrl: publicUrlSchema.optional(),
    host: z.string().default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65_535).default(7007),
    database: z.string().regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'sqlite:PATH or postgres://…'),
    masterKey: z.string().optional(),
    masterKeyFile: z.string().optional(),
    /** Keys being rotated out: they still decrypt, never encrypt (`tokenvault keys rotate`). */
    previousMasterKeys: z.array(z.string()).default([]),
    appOrigins: z.array(origin).default([]),
    /** Refresh credentials in the background ahead of expiry (false: only when a token is asked for). */
    refreshAhead: z.boolean().default(true),
    /** Per-request timeout for calls to providers; the refresh lease lasts three times as long. */
    providerTimeoutSeconds: z.number().positive().max(300).default(10),
    /** Per-client limit on the public browser routes (/api/auth/*); 0 turns it off. */
    rateLimit: z
      .object({
        requestsPerMinute: z.number().int().min(0).default(DEFAULT_RATE_LIMIT.requestsPerMinute),
        /** How many proxies you run in front of the vault: true is one, a number is that many. */
        trustProxy: z.union([z.boolean(), z.number().int().min(1).max(MAX_PROXY_HOPS)]).default(false),
      })
      .strict()
      .default(DEFAULT_RATE_LIMIT),
    /** When set, `/metrics` answers only `Authorization: Bearer <metricsToken>` (e.g. `${METRICS_TOKEN}`). */
    metricsToken: z.string().min(16, 'at least 16 characters').optional(),
    /** On SIGTERM or SIGINT, how long requests in progress may take before their connections are cut. */
    drainTimeoutSeconds: z.number().positive().max(600).default(DEFAULT_DRAIN_SECONDS),
    /** How long the audit log keeps its rows. */
    auditRetentionDays: z.number().int().min(1).max(36_500).default(365),
    environments: z.record(z.string().regex(/^[^.]+$/, 'an environment id cannot contain "."'), environment),
    dashboard: dashboard.optional(),
  })
  .strict()
  .refine((c) => Boolean(c.masterKey) !== Boolean(c.masterKeyFile), {
    message: 'set exactly one of masterKey and masterKeyFile',
    path: ['masterKey'],
  })
  .superRefine((c, ctx) => {
    for (const [i, rule] of (c.dashboard?.operators ?? []).entries()) {
      for (const env of rule.environments) {
        if (!Object.hasOwn(c.environments, env)) {
          ctx.addIssue({
            code: 'custom',
            message: `no environment named '${env}'`,
            path: ['dashboard', 'operators', i, 'environments'],
          });
        }
      }
    }
  });

export type Config = z.output<typeof configSchema>;
export type ProviderEntry = z.output<typeof providerEntry>;

/** Top-level keys that environment variables override (they win over the file). */
const ENV_OVERRIDES = {
  TOKENVAULT_DATABASE: 'database',
  TOKENVAULT_MASTER_KEY: 'masterKey',
  TOKENVAULT_PUBLIC_URL: 'publicUrl',
  TOKENVAULT_PORT: 'port',
  TOKENVAULT_HOST: 'host',
} as const;

/** A further check of the expanded file, run even when the schema finds problems: one line per problem. */
export type ConfigCheck = (config: Record<string, unknown>) => string[];

/**
 * Reads, expands and validates a config file, reporting every problem at once (each with its path, and the
 * nearest known key for an unknown one); `checks` add their problems to the same report.
 */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env, checks: ConfigCheck[] = []): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CliError(`cannot read config file ${file}: ${(cause as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    // `[${VAR}]` is the usual way in: inside brackets `{` opens a mapping, so the variable needs quotes.
    const hint = /[[{,]\s*\$\{/.test(text) ? ` (inside [ ] or { }, quote \${VAR}: ["\${VAR}"])` : '';
    throw new CliError(`${file} is not valid YAML${hint}: ${(cause as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new CliError(`${file} must hold a YAML mapping`);
  const base = dirname(resolve(file));
  // Paths in the file are relative to the file; paths from environment variables to the working directory.
  const unset: string[] = [];
  const expanded = withPathsFrom(base, expandVariables(raw, env, [], unset) as Record<string, unknown>);
  for (const [variable, key] of Object.entries(ENV_OVERRIDES)) {
    const value = env[variable];
    if (value !== undefined && value !== '')
      expanded[key] = key === 'database' ? absoluteDatabase(process.cwd(), value) : value;
  }
  if (env.TOKENVAULT_MASTER_KEY) delete expanded.masterKeyFile;
  const result = configSchema.safeParse(expanded);
  const problems = [
    ...unset,
    ...(result.success ? [] : problemLines(result.error.issues, configSchema)),
    ...checks.flatMap((check) => check(expanded)),
  ];
  if (!result.success || problems.length > 0) {
    throw new CliError(`${file} is invalid:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  return result.data;
}

/** TOKENVAULT_PUBLIC_URL where no config file checks it (dev mode), held to the same rule as the file's. */
export function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const result = publicUrlSchema.safeParse(value);
  if (!result.success) throw new CliError(`TOKENVAULT_PUBLIC_URL ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

/** `${VAR}` in any string value is replaced by that environment variable, which must be set (else noted in `unset`). */
function expandVariables(value: unknown, env: NodeJS.ProcessEnv, path: string[], unset: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      // Own variables only: `${toString}` is a variable that is not set, not Object.prototype's method.
      const found = Object.hasOwn(env, name) ? env[name] : undefined;
      if (found === undefined) unset.push(`${path.join('.')}: environment variable ${name} is not set`);
      return found ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => expandVariables(item, env, [...path, String(i)], unset));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandVariables(item, env, [...path, key], unset)]),
    );
  }
  return value;
}

function withPathsFrom(base: string, config: Record<string, unknown>): Record<string, unknown> {
  const { database, masterKeyFile, environments } = config;
  return {
    ...config,
    ...(isRecord(environments) && { environments: withHookPaths(base, environments) }),
    ...(typeof database === 'string' && { database: absoluteDatabase(base, database) }),
    ...(typeof masterKeyFile === 'string' && { masterKeyFile: resolve(base, masterKeyFile) }),
  };
}

function absoluteDatabase(base: string, database: string): string {
  return database.startsWith('sqlite:') ? `sqlite:${resolve(base, database.slice('sqlite:'.length))}` : database;
}

/** A provider's `hooks` module path, made absolute from the config file's directory. */
function withHookPaths(base: string, environments: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(environments).map(([env, environment]) => {
      if (!isRecord(environment) || !isRecord(environment.providers)) return [env, environment];
      const providers = Object.fromEntries(
        Object.entries(environment.providers).map(([id, entry]) => [
          id,
          isRecord(entry) && typeof entry.hooks === 'string' ? { ...entry, hooks: resolve(base, entry.hooks) } : entry,
        ]),
      );
      return [env, { ...environment, providers }];
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
