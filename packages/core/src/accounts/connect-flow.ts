import * as oauth from 'oauth4webapi';
import { aad } from '../crypto/cipher.js';
import { base64url, randomBytes, sha256, timingSafeEqual } from '../encoding.js';
import { VaultError } from '../errors.js';
import { authorizationUrl, exchangeCode } from '../oauth/authorization-code.js';
import { authorizationServer, hookClient } from '../oauth/authorization-server.js';
import { type AccountIdentity, accountIdentity } from '../oauth/identity.js';
import { exchangeForLongLived } from '../oauth/long-lived-token.js';
import { runHook } from '../oauth/provider-hooks.js';
import { resolveParams, withParams } from '../providers/provider-params.js';
import { mergeScopes } from '../scopes.js';
import type { AccountStore, FlowStore } from '../store.js';
import type { FlowRow } from '../store-rows.js';
import { redirectUri, type VaultContext } from '../vault-context.js';
import { type ConnectedAccount, saveLinkedAccount, toConnectedAccount } from './accounts.js';
import { recordConnectFailure } from './connect-failures.js';
import { decodeState, encodeState } from './connect-state.js';

/** How long a user has to finish the provider's login and consent. */
export const FLOW_TTL_SECONDS = 600;

export interface StartConnectInput {
  env: string;
  provider: string;
  /** Scopes the app asked for. */
  scopes: readonly string[];
  /** Scopes the user's account already holds; merged in so consent never narrows what was held. */
  heldScopes?: readonly string[];
  /** The app origin the result is posted to (already checked against the allowed origins). */
  origin: string;
  mode: 'popup' | 'redirect';
  redirectUrl?: string;
  /** The user the account is attached to; null signs in as `{provider}:{providerAccountId}`. */
  userId: string | null;
  /** Values for the provider's `params` (a Shopify shop…), validated against the spec. */
  params?: Readonly<Record<string, string | undefined>>;
}

export interface StartedConnect {
  authorizationUrl: string;
  /** Goes into the nonce cookie; the callback must bring it back. */
  nonce: string;
  expiresAt: number;
}

export async function startConnect(ctx: VaultContext<FlowStore>, input: StartConnectInput): Promise<StartedConnect> {
  const configured = ctx.providers.get(input.env, input.provider);
  const params = resolveParams(configured.spec, input.params ?? {});
  const provider = withParams(configured, params);
  const as = await authorizationServer(provider, ctx.http);
  const scopes = mergeScopes(provider.spec.scopes.required, provider.scopes, input.scopes, input.heldScopes);
  const nonce = base64url(randomBytes(16));
  const flowId = await sha256(nonce);
  const codeVerifier = provider.spec.skipPkce ? null : oauth.generateRandomCodeVerifier();
  const oidcNonce = provider.spec.type === 'oidc' ? oauth.generateRandomNonce() : null;
  const createdAt = ctx.now();
  const expiresAt = createdAt + FLOW_TTL_SECONDS * 1000;
  const state = encodeState({
    nonce,
    env: input.env,
    origin: input.origin,
    redirectUrl: input.redirectUrl,
    flow: input.mode,
    scope: scopes.join(' '),
  });
  const url = await authorizationUrl(provider, as, {
    redirectUri: redirectUri(ctx.publicUrl, provider.id),
    scopes,
    state,
    codeVerifier,
    oidcNonce,
  });
  await ctx.store.insertFlow({
    id: flowId,
    env: input.env,
    provider: provider.id,
    userId: input.userId,
    origin: input.origin,
    redirectUrl: input.redirectUrl ?? null,
    mode: input.mode,
    scopes,
    codeVerifier: codeVerifier && (await ctx.cipher.encrypt(codeVerifier, aad('auth_flows', flowId, 'code_verifier'))),
    oidcNonce,
    params,
    createdAt,
    expiresAt,
  });
  return { authorizationUrl: url.href, nonce, expiresAt };
}

export interface CompleteConnectInput {
  /** The provider id from the callback's path. */
  provider: string;
  /** The parameters the provider sent to the redirect URI. */
  params: URLSearchParams;
  /** The nonce cookie the browser sent with the callback. */
  nonceCookie: string | undefined;
  /** Throws if the flow's result may not go where the flow says; runs before the code is exchanged. */
  checkDestination?: (destination: Pick<CompletedConnect, 'origin' | 'mode' | 'redirectUrl'>) => void;
}

