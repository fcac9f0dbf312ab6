import * as z from 'zod';

// The vault as an OAuth party: service clients' issuer documents and keys, token exchange and its metadata.

export const clientIssuer = z.object({ issuer: z.string(), jwks_uri: z.string() }).strict();

export const jwks = z
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
  .strict();

/** RFC 6749 §5.2's error answer, as the token endpoint gives it, with the link a user can connect an account at. */
export const oauthError = z
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
  .strict();

export const exchangedToken = z
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
  .strict();

export const authorizationServerMetadata = z
  .object({
    issuer: z.string(),
    token_endpoint: z.string(),
    grant_types_supported: z.array(z.string()),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    response_types_supported: z.array(z.string()),
  })
  .strict();
