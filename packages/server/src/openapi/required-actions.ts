import { type Action, type Role, rolesWith } from '@tokenvault/core';

/** What a service client's grants must allow for an operation (docs/security.md, "Authorization model"). */
export interface RequiredAction {
  action: Action;
  /** The resource the grant must cover, as a pattern over the path's parameters. */
  resource: string;
  roles: Role[];
}

const CREDENTIALS = 'connections/{provider}/users/{userId}/credentials';
const ACCOUNT = 'connections/{provider}/users/{userId}';
const PROXY = 'connections/{provider}/users/{userId}/proxy';
const PROXIED_CALL = /^\/v1\/users\/\{userId\}\/.*\/proxy\/\{path\}$/;

/** Path (and methods) → action, in the order the routes check them; the first that matches wins. */
const RULES: Array<{ methods?: string[]; path: RegExp; action: Action; resource: string }> = [
  // A proxied read changes nothing at the provider; any other method may (docs/proxy.md).
  { methods: ['get', 'head', 'options'], path: PROXIED_CALL, action: 'proxy:read', resource: PROXY },
  { path: PROXIED_CALL, action: 'proxy:write', resource: PROXY },
  { path: /^\/v1\/users\/\{userId\}\/.*\/access-token$/, action: 'credentials:read', resource: CREDENTIALS },
  { path: /^\/v1\/connections\/.*\/credentials$/, action: 'credentials:read', resource: CREDENTIALS },
  {
    methods: ['delete'],
    path: /^\/v1\/users\/\{userId\}\/connected-accounts\//,
    action: 'connections:delete',
    resource: ACCOUNT,
  },
  { path: /^\/v1\/users\/\{userId\}\/connected-accounts/, action: 'connections:read', resource: ACCOUNT },
  { path: /^\/v1\/connect-sessions$/, action: 'connect-sessions:create', resource: ACCOUNT },
  { path: /^\/v1\/admin\/clients/, action: 'clients:manage', resource: 'clients' },
  { path: /^\/v1\/admin\/audit(\/export)?$/, action: 'audit:read', resource: 'audit' },
  { path: /^\/v1\/admin\/users\/.*\/refresh$/, action: 'connections:refresh', resource: ACCOUNT },
  { methods: ['delete'], path: /^\/v1\/admin\/users\//, action: 'connections:delete', resource: ACCOUNT },
  { path: /^\/v1\/admin\/users\//, action: 'connections:read', resource: ACCOUNT },
  { path: /^\/v1\/admin\/overview$/, action: 'connections:read', resource: 'connections' },
  { methods: ['post'], path: /^\/v1\/admin\/webhook/, action: 'webhooks:send', resource: 'webhooks' },
  { path: /^\/v1\/admin\/webhook/, action: 'webhooks:read', resource: 'webhooks' },
  {
    path: /^\/v1\/admin\/providers\/\{provider\}\/test-connect$/,
    action: 'connect-sessions:create',
    resource: 'connections/{provider}/users/test:{principal}',
  },
  {
    path: /^\/v1\/admin\/(connected-accounts|providers)$/,
    action: 'connections:read',
    resource: 'connections/{provider}',
  },
];

/** The action a service-client operation needs, or undefined for operations that take no grant. */
export function requiredAction(method: string, path: string): RequiredAction | undefined {
  const rule = RULES.find((r) => (r.methods === undefined || r.methods.includes(method)) && r.path.test(path));
  return rule && { action: rule.action, resource: rule.resource, roles: rolesWith(rule.action) };
}
