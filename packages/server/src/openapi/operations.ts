import * as z from 'zod';
import { accessTokenBody } from '../routes/accounts.js';
import { accountQuery, deliveryQuery } from '../routes/admin.js';
import { auditExportQuery, auditQuery } from '../routes/admin-audit.js';
import { clientBody, grantBody, grantInput, keyBody } from '../routes/admin-clients.js';
import { connectSessionBody, myConnectSessionBody } from '../routes/connect-sessions.js';
import { tokenExchangeForm } from '../routes/oauth.js';
import { connectPageOperations } from './connect-page-operations.js';
import { dashboardOperations } from './dashboard-operations.js';
import { errors, json, type Operation } from './operation-types.js';
import { proxyOperations } from './proxy-operations.js';
import * as s from './schemas.js';

// The browser protocol's query parameters, documented here (the routes read them one by one).
const startQuery = z.object({
  env: z.string().describe('the environment'),
  origin: z.string().describe('the app origin the result is posted to; one of appOrigins'),
  scope: z.string().optional().describe('space- or comma-separated; merged with what the account holds'),
  flow: z.enum(['popup', 'redirect']).optional(),
  redirectUrl: z.string().optional().describe('for flow=redirect; its origin must be in appOrigins'),
});
const frameQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  iss: z.string().optional().describe('RFC 9207; checked when the provider sends it'),
});
const refreshQuery = z.object({
  env: z.string(),
  scope: z.string().optional(),
  optional: z.string().optional().describe('accepted and ignored, as Backstage does'),
});
const envQuery = z.object({ env: z.string() });
const noQuery = z.object({});

const account = (path: string) => `/v1/users/{userId}/connected-accounts${path}`;
const mine = (path: string) => `/v1/me/connected-accounts${path}`;
const tokenDescription =
  'Refreshed at the provider first (once, however many callers ask) when less than minValiditySeconds — by ' +
  'default 5 minutes, or half the token life — remain. A token refreshed less than 5 minutes ago is served even ' +
  'when it has less than minValiditySeconds left, unless it is that close to expiry anyway.';