export interface CompletedConnect {
  env: string;
  userId: string;
  account: ConnectedAccount;
  origin: string;
  mode: 'popup' | 'redirect';
  redirectUrl: string | null;
  /** What the browser may see of the new credential: never the refresh token. */
  accessToken: string;
  idToken: string | undefined;
  /** Seconds the access token has left; undefined if it does not expire. */
  expiresInSeconds: number | undefined;
  profile: AccountIdentity['profile'];
}

/**
 * Completes a flow once: the state must decode, match the nonce cookie and name a pending, unexpired flow
 * of this provider, which is consumed before the code is exchanged.
 */
export async function completeConnect(
  ctx: VaultContext<FlowStore & AccountStore>,
  input: CompleteConnectInput,
): Promise<CompletedConnect> {
  const rawState = input.params.get('state');
  const state = decodeState(rawState);
  if (!input.nonceCookie) throw new VaultError('invalid_state', 'the auth response is missing its nonce cookie');
  if (!timingSafeEqual(input.nonceCookie, state.nonce)) throw new VaultError('invalid_state', 'invalid nonce');
  const flow = await ctx.store.takeFlow(await sha256(state.nonce));
  if (!flow) throw new VaultError('invalid_state', 'unknown or already completed authorization flow');
  if (flow.expiresAt <= ctx.now()) throw new VaultError('invalid_state', 'the authorization flow expired; start again');
  if (flow.provider !== input.provider || flow.env !== state.env) {
    throw new VaultError('invalid_state', 'the callback does not belong to this provider');
  }
  input.checkDestination?.(flow);
  try {
    return await finishConnect(ctx, input, flow, rawState as string);
  } catch (err) {
    await recordConnectFailure(ctx, flow, err);
    throw err;
  }
}

/** With the flow taken: the code exchange, the account's identity, the provider's test hook, the stored account. */
async function finishConnect(
  ctx: VaultContext<FlowStore & AccountStore>,
  input: CompleteConnectInput,
  flow: FlowRow,
  rawState: string,
): Promise<CompletedConnect> {
  const provider = withParams(ctx.providers.get(flow.env, flow.provider), flow.params);
  const as = await authorizationServer(provider, ctx.http);
  const codeVerifier =
    flow.codeVerifier && (await ctx.cipher.decrypt(flow.codeVerifier, aad('auth_flows', flow.id, 'code_verifier')));
  const exchanged = await exchangeCode(provider, as, ctx.http, {
    params: input.params,
    state: rawState,
    redirectUri: redirectUri(ctx.publicUrl, provider.id),
    codeVerifier,
    oidcNonce: flow.oidcNonce,
    requestedAt: ctx.now(),
  });
  const { claims } = exchanged;
  // Instagram and Threads: the code brings a token of one hour, swapped at once for one that renews itself.
  const tokens = provider.spec.longLivedToken
    ? await exchangeForLongLived(provider, ctx.http, exchanged.tokens, ctx.now())
    : exchanged.tokens;
  const identity = await accountIdentity(provider, ctx.http, tokens, claims);
  const check = provider.hooks?.test;
  if (check) await runHook('test', () => check({ ...hookClient(provider, ctx.http), accessToken: tokens.accessToken }));
  const userId = flow.userId ?? `${provider.id}:${identity.providerAccountId}`;
  const row = await saveLinkedAccount(
    ctx,
    { env: flow.env, userId, provider: provider.id, providerAccountId: identity.providerAccountId },
    identity,
    // The values it was connected with stay with the account (its refreshes go to the same host), over anything
    // learned from the provider's answers.
    { ...tokens, metadata: { ...identity.metadata, ...tokens.metadata, ...flow.params } },
    flow.scopes,
  );
  return {
    env: flow.env,
    userId,
    account: toConnectedAccount(row),
    origin: flow.origin,
    mode: flow.mode,
    redirectUrl: flow.redirectUrl,
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    expiresInSeconds:
      tokens.expiresAt === null ? undefined : Math.max(0, Math.floor((tokens.expiresAt - ctx.now()) / 1000)),
    profile: identity.profile,
  };
}
