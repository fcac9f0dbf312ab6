import * as z from 'zod';
import type { Answer, Operation } from './operation-types.js';
import * as s from './schemas.js';

const failed = (description: string): Answer => ({ description, schema: s.errorSchema });

/** The operator dashboard's page and its sign-in (docs/dashboard.md); its data comes from /v1/admin. */
export const dashboardOperations: Operation[] = [
  {
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    summary: 'The operator dashboard',
    auth: 'none',
    responses: { 200: { description: 'the page', kind: 'html' }, 404: failed('no dashboard is configured') },
  },
  {
    method: 'get',
    path: '/dashboard/login',
    tag: 'dashboard',
    summary: "Sign in at the operators' OpenID provider (PKCE, state, nonce); in dev mode, at once as the local user",
    auth: 'none',
    responses: {
      302: { description: 'to the provider (or, in dev mode, back to /dashboard)', kind: 'redirect' },
      404: failed('no dashboard is configured'),
      502: failed('the provider rejected the vault'),
      503: failed("the provider's discovery did not answer"),
    },
  },
  {
    method: 'get',
    path: '/dashboard/callback',
    tag: 'dashboard',
    summary: "The provider's redirect: validates it, then signs the operator in",
    auth: 'none',
    query: z.object({ code: z.string().optional(), state: z.string().optional(), iss: z.string().optional() }),
    responses: {
      302: { description: 'to /dashboard, with the operator cookie', kind: 'redirect' },
      403: failed('the sign-in failed or was refused, or no rule names this operator'),
      404: failed('no dashboard is configured, or it has no operator sign-in (dev mode)'),
    },
  },
];
