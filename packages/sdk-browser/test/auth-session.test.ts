import { describe, expect, it } from 'vitest';
import { createAuthSession } from '../src/auth-session.js';
import { RejectedError, VaultAuthError } from '../src/errors.js';
import type { RefreshResult } from '../src/protocol.js';
import { type Session, toSession } from '../src/session.js';

const session = (accessToken: string, scope: string, expiresInSeconds: number | undefined, now: number): Session =>
  toSession({ profile: {}, providerInfo: { accessToken, scope, expiresInSeconds } }, now) as Session;

/** A session manager whose /refresh and login are scripted, with a clock the test moves. */
function harness(defaultScopes: string[] = ['openid']) {
  const clock = { now: 0 };
  const calls = { refresh: [] as string[][], login: [] as string[][] };
  const script: {
    refresh: (scopes: string[]) => Promise<RefreshResult>;
    login: (scopes: string[]) => Promise<Session>;
  } = {
    refresh: async () => ({ status: 'login_required', error: 'unauthorized', message: 'no session' }),
    login: async (scopes) => session('popup-token', scopes.join(' '), 3600, clock.now),
  };
  const auth = createAuthSession({
    defaultScopes,
    refresh: (scopes) => {
      calls.refresh.push(scopes);
      return script.refresh(scopes);
    },
    login: (scopes) => {
      calls.login.push(scopes);
      return script.login(scopes);
    },
    logout: async () => {},
    now: () => clock.now,
  });
  return { auth, clock, calls, script };
}

const ok = (accessToken: string, scope: string, expiresInSeconds: number, now: number): RefreshResult => ({
  status: 'ok',
  session: session(accessToken, scope, expiresInSeconds, now),
});

