import * as z from 'zod';
import { ERROR_CODES } from '../errors.js';

/**
 * What the API answers, as zod schemas: `/openapi.json` is generated from them, and the test suite checks every
 * JSON answer it sees against them, so the document cannot drift from the code. Objects are strict: a field
 * the code adds without documenting it fails the suite.
 */
export const responseSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  responseSchemas.add(schema, { id });
  return schema;
}

const time = z.iso.datetime({ offset: true });
const status = z.enum(['active', 'needs_reauth', 'error', 'revoked']);

export const errorSchema = named(
  'Error',
  z
    .object({
      error: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      missingScopes: z.array(z.string()).optional(),
      retryAfter: z.number().int().optional().describe('seconds; also sent as the Retry-After header'),
      requestId: z.string().optional().describe('the x-request-id of the answer, to find it in the logs'),
    })
    .strict(),
);

export const health = named('Health', z.object({ status: z.literal('ok') }).strict());
export const readiness = named(
  'Readiness',
  z.union([
    z.object({ status: z.literal('ready') }).strict(),
    z.object({ status: z.literal('unavailable'), message: z.string() }).strict(),
  ]),
);

const profile = z
  .object({ displayName: z.string().optional(), email: z.string().optional(), picture: z.string().optional() })
  .strict();

export const browserSession = named(
  'BrowserSession',
  z
    .object({
      profile,
      accountId: z.string().describe('the connected account (not in Backstage; its client ignores it)'),
      providerInfo: z
        .object({
          accessToken: z.string(),
          idToken: z.string().optional(),
          scope: z.string().describe('space-separated'),
          expiresInSeconds: z.number().int().optional(),
        })
        .strict(),
    })
    .strict(),
);

const sessionActions = z
  .array(z.enum(['credentials:read', 'connections:read', 'connections:delete', 'proxy:read', 'proxy:write']))
  .describe("what the browser session may do with the user's accounts: those its creator holds on them");

export const redeemedConnectSession = named(
  'RedeemedConnectSession',
  z
    .object({
      env: z.string(),
      userId: z.string(),
      provider: z.string().nullable(),
      scopes: z.array(z.string()),
      actions: sessionActions,
    })
    .strict(),
);

export const connectedAccount = named(
  'ConnectedAccount',
  z
    .object({
      id: z.string(),
      provider: z.string(),
      providerAccountId: z.string(),
      displayName: z.string().nullable(),
      scopes: z.array(z.string()).describe('granted by the provider, not merely requested'),
      status,
      expiresAt: time.nullable(),
      lastRefreshedAt: time.nullable(),
      nextRefreshAt: time.nullable(),
      lastError: z.string().nullable(),
      metadata: z.record(z.string(), z.string()).describe('token-response fields the provider spec keeps'),
      createdAt: time,
      updatedAt: time,
    })
    .strict(),
);

export const connectedAccountList = named(
  'ConnectedAccountList',
  z.object({ items: z.array(connectedAccount), nextCursor: z.null() }).strict(),
);

export const adminAccountList = named(
  'AdminConnectedAccountList',
  z
    .object({
      items: z.array(connectedAccount.extend({ userId: z.string() }).strict()),
      nextCursor: z.string().nullable(),
    })
    .strict(),
);

export const disconnected = named(
  'Disconnected',
  z
    .object({
      deleted: z.literal(true),
      revokedAtProvider: z.boolean(),
      revocationError: z.object({ error: z.string(), message: z.string() }).strict().optional(),
    })
    .strict(),
);

export const accessToken = named(
  'AccessToken',
  z
    .object({
      accessToken: z.string(),
      tokenType: z.string(),
      expiresAt: time.nullable(),
      scopes: z.array(z.string()),
      accountId: z.string(),
    })
    .strict(),
);

export const authressCredentials = named('ConnectionCredentials', z.object({ accessToken: z.string() }).strict());

export const connectSession = named(
  'ConnectSession',
  z
    .object({
      token: z
        .string()
        .describe('single-use; the hosted page redeems it, or your page posts it to /api/auth/connect-session'),
      connectUrl: z.string().describe('the hosted connect page, the token in its fragment: send the user there'),
      expiresAt: time,
      provider: z.string().nullable(),
      scopes: z.array(z.string()),
      actions: sessionActions,
      allowedProviders: z.array(z.string()).nullable(),
      returnUrl: z.string().nullable(),
    })
    .strict(),
);

