import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64, utf8 } from '../src/encoding.js';
import { VaultError } from '../src/errors.js';
import { signWebhook, verifyWebhook, webhookKey } from '../src/events/webhook-signature.js';

// The reference implementation (standardwebhooks) is the judge: what we sign it accepts, what it signs we accept.

const newSecret = () => `whsec_${toBase64(randomBytes(24))}`;
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const payload = { type: 'account.needs_reauth', data: { accountId: 'ca_1', note: 'ünïcode . dots' } };
const body = JSON.stringify(payload);
const sentAt = new Date('2030-01-01T00:00:00Z');
const sentAtSeconds = sentAt.getTime() / 1000;

/** Headers for `body` as the reference library signs them at `sentAt`. */
function referenceSigned(secret: string, options?: { format: 'raw' }) {
  const wh = new Webhook(secret, options);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(sentAtSeconds),
    'webhook-signature': wh.sign(id, sentAt, body),
  };
}

/** The VaultError a call throws; fails the test if it returns or throws anything else. */
async function rejection(call: () => unknown): Promise<VaultError> {
  try {
    await call();
  } catch (err) {
    if (err instanceof VaultError) return err;
    throw err;
  }
  throw new Error('expected a VaultError, but the call returned');
}

describe('signWebhook', () => {
  it('is accepted by the reference library with a whsec_ secret', async () => {
    // A whsec_ secret is base64 of the key; the reference verifies against the current time, so sign now.
    const secret = newSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(now),
      'webhook-signature': await signWebhook(webhookKey(secret), id, now, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign(id, new Date(now * 1000), body));
  });

  it('is accepted by the reference library with a raw secret', async () => {
    // Any other secret is its UTF-8 bytes, which the reference reads with { format: 'raw' }.
    const secret = 'plain-shared-secret';
    const now = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(now),
      'webhook-signature': await signWebhook(webhookKey(secret), id, now, body),
    };
    expect(new Webhook(secret, { format: 'raw' }).verify(body, headers)).toEqual(payload);
  });

  it('keys a non-ASCII raw secret by its UTF-8 bytes', async () => {
    // The documented contract for receivers: pass utf8(secret), not the string, to the reference library.
    const secret = 'sécret-€';
    const signature = await signWebhook(webhookKey(secret), id, sentAtSeconds, body);
    expect(signature).toBe(new Webhook(utf8(secret), { format: 'raw' }).sign(id, sentAt, body));
  });

  it('refuses a timestamp that is not whole seconds', async () => {
    // A header of "1.5" would be signed by receivers as "1", so such a signature could never verify.
    expect((await rejection(() => signWebhook(webhookKey(newSecret()), id, sentAtSeconds + 0.5, body))).code).toBe(
      'invalid_request',
    );
  });
});

describe('webhookKey', () => {
  it('rejects an empty key and a whsec_ secret that is not base64', async () => {
    expect((await rejection(() => webhookKey(''))).code).toBe('invalid_request');
    expect((await rejection(() => webhookKey('whsec_'))).code).toBe('invalid_request');
    expect((await rejection(() => webhookKey('whsec_not base64!'))).code).toBe('invalid_request');
  });
});

