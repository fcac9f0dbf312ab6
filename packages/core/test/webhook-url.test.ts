import { describe, expect, it } from 'vitest';
import { shownWebhookUrl } from '../src/events/webhook-admin.js';

// Operators, viewers included, see webhook URLs: whatever secret a URL carries in its userinfo or query stays out.
describe('a webhook URL as operators see it', () => {
  it('drops credentials and the query, keeping scheme, host, port and path', () => {
    expect(shownWebhookUrl('https://hook:s3cret@hooks.example.com:8443/in/vault?token=abc&x=1')).toBe(
      'https://hooks.example.com:8443/in/vault?…',
    );
    expect(shownWebhookUrl('http://127.0.0.1:9000/hooks')).toBe('http://127.0.0.1:9000/hooks');
  });

  it('keeps nothing of a fragment either', () => {
    expect(shownWebhookUrl('https://hooks.example.com/in#token=abc')).toBe('https://hooks.example.com/in');
  });
});