export const connectPage = named(
  'ConnectPage',
  z
    .object({
      app: z
        .object({
          name: z.string().nullable(),
          logoUrl: z.string().nullable(),
          accentColor: z.string().nullable(),
          supportUrl: z.string().nullable(),
        })
        .strict()
        .describe("the environment's connectUi"),
      env: z.string(),
      expiresAt: time.describe('when the connect session, and this page, stop working'),
      returnUrl: z.string().nullable(),
      openerOrigin: z.string().nullable().describe('the app origin that opened the page, checked against appOrigins'),
      providers: z.array(
        z
          .object({
            id: z.string(),
            displayName: z.string(),
            logo: z.string().nullable().describe("the provider's simple-icons slug, or null for a lettered tile"),
            params: z.array(
              z
                .object({
                  name: z.string(),
                  pattern: z.string().describe('a whole-value regular expression'),
                  description: z.string(),
                  default: z.string().nullable(),
                })
                .strict(),
            ),
          })
          .strict(),
      ),
      accounts: z.array(
        z.object({ id: z.string(), provider: z.string(), displayName: z.string().nullable(), status }).strict(),
      ),
    })
    .strict(),
);

export const grant = named(
  'Grant',
  z
    .object({
      role: z.string(),
      resource: z.string(),
      expiresAt: time.nullable().describe('when the grant stops working; null: until revoked'),
    })
    .strict(),
);

export const client = named(
  'Client',
  z
    .object({
      id: z.string(),
      name: z.string(),
      createdAt: time,
      grants: z.array(grant),
      keys: z.array(
        z
          .object({
            id: z.string(),
            createdAt: time,
            expiresAt: time.nullable(),
            lastUsedAt: time.nullable(),
            revokedAt: time.nullable(),
          })
          .strict(),
      ),
    })
    .strict(),
);

export const clientList = named('ClientList', z.object({ items: z.array(client), nextCursor: z.null() }).strict());

export const createdClient = named(
  'CreatedClient',
  z.object({ client, keyId: z.string(), accessKey: z.string().describe('shown here once and never again') }).strict(),
);

export const createdKey = named(
  'CreatedKey',
  z.object({ keyId: z.string(), accessKey: z.string(), expiresAt: time.nullable() }).strict(),
);

export const deleted = named('Deleted', z.object({ deleted: z.literal(true) }).strict());
export const revoked = named('Revoked', z.object({ revoked: z.literal(true) }).strict());

export const providerList = named(
  'ProviderList',
  z
    .object({
      items: z.array(
        z
          .object({
            id: z.string(),
            displayName: z.string(),
            type: z.enum(['oauth2', 'oidc']),
            clientId: z.string(),
            callbackUrl: z.string().describe('the redirect URI to register at the provider'),
            scopes: z.array(z.string()),
            params: z.array(z.string()).describe('per-account values /start takes as query parameters'),
            refreshes: z.boolean(),
            keepAliveSeconds: z.number().int().nullable(),
            docs: z.string().nullable(),
            setup: z.string().nullable().describe("the preset's setup notes: what to register at the provider"),
          })
          .strict(),
      ),
      nextCursor: z.null(),
    })
    .strict(),
);

export const deliveryList = named(
  'WebhookDeliveryList',
  z
    .object({
      items: z.array(
        z
          .object({
            id: z.string(),
            eventId: z.string().describe('the webhook-id header'),
            accountId: z.string(),
            url: z.string(),
            status: z.enum(['pending', 'delivered', 'failed']),
            attempts: z.array(
              z
                .object({
                  attempt: z.number().int(),
                  at: time,
                  status: z.number().int().nullable(),
                  error: z.string().nullable(),
                  durationMs: z.number(),
                })
                .strict(),
            ),
            nextAttemptAt: time.nullable(),
            createdAt: time,
            deliveredAt: time.nullable(),
          })
          .strict(),
      ),
      nextCursor: z.string().nullable(),
    })
    .strict(),
);

export const auditList = named(
  'AuditLog',
  z
    .object({
      items: z.array(
        z
          .object({
            id: z.string(),
            at: time,
            action: z.string(),
            principal: z.string().describe('client:<id>, user:<id>, operator:<subject>, cli or system'),
            keyId: z.string().nullable(),
            via: z.string().nullable().describe("client:<id> whose connect session the user's browser acted through"),
            userId: z.string().nullable(),
            provider: z.string().nullable(),
            accountId: z.string().nullable(),
            scopes: z.array(z.string()).nullable(),
            result: z.string().describe('ok, or the error code the caller got'),
            requestId: z.string().nullable(),
            detail: z.record(z.string(), z.unknown()).nullable(),
          })
          .strict(),
      ),
      nextCursor: z.string().nullable(),
    })
    .strict(),
);

