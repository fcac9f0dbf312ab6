import { RejectedError } from './errors.js';
import type { RefreshResult } from './protocol.js';
import { covers, parseScopes, union } from './scopes.js';
import { isFresh, type Session } from './session.js';
import type { AuthRequestOptions } from './types.js';

export interface AuthSessionOptions {
  defaultScopes: readonly string[];
  /** One /refresh asking for `scopes`. */
  refresh(scopes: string[]): Promise<RefreshResult>;
  /** A new login asking for `scopes`; with `instant`, it must open its popup before awaiting anything. */
  login(scopes: string[], instant: boolean): Promise<Session>;
  logout(): Promise<void>;
  now?: () => number;
}

/** A request in flight that later calls may join when it asks for at least what they need. */
interface Flight<T> {
  scopes: ReadonlySet<string>;
  promise: Promise<T>;
}

/**
 * One provider's session in this page (Backstage's RefreshingAuthSessionManager): served from memory while fresh
 * and holding the scopes, else one shared /refresh, else one shared login. Tokens live in this closure only.
 */
export function createAuthSession(options: AuthSessionOptions) {
  const now = options.now ?? Date.now;
  const defaults = parseScopes(options.defaultScopes);
  let session: Session | undefined;
  // Every scope this page saw the account hold: outlives a dropped session, so a new login never asks for less.
  let held = new Set<string>();
  let refreshing: Flight<Session | undefined> | undefined;
  let loggingIn: Flight<Session> | undefined;
  // Bumped by signOut: answers to requests sent before it are not kept.
  let generation = 0;

  const usable = (wanted: string[]) =>
    session !== undefined && covers(session.scopes, wanted) && isFresh(session, now());

  function keep(next: Session) {
    session = next;
    held = new Set(union(held, next.scopes));
  }

  /** The session for `scope`, or undefined when the call is optional and only a login would give one. */
  function get(
    scope: string | readonly string[] | undefined,
    request: AuthRequestOptions,
  ): Promise<Session | undefined> {
    const wanted = union(defaults, parseScopes(scope));
    if (usable(wanted)) return Promise.resolve(session);
    // Safari opens a popup only in the click's synchronous stack, so no /refresh first (as Backstage). A session
    // that merely went stale is refreshed instead: that needs no popup.
    if (request.instantPopup && !request.optional && !covers(session?.scopes, wanted)) return login(wanted, true);
    return refreshOrLogin(wanted, request);
  }

  async function refreshOrLogin(wanted: string[], request: AuthRequestOptions): Promise<Session | undefined> {
    // A popup is already open: its outcome is the likeliest answer, and a second one would stack on it.
    if (!request.optional && loggingIn) return login(wanted, false);
    const refreshed = await refresh(wanted);
    // Never a token lacking a requested scope, even if the vault answered one.
    if (refreshed && covers(refreshed.scopes, wanted)) return refreshed;
    if (request.optional) return undefined;
    return login(wanted, Boolean(request.instantPopup));
  }

  async function refresh(wanted: string[]): Promise<Session | undefined> {
    const inFlight = refreshing;
    if (inFlight && covers(inFlight.scopes, wanted)) return inFlight.promise;
    if (inFlight) {
      await inFlight.promise.catch(() => undefined); // its failure is its callers'; this call asks on its own below
      if (usable(wanted)) return session;
    }
    // Ask for everything held too, so the vault's answer (and its record) is never narrowed.
    const scopes = union(defaults, held, wanted);
    const sent = generation;
    const promise = options.refresh(scopes).then((result) => {
      if (sent === generation) {
        if (result.status === 'ok') keep(result.session);
        // A missing scope leaves the token good for what it holds; any other 401 means this browser's session is gone.
        else if (result.error !== 'missing_scopes') session = undefined;
      }
      return result.status === 'ok' ? result.session : undefined;
    });
    const flight = { scopes: new Set(scopes), promise };
    refreshing = flight;
    return promise.finally(() => {
      if (refreshing === flight) refreshing = undefined;
    });
  }

  /** Joins the login in flight when it asks for enough; else waits for it, looks again, and only then logs in. */
  function login(wanted: string[], instant: boolean): Promise<Session> {
    const inFlight = loggingIn;
    if (inFlight && covers(inFlight.scopes, wanted)) return inFlight.promise;
    if (!inFlight) return startLogin(wanted, instant);
    return inFlight.promise
      .catch(() => undefined)
      .then(() => (usable(wanted) && session ? session : startLogin(wanted, false)));
  }

  function startLogin(wanted: string[], instant: boolean): Promise<Session> {
    const scopes = union(defaults, wanted, held); // the vault merges its own record of the account too
    const sent = generation;
    const promise = options.login(scopes, instant).then((next) => {
      if (sent === generation) keep(next); // the newest token, good for what it holds
      // Never a token lacking a requested scope: the user unticked it, or the provider does not grant it.
      const missing = wanted.filter((scope) => !next.scopes.has(scope));
      if (missing.length > 0) throw new RejectedError(`the login did not grant ${missing.join(' ')}`);
      return next;
    });
    const flight = { scopes: new Set(scopes), promise };
    loggingIn = flight;
    // Cleared on either outcome, so a later call can try again.
    promise.then(
      () => clear(flight),
      () => clear(flight),
    );
    return promise;
  }

  function clear(flight: Flight<Session>) {
    if (loggingIn === flight) loggingIn = undefined;
  }

  async function signOut(): Promise<void> {
    // Forget first: whatever /logout answers, this page holds no token of the signed-out user.
    generation += 1;
    session = undefined;
    held = new Set();
    refreshing = undefined;
    loggingIn = undefined;
    await options.logout();
  }

  return { get, signOut };
}
