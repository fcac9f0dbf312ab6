// An MCP server whose tool lists the signed-in user's GitHub repositories, with the user's account held by
// Tokenvault. The MCP client sends the user's JWT from the app's identity provider as `Authorization: Bearer`;
// this server checks it, then reaches GitHub for that user one of two ways (docs/agents.md):
//
//   via "exchange": trades the user's JWT for the user's GitHub token at the vault (RFC 8693 token exchange,
//                   AGENT_KEY: a client with the `agent` role) and calls GitHub with it;
//   via "proxy":    calls GitHub through the vault's proxy (PROXY_KEY: a client with `api-caller`, and
//                   `connections-manager` to make connect links), never holding the token.
//
// When the user has no GitHub account at the vault, the tool answers with a connect link for them to open.
//
//   VAULT_URL=… ISSUER=… AUDIENCE=… AGENT_KEY=… PROXY_KEY=… node --import tsx examples/mcp-agent/server.ts
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createVaultClient, parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as z from 'zod';

const config = {
  vaultUrl: required('VAULT_URL').replace(/\/+$/, ''),
  issuer: required('ISSUER'),
  audience: required('AUDIENCE'),
  /** As the vault's trusted issuer config has it, so both name the user alike. */
  userIdPrefix: process.env.USER_ID_PREFIX ?? '',
  agentKey: required('AGENT_KEY'),
  proxyKey: required('PROXY_KEY'),
  provider: process.env.PROVIDER ?? 'github',
  githubApi: (process.env.GITHUB_API ?? 'https://api.github.com').replace(/\/+$/, ''),
  port: Number(process.env.PORT ?? 8808),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

/** The caller's user, from their JWT: the same checks the vault makes, so a token it would refuse stops here. */
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
async function userOf(token: string): Promise<string> {
  if (!jwks) {
    const discovery = await fetch(`${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    jwks = createRemoteJWKSet(new URL(((await discovery.json()) as { jwks_uri: string }).jwks_uri));
  }
  const { payload } = await jwtVerify(token, jwks, { issuer: config.issuer, audience: config.audience });
  if (typeof payload.sub !== 'string') throw new Error('no sub');
  return `${config.userIdPrefix}${payload.sub}`;
}

const vault = createVaultClient({ baseUrl: config.vaultUrl, accessKey: config.proxyKey });
const text = (value: string, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: value }],
  isError,
});

/** What the tool answers when the user must connect first: the link, in words and in `_meta` for clients that show it. */
function connectFirst(connectUri: string): CallToolResult {
  return {
    content: [{ type: 'text', text: `Connect your GitHub account first, then ask again: ${connectUri}` }],
    _meta: { 'tokenvault/connect_uri': connectUri },
    isError: true,
  };
}

function repositoryList(repos: { full_name: string }[]): CallToolResult {
  return text(repos.map((repo) => repo.full_name).join('\n') || '(no repositories)');
}

/** The user's token by token exchange, then GitHub with it. */
async function viaExchange(userJwt: string): Promise<CallToolResult> {
  const answer = await fetch(`${config.vaultUrl}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: userJwt,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      actor_token: await signServiceToken(parseAccessKey(config.agentKey), { baseUrl: config.vaultUrl }),
      actor_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      resource: `urn:tokenvault:provider:${config.provider}`,
      scope: 'repo',
    }),
  });
  const body = (await answer.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
    connect_uri?: string;
  };
  if (body.connect_uri) return connectFirst(body.connect_uri);
  if (!body.access_token) return text(`the vault refused: ${body.error}: ${body.error_description}`, true);
  const repos = await fetch(`${config.githubApi}/user/repos`, {
    headers: { authorization: `Bearer ${body.access_token}`, accept: 'application/vnd.github+json' },
  });
  if (!repos.ok) return text(`GitHub answered ${repos.status}`, true);
  return repositoryList((await repos.json()) as { full_name: string }[]);
}

/** GitHub through the vault's proxy: the token never reaches this server. */
async function viaProxy(userId: string): Promise<CallToolResult> {
  const user = vault.user(userId);
  const answer = await user.account(config.provider).fetch('/user/repos');
  if (answer.ok) return repositoryList((await answer.json()) as { full_name: string }[]);
  const body = (await answer.json().catch(() => ({}))) as { error?: string; message?: string };
  if (answer.status === 404 && body.error === 'not_found') {
    const session = await user.createConnectSession({ provider: config.provider, scopes: ['repo'] });
    return connectFirst(session.connectUrl);
  }
  return text(`the vault answered ${answer.status}: ${body.message ?? ''}`, true);
}

/** One MCP server per request (stateless Streamable HTTP), knowing whose request it is. */
function mcpServerFor(userJwt: string, userId: string): McpServer {
  const server = new McpServer({ name: 'tokenvault-mcp-agent', version: '1.0.0' });
  server.registerTool(
    'list_repositories',
    {
      description: "Lists the signed-in user's GitHub repositories.",
      inputSchema: { via: z.enum(['exchange', 'proxy']).default('exchange') },
    },
    ({ via }) => (via === 'proxy' ? viaProxy(userId) : viaExchange(userJwt)),
  );
  return server;
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  if (new URL(request.url ?? '/', 'http://mcp').pathname !== '/mcp') return void response.writeHead(404).end();
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  let userId: string;
  try {
    userId = await userOf(token ?? '');
  } catch {
    response.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'application/json' });
    return void response.end(JSON.stringify({ error: 'invalid_token' }));
  }
  const server = mcpServerFor(token as string, userId);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  response.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request, response);
}

const http = createServer((request, response) => {
  handle(request, response).catch((err: unknown) => {
    console.error(err);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
http.listen(config.port, '127.0.0.1', () => {
  console.log(`mcp-agent listening on http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`);
});
