import { fromBase64, toBase64, utf8 } from '../encoding.js';
import { VaultError } from '../errors.js';

// Standard Webhooks (https://www.standardwebhooks.com/): symmetric `v1` signatures only.
const SECRET_PREFIX = 'whsec_';
const DEFAULT_TOLERANCE_SECONDS = 300;

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The HMAC key for a webhook secret. A secret starting with `whsec_` is base64 of the key bytes, as the reference
 * `standardwebhooks` library reads it. Any other secret is its own UTF-8 bytes; receivers using the reference
 * library pass those bytes as a Uint8Array with `{ format: 'raw' }`, because given a string it keeps only the low
 * byte of each UTF-16 unit, which differs from UTF-8 for non-ASCII secrets.
 */
export function webhookKey(secret: string): Uint8Array {
  let key: Uint8Array;
  if (secret.startsWith(SECRET_PREFIX)) {
    try {
      key = fromBase64(secret.slice(SECRET_PREFIX.length));
    } catch (cause) {
      throw new VaultError('invalid_request', 'webhook secret: the part after whsec_ is not base64', { cause });
    }
  } else {
    key = utf8(secret);
  }
  if (key.length === 0) throw new VaultError('invalid_request', 'webhook secret is empty');
  return key;
}

/** The `webhook-signature` header value: `v1,` and base64 of HMAC-SHA256 over `${id}.${timestamp}.${body}`. */
export async function signWebhook(
  key: Uint8Array,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  // Receivers sign the timestamp header as they parse it, so a fraction would never verify.
  if (!Number.isSafeInteger(timestampSeconds)) {
    throw new VaultError('invalid_request', 'webhook timestamp must be whole seconds');
  }
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(key), utf8(`${id}.${timestampSeconds}.${body}`));
  return `v1,${toBase64(new Uint8Array(signature))}`;
}

function hmacKey(key: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

/**
 * Checks a received webhook's headers and signature and returns its parsed JSON body. Throws `unauthorized` when a
 * header is missing, the timestamp is further than the tolerance from now (either way), or no signature matches.
 */
export async function verifyWebhook(
  headers: HeaderBag,
  body: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<unknown> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new VaultError('unauthorized', 'webhook-id, webhook-timestamp or webhook-signature header missing');
  }
  if (!/^\d+$/.test(timestamp)) throw new VaultError('unauthorized', 'webhook-timestamp is not whole seconds');

  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - seconds) > tolerance) {
    throw new VaultError('unauthorized', `webhook-timestamp is more than ${tolerance} s away from now`);
  }

  const key = await hmacKey(webhookKey(secret));
  const signed = utf8(`${id}.${seconds}.${body}`);
  // Space-separated per the spec; a repeated header arrives joined by ", ", which this split also undoes.
  let matches = false;
  for (const candidate of signatures.split(/,? +/)) {
    const given = candidate.startsWith('v1,') ? decodeSignature(candidate.slice(3)) : undefined;
    // crypto.subtle.verify compares in constant time.
    if (given && (await crypto.subtle.verify('HMAC', key, given, signed))) matches = true;
  }
  if (!matches) throw new VaultError('unauthorized', 'no webhook-signature matches');

  try {
    return JSON.parse(body);
  } catch (cause) {
    throw new VaultError('invalid_request', 'webhook body is not JSON', { cause });
  }
}

function decodeSignature(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}
