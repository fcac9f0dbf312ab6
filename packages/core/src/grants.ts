import type { Actor } from './audit.js';
import { VaultError } from './errors.js';

/**
 * Who may do what (SPEC §2): a grant is (client, role, resource pattern). Every route asks `allows` the same
 * question — may this principal do `action` on this resource — and the answer is no unless a grant says yes.
 */
export const ROLES = ['credentials-reader', 'connections-manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Authress's name for the credentials reader (seed 002), accepted on input. */
const ROLE_ALIASES: Readonly<Record<string, Role>> = { UserCredentialsViewer: 'credentials-reader' };

export type Action =
  | 'credentials:read'
  | 'connections:read'
  | 'connections:delete'
  | 'connect-sessions:create'
  | 'clients:manage'
  | 'audit:read'
  | 'webhooks:read';

const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  'credentials-reader': ['credentials:read'],
  'connections-manager': ['connections:read', 'connections:delete', 'connect-sessions:create'],
  admin: [
    'credentials:read',
    'connections:read',
    'connections:delete',
    'connect-sessions:create',
    'clients:manage',
    'audit:read',
    'webhooks:read',
  ],
};

/** A resource of one environment, as path segments holding raw values (a user id may contain `/`). */
export interface Resource {
  env: string;
  path: readonly string[];
}

export const resources = {
  credentials: (env: string, provider: string, userId: string): Resource => ({
    env,
    path: ['connections', provider, 'users', userId, 'credentials'],
  }),
  account: (env: string, provider: string, userId: string): Resource => ({
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

const ANY = Symbol('*');
type PatternSegment = string | typeof ANY;

/** A grant as the matcher uses it: the stored `resource` text parsed once. */
export interface Grant {
  role: Role;
  /** Canonical text; empty for the whole environment. */
  resource: string;
  pattern: readonly PatternSegment[];
}

/** Whether any of the principal's grants lets it do `action` on `resource`. Deny by default. */
export function allows(principal: { env: string; grants: readonly Grant[] }, action: Action, resource: Resource) {
  if (resource.env !== principal.env) return false;
  return principal.grants.some((grant) => ROLE_ACTIONS[grant.role].includes(action) && covers(grant.pattern, resource));
}

/** Whether any grant allows `action` somewhere: a principal with none is refused before anything is looked up. */
export function allowsSomewhere(principal: { grants: readonly Grant[] }, action: Action): boolean {
  return principal.grants.some((grant) => ROLE_ACTIONS[grant.role].includes(action));
}

/** Who asks and what they may do: a service client by its grants, the CLI operator in everything. */
export interface Caller extends Actor {
  may(action: Action, resource: Resource): boolean;
}

/** The CLI operator already holds the database and the master key; grants do not bind them. */
export const OPERATOR: Caller = { principal: 'cli', may: () => true };

const SESSION_ACTIONS: readonly Action[] = ['credentials:read', 'connections:read', 'connections:delete'];

/** A browser session's user: its own connected accounts, in its own environment, and nothing else. */
export function sessionCaller(env: string, userId: string, requestId: string | null = null): Caller {
  return {
    principal: `user:${userId}`,
    requestId,
    may: (action, resource) =>
      SESSION_ACTIONS.includes(action) &&
      resource.env === env &&
      resource.path[0] === 'connections' &&
      resource.path[2] === 'users' &&
      resource.path[3] === userId,
  };
}

/**
 * A caller may give only what it holds: every action of the grant's role on the grant's whole pattern (a `*`
 * in the pattern is covered only by a `*` or a shorter pattern of the caller's). Without this a client allowed
 * to manage one client could grant itself the whole environment.
 */
export function authorizeGrant(caller: Caller, env: string, grant: Grant): void {
  const path = grant.pattern.map((segment) => (segment === ANY ? '*' : segment));
  for (const action of ROLE_ACTIONS[grant.role]) {
    if (!caller.may(action, { env, path })) {
      throw new VaultError(
        'forbidden',
        `the caller cannot give ${grant.role} on '${grant.resource}': it does not hold it`,
      );
    }
  }
}

export function authorize(caller: Caller, action: Action, resource: Resource): void {
  if (!caller.may(action, resource)) {
    throw new VaultError('forbidden', `no grant allows ${action} on ${formatPath(resource.path)}`);
  }
}

/** `*` matches exactly one non-empty segment; a pattern covers everything below its path (Authress's cascade). */
function covers(pattern: readonly PatternSegment[], resource: Resource): boolean {
  if (pattern.length > resource.path.length) return false;
  return pattern.every((segment, i) => {
    const value = resource.path[i] as string;
    return segment === ANY ? value !== '' : segment === value;
  });
}

export function parseRole(role: string): Role {
  const known = ROLE_ALIASES[role] ?? (ROLES as readonly string[]).find((r) => r === role);
  if (!known) throw new VaultError('invalid_request', `unknown role '${role}'; known roles: ${ROLES.join(', ')}`);
  return known as Role;
}

/** The shape every pattern must follow, so that a typo is refused instead of silently matching nothing. */
const SHAPES: Readonly<Record<string, readonly (string | null)[]>> = {
  // connections/{provider}/users/{userId}/credentials
  connections: ['connections', null, 'users', null, 'credentials'],
  clients: ['clients', null],
  audit: ['audit'],
  webhooks: ['webhooks'],
};

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
  const shape = SHAPES[raw[0]?.toLowerCase() ?? ''];
  const bad = (why: string) => new VaultError('invalid_request', `resource '${resource}': ${why}`);
  if (!shape) throw bad(`it must start with one of ${Object.keys(SHAPES).join(', ')}`);
  if (raw.length > shape.length) throw bad(`it has more than ${shape.length} segments`);
  const pattern = raw.map((segment, i): PatternSegment => {
    if (segment === '' || segment === '.' || segment === '..') throw bad('empty, "." and ".." segments are refused');
    const keyword = shape[i];
    if (keyword) {
      if (segment.toLowerCase() !== keyword) throw bad(`segment ${i + 1} must be '${keyword}'`);
      return keyword;
    }
    if (segment === '*') return ANY;
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
function formatPath(path: readonly PatternSegment[]): string {
  return path
    .map((segment) => (segment === ANY ? '*' : segment.replace(/[%/*]/g, (c) => ESCAPES[c] as string)))
    .join('/');
}
