/** The logging interface the server needs; pino satisfies it. Never pass a token in `fields`. */
export interface Logger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}
