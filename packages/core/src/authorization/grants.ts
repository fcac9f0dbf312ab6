import { VaultError } from '../errors.js';
import type { SessionLimits } from '../store-rows.js';
import type { Actor } from './audit.js';

/**
 * Who may do what (docs/security.md, "Authorization model"): a grant is (client, role, resource pattern). Every route asks `allows` the same
 * question — may this principal do `action` on this resource — and the answer is no unless a grant says yes.
 */
export const ROLES = [
  'credentials-reader',
  'connections-manager',
  'api-reader',
  'api-caller',
  'agent',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Authress's name for the credentials reader, accepted on input. A Map: a caller's string never reaches a prototype. */
const ROLE_ALIASES: ReadonlyMap<string, Role> = new Map([['UserCredentialsViewer', 'credentials-reader']]);

export type Action =
  | 'credentials:read'
  | 'credentials:exchange'
  | 'proxy:read'
  | 'proxy:write'
  | 'connections:read'
  | 'connections:delete'
  | 'connections:refresh'
  | 'connect-sessions:create'
  | 'clients:manage'
  | 'audit:read'
  | 'webhooks:read'
  | 'webhooks:send';

/** Every action: the service `admin` role's, and the dashboard's admin operators'. */
export const ADMIN_ACTIONS: readonly Action[] = [
  'credentials:read',
  'credentials:exchange',
  'proxy:read',
  'proxy:write',
  'connections:read',
  'connections:delete',
  'connections:refresh',
  'connect-sessions:create',
  'clients:manage',
  'audit:read',
  'webhooks:read',
  'webhooks:send',
];

const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  // It can read the token anyway, so calling the API with it gives nothing more.
  'credentials-reader': ['credentials:read', 'proxy:read', 'proxy:write'],
  'connections-manager': ['connections:read', 'connections:delete', 'connections:refresh', 'connect-sessions:create'],
  // Calls the provider's API as the account without ever holding its token; a reader only with GET, HEAD, OPTIONS.
  'api-reader': ['proxy:read'],
  'api-caller': ['proxy:read', 'proxy:write'],
  // Acts for a user who proves themselves with a trusted issuer's JWT: a token by exchange (RFC 8693), only then.
  agent: ['credentials:exchange'],
  admin: ADMIN_ACTIONS,
};

/** The roles whose grants allow `action`, for documentation (the API reference names them per operation). */
export function rolesWith(action: Action): Role[] {
  return ROLES.filter((role) => ROLE_ACTIONS[role].includes(action));
}

/**
 * The wildcard: in a grant's pattern it matches any one non-empty segment; in a resource it means "every value
 * here", which only a wildcard (or a shorter pattern) covers. A symbol, so no caller's string (a user literally
 * named `*`) can be confused with it.
 */
export const WILDCARD: unique symbol = Symbol('*');
export type Segment = string | typeof WILDCARD;

/** A resource of one environment, as path segments holding raw values (a user id may contain `/`). */
export interface Resource {
  env: string;
  path: readonly Segment[];
}

export const resources = {
  credentials: (env: string, provider: Segment, userId: string): Resource => ({
    env,
    path: ['connections', provider, 'users', userId, 'credentials'],
  }),
  /** Calls to the provider's API as the user's accounts (the proxy). */
  proxy: (env: string, provider: Segment, userId: string): Resource => ({
    env,
    path: ['connections', provider, 'users', userId, 'proxy'],
  }),
  account: (env: string, provider: Segment, userId: string): Resource => ({
    env,
    path: ['connections', provider, 'users', userId],
  }),
  connections: (env: string, provider?: string): Resource => ({
    env,
    path: provider === undefined ? ['connections'] : ['connections', provider],
  }),
  clients: (env: string, clientId?: string): Resource => ({
    env,
    path: clientId === undefined ? ['clients'] : ['clients', clientId],
  }),
  audit: (env: string): Resource => ({ env, path: ['audit'] }),
  webhooks: (env: string): Resource => ({ env, path: ['webhooks'] }),
};

/** A grant as the matcher uses it: the stored `resource` text parsed once. */
export interface Grant {
  role: Role;
  /** Canonical text; empty for the whole environment. */
  resource: string;
  pattern: readonly Segment[];
}

