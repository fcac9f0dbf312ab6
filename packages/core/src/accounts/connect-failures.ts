import { auditRow } from '../authorization/audit.js';
import { isVaultError } from '../errors.js';
import type { FlowRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';

const MAX_MESSAGE = 500;

/**
 * Records a connect flow that failed after its state checked out (consent refused, the code exchange or the
 * account lookup failed) as audit action `account.connect_failed`, with the error code as its result, so an
 * operator can list them (`GET /v1/admin/audit?action=account.connect_failed`). Failures before that carry no
 * flow the vault issued, so nothing about them is trustworthy enough to record.
 */
export async function recordConnectFailure(ctx: VaultContext<unknown>, flow: FlowRow, err: unknown): Promise<void> {
  const code = isVaultError(err) ? err.code : 'internal';
  const actor = { principal: flow.userId === null ? 'browser' : `user:${flow.userId}` };
  const row = auditRow(actor, ctx.now(), {
    env: flow.env,
    action: 'account.connect_failed',
    result: code,
    provider: flow.provider,
    ...(flow.userId !== null && { userId: flow.userId }),
    scopes: flow.scopes,
    // The provider's error_description arrives in the callback URL: bounded, as every stored caller input is.
    detail: { error: code, message: isVaultError(err) ? err.message.slice(0, MAX_MESSAGE) : 'unexpected error' },
  });
  // The caller's own error is what matters to it; a failed audit write is logged, not thrown over it.
  await ctx.audit
    .record(row)
    .catch((failure: unknown) => ctx.log.error({ err: failure }, 'writing the audit log failed'));
}
