import { htmlHeaders } from './html.js';

export type AuthorizationMessage =
  | { type: 'authorization_response'; response: unknown }
  | { type: 'authorization_response'; error: { name: string; message: string } };

/**
 * The popup's last page, as Backstage's `sendWebMessageResponse` writes it: first `config_info` to any
 * origin (so the opener can explain an origin mismatch), then the result to the exact app origin only,
 * then close.
 */
export async function webMessagePage(appOrigin: string, message: AuthorizationMessage) {
  const encode = (value: string) => encodeURIComponent(value).replace(/'/g, '%27');
  const script = [
    `var authResponse = decodeURIComponent('${encode(JSON.stringify(message))}');`,
    `var origin = decodeURIComponent('${encode(appOrigin)}');`,
    `(window.opener || window.parent).postMessage({ type: 'config_info', targetOrigin: origin }, '*');`,
    '(window.opener || window.parent).postMessage(JSON.parse(authResponse), origin);',
    'setTimeout(function () { window.close(); }, 100);',
  ].join('\n');
  return {
    html: `<!doctype html><html><body><script>${script}</script></body></html>`,
    headers: await htmlHeaders(script, 'sameorigin'),
  };
}
