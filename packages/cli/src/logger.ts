import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * JSON logs with secrets redacted by key, wherever they appear one or two levels deep. The server never
 * passes tokens to the logger; redaction is the second line of defence.
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
  'cookie',
  'masterKey',
  'accessKey',
  'secret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino({ level, base: undefined, redact: { paths, censor: '[redacted]' } }, destination);
}