/** Whether any of the principal's grants lets it do `action` on `resource`. Deny by default. */
export function allows(principal: { env: string; grants: readonly Grant[] }, action: Action, resource: Resource) {
  if (resource.env !== principal.env) return false;
  // Loops rather than some/every with closures: every request asks this at least twice.
  for (const grant of principal.grants) {
    if (ROLE_ACTIONS[grant.role].includes(action) && covers(grant.pattern, resource)) return true;
  }
  return false;
}

/** Whether any grant allows `action` somewhere: a principal with none is refused before anything is looked up. */
export function allowsSomewhere(principal: { grants: readonly Grant[] }, action: Action): boolean {
  return principal.grants.some((grant) => ROLE_ACTIONS[grant.role].includes(action));
}

/** Who asks and what they may do: a service client by its grants, the CLI operator in everything. */
export interface Caller extends Actor {
  may(action: Action, resource: Resource): boolean;
  /** Set for a session from a connect session that named scopes: no read or link may ask for others. */
  scopeLimit?: readonly string[];
}

/** The CLI operator already holds the database and the master key; grants do not bind them. */
export const OPERATOR: Caller = { principal: 'cli', may: () => true };

/** What a browser session may do with its user's accounts. */
export const SESSION_ACTIONS: readonly Action[] = [
  'credentials:read',
  'connections:read',
  'connections:delete',
  'proxy:read',
  'proxy:write',
];

/** What a user proved by a trusted issuer's JWT may do with their own accounts: a session's, and ask to link more. */
export const TRUSTED_USER_ACTIONS: readonly Action[] = [...SESSION_ACTIONS, 'connect-sessions:create'];

/**
 * The caller as the proxy asks it: `credentials:read` on an account's credentials also allows calling its API
 * (it can read the token anyway), whatever role or session gave it.
 */
export function proxyCaller(caller: Caller): Caller {
  return {
    ...caller,
    may: (action, resource) => {
      if (caller.may(action, resource)) return true;
      if ((action !== 'proxy:read' && action !== 'proxy:write') || resource.path[4] !== 'proxy') return false;
      return caller.may('credentials:read', { env: resource.env, path: [...resource.path.slice(0, 4), 'credentials'] });
    },
  };
}

/**
 * A browser session's user (or one proved by a trusted issuer's JWT, with `TRUSTED_USER_ACTIONS`): its own
 * connected accounts, in its own environment, within its limits if any.
 */
export function sessionCaller(
  session: { env: string; userId: string; limits?: SessionLimits | null },
  requestId: string | null = null,
  actions: readonly Action[] = SESSION_ACTIONS,
): Caller {
  const { env, userId, limits } = session;
  return {
    principal: `user:${userId}`,
    requestId,
    ...(limits && { via: limits.createdBy }),
    ...(limits && limits.scopes.length > 0 && { scopeLimit: limits.scopes }),
    may: (action, resource) =>
      (limits ? limits.actions : actions).includes(action) &&
      resource.env === env &&
      resource.path[0] === 'connections' &&
      (!limits?.provider || resource.path[1] === limits.provider) &&
      resource.path[2] === 'users' &&
      resource.path[3] === userId,
  };
}

/** What of `actions` the caller may do on `resourceOf(action)`: what a session it creates may carry. */
export function heldActions(caller: Caller, actions: readonly Action[], resourceOf: (action: Action) => Resource) {
  return actions.filter((action) => caller.may(action, resourceOf(action)));
}

/** Refuses a request for scopes beyond the caller's limit (a session from a connect session that named scopes). */
export function authorizeScopes(caller: Caller, scopes: readonly string[]): void {
  const limit = caller.scopeLimit;
  if (!limit) return;
  const beyond = scopes.filter((scope) => !limit.includes(scope));
  if (beyond.length > 0) {
    throw new VaultError('forbidden', `this session may not ask for the scopes ${beyond.join(' ')}`);
  }
}

/**
 * A caller may give only what it holds: every action of the grant's role on the grant's whole pattern (a
 * wildcard in the pattern is covered only by a wildcard or a shorter pattern of the caller's). Without this a
 * client allowed to manage one client could grant itself the whole environment.
 */
