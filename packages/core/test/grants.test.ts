import { describe, expect, it } from 'vitest';
import {
  type Action,
  allows,
  authorizeGrant,
  authorizeScopes,
  type Caller,
  OPERATOR,
  parseGrant,
  proxyCaller,
  type Resource,
  resources,
  sessionCaller,
  WILDCARD,
} from '../src/index.js';
import { failure } from './failure.js';

const ENV = 'production';
const holder = (...grants: [role: string, resource: string][]) => ({
  env: ENV,
  grants: grants.map(([role, resource]) => parseGrant(role, resource)),
});
const creds = (provider: string, userId: string, env = ENV) => resources.credentials(env, provider, userId);

describe('grant matching', () => {
  // Each row: a pattern, a resource, and whether a credentials-reader grant on the pattern covers it.
  it.each<[pattern: string, resource: Resource, expected: boolean]>([
    ['', creds('github', 'u1'), true],
    ['connections', creds('github', 'u1'), true],
    ['connections/github', creds('github', 'u1'), true],
    ['connections/github', creds('gitlab', 'u1'), false],
    ['connections/*', creds('gitlab', 'u1'), true],
    ['connections/*/users/u1', creds('slack', 'u1'), true],
    ['connections/*/users/u1', creds('slack', 'u2'), false],
    ['connections/github/users/*/credentials', creds('github', 'auth0|x y ✓'), true],
    ['Connections/*/Users/*/Credentials', creds('github', 'u1'), true],
    ['/connections/github', creds('github', 'u1'), true],
    // A cascade goes down, never up: a grant on one user's credentials does not cover the provider.
    ['connections/github/users/u1/credentials', resources.connections(ENV, 'github'), false],
    // `*` is exactly one segment: it neither spans a slash inside a value nor matches an empty one.
    ['connections/github/users/a', creds('github', 'a/b'), false],
    ['connections/github/users/*', creds('github', 'a/b'), true],
    ['connections/github/users/a%2Fb', creds('github', 'a/b'), true],
    ['connections/github/users/a%2Fb', creds('github', 'a'), false],
    ['connections/github/users/*', creds('github', ''), false],
    // A literal star in a user id is written %2A and matches only itself.
    ['connections/github/users/%2A', creds('github', '*'), true],
    ['connections/github/users/%2A', creds('github', 'u1'), false],
    // `..` in a value is just text: it cannot climb out of its segment.
    ['connections/github/users/u1', creds('github', '..'), false],
    ['connections/github/users/..%2Fu1', creds('github', '../u1'), true],
    // Nothing crosses environments, not even a whole-environment grant.
    ['', creds('github', 'u1', 'development'), false],
    ['connections/*', creds('github', 'u1', 'development'), false],
    // Other kinds of resource are their own trees.
    ['connections', resources.clients(ENV), false],
    ['clients', resources.clients(ENV, 'sc_1'), true],
    ['clients/sc_1', resources.clients(ENV, 'sc_2'), false],
  ])('%s covers %j: %s', (pattern, resource, expected) => {
    expect(allows(holder(['credentials-reader', pattern]), 'credentials:read', resource)).toBe(expected);
  });

  it('lets each role do only its own actions, and admin everything', () => {
    // A grant's role decides the actions; the pattern only decides where.
    const on = (role: string, action: Action) => allows(holder([role, '']), action, creds('github', 'u1'));
    expect(on('credentials-reader', 'credentials:read')).toBe(true);
    expect(on('credentials-reader', 'connections:read')).toBe(false);
    expect(on('credentials-reader', 'connections:delete')).toBe(false);
    expect(on('connections-manager', 'connections:read')).toBe(true);
    expect(on('connections-manager', 'connections:delete')).toBe(true);
    expect(on('connections-manager', 'credentials:read')).toBe(false);
    expect(on('connections-manager', 'clients:manage')).toBe(false);
    for (const action of ['credentials:read', 'connections:delete', 'clients:manage', 'audit:read'] as const) {
      expect(on('admin', action)).toBe(true);
    }
    expect(on('UserCredentialsViewer', 'credentials:read')).toBe(true);
  });

  it('denies by default: no grants, no access', () => {
    // A client created without grants can do nothing anywhere.
    expect(allows(holder(), 'credentials:read', creds('github', 'u1'))).toBe(false);
  });

  it.each([
    ['connections//users', 'empty'],
    ['connections/github/users/u1/credentials/more', 'more than 5 segments'],
    ['connections/../clients', '".."'],
    ['connections/./github', '"."'],
    ['conections/github', 'must start with one of'],
    ['connections/github/people/u1', "segment 3 must be 'users'"],
    ['connections/github/users/u1/secrets', "segment 5 must be 'credentials'"],
    ['connections/%E0%A4%A', 'percent-encoding'],
    ['clients/sc_1/keys', 'more than 2 segments'],
  ])('refuses the pattern %s (%s)', async (pattern, message) => {
    // A malformed pattern is refused when granted, never stored to silently match nothing (or too much).
    const err = await failure(Promise.resolve().then(() => parseGrant('admin', pattern)));
    expect(err).toMatchObject({ code: 'invalid_request' });
    expect((err as Error).message).toContain(message);
  });

  it('refuses an unknown role and canonicalises the pattern it stores', () => {
    expect(() => parseGrant('superuser', '')).toThrow(/unknown role 'superuser'/);
    expect(parseGrant('UserCredentialsViewer', 'Connections/*/Users/a%2Fb%2A/Credentials')).toMatchObject({
      role: 'credentials-reader',
      resource: 'connections/*/users/a%2Fb%2A/credentials',
    });
  });
});