describe('verifyWebhook', () => {
  const at = { now: sentAt.getTime() };

  it('accepts what the reference library signed', async () => {
    const secret = newSecret();
    expect(await verifyWebhook(referenceSigned(secret), body, secret, at)).toEqual(payload);
    const raw = 'plain-shared-secret';
    expect(await verifyWebhook(referenceSigned(raw, { format: 'raw' }), body, raw, at)).toEqual(payload);
  });

  it('reads Headers objects and header names in any case', async () => {
    const secret = newSecret();
    const signed = referenceSigned(secret);
    expect(await verifyWebhook(new Headers(signed), body, secret, at)).toEqual(payload);
    const shouted = Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toUpperCase(), value]));
    expect(await verifyWebhook(shouted, body, secret, at)).toEqual(payload);
  });

  it('rejects a tampered body', async () => {
    const secret = newSecret();
    const tampered = body.replace('ca_1', 'ca_2');
    const err = await rejection(() => verifyWebhook(referenceSigned(secret), tampered, secret, at));
    expect(err.code).toBe('unauthorized');
    expect(err.message).toMatch(/no webhook-signature matches/);
  });

  it('rejects a signature made with another secret', async () => {
    const err = await rejection(() => verifyWebhook(referenceSigned(newSecret()), body, newSecret(), at));
    expect(err.code).toBe('unauthorized');
    expect(err.message).toMatch(/no webhook-signature matches/);
  });

  it('rejects a tampered id or timestamp', async () => {
    // The id and timestamp are signed too, so a replay cannot relabel or refresh a message.
    const secret = newSecret();
    const signed = referenceSigned(secret);
    const otherId = { ...signed, 'webhook-id': 'msg_other' };
    const laterTimestamp = { ...signed, 'webhook-timestamp': String(sentAtSeconds + 1) };
    expect((await rejection(() => verifyWebhook(otherId, body, secret, at))).message).toMatch(/no webhook-signature/);
    expect((await rejection(() => verifyWebhook(laterTimestamp, body, secret, at))).message).toMatch(
      /no webhook-signature/,
    );
  });

  it('accepts timestamps up to the tolerance away and rejects stale and future ones', async () => {
    // Five minutes either way by default, the reference library's window, edges included.
    const secret = newSecret();
    const signed = referenceSigned(secret);
    const ms = sentAt.getTime();
    expect(await verifyWebhook(signed, body, secret, { now: ms + 300_000 })).toEqual(payload);
    expect(await verifyWebhook(signed, body, secret, { now: ms - 300_000 })).toEqual(payload);
    const stale = await rejection(() => verifyWebhook(signed, body, secret, { now: ms + 301_000 }));
    const future = await rejection(() => verifyWebhook(signed, body, secret, { now: ms - 301_000 }));
    for (const err of [stale, future]) {
      expect(err.code).toBe('unauthorized');
      expect(err.message).toMatch(/webhook-timestamp is more than 300 s/);
    }
    const tight = await rejection(() =>
      verifyWebhook(signed, body, secret, { now: ms + 11_000, toleranceSeconds: 10 }),
    );
    expect(tight.message).toMatch(/more than 10 s/);
  });

  it('rejects a request missing any of the three headers', async () => {
    const secret = newSecret();
    const signed = referenceSigned(secret);
    for (const name of Object.keys(signed)) {
      const without = { ...signed, [name]: undefined };
      const err = await rejection(() => verifyWebhook(without, body, secret, at));
      expect(err.code).toBe('unauthorized');
      expect(err.message).toMatch(/header missing/);
    }
  });

  it('accepts when any one of several signatures matches, the second one included', async () => {
    // Senders list a signature per secret while rotating; the receiver knows only one of them.
    const secret = newSecret();
    const signed = referenceSigned(secret);
    const other = referenceSigned(newSecret())['webhook-signature'];
    const both = `${other} ${signed['webhook-signature']}`;
    expect(await verifyWebhook({ ...signed, 'webhook-signature': both }, body, secret, at)).toEqual(payload);

    const repeated = new Headers({ 'webhook-id': id, 'webhook-timestamp': signed['webhook-timestamp'] });
    // A repeated header arrives joined by ", "; here the matching one comes first, before that comma.
    repeated.append('webhook-signature', signed['webhook-signature']);
    repeated.append('webhook-signature', other);
    expect(await verifyWebhook(repeated, body, secret, at)).toEqual(payload);

    const neither = `${other} ${referenceSigned(newSecret())['webhook-signature']}`;
    const err = await rejection(() => verifyWebhook({ ...signed, 'webhook-signature': neither }, body, secret, at));
    expect(err.message).toMatch(/no webhook-signature matches/);
  });

  it('ignores a matching digest labelled with another version', async () => {
    const secret = newSecret();
    const signed = referenceSigned(secret);
    const relabelled = signed['webhook-signature'].replace(/^v1,/, 'v1a,');
    const err = await rejection(() => verifyWebhook({ ...signed, 'webhook-signature': relabelled }, body, secret, at));
    expect(err.message).toMatch(/no webhook-signature matches/);
  });

  it('reports a correctly signed body that is not JSON as invalid_request', async () => {
    const secret = newSecret();
    const text = 'not json';
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(sentAtSeconds),
      'webhook-signature': await signWebhook(webhookKey(secret), id, sentAtSeconds, text),
    };
    expect((await rejection(() => verifyWebhook(headers, text, secret, at))).code).toBe('invalid_request');
  });
});
