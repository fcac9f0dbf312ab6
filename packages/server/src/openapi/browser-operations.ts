import * as z from 'zod';
import { errors, json, type Operation } from './operation-types.js';
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

/** The browser protocol, wire-compatible with Backstage's auth-backend (docs/backstage.md). */
export const browserOperations: Operation[] = [
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
];
