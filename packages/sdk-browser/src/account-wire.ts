import type {
  AccessTokenErrorCode,
  AccessTokenResult,
  AccountStatus,
  ConnectedAccountData,
  DisconnectResult,
} from './account-types.js';
import { isRecord } from './session.js';

// The one place /v1/me's JSON becomes the SDK's types. Each function answers undefined for a body the vault never
// sends; the caller turns that into `request_failed`.

const STATUSES: ReadonlySet<string> = new Set<AccountStatus>(['active', 'needs_reauth', 'error', 'revoked']);

/** The token routes' answers that are a result, not a failure (docs/api.md); anything else throws. */
const TOKEN_ERRORS: Readonly<Record<number, AccessTokenErrorCode>> = {
  401: 'not_connected', // no vault session in this browser: nothing of it is connected
  403: 'missing_scopes',
  404: 'not_connected',
  409: 'needs_reauth',
  503: 'provider_unavailable',
};

export function toAccountData(item: unknown): ConnectedAccountData | undefined {
  if (!isRecord(item) || typeof item.id !== 'string' || typeof item.provider !== 'string') return undefined;
  const createdAt = toDate(item.createdAt);
  const updatedAt = toDate(item.updatedAt);
  if (typeof item.status !== 'string' || !STATUSES.has(item.status) || !createdAt || !updatedAt) return undefined;
  return {
    id: item.id,
    provider: item.provider,
    providerAccountId: String(item.providerAccountId),
    displayName: typeof item.displayName === 'string' ? item.displayName : null,
    scopes: Object.freeze(toStrings(item.scopes)),
    status: item.status as AccountStatus,
    expiresAt: toDate(item.expiresAt),
    lastRefreshedAt: toDate(item.lastRefreshedAt),
    nextRefreshAt: toDate(item.nextRefreshAt),
    lastError: typeof item.lastError === 'string' ? item.lastError : null,
    metadata: Object.freeze(toStringRecord(item.metadata)),
    createdAt,
    updatedAt,
  };
}

/** `{items, nextCursor}`: the items, and the cursor of the next page (null on the last). */
export function toAccountPage(body: unknown): { items: ConnectedAccountData[]; nextCursor: string | null } | undefined {
  if (!isRecord(body) || !Array.isArray(body.items)) return undefined;
  const items = body.items.map(toAccountData);
  if (!items.every((item) => item !== undefined)) return undefined;
  return { items, nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null };
}

export function toTokenResult(
  status: number,
  body: unknown,
  retryAfterHeader: string | null,
): AccessTokenResult | undefined {
  const fields = isRecord(body) ? body : {};
  if (status === 200) {
    if (typeof fields.accessToken !== 'string' || fields.accessToken === '') return undefined;
    return {
      status: 'ok',
      data: {
        accessToken: fields.accessToken,
        tokenType: typeof fields.tokenType === 'string' ? fields.tokenType : 'Bearer',
        expiresAt: toDate(fields.expiresAt),
        scopes: toStrings(fields.scopes),
        accountId: String(fields.accountId),
      },
    };
  }
  const code = TOKEN_ERRORS[status];
  if (code === undefined) return undefined;
  const retryAfter = Number(fields.retryAfter ?? retryAfterHeader ?? Number.NaN);
  const missingScopes = Array.isArray(fields.missingScopes) ? toStrings(fields.missingScopes) : undefined;
  return {
    status: 'error',
    error: {
      code,
      message: typeof fields.message === 'string' ? fields.message : String(fields.error ?? code),
      ...(code === 'missing_scopes' && missingScopes && { missingScopes }),
      ...(code === 'provider_unavailable' && Number.isFinite(retryAfter) && { retryAfter }),
    },
  };
}

export function toDisconnectResult(body: unknown): DisconnectResult | undefined {
  if (!isRecord(body) || typeof body.deleted !== 'boolean') return undefined;
  const { revocationError } = body;
  return {
    deleted: body.deleted,
    revokedAtProvider: body.revokedAtProvider === true,
    ...(isRecord(revocationError) && {
      revocationError: { error: String(revocationError.error), message: String(revocationError.message) },
    }),
  };
}

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toStringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function toStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