describe('createAuthSession', () => {
  it('serves from memory until min(3 min, half the lifetime) is left, then refreshes once', async () => {
    // A long token is refreshed 3 minutes before expiry, a short one at half its life; never later.
    const { auth, clock, calls, script } = harness();
    script.refresh = async () => ok('long', 'openid', 3600, clock.now);
    expect((await auth.get(undefined, {}))?.accessToken).toBe('long');
    clock.now = (3600 - 181) * 1000;
    expect((await auth.get(undefined, {}))?.accessToken).toBe('long');
    expect(calls.refresh).toHaveLength(1);
    script.refresh = async () => ok('short', 'openid', 8, clock.now);
    clock.now = (3600 - 179) * 1000;
    expect((await auth.get(undefined, {}))?.accessToken).toBe('short');
    clock.now += 3_900;
    expect((await auth.get(undefined, {}))?.accessToken).toBe('short');
    clock.now += 200;
    script.refresh = async () => ok('next', 'openid', 8, clock.now);
    expect((await auth.get(undefined, {}))?.accessToken).toBe('next');
    expect(calls.refresh).toHaveLength(3);
  });

  it('asks /refresh for the default, held and requested scopes, so the answer is never narrower', async () => {
    const { auth, clock, calls, script } = harness(['openid']);
    script.refresh = async () => ok('a', 'openid profile', 3600, clock.now);
    await auth.get('profile', {});
    script.refresh = async () => ok('b', 'email openid profile', 3600, clock.now);
    await auth.get('email', {});
    expect(calls.refresh).toEqual([
      ['openid', 'profile'],
      ['openid', 'profile', 'email'],
    ]);
  });

  it('gives concurrent calls one /refresh', async () => {
    const { auth, clock, calls, script } = harness();
    script.refresh = async () => ok('t', 'openid email', 3600, clock.now);
    const tokens = await Promise.all([
      auth.get(undefined, { optional: true }),
      auth.get('openid', {}),
      auth.get(undefined, {}),
    ]);
    expect(tokens.map((s) => s?.accessToken)).toEqual(['t', 't', 't']);
    expect(calls.refresh).toHaveLength(1);
  });

  it('never returns a token lacking a requested scope, even when /refresh answers one', async () => {
    // optional: nothing; otherwise a login asking for the held scopes and the missing one.
    const { auth, clock, calls, script } = harness();
    script.refresh = async () => ok('narrow', 'openid', 3600, clock.now);
    expect(await auth.get('email', { optional: true })).toBeUndefined();
    expect((await auth.get('email', {}))?.accessToken).toBe('popup-token');
    expect(calls.login).toEqual([['openid', 'email']]);
  });

  it('keeps what was held through a 401 for a missing scope, and asks the login for all of it', async () => {
    // Backstage forgets the held scopes here and the user ping-pongs between consent screens.
    const { auth, clock, calls, script } = harness(['openid']);
    script.refresh = async () => ok('held', 'openid repo', 3600, clock.now);
    await auth.get('repo', {});
    script.refresh = async () => ({ status: 'login_required', error: 'missing_scopes', message: 'gist' });
    expect((await auth.get('gist', {}))?.accessToken).toBe('popup-token');
    expect(calls.login).toEqual([['openid', 'gist', 'repo']]);
    // The step-up's token now serves both without a request.
    expect((await auth.get(['repo', 'gist'], { optional: true }))?.accessToken).toBe('popup-token');
    expect(calls.refresh).toHaveLength(2);
  });

  it('throws provider_unavailable from /refresh without a login, even for optional calls', async () => {
    // A new login would not cure an outage; the caller retries after retryAfter.
    const { auth, calls, script } = harness();
    script.refresh = async () => {
      throw new VaultAuthError('provider_unavailable', 'down', { retryAfter: 30 });
    };
    await expect(auth.get(undefined, {})).rejects.toMatchObject({ code: 'provider_unavailable', retryAfter: 30 });
    await expect(auth.get(undefined, { optional: true })).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(calls.login).toHaveLength(0);
  });

  it('shares one login; a call needing more waits for it and looks again before another', async () => {
    // Two calls for the same scopes get one popup; a call for more opens its own only after the first ended.
    const { auth, clock, calls, script } = harness(['openid']);
    const answers: Array<() => void> = [];
    script.login = (scopes) =>
      new Promise((resolve) =>
        answers.push(() => resolve(session(scopes.join('+'), scopes.join(' '), 3600, clock.now))),
      );
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const first = auth.get(undefined, {});
    const same = auth.get('openid', {});
    const more = auth.get('email', {});
    await tick();
    expect(calls.login).toEqual([['openid']]);
    answers[0]?.();
    expect((await first)?.accessToken).toBe('openid');
    expect((await same)?.accessToken).toBe('openid');
    await tick();
    expect(calls.login).toEqual([['openid'], ['openid', 'email']]);
    answers[1]?.();
    expect((await more)?.accessToken).toBe('openid+email');
  });

  it('opens the login at once for instantPopup, with no /refresh before it', async () => {
    // window.open must run in the click's synchronous stack: the login starts before get() returns.
    const { auth, calls } = harness();
    const pending = auth.get(undefined, { instantPopup: true });
    expect(calls.login).toHaveLength(1);
    expect(calls.refresh).toHaveLength(0);
    await pending;
  });

  it('fails with RejectedError when the login does not grant a requested scope', async () => {
    const { auth, clock, script } = harness();
    script.login = async () => session('p', 'openid', 3600, clock.now);
    const failure = await auth.get('calendar', {}).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RejectedError);
    expect(failure).toMatchObject({ code: 'rejected', message: 'the login did not grant calendar' });
  });

  it('forgets the session and held scopes on signOut, and keeps no answer to a request sent before it', async () => {
    const { auth, clock, calls, script } = harness(['openid']);
    script.refresh = async () => ok('t', 'openid repo', 3600, clock.now);
    await auth.get('repo', {});
    let answer: (result: RefreshResult) => void = () => {};
    script.refresh = () => new Promise((resolve) => (answer = resolve));
    const late = auth.get('gist', { optional: true });
    await auth.signOut();
    answer(ok('late', 'openid repo gist', 3600, clock.now));
    await late;
    script.refresh = async () => ({ status: 'login_required', error: 'unauthorized', message: 'signed out' });
    expect(await auth.get(undefined, { optional: true })).toBeUndefined();
    expect(calls.refresh.at(-1)).toEqual(['openid']);
  });
});
