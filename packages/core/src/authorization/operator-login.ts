import * as oauth from 'oauth4webapi';
import { aad } from '../crypto/cipher.js';
import { VaultError } from '../errors.js';
import { authorizationUrl, exchangeCode } from '../oauth/authorization-code.js';
import { authorizationServer } from '../oauth/authorization-server.js';
import { buildProviderSpec } from '../providers/provider-spec.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import type { VaultContext } from '../vault-context.js';
import type { OperatorIdentity } from './operators.js';

/** `dashboard.oidc`: the operators' own OpenID provider, a confidential client registered there. */
export interface OperatorLoginConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** A sign-in must come back within this long. */
const LOGIN_TTL_MS = 10 * 60 * 1000;
/** A group list longer than this is cut: the session cookie holds it. */
const MAX_GROUPS = 50;
const PENDING = aad('operator_login', '-', 'pending');

interface Pending {
  state: string;
  verifier: string;
  nonce: string;
  at: number;
}

/**
 * Operators sign in through the same OAuth core as connected accounts (PKCE, state, nonce, ID token validated by
 * oauth4webapi). What the callback must match travels in a sealed cookie (AES-GCM under the master key), not in
 * the database: nothing is stored for a sign-in that never comes back.
 */
export function createOperatorLogin(ctx: VaultContext<unknown>, config: OperatorLoginConfig) {
  const provider: ConfiguredProvider = {
    env: '',
    id: 'dashboard',
    spec: buildProviderSpec(
      { id: 'dashboard', displayName: 'Operator sign-in', type: 'oidc', account: { idPath: 'sub', headers: {} } },
      { issuer: config.issuer, scopes: { default: [], required: ['openid'], separator: ' ', param: 'scope' } },
    ),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scopes: ['openid', 'email', 'profile'],
  };
  return {
    /** The provider's authorization URL, and the sealed value the callback needs back. */
    async start(redirectUri: string): Promise<{ url: string; pending: string }> {
      const pending: Pending = {
        state: oauth.generateRandomState(),
        verifier: oauth.generateRandomCodeVerifier(),
        nonce: oauth.generateRandomNonce(),
        at: ctx.now(),
      };
      const as = await authorizationServer(provider, ctx.http);
      const url = await authorizationUrl(provider, as, {
        redirectUri,
        scopes: provider.scopes,
        state: pending.state,
        codeVerifier: pending.verifier,
        oidcNonce: pending.nonce,
      });
      return { url: url.href, pending: await ctx.cipher.encrypt(JSON.stringify(pending), PENDING) };
    },
    /** Validates the callback against the sealed value and returns who signed in. */
    async complete(
      params: URLSearchParams,
      sealed: string | undefined,
      redirectUri: string,
    ): Promise<OperatorIdentity> {
      const pending = await openPending(ctx, sealed);
      if (pending.at + LOGIN_TTL_MS <= ctx.now()) {
        throw new VaultError('invalid_state', 'the sign-in took too long; start again');
      }
      const as = await authorizationServer(provider, ctx.http);
      const { claims } = await exchangeCode(provider, as, ctx.http, {
        params,
        state: pending.state,
        redirectUri,
        codeVerifier: pending.verifier,
        oidcNonce: pending.nonce,
        requestedAt: ctx.now(),
      });
      if (!claims) throw new VaultError('provider_error', 'the identity provider sent no ID token');
      const groups = Array.isArray(claims.groups) ? claims.groups.filter((g) => typeof g === 'string') : [];
      return {
        subject: claims.sub,
        email: typeof claims.email === 'string' && claims.email_verified !== false ? claims.email : null,
        name: typeof claims.name === 'string' ? claims.name : null,
        groups: groups.slice(0, MAX_GROUPS),
      };
    },
  };
}

export type OperatorLogin = ReturnType<typeof createOperatorLogin>;

async function openPending(ctx: VaultContext<unknown>, sealed: string | undefined): Promise<Pending> {
  if (!sealed) throw new VaultError('invalid_state', 'no sign-in is in progress in this browser; start again');
  try {
    return JSON.parse(await ctx.cipher.decrypt(sealed, PENDING)) as Pending;
  } catch (err) {
    throw new VaultError('invalid_state', 'the sign-in cookie is not one this vault made; start again', { cause: err });
  }
}
