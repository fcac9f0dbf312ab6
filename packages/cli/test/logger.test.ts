import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

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

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    createLogger('warn', { write: (line: string) => void lines.push(line) }).info({}, 'quiet');
    expect(lines).toEqual([]);
  });
});
