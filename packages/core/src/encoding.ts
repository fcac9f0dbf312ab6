import { nodeCrypto } from './crypto/node-crypto.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

const BASE64URL_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const digit = (sextet: number) => BASE64URL_DIGITS.charAt(sextet & 63);

/** RFC 4648 §5 without padding. Written out rather than btoa and three replacements: an audit id per read uses it. */
export function base64url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const group = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    text += digit(group >> 18) + digit(group >> 12) + digit(group >> 6) + digit(group);
  }
  if (i < bytes.length) {
    const group = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8);
    text += digit(group >> 18) + digit(group >> 12) + (i + 1 < bytes.length ? digit(group >> 6) : '');
  }
  return text;
}

/** Throws a TypeError on anything that is not base64 or base64url. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A random identifier such as `ca_3xT…`: 128 bits, URL- and key-string-safe (no `.`). */
export function randomId(prefix: string): string {
  return `${prefix}_${base64url(randomBytes(16))}`;
}

/**
 * An identifier that sorts by creation time, such as `aud_0194f3a2b7c1Qx…`: the milliseconds since the epoch in
 * 12 hex digits (until the year 10889), then 96 random bits. Rows keyed by it are appended at the end of their
 * primary-key B-tree instead of at a random page, which halves the cost of an audit row once the table outgrows
 * the database's page cache (docs/benchmarks.md, "The audit row").
 */
export function timeOrderedId(prefix: string, now: number): string {
  const ms = Math.trunc(now);
  if (ms !== lastMs) {
    lastMs = ms;
    lastHex = ms.toString(16).padStart(12, '0'); // half of an id's cost; a busy server makes several per millisecond
  }
  return `${prefix}_${lastHex}${pooledRandomDigits()}`;
}
let lastMs = Number.NaN;
let lastHex = '';

// The random part of ids that are no secret (audit row ids, one per token read) comes from a pool of 3 KiB of random
// bytes, encoded once: one call into the system's generator and one encoding per 256 ids rather than one of each per
// id, which cost a token read about as much as its decryption (docs/benchmarks.md). Keys, tokens and IVs keep calling
// `randomBytes`.
const POOL_BYTES = 3072;
/** 96 bits. */
const ID_DIGITS = 16;
let pool = '';
let poolUsed = 0;
function pooledRandomDigits(): string {
  if (poolUsed === pool.length) {
    pool = base64url(crypto.getRandomValues(new Uint8Array(POOL_BYTES)));
    poolUsed = 0;
  }
  poolUsed += ID_DIGITS;
  return pool.slice(poolUsed - ID_DIGITS, poolUsed);
}

/** Whether `id` has the shape `randomId(prefix)` gives: what cannot be one is refused before any lookup. */
export function isRandomId(prefix: string, id: string): boolean {
  return id.length === prefix.length + 23 && id.startsWith(`${prefix}_`) && BASE64URL.test(id.slice(prefix.length + 1));
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** SHA-256 of the UTF-8 text, base64url: Node's hash where the runtime has it, WebCrypto's digest elsewhere. */
export async function sha256(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('base64url');
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

export function toHex(text: string): string {
  let hex = '';
  for (const byte of utf8(text)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Throws a TypeError on anything that is not even-length hex of UTF-8. */
export function fromHex(hex: string): string {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('not hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return fromUtf8(bytes);
}

/** Compares two secrets without an early exit; lengths are not secret (nonces have a fixed size). */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = utf8(a);
  const y = utf8(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] as number) ^ (y[i] as number);
  return diff === 0;
}