describe('giving grants', () => {
  // A caller gives only what it holds: every action of the role, over the whole new pattern.
  const callerWith = (...grants: [string, string][]): Caller => ({
    principal: 'client:sc_giver',
    may: (action, resource) => allows(holder(...grants), action, resource),
  });
  it.each<[held: [string, string][], given: [string, string], ok: boolean]>([
    [[['admin', '']], ['admin', ''], true],
    [[['admin', 'clients/sc_self']], ['admin', ''], false],
    [[['admin', 'clients/sc_self']], ['credentials-reader', 'connections/github'], false],
    [[['credentials-reader', 'connections/github']], ['credentials-reader', 'connections/github/users/*'], true],
    [[['credentials-reader', 'connections/github']], ['credentials-reader', 'connections/*'], false],
    [[['credentials-reader', 'connections/*/users/u1']], ['credentials-reader', 'connections/github/users/*'], false],
    [[['credentials-reader', 'connections/*']], ['credentials-reader', 'connections/*/users/*'], true],
    [[['credentials-reader', '']], ['connections-manager', 'connections/github'], false],
    [[['admin', 'connections']], ['connections-manager', 'connections/github'], true],
    // Regression: a grant for the user literally named `*` (written %2A) once let its holder give every user.
    [
      [['credentials-reader', 'connections/github/users/%2A']],
      ['credentials-reader', 'connections/github/users/*'],
      false,
    ],
    [[['credentials-reader', 'connections/%2A']], ['credentials-reader', 'connections/*'], false],
    [
      [['credentials-reader', 'connections/github/users/%2A']],
      ['credentials-reader', 'connections/github/users/%2A'],
      true,
    ],
  ])('holding %j, giving %j: %s', (held, [role, pattern], ok) => {
    const give = () => authorizeGrant(callerWith(...held), ENV, parseGrant(role, pattern));
    if (ok) expect(give).not.toThrow();
    else expect(give).toThrow(/does not hold it/);
  });
});

describe('names a caller chooses', () => {
  // Regression: names of Object.prototype's members once reached a plain-object table: a 500 as a role, a stored
  // grant as a resource root.
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses %s as a role or root',
    (name) => {
      expect(() => parseGrant(name, '')).toThrow(/unknown role/);
      expect(() => parseGrant('admin', name)).toThrow(/it must start with one of/);
      expect(() => parseGrant('admin', `${name}/x`)).toThrow(/it must start with one of/);
    },
  );

  it('keeps the wildcard apart from a literal star in a resource', () => {
    // A resource naming every provider is covered by a wildcard or a shorter pattern, never by a literal `*`.
    const everyProvider = resources.credentials(ENV, WILDCARD, 'u1');
    expect(allows(holder(['credentials-reader', 'connections/*']), 'credentials:read', everyProvider)).toBe(true);
    expect(allows(holder(['credentials-reader', 'connections']), 'credentials:read', everyProvider)).toBe(true);
    expect(allows(holder(['credentials-reader', 'connections/%2A']), 'credentials:read', everyProvider)).toBe(false);
    expect(allows(holder(['credentials-reader', 'connections/github']), 'credentials:read', everyProvider)).toBe(false);
  });
});

