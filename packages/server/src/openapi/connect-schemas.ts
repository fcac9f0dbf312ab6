import * as z from 'zod';
import { sessionActions } from './browser-schemas.js';
import { status, time } from './schema-parts.js';

// Connect sessions and the hosted connect page.

export const connectSession = z
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
  .strict();

export const connectPage = z
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
  .strict();
