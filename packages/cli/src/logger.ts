import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * JSON logs with secrets redacted by key, in any letter case and at any depth. The server never passes tokens to
 * the logger; redaction is the second line of defence.
 */
const SECRET_KEYS = [
  'accessToken',
  'refreshToken',
  'idToken',
  'access_token',
  'refresh_token',
  'id_token',
  'clientSecret',
  'client_secret',
  'code',
  'code_verifier',
  'password',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'masterKey',
  'accessKey',
  'secret',
  // Configuration secrets of providers (`secrets`), and the header Google Ads reads one from.
  'secrets',
  'developer-token',
];

const SECRETS: ReadonlySet<string> = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
const CENSOR = '[redacted]';
const CIRCULAR = '[Circular]';
/** Deeper than anything the vault logs: what lies below is dropped, so no nesting makes a line unbounded. */
const MAX_DEPTH = 32;
const TOO_DEEP = '[too deep]';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  // Our own walk instead of pino's `redact` option: with these keys at three depths (48 wildcard paths) that
  // cost about 40 µs a line, a sixth of a token read's budget; this costs about 1 µs on a request line.
  return pino(
    { level, base: undefined, formatters: { log: (object) => redact(object) as typeof object } },
    destination,
  );
}

/**
 * `value` with every secret-named key replaced by the censor, a cycle by `[Circular]`. Copies only the objects it
 * changes, so the caller's object is left alone; a changed Error stays an Error with its message and stack.
 */
function redact(value: unknown, depth = 0, seen?: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = seen?.get(value);
  if (done !== undefined) return done;
  if (depth === MAX_DEPTH) return TOO_DEEP;
  let copy: Record<string, unknown> | undefined;
  // Keys, then each value: a pair per key (Object.entries) was most of the request line's cost.
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    let next: unknown = CENSOR;
    // An Error's `code` is its error code (ECONNREFUSED, needs_reauth), not an authorization code.
    if (!SECRETS.has(key.toLowerCase()) || (key === 'code' && value instanceof Error)) {
      if (item !== null && typeof item === 'object') {
        seen ??= new Map();
        seen.set(value, CIRCULAR); // while its own fields are walked
        next = redact(item, depth + 1, seen);
      } else next = item;
    }
    if (next !== item) {
      copy ??= shallowCopy(value);
      copy[key] = next;
    }
  }
  const result = copy ?? value;
  seen?.set(value, result);
  return result;
}

function shallowCopy(value: object): Record<string, unknown> {
  if (Array.isArray(value)) return [...value] as unknown as Record<string, unknown>;
  if (!(value instanceof Error)) return { ...value };
  const own = { message: value.message, stack: value.stack, ...('cause' in value && { cause: value.cause }) };
  return Object.assign(Object.create(Object.getPrototypeOf(value)), own, value);
}
