import type { OperatorIdentity, Vault } from '@tokenvault/core';
import type { DashboardOptions } from '@tokenvault/server';
import type { Config } from './config.js';
import { DEV_ENV } from './dev-mode.js';

/** The dashboard as the config file sets it up; none without a `dashboard` section (then /v1/admin is for keys only). */
export function dashboardFrom(vault: Vault, config: Config): DashboardOptions | undefined {
  const { dashboard } = config;
  if (!dashboard) return undefined;
  return {
    login: vault.operatorLogin(dashboard.oidc),
    operators: dashboard.operators,
    sessions: vault.operatorSessions(dashboard.idleTimeoutMinutes * 60_000),
  };
}

/** Dev mode: whoever reaches the loopback address is the local user, admin of `development`. */
const LOCAL_OPERATOR: OperatorIdentity = { subject: 'local', email: null, name: 'local user', groups: [] };
const DEV_IDLE_MS = 12 * 60 * 60 * 1000;

export function devDashboard(vault: Vault): DashboardOptions {
  return {
    operators: [{ subject: LOCAL_OPERATOR.subject, role: 'admin', environments: [DEV_ENV] }],
    sessions: vault.operatorSessions(DEV_IDLE_MS),
    devOperator: LOCAL_OPERATOR,
  };
}
