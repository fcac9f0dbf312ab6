import { describe, expect, it } from 'vitest';
import { resources } from '../src/authorization/grants.js';
import { operatorCaller, operatorRoles } from '../src/authorization/operators.js';

const who = (fields: Partial<Parameters<typeof operatorRoles>[1]> = {}) => ({
  subject: 'sub-1',
  email: 'Ada@Example.com',
  name: null,
  groups: ['ops'],
  ...fields,
});

// An operator's role per environment is the highest any configured line gives them; a line matches by subject,
// verified email (any case) or group, and nothing else.
describe('operator roles', () => {
  it('matches by subject, email without case, and group, keeping the highest role per environment', () => {
    const roles = operatorRoles(
      [
        { group: 'ops', role: 'viewer', environments: ['production', 'staging'] },
        { email: 'ada@example.com', role: 'operator', environments: ['production'] },
        { subject: 'sub-1', role: 'admin', environments: ['staging'] },
        { subject: 'someone-else', role: 'admin', environments: ['production'] },
      ],
      who(),
    );
    expect(Object.fromEntries(roles)).toEqual({ production: 'operator', staging: 'admin' });
  });

  it('does not lower a role a later line gives less of, and gives nothing to an unverified email', () => {
    const rules = [
      { email: 'ada@example.com', role: 'admin' as const, environments: ['production'] },
      { group: 'ops', role: 'viewer' as const, environments: ['production'] },
    ];
    expect(Object.fromEntries(operatorRoles(rules, who()))).toEqual({ production: 'admin' });
    expect(Object.fromEntries(operatorRoles(rules, who({ email: null, groups: [] })))).toEqual({});
  });

  it('lets a viewer read and change nothing, in its own environment only', () => {
    const viewer = operatorCaller(who(), 'production', 'viewer', 'req-1');
    expect(viewer.principal).toBe('operator:sub-1');
    expect(viewer.may('connections:read', resources.connections('production'))).toBe(true);
    expect(viewer.may('audit:read', resources.audit('production'))).toBe(true);
    expect(viewer.may('connections:read', resources.connections('staging'))).toBe(false);
    for (const action of ['connections:delete', 'connections:refresh', 'clients:manage', 'credentials:read'] as const) {
      expect(viewer.may(action, resources.account('production', 'demo', 'u')), action).toBe(false);
    }
    const operator = operatorCaller(who(), 'production', 'operator', 'req-2');
    expect(operator.may('connections:refresh', resources.account('production', 'demo', 'u'))).toBe(true);
    expect(operator.may('clients:manage', resources.clients('production'))).toBe(false);
    const admin = operatorCaller(who(), 'production', 'admin', 'req-3');
    expect(admin.may('clients:manage', resources.clients('production'))).toBe(true);
  });
});
