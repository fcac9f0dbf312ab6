import { signWebhook, webhookKey } from '@tokenvault/core';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/index.js';

const SECRET = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const EVENT = {
  type: 'account.status_changed',
  timestamp: '2030-01-01T00:00:00.000Z',
  data: { userId: 'u_42', accountId: 'acc_1', status: 'needs_reauth', from: 'active', to: 'needs_reauth' },
};
const BODY = JSON.stringify(EVENT);

/** Headers as the reference library would send them, `seconds` from now. */
function signed(body: string, secret = SECRET, seconds = 0, id = 'evt_1') {
  const at = new Date(Date.now() + seconds * 1000);
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

const rejection = (verify: () => unknown) => {
  try {
    verify();
  } catch (err) {
    return err;
  }
  return expect.fail('verified');
};

describe('verifyWebhook', () => {
  it('accepts what the reference Standard Webhooks library signs, as a string, a Buffer or with Headers', () => {
    const headers = signed(BODY);
    expect(verifyWebhook(headers, BODY, SECRET)).toEqual(EVENT);
    expect(verifyWebhook(headers, Buffer.from(BODY), SECRET)).toEqual(EVENT);
    expect(verifyWebhook(new Headers(headers), BODY, SECRET)).toEqual(EVENT);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(upper, BODY, SECRET)).toEqual(EVENT);
  });

  it("agrees with the reference library on what the vault's own signer produces, raw secrets included", async () => {
    // The vault signs; both verifiers accept. A raw (non-whsec_) secret is its UTF-8 bytes on both sides.
    for (const secret of [SECRET, 'plain secret', 'sécret ✓']) {
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = await signWebhook(webhookKey(secret), 'evt_2', timestamp, BODY);
      const headers = { 'webhook-id': 'evt_2', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
      const reference = secret.startsWith('whsec_')
        ? new Webhook(secret)
        : new Webhook(new TextEncoder().encode(secret), { format: 'raw' });
      expect(reference.verify(BODY, headers)).toEqual(EVENT);
      expect(verifyWebhook(headers, BODY, secret)).toEqual(EVENT);
    }
  });

  it('refuses a tampered body, another secret, an old or a future timestamp, as the reference library does', () => {
    // Each forgery is refused by both verifiers with the same inputs.
    const other = `whsec_${Buffer.from('another key, another key, 123456').toString('base64')}`;
    const forgeries: Array<[Record<string, string>, string]> = [
      [signed(BODY), BODY.replace('needs_reauth', 'active')],
      [signed(BODY, other), BODY],
      // Well past the 5-minute tolerance both ways: a slow machine between signing and verifying must not matter.
      [signed(BODY, SECRET, -600), BODY],
      [signed(BODY, SECRET, 600), BODY],
    ];
    for (const [headers, body] of forgeries) {
      expect(() => new Webhook(SECRET).verify(body, headers)).toThrow();
      expect(rejection(() => verifyWebhook(headers, body, SECRET))).toMatchObject({
        name: 'VaultClientError',
        code: 'invalid_webhook',
      });
    }
  });

  it('accepts when any of several signatures matches, and only v1 ones', () => {
    // Secret rotation sends one signature per secret; an unknown version is ignored, not trusted.
    const headers = signed(BODY);
    const good = headers['webhook-signature'].slice(3);
    const wrong = Buffer.alloc(32, 7).toString('base64');
    const rotated = { ...headers, 'webhook-signature': `v1,${wrong} v1a,${good} v1,${good}` };
    expect(verifyWebhook(rotated, BODY, SECRET)).toEqual(EVENT);
    const versioned = { ...headers, 'webhook-signature': `v2,${good} v1,${wrong} v1,not-base64!` };
    expect(rejection(() => verifyWebhook(versioned, BODY, SECRET))).toMatchObject({ code: 'invalid_webhook' });
  });

  it('refuses missing headers, a malformed timestamp and a correctly signed body that is not an event', () => {
    const headers = signed(BODY);
    const { 'webhook-signature': _, ...unsigned } = headers;
    expect(rejection(() => verifyWebhook(unsigned, BODY, SECRET))).toMatchObject({ code: 'invalid_webhook' });
    const fractional = { ...headers, 'webhook-timestamp': `${headers['webhook-timestamp']}.5` };
    expect(rejection(() => verifyWebhook(fractional, BODY, SECRET))).toMatchObject({ code: 'invalid_webhook' });
    expect(rejection(() => verifyWebhook(signed('not json'), 'not json', SECRET))).toMatchObject({
      code: 'invalid_webhook',
    });
    expect(rejection(() => verifyWebhook(signed('[1]'), '[1]', SECRET))).toMatchObject({ code: 'invalid_webhook' });
  });

  it('treats an unusable secret or a parsed body as a programming error', () => {
    const headers = signed(BODY);
    expect(rejection(() => verifyWebhook(headers, BODY, ''))).toMatchObject({ code: 'invalid_argument' });
    expect(rejection(() => verifyWebhook(headers, BODY, 'whsec_***'))).toMatchObject({ code: 'invalid_argument' });
    expect(rejection(() => verifyWebhook(headers, EVENT as unknown as string, SECRET))).toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('uses the tolerance and clock it is given', () => {
    const headers = signed(BODY, SECRET, -3600);
    expect(verifyWebhook(headers, BODY, SECRET, { toleranceSeconds: 3601 })).toEqual(EVENT);
    expect(verifyWebhook(headers, BODY, SECRET, { now: new Date(Date.now() - 3600_000) })).toEqual(EVENT);
  });
});
