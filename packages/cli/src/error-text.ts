import { VaultError } from '@tokenvault/core';
import { CliError } from './cli-error.js';

/** The one line a failed command prints: the message, the underlying reasons, and what to check. */
export function errorText(err: unknown): string {
  if (err instanceof CliError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  const reasons = causesOf(err);
  const hint = hintFor(err);
  return [message, ...reasons].join(': ') + (hint ? `. ${hint}` : '');
}

/** Each cause's message, deepest last, skipping ones that repeat what was already said. */
function causesOf(err: unknown): string[] {
  const seen = new Set([err instanceof Error ? err.message : '']);
  const reasons: string[] = [];
  for (let at = (err as { cause?: unknown })?.cause, depth = 0; at && depth < 5; depth++) {
    const text = at instanceof Error ? at.message : typeof at === 'string' ? at : '';
    // AggregateError (a host with IPv4 and IPv6 addresses) has an empty message and its reasons in `errors`.
    const inner = at instanceof AggregateError ? at.errors.map((e: Error) => e.message).join('; ') : '';
    const said = text || inner;
    if (said && !seen.has(said)) reasons.push(said);
    seen.add(said);
    at = (at as { cause?: unknown }).cause;
  }
  return reasons;
}

/** What an operator should check, for the failures seen in practice. */
function hintFor(err: unknown): string | undefined {
  const codes = codesOf(err);
  if (codes.has('3D000')) return 'Create the database (createdb NAME) or fix the name in `database`';
  if (codes.has('28P01') || codes.has('28000')) return 'Check the user and password in `database`';
  if (codes.has('ECONNREFUSED') || codes.has('ENOTFOUND') || codes.has('EAI_AGAIN') || codes.has('ETIMEDOUT')) {
    return 'Check that the database server is running and that `database` names the right host and port';
  }
  if (codes.has('SQLITE_CANTOPEN')) return "Check that the SQLite file's directory exists and is writable";
  if (err instanceof VaultError && err.code === 'decryption_failed') {
    return 'Check masterKey (and previousMasterKeys while a rotation is under way): see docs/security.md';
  }
  return undefined;
}

function codesOf(err: unknown): Set<string> {
  const codes = new Set<string>();
  const visit = (at: unknown, depth: number) => {
    if (!at || typeof at !== 'object' || depth > 5) return;
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
    if (at instanceof AggregateError) for (const inner of at.errors) visit(inner, depth + 1);
    visit((at as { cause?: unknown }).cause, depth + 1);
  };
  visit(err, 0);
  return codes;
}