describe('callers', () => {
  it("limits a browser session to its own user's accounts in its own environment", () => {
    // A session may read and delete its user's accounts, and nothing of anyone else or of the admin tree.
    const session: Caller = sessionCaller({ env: ENV, userId: 'u1' });
    expect(session.may('credentials:read', creds('github', 'u1'))).toBe(true);
    expect(session.may('connections:delete', resources.account(ENV, 'github', 'u1'))).toBe(true);
    expect(session.may('credentials:read', creds('github', 'u2'))).toBe(false);
    expect(session.may('credentials:read', creds('github', 'u1', 'development'))).toBe(false);
    expect(session.may('clients:manage', resources.clients(ENV))).toBe(false);
    expect(session.may('connect-sessions:create', resources.account(ENV, 'github', 'u1'))).toBe(false);
  });

  it('limits a session from a connect session to what its creator held, for its provider', () => {
    const limits = { createdBy: 'client:sc_app', provider: 'github', scopes: ['repo'], actions: ['connections:read'] };
    const session = sessionCaller({ env: ENV, userId: 'u1', limits }, 'req-1');
    expect(session).toMatchObject({ principal: 'user:u1', via: 'client:sc_app', scopeLimit: ['repo'] });
    expect(session.may('connections:read', resources.account(ENV, 'github', 'u1'))).toBe(true);
    expect(session.may('credentials:read', creds('github', 'u1'))).toBe(false);
    expect(session.may('connections:delete', resources.account(ENV, 'github', 'u1'))).toBe(false);
    expect(session.may('connections:read', resources.account(ENV, 'slack', 'u1'))).toBe(false);
    expect(session.may('connections:read', resources.account(ENV, WILDCARD, 'u1'))).toBe(false);
    expect(() => authorizeScopes(session, ['repo'])).not.toThrow();
    expect(() => authorizeScopes(session, ['repo', 'admin:org'])).toThrow(/may not ask for the scopes admin:org/);
  });

  it('lets the CLI operator do everything (it holds the database and the master key)', () => {
    expect(OPERATOR.may('clients:manage', resources.clients(ENV))).toBe(true);
  });
});

describe('proxy roles', () => {
  const proxy = resources.proxy(ENV, 'github', 'u1');
  const may = (role: string, resource: string, action: Action) => allows(holder([role, resource]), action, proxy);

  // An api-reader can never send a write through the proxy; an api-caller can; neither reads a token.
  it('gives api-reader proxy:read only and api-caller both, never credentials:read', () => {
    expect(may('api-reader', 'connections/github/users/*/proxy', 'proxy:read')).toBe(true);
    expect(may('api-reader', 'connections/github/users/*/proxy', 'proxy:write')).toBe(false);
    expect(may('api-caller', 'connections/github/users/u1/proxy', 'proxy:write')).toBe(true);
    expect(may('api-caller', 'connections/*/users/*/proxy', 'proxy:read')).toBe(true);
    expect(allows(holder(['api-caller', '']), 'credentials:read', resources.credentials(ENV, 'github', 'u1'))).toBe(
      false,
    );
    expect(may('api-caller', 'connections/gitlab/users/*/proxy', 'proxy:read')).toBe(false);
  });

  it('lets credentials-reader call the API of the accounts whose tokens it may read', () => {
    const reader = clientCallerOf(['credentials-reader', 'connections/github/users/u1/credentials']);
    expect(reader.may('proxy:write', proxy)).toBe(false); // the grant names credentials, not proxy…
    expect(proxyCaller(reader).may('proxy:write', proxy)).toBe(true); // …but reading the token is more than calling
    expect(proxyCaller(reader).may('proxy:write', resources.proxy(ENV, 'github', 'u2'))).toBe(false);
  });

  it('parses …/proxy patterns and refuses other last segments', () => {
    expect(parseGrant('api-caller', 'Connections/github/Users/*/Proxy').resource).toBe(
      'connections/github/users/*/proxy',
    );
    expect(() => parseGrant('api-caller', 'connections/github/users/*/tokens')).toThrow(/'credentials' or 'proxy'/);
  });
});

function clientCallerOf(...grants: [role: string, resource: string][]): Caller {
  const principal = holder(...grants);
  return { principal: 'client:test', may: (action, resource) => allows(principal, action, resource) };
}
