import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { getRequestListener } from '@hono/node-server';
import { redirectUri, type Vault } from '@tokenvault/core';
import { createApp, nodeProxy, nodeTokenRead, undiciUpstream } from '@tokenvault/server';
import { loadUiAssets } from '@tokenvault/ui';
import { DEFAULT_DRAIN_SECONDS, DEFAULT_RATE_LIMIT, loadConfig, publicUrlFromEnv } from '../config.js';
import { dashboardFrom, devDashboard } from '../dashboard-options.js';
import {
  DEV_ENV,
  demoProvider,
  devAdminKey,
  devDatabase,
  devDirectory,
  devMasterKey,
  startDevProvider,
} from '../dev-mode.js';
import { drainableServer } from '../http-drain.js';
import { collectWhenIdle } from '../idle-memory.js';
import { listen } from '../listen.js';
import { createLogger } from '../logger.js';
import { providerProblems } from '../provider-problems.js';
import {
  connectUiFrom,
  masterKeyFrom,
  openVault,
  previousMasterKeysFrom,
  providersFrom,
  trustedIssuersFrom,
  webhooksFrom,
} from '../runtime.js';
import { requireEveryMasterKey } from './keys.js';

export interface ServeArgs {
  config?: string;
  port?: number;
  host?: string;
  print: (line: string) => void;
}

export interface ServeHandle {
  url: string;
  /**
   * Stops gracefully (docs/deployment.md): no new connections, the requests in progress answered within the drain
   * time, the background work ended, leases given back, audit rows written, the store closed. Resolves with
   * whether the connections all ended within the drain time (false: the rest were closed, answers cut).
   */
  close(): Promise<boolean>;
}