export const adminAccount = named('AdminConnectedAccount', connectedAccount.extend({ userId: z.string() }).strict());

export const adminAccountDetail = named(
  'AdminConnectedAccountDetail',
  connectedAccount
    .extend({
      userId: z.string(),
      events: z.array(
        z
          .object({
            id: z.string(),
            seq: z.number().int(),
            type: z.string(),
            at: time,
            data: z.record(z.string(), z.unknown()).nullable().describe('as posted to webhooks'),
          })
          .strict(),
      ),
    })
    .strict(),
);

export const userAccountList = named(
  'AdminUserAccountList',
  z.object({ items: z.array(adminAccount), nextCursor: z.null() }).strict(),
);

export const operatorSession = named(
  'OperatorSession',
  z.union([
    z.object({ signedIn: z.literal(false) }).strict(),
    z
      .object({
        signedIn: z.literal(true),
        subject: z.string(),
        email: z.string().nullable(),
        name: z.string().nullable(),
        principal: z.string().describe('operator:<subject>, as the audit log names the operator'),
        signedInAt: time,
        idleTimeoutSeconds: z.number().int(),
        environments: z.array(z.object({ name: z.string(), role: z.enum(['viewer', 'operator', 'admin']) }).strict()),
      })
      .strict(),
  ]),
);

export const overview = named(
  'AdminOverview',
  z
    .object({
      at: time,
      accountsByStatus: z
        .object({
          active: z.number().int(),
          needs_reauth: z.number().int(),
          error: z.number().int(),
          revoked: z.number().int(),
        })
        .strict(),
      refreshesDueWithinHour: z.number().int().describe('accounts the scheduler refreshes within the next hour'),
      providers: z.array(
        z
          .object({
            provider: z.string(),
            accounts: z.number().int(),
            failing: z.number().int().describe('accounts whose last refresh failed'),
            needsReauth: z.number().int(),
          })
          .strict(),
      ),
      tokenReads: z
        .array(z.object({ hour: time, ok: z.number().int(), failed: z.number().int() }).strict())
        .nullable()
        .describe('the last 24 hours from the audit log, oldest first; null without audit:read'),
    })
    .strict(),
);

export const signedOut = named('SignedOut', z.object({ signedOut: z.literal(true) }).strict());

export const clientIssuer = named('ClientIssuer', z.object({ issuer: z.string(), jwks_uri: z.string() }).strict());

export const jwks = named(
  'Jwks',
  z
    .object({
      keys: z.array(
        z
          .object({
            kty: z.literal('OKP'),
            crv: z.literal('Ed25519'),
            x: z.string(),
            kid: z.string(),
            alg: z.literal('EdDSA'),
            use: z.literal('sig'),
          })
          .strict(),
      ),
    })
    .strict(),
);

/** RFC 6749 §5.2's error answer, as the token endpoint gives it, with the link a user can connect an account at. */
export const oauthError = named(
  'OAuthError',
  z
    .object({
      error: z.enum([
        'invalid_request',
        'invalid_client',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_target',
        'invalid_scope',
        'temporarily_unavailable',
      ]),
      error_description: z.string(),
      connect_uri: z
        .string()
        .optional()
        .describe('the hosted connect page for this user (and provider): hand it to the user, then try again'),
    })
    .strict(),
);

export const exchangedToken = named(
  'ExchangedToken',
  z
    .object({
      access_token: z.string(),
      issued_token_type: z.literal('urn:ietf:params:oauth:token-type:access_token'),
      token_type: z.literal('Bearer'),
      expires_in: z
        .number()
        .int()
        .optional()
        .describe('seconds; absent when the provider says the token does not expire'),
      scope: z.string().describe('the scopes the account holds, space-separated'),
    })
    .strict(),
);

export const authorizationServerMetadata = named(
  'AuthorizationServerMetadata',
  z
    .object({
      issuer: z.string(),
      token_endpoint: z.string(),
      grant_types_supported: z.array(z.string()),
      token_endpoint_auth_methods_supported: z.array(z.string()),
      response_types_supported: z.array(z.string()),
    })
    .strict(),
);
