import * as z from 'zod';
import {
  accessToken,
  adminAccountList,
  authressCredentials,
  connectedAccount,
  connectedAccountList,
  disconnected,
} from './account-schemas.js';
import {
  adminAccount,
  adminAccountDetail,
  auditList,
  deliveryList,
  operatorSession,
  overview,
  providerList,
  retriedDelivery,
  signedOut,
  userAccountList,
  webhookEndpointList,
  webhookTestResult,
} from './admin-schemas.js';
import { browserSession, redeemedConnectSession } from './browser-schemas.js';
import { client, clientList, createdClient, createdKey, deleted, grant, revoked } from './client-schemas.js';
import { connectPage, connectSession } from './connect-schemas.js';
import { authorizationServerMetadata, clientIssuer, exchangedToken, jwks, oauthError } from './oauth-schemas.js';
import { health, readiness } from './ops-schemas.js';
import { errorSchema } from './schema-parts.js';

/**
 * What the API answers, as zod schemas: `/openapi.json` is generated from them, and the test suite checks every
 * JSON answer it sees against them, so the document cannot drift from the code. Objects are strict: a field
 * the code adds without documenting it fails the suite.
 */
export const responseSchemas = z.registry<{ id: string }>();

// Each answer's name in the document's components, in the document's order; a new answer is added here.
const components = {
  Error: errorSchema,
  Health: health,
  Readiness: readiness,
  BrowserSession: browserSession,
  RedeemedConnectSession: redeemedConnectSession,
  ConnectedAccount: connectedAccount,
  ConnectedAccountList: connectedAccountList,
  AdminConnectedAccountList: adminAccountList,
  Disconnected: disconnected,
  AccessToken: accessToken,
  ConnectionCredentials: authressCredentials,
  ConnectSession: connectSession,
  ConnectPage: connectPage,
  Grant: grant,
  Client: client,
  ClientList: clientList,
  CreatedClient: createdClient,
  CreatedKey: createdKey,
  Deleted: deleted,
  Revoked: revoked,
  ProviderList: providerList,
  WebhookDeliveryList: deliveryList,
  RetriedWebhookDelivery: retriedDelivery,
  WebhookEndpointList: webhookEndpointList,
  WebhookTestResult: webhookTestResult,
  AuditLog: auditList,
  AdminConnectedAccount: adminAccount,
  AdminConnectedAccountDetail: adminAccountDetail,
  AdminUserAccountList: userAccountList,
  OperatorSession: operatorSession,
  AdminOverview: overview,
  SignedOut: signedOut,
  ClientIssuer: clientIssuer,
  Jwks: jwks,
  OAuthError: oauthError,
  ExchangedToken: exchangedToken,
  AuthorizationServerMetadata: authorizationServerMetadata,
};
for (const [id, schema] of Object.entries(components)) responseSchemas.add(schema, { id });

export {
  accessToken,
  adminAccount,
  adminAccountDetail,
  adminAccountList,
  auditList,
  authorizationServerMetadata,
  authressCredentials,
  browserSession,
  client,
  clientIssuer,
  clientList,
  connectedAccount,
  connectedAccountList,
  connectPage,
  connectSession,
  createdClient,
  createdKey,
  deleted,
  deliveryList,
  disconnected,
  errorSchema,
  exchangedToken,
  grant,
  health,
  jwks,
  oauthError,
  operatorSession,
  overview,
  providerList,
  readiness,
  redeemedConnectSession,
  retriedDelivery,
  revoked,
  signedOut,
  userAccountList,
  webhookEndpointList,
  webhookTestResult,
};
