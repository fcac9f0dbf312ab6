import { clientBody, grantBody, grantInput, keyBody } from '../routes/admin-clients.js';
import { errors, json, type Operation } from './operation-types.js';
import * as s from './schemas.js';

/** Service clients' public keys, in Authress's verifier layout. */
export const clientKeyOperations: Operation[] = [
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
];

/** Managing service clients, their keys and grants (/v1/admin/clients). */
export const clientOperations: Operation[] = [
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
];
