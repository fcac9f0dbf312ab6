import type { ConnectedAccount, ConnectedAccountData, LinkOptions } from './account-types.js';
import { RejectedError, VaultAuthError } from './errors.js';
import { covers, parseScopes, union } from './scopes.js';
import type { Session } from './session.js';

export interface LinkingOptions {
  /** A fresh list of the session user's accounts. */
  list(): Promise<readonly ConnectedAccount[]>;
  /** The login of `auth(provider)` (popup or redirect), asking for `scopes`; opens its popup before awaiting. */
  login(provider: string, scopes: string[], flow: LinkOptions['flow']): Promise<Session>;
}

/** A link in flight; calls needing no more than `scopes` of the same provider share its outcome. */
interface Flight {
  scopes: ReadonlySet<string>;
  promise: Promise<ConnectedAccount>;
}

/** Stack Auth's connected accounts over the vault's connect flow; concurrent calls for a provider share a popup. */
export function createLinking(options: LinkingOptions) {
  const flights = new Map<string, Flight>();

  /** A new consent for `ask`, then the listed account that now holds `wanted`. */
  function start(
    provider: string,
    wanted: string[],
    ask: string[],
    flow: LinkOptions['flow'],
  ): Promise<ConnectedAccount> {
    // Called before any await: the popup must open inside the user's click.
    const session = options.login(provider, ask, flow);
    const promise = session.then(async (granted) => {
      // The user unticked a scope, or the provider does not grant it: no account holds it now.
      const missing = wanted.filter((scope) => !granted.scopes.has(scope));
      if (missing.length > 0) throw new RejectedError(`the login did not grant ${missing.join(' ')}`);
      const linked = pickLinked(await options.list(), provider, wanted, granted);
      if (!linked)
        throw new VaultAuthError('login_failed', `the vault lists no ${provider} account holding the scopes`);
      return linked;
    });
    const flight = { scopes: new Set(wanted), promise };
    flights.set(provider, flight);
    const clear = () => {
      if (flights.get(provider) === flight) flights.delete(provider);
    };
    promise.then(clear, clear);
    return promise;
  }

  /** Always a new consent: another account of the provider, or the same one again. */
  function link(provider: string, { scopes, flow }: LinkOptions): Promise<ConnectedAccount> {
    const wanted = parseScopes(scopes);
    return start(provider, wanted, wanted, flow);
  }

  /** A healthy account holding every scope, else one consent asking for the missing ones plus those held. */
  async function getOrLink(provider: string, { scopes, flow }: LinkOptions): Promise<ConnectedAccount> {
    const wanted = parseScopes(scopes);
    for (;;) {
      const inFlight = flights.get(provider);
      if (inFlight && covers(inFlight.scopes, wanted)) return inFlight.promise;
      if (inFlight) await inFlight.promise.catch(() => undefined); // its failure is its caller's; look again below
      const accounts = await options.list();
      const held = ranked(accounts, provider).find((account) => holds(account, wanted) && account.status === 'active');
      if (held) return held;
      if (flights.has(provider)) continue; // a link began while listing: its outcome may answer this call
      // The vault merges what the account its cookie names holds; asking for the likeliest one's scopes too means
      // the consent screen shows the whole set even when the cookie names another account or none.
      const stepUp = ranked(accounts, provider)[0];
      return start(provider, wanted, union(stepUp?.scopes, wanted), flow);
    }
  }

  return { link, getOrLink };
}

/** The vault's own order for a provider's accounts (its provider route): healthy first, then the newest. */
function ranked<T extends ConnectedAccountData>(accounts: readonly T[], provider: string): T[] {
  const rank = (account: T) => (account.status === 'active' ? 0 : 1);
  return accounts
    .filter((account) => account.provider === provider)
    .sort((a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime());
}

const holds = (account: ConnectedAccountData, wanted: readonly string[]) => covers(new Set(account.scopes), wanted);

/**
 * The account a login just linked: the one the popup names (the vault adds its id), else — from a vault that does
 * not — healthy and holding the scopes, the profile's display name first, then the one written last.
 */
function pickLinked<T extends ConnectedAccountData>(
  accounts: readonly T[],
  provider: string,
  wanted: readonly string[],
  granted: Pick<Session, 'accountId' | 'profile'>,
): T | undefined {
  if (granted.accountId !== undefined) return accounts.find((account) => account.id === granted.accountId);
  const displayName = granted.profile.displayName;
  const named = (account: T) => (displayName !== undefined && account.displayName === displayName ? 0 : 1);
  return accounts
    .filter((account) => account.provider === provider && account.status === 'active' && holds(account, wanted))
    .sort((a, b) => named(a) - named(b) || b.updatedAt.getTime() - a.updatedAt.getTime())[0];
}