export function authorizeGrant(caller: Caller, env: string, grant: Grant, doing = 'give'): void {
  for (const action of ROLE_ACTIONS[grant.role]) {
    if (!caller.may(action, { env, path: grant.pattern })) {
      throw new VaultError(
        'forbidden',
        `the caller cannot ${doing} ${grant.role} on ${grant.resource === '' ? 'the whole environment' : `'${grant.resource}'`}: it does not hold it`,
      );
    }
  }
}

export function authorize(caller: Caller, action: Action, resource: Resource): void {
  if (!caller.may(action, resource)) {
    throw new VaultError('forbidden', `no grant allows ${action} on ${formatPath(resource.path)}`);
  }
}

/**
 * A wildcard matches exactly one non-empty segment, the resource's wildcard included; a literal matches only the
 * same text. A pattern covers everything below its path (Authress's cascade).
 */
function covers(pattern: readonly Segment[], resource: Resource): boolean {
  if (pattern.length > resource.path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i];
    const value = resource.path[i] as Segment;
    if (segment === WILDCARD ? value === '' : segment !== value) return false;
  }
  return true;
}

export function parseRole(role: string): Role {
  const known = ROLE_ALIASES.get(role) ?? ROLES.find((r) => r === role);
  if (!known) throw new VaultError('invalid_request', `unknown role '${role}'; known roles: ${ROLES.join(', ')}`);
  return known;
}

/** The shape every pattern must follow, so that a typo is refused instead of silently matching nothing. */
const SHAPES: ReadonlyMap<string, readonly (string | readonly string[] | null)[]> = new Map([
  // connections/{provider}/users/{userId}/credentials, or …/proxy for calls to the provider's API
  ['connections', ['connections', null, 'users', null, ['credentials', 'proxy']]],
  ['clients', ['clients', null]],
  ['audit', ['audit']],
  ['webhooks', ['webhooks']],
]);

/**
 * Parses a resource pattern: a path of the shape `connections/PROVIDER/users/USER/credentials` (or a prefix of
 * it, or `clients/ID`, `audit`, `webhooks`) where any value segment may be `*`. Authress's capitalised keywords
 * (`Connections`, `Users`, `Credentials`) are accepted. Empty means the whole environment. Segments are
 * percent-decoded, so `%2F` is a slash inside a user id and `%2A` a literal star; empty, `.` and `..` segments
 * are refused.
 */
export function parseGrant(role: string, resource: string): Grant {
  const text = resource.trim().replace(/^\//, '');
  if (text === '') return { role: parseRole(role), resource: '', pattern: [] };
  const raw = text.split('/');
  const shape = SHAPES.get(raw[0]?.toLowerCase() ?? '');
  const bad = (why: string) => new VaultError('invalid_request', `resource '${resource}': ${why}`);
  if (!shape) throw bad(`it must start with one of ${[...SHAPES.keys()].join(', ')}`);
  if (raw.length > shape.length) throw bad(`it has more than ${shape.length} segments`);
  const pattern = raw.map((segment, i): Segment => {
    if (segment === '' || segment === '.' || segment === '..') throw bad('empty, "." and ".." segments are refused');
    const keyword = shape[i];
    if (keyword) {
      const keywords: readonly string[] = typeof keyword === 'string' ? [keyword] : keyword;
      const found = keywords.find((word) => word === segment.toLowerCase());
      if (!found) throw bad(`segment ${i + 1} must be ${keywords.map((word) => `'${word}'`).join(' or ')}`);
      return found;
    }
    if (segment === '*') return WILDCARD;
    try {
      return decodeURIComponent(segment);
    } catch {
      throw bad(`segment ${i + 1} is not valid percent-encoding`);
    }
  });
  return { role: parseRole(role), resource: formatPath(pattern), pattern };
}

const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '/': '%2F', '*': '%2A' };

/** Canonical text of a path: `%`, `/` and a literal `*` inside a segment are percent-encoded. */
function formatPath(path: readonly Segment[]): string {
  return path
    .map((segment) => (segment === WILDCARD ? '*' : segment.replace(/[%/*]/g, (c) => ESCAPES[c] as string)))
    .join('/');
}
