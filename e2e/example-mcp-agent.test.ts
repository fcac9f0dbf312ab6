import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { buildProviderSpec, OPERATOR } from '@tokenvault/core';
import { oauth2 } from '@tokenvault/providers';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProvider, startApiProvider } from './support/api-provider.js';
import { APP_CLIENT_ID, type AppIssuer, startAppIssuer } from './support/app-issuer.js';
import { launchChromium } from './support/browser.js';
import { repoRoot } from './support/cli-process.js';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';
import { githubLike } from './support/proxy-vault.js';

type ToolResult = { content: { type: string; text?: string }[]; isError?: boolean; _meta?: Record<string, unknown> };

// The example under examples/mcp-agent works end to end (docs/agents.md): an MCP client, signed in as an app user,
// calls the example's tool; the user has no GitHub account yet, so the tool answers with the connect link the
// vault's token exchange returned; the user connects in Chromium through that link; the same call then lists their
// repositories with a token the example got by token exchange (and, the second way, through the vault's proxy);
// the audit log names the user and the agent of each read.
describe('examples/mcp-agent', () => {
  let issuer: AppIssuer;
  let github: ApiProvider;
  let vault: InProcessVault;
  let server: Server;
  let vaultUrl: string;
  let example: ChildProcess | undefined;
  let exampleOutput = '';
  let mcpUrl: string;
  let browser: Browser;
  let agentId: string;
  let proxyClientId: string;

  beforeAll(async () => {
    issuer = await startAppIssuer();
    github = await startApiProvider();
    // The vault on a real socket: Chromium opens its connect page and the example calls it over HTTP.
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    vaultUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const spec = buildProviderSpec(oauth2, { ...githubLike(github.url), id: 'github', displayName: 'GitHub' });
    vault = await startInProcessVault({
      publicUrl: vaultUrl,
      providers: [{ env: 'development', id: 'github', spec, clientId: 'vault', clientSecret: 's', scopes: ['repo'] }],
      trustedIssuers: { development: [{ issuer: issuer.issuer, audiences: [APP_CLIENT_ID], userIdPrefix: 'app:' }] },
    });
    server.on(
      'request',
      getRequestListener((request) => vault.app.fetch(request)),
    );
    const client = async (name: string, roles: string[]) => {
      const grants = roles.map((role) => ({ role, resource: 'connections/github' }));
      return vault.vault.clients.create({ env: 'development', name, grants }, OPERATOR);
    };
    const agent = await client('mcp-agent', ['agent']);
    const proxy = await client('mcp-agent-proxy', ['api-caller', 'connections-manager']);
    agentId = agent.client.id;
    proxyClientId = proxy.client.id;

    example = spawn(process.execPath, ['--import', 'tsx', 'examples/mcp-agent/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        VAULT_URL: vaultUrl,
        ISSUER: issuer.issuer,
        AUDIENCE: APP_CLIENT_ID,
        USER_ID_PREFIX: 'app:',
        AGENT_KEY: agent.accessKey,
        PROXY_KEY: proxy.accessKey,
        GITHUB_API: github.url,
        PORT: '0',
      },
    });
    example.stderr?.on('data', (chunk) => (exampleOutput += chunk));
    mcpUrl = await new Promise<string>((resolve, reject) => {
      example?.stdout?.on('data', (chunk) => {
        exampleOutput += chunk;
        const found = /listening on (\S+)/.exec(exampleOutput);
        if (found?.[1]) resolve(found[1]);
      });
      example?.once('exit', (code) => reject(new Error(`the example exited (${code}): ${exampleOutput}`)));
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (example && example.exitCode === null) {
      const exited = once(example, 'exit');
      example.kill();
      await exited;
    }
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    await vault?.close();
    await github?.close();
    await issuer?.close();
  });

  async function mcpClient(token: string): Promise<Client> {
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    return client;
  }

  const listRepositories = async (client: Client, via: 'exchange' | 'proxy') =>
    (await client.callTool({ name: 'list_repositories', arguments: { via } })) as ToolResult;

  it('refuses an MCP client without the user’s JWT', async () => {
    await expect(mcpClient('not-a-jwt')).rejects.toThrow(/invalid_token/);
  });

  it('answers with a connect link, and after the user connects in Chromium lists their repositories', async () => {
    const client = await mcpClient(await issuer.idToken('alice'));
    try {
      const tools = await client.listTools();
      expect(tools.tools.map((tool) => tool.name)).toEqual(['list_repositories']);

      // No GitHub account yet: the exchange's invalid_target carries the link, which the tool hands on.
      const first = await listRepositories(client, 'exchange');
      expect(first.isError).toBe(true);
      const connectUri = first._meta?.['tokenvault/connect_uri'] as string;
      expect(connectUri).toMatch(new RegExp(`^${vaultUrl}/connect#session=`));
      expect(first.content[0]?.text).toContain(connectUri);

      // The user opens the link and connects GitHub (the stand-in approves at once).
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(connectUri);
        await page.waitForSelector('button[data-provider="github"]');
        const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="github"]')]);
        await popup.waitForEvent('close');
        await page.waitForSelector('[data-outcome="connected"]');
      } finally {
        await context.close();
      }

      const second = await listRepositories(client, 'exchange');
      expect(second).toMatchObject({ content: [{ type: 'text', text: 'octo/hello-world\nocto/spoon-knife' }] });
      expect(second.isError).toBeFalsy();
      const third = await listRepositories(client, 'proxy');
      expect(third).toMatchObject({ content: [{ type: 'text', text: 'octo/hello-world\nocto/spoon-knife' }] });
    } finally {
      await client.close();
    }

    const rows = await vault.store.listAudit('development', { limit: 50, userId: 'app:alice' });
    const exchanges = rows.filter((row) => row.action === 'credentials.exchange');
    expect(exchanges.map((row) => [row.principal, row.result])).toEqual([
      [`client:${agentId}`, 'ok'],
      [`client:${agentId}`, 'not_found'],
    ]);
    expect(JSON.parse(exchanges[0]?.detail ?? '{}')).toMatchObject({ subject: 'user:app:alice' });
    // The proxy's row is written when the answer's body ends.
    const proxied = await poll(async () =>
      (await vault.store.listAudit('development', { limit: 50, userId: 'app:alice' })).filter(
        (row) => row.action === 'proxy.request',
      ),
    );
    expect(proxied[0]).toMatchObject({ principal: `client:${proxyClientId}`, provider: 'github', result: 'ok' });
  });

  it('lets the app’s page call the same API with the user’s JWT through the vault’s /v1/me proxy', async () => {
    // alice connected GitHub in the test before; her JWT alone (no cookie) reaches her account through the proxy.
    const response = await fetch(`${vaultUrl}/v1/me/providers/github/proxy/user/repos`, {
      headers: { authorization: `Bearer ${await issuer.idToken('alice')}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ full_name: 'octo/hello-world' }, { full_name: 'octo/spoon-knife' }]);
    // The provider saw the vault's token, never the user's JWT.
    expect(github.seen.at(-1)?.headers.authorization).toMatch(/^Bearer gho_token_/);
  });

  it('hands on a connect link through the proxy too, for a user without an account', async () => {
    const client = await mcpClient(await issuer.idToken('bob'));
    try {
      const answer = await listRepositories(client, 'proxy');
      expect(answer.isError).toBe(true);
      expect(answer._meta?.['tokenvault/connect_uri']).toMatch(new RegExp(`^${vaultUrl}/connect#session=`));
    } finally {
      await client.close();
    }
  });
});

/** `read()` once it finds something, within 10 seconds. */
async function poll<T>(read: () => Promise<T[]>): Promise<T[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await read();
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
