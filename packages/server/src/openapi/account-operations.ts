import { accessTokenBody } from '../routes/accounts.js';
import { connectSessionBody, myConnectSessionBody } from '../routes/connect-sessions.js';
import { errors, json, type Operation } from './operation-types.js';
import * as s from './schemas.js';

const account = (path: string) => `/v1/users/{userId}/connected-accounts${path}`;
const mine = (path: string) => `/v1/me/connected-accounts${path}`;
const tokenDescription =
  'Refreshed at the provider first (once, however many callers ask) when less than minValiditySeconds — by ' +
  'default 5 minutes, or half the token life — remain. A token refreshed less than 5 minutes ago is served even ' +
  'when it has less than minValiditySeconds left, unless it is that close to expiry anyway.';

/** Connected accounts and connect sessions, for service clients and for the browser's own user. */
export const accountOperations: Operation[] = [
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
];
