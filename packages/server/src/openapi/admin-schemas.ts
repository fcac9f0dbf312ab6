import * as z from 'zod';
import { connectedAccount } from './account-schemas.js';
import { time } from './schema-parts.js';

// The rest of /v1/admin: providers, webhook deliveries, the audit log, accounts, the operator's session, the overview.

export const providerList = z
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
  .strict();

export const deliveryList = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          eventId: z.string().describe('the webhook-id header'),
          accountId: z.string(),
          url: z.string().describe('scheme, host and path only: no credentials, no query'),
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
  .strict();

export const retriedDelivery = z.object({ id: z.string(), status: z.literal('pending'), nextAttemptAt: time }).strict();

export const webhookEndpointList = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string().describe('stable: derived from the URL'),
          url: z.string().describe('scheme, host and path only: no credentials, no query'),
          events: z.array(z.string()),
        })
        .strict(),
    ),
    nextCursor: z.null(),
  })
  .strict();

export const webhookTestResult = z
  .object({
    eventId: z.string().describe('the webhook-id header sent'),
    delivered: z.boolean().describe('the endpoint answered 2xx'),
    status: z.number().int().nullable().describe("the endpoint's HTTP status; null when it could not be reached"),
    error: z.string().nullable(),
    durationMs: z.number(),
  })
  .strict();

export const auditList = z
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
  .strict();

export const adminAccount = connectedAccount.extend({ userId: z.string() }).strict();

export const adminAccountDetail = connectedAccount
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
  .strict();

export const userAccountList = z.object({ items: z.array(adminAccount), nextCursor: z.null() }).strict();

export const operatorSession = z.union([
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
]);

const hourCount = z.object({ hour: time, ok: z.number().int(), failed: z.number().int() }).strict();

export const overview = z
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
      .array(hourCount)
      .nullable()
      .describe(
        'credentials.read per hour over the last 24 hours from the audit log, oldest first; null without audit:read',
      ),
    refreshes: z
      .array(hourCount)
      .nullable()
      .describe(
        'token.refresh per hour over the last 24 hours from the audit log (ok: refreshed; failed: the provider or the vault failed), oldest first; null without audit:read',
      ),
  })
  .strict();

export const signedOut = z.object({ signedOut: z.literal(true) }).strict();
