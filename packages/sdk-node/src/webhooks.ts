import { createHmac, timingSafeEqual } from 'node:crypto';
import { VaultClientError } from './errors.js';
import type { AccountStatus } from './types.js';

/** What the vault's webhooks say (docs/reliability.md, "Status and events"); never a token. `webhook-id` is the key to deduplicate on. */
export interface WebhookEvent {
  type: 'account.connected' | 'account.status_changed' | 'account.disconnected';
  /** ISO 8601. */
  timestamp: string;
  data: {
    environment: string;
    userId: string;
    accountId: string;
    provider: string;
    providerAccountId: string;
    status: AccountStatus;
    /** With `account.status_changed`. */
    from?: AccountStatus;
    to?: AccountStatus;
    reason?: string | null;
  };
}

export interface VerifyWebhookOptions {
  /** Default 300: the Standard Webhooks tolerance, either way. */
  toleranceSeconds?: number;
  /** Default now; for tests. */
  now?: Date;
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks a Standard Webhooks delivery and returns its event; throws `invalid_webhook` when a header is missing,
 * the timestamp is more than the tolerance from now, no `v1` signature matches, or the body is not a JSON event.
 * Pass the body exactly as received (string or Buffer, e.g. from `express.raw()`), not re-serialized JSON.
 */
export function verifyWebhook(
  headers: WebhookHeaders,
  rawBody: string | Uint8Array,
  secret: string,
  options: VerifyWebhookOptions = {},
): WebhookEvent {
  const key = webhookKey(secret);
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new VaultClientError('invalid_argument', 'rawBody must be the body as received (a string or a Buffer)');
  }
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw invalid('webhook-id, webhook-timestamp or webhook-signature header missing');
  }
  if (!/^\d+$/.test(timestamp.trim())) throw invalid('webhook-timestamp is not whole seconds');
  const seconds = Number(timestamp.trim());
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - seconds) > tolerance) throw invalid(`webhook-timestamp is more than ${tolerance} s from now`);

  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  // Signed as the reference library signs: the timestamp as a number, so leading zeros do not matter.
  const expected = createHmac('sha256', key).update(`${id}.${seconds}.`).update(body).digest();
  // Space-separated per the spec; a repeated header arrives joined by ", ", which this split also undoes.
  const matches = signatures
    .trim()
    .split(/,?\s+/)
    .some((candidate) => {
      if (!candidate.startsWith('v1,')) return false;
      const given = candidate.slice(3);
      if (!BASE64.test(given)) return false;
      const bytes = Buffer.from(given, 'base64');
      return bytes.length === expected.length && timingSafeEqual(bytes, expected);
    });
  if (!matches) throw invalid('no webhook-signature matches');
  return parseEvent(body);
}

/** `whsec_<base64>` is the key's base64, as in the reference library; any other secret is its UTF-8 bytes. */
function webhookKey(secret: string): Buffer {
  if (typeof secret !== 'string' || secret === '') {
    throw new VaultClientError('invalid_argument', 'the webhook secret is empty');
  }
  if (!secret.startsWith(SECRET_PREFIX)) return Buffer.from(secret, 'utf8');
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded)) {
    throw new VaultClientError('invalid_argument', 'the webhook secret: the part after whsec_ is not base64');
  }
  return Buffer.from(encoded, 'base64');
}

function parseEvent(body: Buffer): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new VaultClientError('invalid_webhook', 'the webhook body is not JSON', { cause });
  }
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw invalid('the webhook body is not an event (no type)');
  }
  return event as WebhookEvent;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function invalid(message: string): VaultClientError {
  return new VaultClientError('invalid_webhook', message);
}
