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
  return ms === null ? null : new Date(ms).toISOString();
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
