import * as z from 'zod';
import { time } from './schema-parts.js';

// Service clients, their grants and keys (/v1/admin/clients).

export const grant = z
  .object({
    role: z.string(),
    resource: z.string(),
    expiresAt: time.nullable().describe('when the grant stops working; null: until revoked'),
  })
  .strict();

export const client = z
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
  .strict();

export const clientList = z.object({ items: z.array(client), nextCursor: z.null() }).strict();

export const createdClient = z
  .object({ client, keyId: z.string(), accessKey: z.string().describe('shown here once and never again') })
  .strict();

export const createdKey = z.object({ keyId: z.string(), accessKey: z.string(), expiresAt: time.nullable() }).strict();

export const deleted = z.object({ deleted: z.literal(true) }).strict();
export const revoked = z.object({ revoked: z.literal(true) }).strict();
