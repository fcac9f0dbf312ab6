import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

/** A logger writing to an array; `line()` parses the last line written. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (text: string) => void lines.push(text) });
  return { logger, line: () => JSON.parse(lines.at(-1) as string) };
}

// Redaction is the second line of defence: a secret passed to the logger by mistake is never written.
describe('createLogger', () => {
  it('redacts secret-bearing keys at the top level and one or two levels down', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info(
      {
        refreshToken: 'rt-top',
        request: { headers: { authorization: 'Bearer jwt-nested', cookie: 'tokenvault_session=abc' } },
        body: { access_token: 'at-nested', code: 'code-nested', ok: 'visible' },
      },
      'message',
    );
    const output = lines.join('');
    for (const secret of ['rt-top', 'jwt-nested', 'tokenvault_session=abc', 'at-nested', 'code-nested']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain('visible');
  });

  it('redacts inside arrays, leaves the caller’s object untouched and still serializes errors', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const fields = { items: [{ accessToken: 'at-in-array', id: 'kept' }], err: new Error('boom') };
    logger.error(fields, 'message');
    const written = JSON.parse(lines[0] as string);
    expect(written.items).toEqual([{ accessToken: '[redacted]', id: 'kept' }]);
    expect(written.err).toMatchObject({ type: 'Error', message: 'boom' });
    expect(fields.items[0]?.accessToken).toBe('at-in-array');
  });

  // Regression: keys were compared as written and only three levels down, so `Authorization` and a token four
  // levels deep were written as they were.
  it('redacts secret-named keys in any letter case and at any depth', () => {
    const { logger, line } = capture();
    let deep: Record<string, unknown> = { refresh_token: 'rt-deep' };
    for (let i = 0; i < 10; i++) deep = { level: deep };
    logger.info(
      {
        headers: { Authorization: 'Bearer jwt-cased', COOKIE: 'c-upper', 'Set-Cookie': 'sc-header' },
        RefreshToken: 'rt-pascal',
        deep,
      },
      'message',
    );
    const text = JSON.stringify(line());
    for (const secret of ['jwt-cased', 'c-upper', 'sc-header', 'rt-pascal', 'rt-deep']) {
      expect(text).not.toContain(secret);
    }
    expect(text.match(/\[redacted\]/g)).toHaveLength(5);
  });

  // Regression: every field named `code` was hidden, so the error codes the server logs read `[redacted]`.
  it('logs error codes: as errorCode, and as an Error’s own code', () => {
    const { logger, line } = capture();
    const err = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', accessToken: 'at-in-err' });
    logger.error({ errorCode: 'invalid_state', err, body: { code: 'authorization-code' } }, 'refused');
    const written = line();
    expect(written).toMatchObject({ errorCode: 'invalid_state', body: { code: '[redacted]' } });
    expect(written.err).toMatchObject({ type: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' });
    expect(written.err.accessToken).toBe('[redacted]');
    expect(written.err.stack).toContain('connect ECONNREFUSED');
    expect(err.accessToken).toBe('at-in-err');
  });

  it('ends cycles and absurd nesting instead of overflowing, still redacting what it reaches', () => {
    const { logger, line } = capture();
    const cyclic: Record<string, unknown> = { password: 'pw-cycle', name: 'kept' };
    cyclic.self = cyclic;
    cyclic.child = { parent: cyclic, secret: 's-child' };
    let absurd: Record<string, unknown> = { secret: 's-bottom' };
    for (let i = 0; i < 100_000; i++) absurd = { next: absurd };
    logger.info({ cyclic, absurd }, 'message');
    const text = JSON.stringify(line());
    for (const secret of ['pw-cycle', 's-child', 's-bottom']) expect(text).not.toContain(secret);
    expect(line().cyclic).toMatchObject({ name: 'kept', self: '[Circular]', child: { parent: '[Circular]' } });
    expect(text).toContain('[too deep]');
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    createLogger('warn', { write: (line: string) => void lines.push(line) }).info({}, 'quiet');
    expect(lines).toEqual([]);
  });
});
