import type { AccessToken, ConnectedAccount, DisconnectResult } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import * as z from 'zod';

// What crosses the wire, in one place: how input is validated and how answers are built. Every answer is built
// field by field, never by spreading a domain object, so nothing leaks in or drops out unseen (docs/api.md).

/** Validates a query string or JSON body; every problem is named in one `invalid_request`. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    throw new VaultError('invalid_request', problems.join('; '));
  }
  return result.data;
}

/** The request's JSON body, validated; an empty body means "no options". */
export async function parseBody<T extends z.ZodType>(schema: T, request: Request): Promise<z.infer<T>> {
  return parse(schema, await jsonBody(request));
}

/** An empty body means "no options". */
export async function jsonBody(request: Request): Promise<unknown> {
  return jsonText(await request.text());
}

/** A body's text as JSON; empty means "no options". */
export function jsonText(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new VaultError('invalid_request', 'the body is not valid JSON', { cause });
  }
}

/** An ISO 8601 time with its offset, as milliseconds since the epoch. */
export const isoInstant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

/** Times go out as ISO 8601 in UTC; null stays null ("never", "not yet"). */
export function isoTime(ms: number | null): string | null {
  if (ms === null) return null;
  // What Date's toISOString answers, computed here: a third of its cost, and every token read answers one.
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= MAX_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const { year, month, day } = civilDate(days);
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${three(rest - seconds * 1000)}Z`;
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on toISOString writes six-digit years with a sign. */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_800_000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** An account as every route answers it: each documented field named. */
export function accountJson(account: ConnectedAccount) {
  return {
    id: account.id,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    displayName: account.displayName,
    scopes: account.scopes,
    status: account.status,
    expiresAt: isoTime(account.expiresAt),
    lastRefreshedAt: isoTime(account.lastRefreshedAt),
    nextRefreshAt: isoTime(account.nextRefreshAt),
    lastError: account.lastError,
    metadata: account.metadata,
    createdAt: isoTime(account.createdAt),
    updatedAt: isoTime(account.updatedAt),
  };
}

export function tokenJson(token: AccessToken) {
  return {
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    expiresAt: isoTime(token.expiresAt),
    scopes: token.scopes,
    accountId: token.accountId,
  };
}

/** A disconnect's answer: the credential is deleted whatever the provider said about revoking it. */
export function disconnectJson({ revoked, revocationError }: DisconnectResult) {
  return {
    deleted: true,
    revokedAtProvider: revoked,
    ...(revocationError && { revocationError: { error: revocationError.code, message: revocationError.message } }),
  };
}
