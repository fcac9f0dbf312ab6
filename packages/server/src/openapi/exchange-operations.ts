import { tokenExchangeForm } from '../routes/oauth.js';
import { errors, json, type Operation } from './operation-types.js';
import * as s from './schemas.js';

/** Token exchange for agents and its metadata (docs/agents.md). */
export const exchangeOperations: Operation[] = [
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
];
