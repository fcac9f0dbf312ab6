import { type Action, ADMIN_ACTIONS, type Caller } from './grants.js';

/** The dashboard's roles (docs/dashboard.md, "Roles"), least to most. */
export const OPERATOR_ROLES = ['viewer', 'operator', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

const VIEWER: readonly Action[] = ['connections:read', 'audit:read', 'webhooks:read'];
const OPERATOR_ACTIONS: readonly Action[] = [...VIEWER, 'connections:delete', 'connections:refresh', 'webhooks:send'];

/**
 * What each role may do in its environments. An admin holds every action, so it can give service clients any
 * grant (a caller gives only what it holds); the dashboard itself never reads a token.
 */
const ROLE_ACTIONS: Readonly<Record<OperatorRole, readonly Action[]>> = {
  viewer: VIEWER,
  operator: OPERATOR_ACTIONS,
  admin: ADMIN_ACTIONS,
};

/** Who signed in at the operators' identity provider, from its validated ID token. */
export interface OperatorIdentity {
  subject: string;
  /** Only when the provider did not say it is unverified. */
  email: string | null;
  name: string | null;
  groups: readonly string[];
}

/** One line of `dashboard.operators`: who (exactly one of email, subject, group) gets which role where. */
export interface OperatorRule {
  email?: string;
  subject?: string;
  group?: string;
  role: OperatorRole;
  environments: readonly string[];
}

/** The operator's role in each environment: the highest any matching rule gives. */
export function operatorRoles(rules: readonly OperatorRule[], who: OperatorIdentity): Map<string, OperatorRole> {
  const roles = new Map<string, OperatorRole>();
  for (const rule of rules) {
    const matches =
      (rule.subject !== undefined && rule.subject === who.subject) ||
      (rule.email !== undefined && who.email !== null && rule.email.toLowerCase() === who.email.toLowerCase()) ||
      (rule.group !== undefined && who.groups.includes(rule.group));
    if (!matches) continue;
    for (const env of rule.environments) {
      const held = roles.get(env);
      if (held === undefined || OPERATOR_ROLES.indexOf(rule.role) > OPERATOR_ROLES.indexOf(held)) {
        roles.set(env, rule.role);
      }
    }
  }
  return roles;
}

export function operatorMay(role: OperatorRole, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** A signed-in operator acting in one environment: audited as `operator:<subject>`. */
export function operatorCaller(who: OperatorIdentity, env: string, role: OperatorRole, requestId: string): Caller {
  return {
    principal: `operator:${who.subject}`,
    requestId,
    may: (action, resource) => resource.env === env && operatorMay(role, action),
  };
}
