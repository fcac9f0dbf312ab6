import type { OperatorIdentity, OperatorLogin, OperatorRule, OperatorSessions } from '@tokenvault/core';

/** The dashboard's sign-in and who may do what there (docs/dashboard.md). */
export interface DashboardOptions {
  /** The operators' OpenID provider; left out in dev mode, where `devOperator` signs in without one. */
  login?: OperatorLogin;
  operators: readonly OperatorRule[];
  sessions: OperatorSessions;
  /** Dev mode: who "Sign in" makes the local user, without asking anyone. */
  devOperator?: OperatorIdentity;
}