/** Starts the server: from a config file, or in dev mode with SQLite under ./.tokenvault and the demo provider. */
export async function serve(args: ServeArgs): Promise<ServeHandle> {
  const config = args.config ? loadConfig(args.config, process.env, [providerProblems]) : undefined;
  const configuredUrl = config ? config.publicUrl : publicUrlFromEnv(process.env.TOKENVAULT_PUBLIC_URL);
  const host = args.host ?? config?.host ?? process.env.TOKENVAULT_HOST ?? '127.0.0.1';
  const port = args.port ?? config?.port ?? Number(process.env.TOKENVAULT_PORT ?? 7007);
  const logger = createLogger(process.env.TOKENVAULT_LOG_LEVEL ?? (config ? 'info' : 'warn'));

  // Listen first: with --port 0 the public URL (and so every redirect URI) is known only afterwards.
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  // The service token read and the service clients' proxied calls without a body are served on the Node request
  // itself; everything else goes to the app, with the Node request and response as its `env` (`incoming`,
  // `outgoing`): the client's address (rate limits) and the proxy's header reading use them.
  let tokenRead: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  let proxied: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const app = getRequestListener((request, env) => handle(request, env), { hostname: host });
  let requests = 0; // what the idle collection watches
  const http = drainableServer((req, res) => {
    requests++;
    return tokenRead?.(req, res) || proxied?.(req, res) || app(req, res);
  });
  const server = http.server;
  const serveApp = (appOptions: Parameters<typeof createApp>[0]) => {
    // One upstream (a connection pool per provider) for the proxy's routes on the app and on the Node request.
    const options = { ...appOptions, upstream: appOptions.upstream ?? undiciUpstream() };
    handle = createApp(options).fetch;
    tokenRead = nodeTokenRead(options);
    proxied = nodeProxy(options);
    // Ready: V8's own young-generation growth again (2, its default), which the bin held at 1 while starting; and
    // what a burst of requests grows V8's heap by is given back once it ends.
    setFlagsFromString('--semi-space-growth-factor=2');
    const stopCollecting = collectWhenIdle({
      activity: () => requests,
      onCollect: (before, after) => logger.debug({ heapBefore: before, heapAfter: after }, 'idle: V8 heap given back'),
    });
    closers.push(async () => stopCollecting());
  };
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  const listening = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const publicUrl = (configuredUrl ?? listening).replace(/\/+$/, '');

  const drainSeconds = config?.drainTimeoutSeconds ?? DEFAULT_DRAIN_SECONDS;
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    logger.info({ drainTimeoutSeconds: drainSeconds }, 'stopping: finishing the requests in progress');
    const { ended, cut } = await http.drain(drainSeconds * 1000);
    if (!ended) logger.warn({ cut }, 'the drain timed out: the connections left were closed');
    for (const closer of closers.reverse()) await closer();
    logger.info({}, 'stopped');
    return ended;
  };
  /** Runs the background loop; on close: the loop ends, then the vault settles, then the store closes. */
  const run = (vault: Vault, refreshAhead: boolean) => {
    closers.push(() => vault.store.close());
    closers.push(async () => {
      const released = await vault.settle();
      if (released > 0) logger.info({ released }, 'gave back the leases of work not begun');
    });
    const background = vault.startBackground({ refreshAhead });
    closers.push(() => background.stop());
  };
  try {
    if (config) {
      const vault = await openVault(
        {
          database: config.database,
          masterKey: masterKeyFrom(config),
          previousMasterKeys: previousMasterKeysFrom(config),
          publicUrl,
          environments: await providersFrom(config),
          webhooks: webhooksFrom(config),
          trustedIssuers: trustedIssuersFrom(config),
          providerTimeoutSeconds: config.providerTimeoutSeconds,
          auditRetentionDays: config.auditRetentionDays,
        },
        logger,
      );
      closers.push(() => vault.store.close());
      await requireEveryMasterKey(vault);
      closers.pop();
      run(vault, config.refreshAhead);
      const dashboard = dashboardFrom(vault, config);
      serveApp({
        vault,
        appOrigins: config.appOrigins,
        ui: loadUiAssets(),
        connectUi: connectUiFrom(config),
        logger,
        ...(config.rateLimit.requestsPerMinute > 0 && { rateLimit: config.rateLimit }),
        ...(config.metricsToken !== undefined && { metricsToken: config.metricsToken }),
        ...(dashboard && { dashboard }),
      });
      args.print(`Tokenvault listening on ${listening}`);
      if (publicUrl !== listening) args.print(`  public URL: ${publicUrl}`);
      printEnvironments(vault, Object.keys(config.environments), args.print);
      warnAboutDiscovery(vault, Object.keys(config.environments), logger);
      return { url: publicUrl, close };
    }

    const dir = devDirectory();
    const demo = await startDevProvider(dir, publicUrl, address.port === 0 ? 0 : address.port + 1);
    closers.push(() => demo.close());
    const vault = await openVault(
      {
        database: devDatabase(dir),
        masterKey: devMasterKey(dir),
        publicUrl,
        environments: { [DEV_ENV]: [demoProvider(demo)] },
      },
      logger,
    );
    closers.push(() => vault.store.close());
    await requireEveryMasterKey(vault);
    closers.pop();
    run(vault, true);
    const admin = await devAdminKey(vault, dir);
    const appOrigins = [new URL(publicUrl).origin, 'http://localhost:3000', 'http://127.0.0.1:3000'];
    serveApp({
      vault,
      appOrigins,
      ui: loadUiAssets(),
      connectUi: { [DEV_ENV]: { name: 'Tokenvault dev mode' } },
      logger,
      rateLimit: DEFAULT_RATE_LIMIT,
      dashboard: devDashboard(vault),
      devHome: {
        env: DEV_ENV,
        bearerCommand: `$(npx tokenvault token --url ${publicUrl} --key-file ${admin.file})`,
      },
    });
    args.print(`Tokenvault (dev mode) listening on ${publicUrl}`);
    args.print(`  data:           ${dir} (SQLite database, master key, demo provider state)`);
    args.print(`  demo provider:  ${demo.issuer} (log in with any username and password)`);
    args.print(
      admin.created
        ? `  admin key:      ${admin.accessKey}\n                  (shown once; saved in ${admin.file})`
        : `  admin key:      in ${admin.file}`,
    );
    args.print(`Open ${publicUrl}/ and click Connect; the operator dashboard is at ${publicUrl}/dashboard.`);
    return { url: publicUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Each environment, its providers and the redirect URI to register at each provider. */
function printEnvironments(vault: Vault, envs: string[], print: (line: string) => void): void {
  for (const env of envs) {
    const providers = vault.providers.list(env);
    print(`  environment ${env}: ${providers.length === 0 ? 'no providers' : `${providers.length} providers`}`);
    for (const provider of providers) {
      print(`    ${provider.id}: register the redirect URI ${redirectUri(vault.publicUrl, provider.id)}`);
    }
  }
}

/**
 * Fetches every provider's discovery document in the background: a provider that fails is a warning with its
 * reason (the vault still starts, and retries at the first connect), not something found by the first user.
 */
function warnAboutDiscovery(vault: Vault, envs: string[], logger: ReturnType<typeof createLogger>): void {
  void vault.checkProviders(envs).then((checks) => {
    for (const { env, provider, issuer, error } of checks) {
      if (!error) continue;
      logger.warn({ env, provider, issuer, error }, 'provider discovery failed at start');
      console.error(
        `tokenvault: warning: environments.${env}.providers.${provider}: discovery at ${issuer} failed: ${error}; ` +
          'connecting to it will fail until it answers',
      );
    }
  });
}
