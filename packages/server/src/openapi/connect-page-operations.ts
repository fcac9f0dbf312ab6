import * as z from 'zod';
import type { Answer, Operation } from './operation-types.js';
import * as s from './schemas.js';

const failed = (description: string): Answer => ({ description, schema: s.errorSchema });

/** The hosted connect page and the two routes its script calls (docs/connect-page.md). */
export const connectPageOperations: Operation[] = [
  {
    method: 'get',
    path: '/connect',
    tag: 'connect page',
    summary: 'The hosted connect page; the connect-session token goes in the fragment: /connect#session=<token>',
    auth: 'none',
    responses: { 200: { description: 'the page', kind: 'html' } },
  },
  {
    method: 'get',
    path: '/ui/assets/{file}',
    tag: 'connect page',
    summary: 'A script, style sheet or image of the browser apps; names carry a hash of the content',
    auth: 'none',
    responses: { 200: { description: 'the file', kind: 'text' }, 404: failed('no such file') },
  },
  {
    method: 'post',
    path: '/connect/api/session',
    tag: 'connect page',
    summary: 'The page redeems its connect-session token and gets what it shows (same origin only)',
    description:
      'Needs X-Requested-With: XMLHttpRequest and Origin: the vault. Signs the browser in as the user until the connect session expires.',
    auth: 'none',
    body: z.object({ token: z.string(), openerOrigin: z.string().optional() }),
    responses: {
      200: { description: 'the page state', schema: s.connectPage },
      400: failed('no token, or a malformed openerOrigin'),
      401: failed('the token is unknown, used or expired; or no X-Requested-With'),
      403: failed('not the page origin, or openerOrigin is not an app origin'),
      413: failed('the body is larger than 64 KiB'),
    },
  },
  {
    method: 'get',
    path: '/connect/api/session',
    tag: 'connect page',
    summary: 'The page state again, from the session cookie (a reload)',
    auth: 'session',
    query: z.object({ openerOrigin: z.string().optional() }),
    responses: {
      200: { description: 'the page state', schema: s.connectPage },
      400: failed('openerOrigin is not a URL'),
      401: failed('no connect-page session in this browser, or it has expired'),
      403: failed('openerOrigin is not an app origin'),
    },
  },
];

/** Dev mode only, beside the home page: its Connect button. */
export const devConnectOperation: Operation = {
  method: 'post',
  path: '/dev/connect',
  tag: 'ops',
  summary: "Dev mode: a connect session for this browser's user, then the hosted connect page",
  auth: 'none',
  responses: {
    303: { description: 'to /connect with the token in the fragment', kind: 'redirect' },
    403: failed('not from the home page (Sec-Fetch-Site)'),
  },
};
