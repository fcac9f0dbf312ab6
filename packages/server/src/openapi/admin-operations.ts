import * as z from 'zod';
import { accountQuery } from '../routes/admin.js';
import { auditExportQuery, auditQuery } from '../routes/admin-audit.js';
import { deliveryQuery } from '../routes/admin-webhooks.js';
import { errors, json, type Operation } from './operation-types.js';
import * as s from './schemas.js';

const noQuery = z.object({});

/** /v1/admin but service clients: accounts, providers, webhook deliveries, the audit log, the operator session. */
export const adminOperations: Operation[] = [
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
    method: 'post',
    path: '/v1/admin/providers/{provider}/test-connect',
    tag: 'admin',
    summary:
      "A connect session for the caller's own test user (test:<principal>), to run the hosted connect page as it",
    description:
      'The same answer as POST /v1/connect-sessions, for the user test:operator:<subject> (or test:client:<id>) and this provider: open its connectUrl to connect an account exactly as an app’s user would. Needs connect-sessions:create on that user’s accounts (dashboard admins).',
    auth: 'service',
    query: noQuery,
    responses: { 201: json('created', s.connectSession), ...errors(400, 401, 403, 404) },
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
    method: 'post',
    path: '/v1/admin/webhook-deliveries/{deliveryId}/retry',
    tag: 'admin',
    summary: 'Put one delivery back in the queue, due now with a fresh retry window (audited as webhook.retry)',
    description:
      'Any status: a failed one is tried again, a delivered one is sent again. The next delivery pass of any process posts it, signed as ever; 404 while it is being posted.',
    auth: 'service',
    query: noQuery,
    responses: { 200: json('queued', s.retriedDelivery), ...errors(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/v1/admin/webhooks',
    tag: 'admin',
    summary: "The environment's webhook endpoints and the events they receive (never a secret)",
    auth: 'service',
    query: noQuery,
    responses: { 200: json('the endpoints', s.webhookEndpointList), ...errors(400, 401, 403) },
  },
  {
    method: 'post',
    path: '/v1/admin/webhooks/{endpointId}/test',
    tag: 'admin',
    summary: 'Post a signed webhook.test event to one endpoint now and say how it answered (audited as webhook.test)',
    description: 'Signed with the endpoint’s secret like every delivery; not queued and not retried.',
    auth: 'service',
    query: noQuery,
    responses: { 200: json('the endpoint’s answer', s.webhookTestResult), ...errors(400, 401, 403, 404) },
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
    summary: 'Accounts by status and provider, refreshes due within the hour, token reads and refreshes over 24 hours',
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
];
