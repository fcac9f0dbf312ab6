import type { TokenExchangeResult, Vault } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { connectUrl } from './connect-sessions.js';

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** The form `POST /oauth2/token` takes (RFC 8693 §2.1); documented here, read field by field below. */
export const tokenExchangeForm = z
  .object({
    grant_type: z.literal(TOKEN_EXCHANGE),
    subject_token: z
      .string()
      .describe("the user's JWT from a trusted issuer")
      .meta({ examples: ['$USER_JWT'] }),
    subject_token_type: z.enum([JWT_TYPE, ID_TOKEN_TYPE]),
    actor_token: z
      .string()
      .describe('a service-client JWT: the agent acting for the user')
      .meta({ examples: ['$(tokenvault token --key-file agent.key --url $VAULT)'] }),
    actor_token_type: z.literal(JWT_TYPE),
    resource: z
      .string()
      .describe('urn:tokenvault:provider:<id> or urn:tokenvault:account:<id>')
      .meta({ examples: ['urn:tokenvault:provider:github'] }),
    scope: z
      .string()
      .optional()
      .describe('space-separated provider scopes the account must hold')
      .meta({ examples: ['repo'] }),
    requested_token_type: z.literal(ACCESS_TOKEN_TYPE).optional(),
  })
  .strict();

type Field = keyof z.infer<typeof tokenExchangeForm>;
const FIELDS = Object.keys(tokenExchangeForm.shape) as Field[];

/**
 * The vault as an OAuth 2.0 authorization server for one grant: token exchange (RFC 8693) at `POST /oauth2/token`,
 * described at `/.well-known/oauth-authorization-server` (RFC 8414). Answers and errors are OAuth's own (RFC 6749
 * §5.1, §5.2), not the vault's `{error, message}`; docs/agents.md.
 */
export function oauthRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();

  app.get('/.well-known/oauth-authorization-server', (c) =>
    c.json({
      issuer: vault.publicUrl,
      token_endpoint: `${vault.publicUrl}/oauth2/token`,
      grant_types_supported: [TOKEN_EXCHANGE],
      // The actor authenticates with its own JWT in the form (actor_token), not as an OAuth client.
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: [],
    }),
  );

  app.post('/oauth2/token', async (c) => {
    c.header('cache-control', 'no-store');
    c.header('pragma', 'no-cache');
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
      return oauthError(c, {
        error: 'invalid_request',
        description: 'send the form as application/x-www-form-urlencoded',
      });
    }
    const form = new URLSearchParams(await c.req.text());
    const values: Partial<Record<Field, string>> = {};
    for (const [name, value] of form) {
      // RFC 6749 §3.2: a parameter given twice is an error; one the vault does not know is ignored (§3.1).
      if (!FIELDS.includes(name as Field)) continue;
      if (values[name as Field] !== undefined) {
        return oauthError(c, { error: 'invalid_request', description: `${name} is given more than once` });
      }
      values[name as Field] = value;
    }
    if (values.grant_type !== TOKEN_EXCHANGE) {
      const description = `grant_type must be ${TOKEN_EXCHANGE}`;
      return oauthError(c, { error: values.grant_type ? 'unsupported_grant_type' : 'invalid_request', description });
    }
    const problem = formProblem(values);
    if (problem) return oauthError(c, { error: 'invalid_request', description: problem });
    const result = await vault.exchangeToken({
      subjectToken: values.subject_token as string,
      actorToken: values.actor_token as string,
      resource: values.resource as string,
      ...(values.scope !== undefined && { scope: values.scope }),
      requestId: c.get('requestId'),
    });
    if (!result.ok) return oauthError(c, result);
    const { token } = result;
    return c.json({
      access_token: token.accessToken,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      ...(token.expiresAt !== null && {
        expires_in: Math.max(0, Math.floor((token.expiresAt - vault.now()) / 1000)),
      }),
      scope: token.scopes.join(' '),
    });
  });

  function oauthError(
    c: Context<ServerEnv>,
    failure: Pick<Extract<TokenExchangeResult, { ok: false }>, 'description' | 'connectToken' | 'retryAfter'> & {
      error: string;
    },
  ) {
    const status = failure.error === 'invalid_client' ? 401 : failure.error === 'temporarily_unavailable' ? 503 : 400;
    if (failure.retryAfter !== undefined) c.header('retry-after', String(failure.retryAfter));
    return c.json(
      {
        error: failure.error,
        error_description: failure.description,
        ...(failure.connectToken && { connect_uri: connectUrl(vault.publicUrl, failure.connectToken) }),
      },
      status,
    );
  }

  return app;
}

/** What is missing or wrong in the form, the grant type aside. */
function formProblem(values: Partial<Record<Field, string>>): string | undefined {
  for (const name of ['subject_token', 'subject_token_type', 'actor_token', 'actor_token_type', 'resource'] as const) {
    if (!values[name]) return `${name} is required`;
  }
  if (values.subject_token_type !== JWT_TYPE && values.subject_token_type !== ID_TOKEN_TYPE) {
    return `subject_token_type must be ${JWT_TYPE}`;
  }
  if (values.actor_token_type !== JWT_TYPE) return `actor_token_type must be ${JWT_TYPE}`;
  if (values.requested_token_type !== undefined && values.requested_token_type !== ACCESS_TOKEN_TYPE) {
    return `requested_token_type can only be ${ACCESS_TOKEN_TYPE}`;
  }
  return undefined;
}