export const operations: Operation[] = [
  // Operations
  {
    method: 'get',
    path: '/healthz',
    tag: 'ops',
    summary: 'The process is up',
    auth: 'none',
    responses: { 200: json('up', s.health) },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'ops',
    summary: 'The database answers',
    auth: 'none',
    responses: { 200: json('ready', s.readiness), 503: json('the database does not answer', s.readiness) },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'ops',
    summary: 'Prometheus metrics of this process',
    description: 'With metricsToken in the configuration, only for Authorization: Bearer <metricsToken>.',
    auth: 'none',
    responses: { 200: { description: 'Prometheus text format 0.0.4', kind: 'text' }, ...errors(401) },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'ops',
    summary: 'This document',
    auth: 'none',
    responses: { 200: { description: 'OpenAPI 3.1', kind: 'json' } },
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'ops',
    summary: 'This document as a page',
    auth: 'none',
    responses: { 200: { description: 'HTML', kind: 'html' } },
  },

  // The browser protocol (Backstage's auth-backend)
  {
    method: 'get',
    path: '/api/auth/{provider}/start',
    tag: 'browser',
    summary: "Start connecting an account: redirects to the provider's consent page",
    auth: 'none',
    query: startQuery,
    responses: { 302: { description: 'to the provider', kind: 'redirect' }, ...errors(400, 403, 404, 429) },
  },
  ...(['get', 'post'] as const).map(
    (method): Operation => ({
      method,
      path: '/api/auth/{provider}/handler/frame',
      tag: 'browser',
      summary: "The provider's redirect back (the redirect URI to register)",
      description: 'Answers a page that posts the result to the app origin, or redirects for flow=redirect.',
      auth: 'none',
      query: frameQuery,
      responses: {
        200: { description: 'the popup page', kind: 'html' },
        302: { description: 'flow=redirect: back to redirectUrl', kind: 'redirect' },
        ...errors(400, 403, 404, 413, 429),
      },
    }),
  ),
  ...(['get', 'post'] as const).map(
    (method): Operation => ({
      method,
      path: '/api/auth/{provider}/refresh',
      tag: 'browser',
      summary: "A fresh token of the account this browser's handle names",
      description: 'Needs X-Requested-With: XMLHttpRequest. 401 whenever only a new login would help.',
      auth: 'handle',
      query: refreshQuery,
      responses: {
        200: json('the token', s.browserSession),
        ...errors(400, 401, 404, 413, 429, 503),
      },
    }),
  ),
  {
    method: 'post',
    path: '/api/auth/{provider}/logout',
    tag: 'browser',
    summary: 'Sign this browser out of the provider (the account stays)',
    auth: 'handle',
    query: envQuery,
    responses: { 200: { description: 'signed out', kind: 'empty' }, ...errors(400, 401, 403, 404, 413, 429) },
  },
  {
    method: 'post',
    path: '/api/auth/connect-session',
    tag: 'browser',
    summary: 'Redeem a connect-session token for a browser session of its user',
    auth: 'none',
    body: z.object({ token: z.string() }),
    responses: {
      200: json('this browser is now signed in as the user', s.redeemedConnectSession),
      ...errors(400, 401, 403, 413, 429),
    },
  },

  // Connected accounts, for service clients and for the browser's own user
  ...(
    [
      ['service', account, '/v1/users/{userId}/providers/{provider}/access-token'],
      ['user', mine, '/v1/me/providers/{provider}/access-token'],
    ] as const
  ).flatMap(([auth, at, byProvider]): Operation[] => [
    {
      method: 'get',
      path: at(''),
      tag: auth === 'service' ? 'accounts' : 'me',
      summary: 'The connected accounts of the user',
      auth,
      responses: { 200: json('the accounts the caller may read', s.connectedAccountList), ...errors(401, 403) },
    },
    {
      method: 'get',
      path: at('/{accountId}'),
      tag: auth === 'service' ? 'accounts' : 'me',
      summary: 'One connected account',
      auth,
      responses: { 200: json('the account', s.connectedAccount), ...errors(401, 403, 404) },
    },
    {
      method: 'delete',
      path: at('/{accountId}'),
      tag: auth === 'service' ? 'accounts' : 'me',
      summary: 'Disconnect: revoke at the provider where it can, then delete the credential',
      auth,
      responses: { 200: json('deleted', s.disconnected), ...errors(401, 403, 404) },
    },
    {
      method: 'post',
      path: at('/{accountId}/access-token'),
      tag: auth === 'service' ? 'accounts' : 'me',
      summary: 'An access token of the account, holding every requested scope',
      description: tokenDescription,
      auth,
      body: accessTokenBody,
      responses: { 200: json('the token', s.accessToken), ...errors(400, 401, 403, 404, 409, 413, 502, 503) },
    },
    {
      method: 'post',
      path: byProvider,
      tag: auth === 'service' ? 'accounts' : 'me',
      summary: "An access token of the user's best account of the provider",
      description: `Healthy, holding the scopes, most recently linked. ${tokenDescription}`,
      auth,
      body: accessTokenBody,
      responses: { 200: json('the token', s.accessToken), ...errors(400, 401, 403, 404, 409, 413, 502, 503) },
    },
  ]),
  {
    method: 'get',
    path: '/v1/connections/{provider}/users/{userId}/credentials',
    tag: 'accounts',
    summary: "Authress-compatible: the user's token of the provider, valid at least 5 more minutes",
    auth: 'service',
    responses: { 200: json('the token', s.authressCredentials), ...errors(401, 403, 404, 409, 502, 503) },
  },
  {
    method: 'post',
    path: '/v1/connect-sessions',
    tag: 'accounts',
    summary: 'A single-use token binding a browser to one of your users',
    auth: 'service',
    body: connectSessionBody,
    responses: { 201: json('created', s.connectSession), ...errors(400, 401, 403, 404, 413) },
  },
  {
    method: 'post',
    path: '/v1/me/connect-sessions',
    tag: 'me',
    summary: 'A connect session for the user of a trusted issuer’s JWT, to link their own accounts',
    description:
      'For apps that sign users in with a trusted issuer and have no backend route for connect sessions: the same answer as POST /v1/connect-sessions, for the JWT’s user. A cookie session is refused (403).',
    auth: 'user',
    body: myConnectSessionBody,
    responses: { 201: json('created', s.connectSession), ...errors(400, 401, 403, 404, 413) },
  },

  // Service clients' public keys (Authress's verifier layout)
  {
    method: 'get',
    path: '/v1/clients/{clientId}/.well-known/openid-configuration',
    tag: 'clients',
    summary: "A service client's issuer document",
    auth: 'none',
    responses: { 200: json('where its keys are', s.clientIssuer) },
  },
  {
    method: 'get',
    path: '/v1/clients/{clientId}/.well-known/openid-configuration/jwks',
    tag: 'clients',
    summary: "A service client's active public keys",
    auth: 'none',
    responses: { 200: json('the keys', s.jwks) },
  },

  // Admin
  {
    method: 'get',
    path: '/v1/admin/connected-accounts',
    tag: 'admin',
    summary: "Every user's accounts, oldest first (e.g. status=needs_reauth)",
    auth: 'service',
    query: accountQuery,
    responses: { 200: json('a page', s.adminAccountList), ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/providers',
    tag: 'admin',
    summary: 'The configured providers the client may read connections of',
    auth: 'service',
    query: noQuery,
    responses: { 200: json('the providers', s.providerList), ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/webhook-deliveries',
    tag: 'admin',
    summary: 'Webhook deliveries and their attempts, newest first',
    auth: 'service',
    query: deliveryQuery,
    responses: { 200: json('a page', s.deliveryList), ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/audit',
    tag: 'admin',
    summary: 'The audit log, newest first',
    auth: 'service',
    query: auditQuery,
    responses: { 200: json('a page', s.auditList), ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/overview',
    tag: 'admin',
    summary: 'Accounts by status and provider, refreshes due within the hour, token reads over 24 hours',
    auth: 'service',
    query: noQuery,
    responses: { 200: json('the overview', s.overview), ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/audit/export',
    tag: 'admin',
    summary: 'The whole filtered audit log as NDJSON or CSV, newest first, streamed',
    auth: 'service',
    query: auditExportQuery,
    responses: { 200: { description: 'application/x-ndjson or text/csv', kind: 'text' }, ...errors(400, 401, 403) },
  },
  {
    method: 'get',
    path: '/v1/admin/users/{userId}/connected-accounts',
    tag: 'admin',
    summary: "One user's accounts",
    auth: 'service',
    responses: { 200: json('the accounts', s.userAccountList), ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/v1/admin/users/{userId}/connected-accounts/{accountId}',
    tag: 'admin',
    summary: 'One account with its events (never its token)',
    auth: 'service',
    responses: { 200: json('the account', s.adminAccountDetail), ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/v1/admin/users/{userId}/connected-accounts/{accountId}/refresh',
    tag: 'admin',
    summary: 'Refresh the account at the provider now, whatever its expiry (audited as account.refresh)',
    auth: 'service',
    responses: {
      200: json('the account as refreshed', s.adminAccount),
      ...errors(401, 403, 404, 409, 502, 503),
    },
  },
  {
    method: 'delete',
    path: '/v1/admin/users/{userId}/connected-accounts/{accountId}',
    tag: 'admin',
    summary: 'Disconnect the account: revoke at the provider where it can, then delete',
    auth: 'service',
    responses: { 200: json('deleted', s.disconnected), ...errors(401, 403, 404, 409) },
  },
  {
    method: 'get',
    path: '/v1/admin/operator-session',
    tag: 'admin',
    summary: 'Whether an operator is signed in in this browser, who, and their role in each environment',
    auth: 'operator',
    description: 'Without a dashboard in the configuration the route does not exist: 401 without a JWT, else 404.',
    responses: { 200: json('the operator, or signedIn false', s.operatorSession), ...errors(401, 404) },
  },
  {
    method: 'delete',
    path: '/v1/admin/operator-session',
    tag: 'admin',
    summary: "Sign out: clears the operator's cookie",
    auth: 'operator',
    responses: { 200: json('signed out', s.signedOut), ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/v1/admin/clients',
    tag: 'clients',
    summary: 'Service clients with their grants and keys (never a key itself)',
    auth: 'service',
    responses: { 200: json('the clients', s.clientList), ...errors(401, 403) },
  },
  {
    method: 'post',
    path: '/v1/admin/clients',
    tag: 'clients',
    summary: 'Create a service client and its first access key',
    auth: 'service',
    body: clientBody,
    responses: {
      201: json('created; the access key is shown here only', s.createdClient),
      ...errors(400, 401, 403, 413),
    },
  },
  {
    method: 'get',
    path: '/v1/admin/clients/{clientId}',
    tag: 'clients',
    summary: 'One service client',
    auth: 'service',
    responses: { 200: json('the client', s.client), ...errors(401, 403, 404) },
  },
  {
    method: 'delete',
    path: '/v1/admin/clients/{clientId}',
    tag: 'clients',
    summary: 'Delete a service client with its keys and grants',
    auth: 'service',
    responses: { 200: json('deleted', s.deleted), ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/v1/admin/clients/{clientId}/keys',
    tag: 'clients',
    summary: 'Another access key (for rotation)',
    auth: 'service',
    body: keyBody,
    responses: { 201: json('created; shown here only', s.createdKey), ...errors(400, 401, 403, 404, 413) },
  },
  {
    method: 'delete',
    path: '/v1/admin/clients/{clientId}/keys/{keyId}',
    tag: 'clients',
    summary: 'Revoke an access key from the next request on',
    auth: 'service',
    responses: { 200: json('revoked', s.revoked), ...errors(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/v1/admin/clients/{clientId}/grants',
    tag: 'clients',
    summary:
      'Grant a role on a resource pattern (only what the caller holds itself); with expiresAt it stops working then, and granting it again replaces its expiry',
    auth: 'service',
    body: grantBody,
    responses: { 201: json('the grant, in canonical form', s.grant), ...errors(400, 401, 403, 404, 413) },
  },
  {
    method: 'delete',
    path: '/v1/admin/clients/{clientId}/grants',
    tag: 'clients',
    summary: 'Revoke a grant, named by its role and resource',
    auth: 'service',
    query: grantInput,
    responses: { 200: json('revoked', s.revoked), ...errors(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/oauth2/token',
    tag: 'agents',
    summary: "Token exchange (RFC 8693): an agent trades a user's JWT for that user's provider access token",
    description:
      'The actor (actor_token, a service-client JWT) needs credentials:exchange (the agent role) on the user’s credentials. Errors are RFC 6749 §5.2 answers; invalid_target (no such account) and invalid_scope (scopes missing) carry connect_uri, a connect page link for the user. docs/agents.md.',
    auth: 'none',
    body: tokenExchangeForm,
    form: true,
    responses: {
      200: json('an access token of the user’s account', s.exchangedToken),
      400: json('refused; connect_uri when connecting an account would help', s.oauthError),
      401: json('invalid_client: the actor token is not valid', s.oauthError),
      ...errors(413),
      503: json('temporarily_unavailable: the provider could not refresh the token; retry', s.oauthError),
    },
  },
  {
    method: 'get',
    path: '/.well-known/oauth-authorization-server',
    tag: 'agents',
    summary: 'Authorization server metadata (RFC 8414): the token endpoint and its one grant type',
    auth: 'none',
    responses: { 200: json('the metadata', s.authorizationServerMetadata) },
  },
  ...connectPageOperations,
  ...dashboardOperations,
  ...proxyOperations(),
];

/** Served only in dev mode (`tokenvault serve` without a config file), and documented only there. */
export const devHomeOperation: Operation = {
  method: 'get',
  path: '/',
  tag: 'ops',
  summary: 'Dev mode: connect an account and copy a curl that reads its token',
  auth: 'none',
  responses: {
    200: { description: 'the page', kind: 'html' },
    302: { description: 'to the public URL, whose host the cookies belong to', kind: 'redirect' },
  },
};
