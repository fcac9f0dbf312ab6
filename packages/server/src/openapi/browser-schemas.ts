import * as z from 'zod';

// What the browser protocol (Backstage's auth-backend) answers.

const profile = z
  .object({ displayName: z.string().optional(), email: z.string().optional(), picture: z.string().optional() })
  .strict();

export const browserSession = z
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
  .strict();

/** Also in a connect session's answer (connect-schemas.ts). */
export const sessionActions = z
  .array(z.enum(['credentials:read', 'connections:read', 'connections:delete', 'proxy:read', 'proxy:write']))
  .describe("what the browser session may do with the user's accounts: those its creator holds on them");

export const redeemedConnectSession = z
  .object({
    env: z.string(),
    userId: z.string(),
    provider: z.string().nullable(),
    scopes: z.array(z.string()),
    actions: sessionActions,
  })
  .strict();
