import * as z from 'zod';
import { status, time } from './schema-parts.js';

// A user's connected accounts and their tokens, for service clients, the user and admins.

export const connectedAccount = z
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
  .strict();

export const connectedAccountList = z.object({ items: z.array(connectedAccount), nextCursor: z.null() }).strict();

export const adminAccountList = z
  .object({
    items: z.array(connectedAccount.extend({ userId: z.string() }).strict()),
    nextCursor: z.string().nullable(),
  })
  .strict();

export const disconnected = z
  .object({
    deleted: z.literal(true),
    revokedAtProvider: z.boolean(),
    revocationError: z.object({ error: z.string(), message: z.string() }).strict().optional(),
  })
  .strict();

export const accessToken = z
  .object({
    accessToken: z.string(),
    tokenType: z.string(),
    expiresAt: time.nullable(),
    scopes: z.array(z.string()),
    accountId: z.string(),
  })
  .strict();

export const authressCredentials = z.object({ accessToken: z.string() }).strict();
