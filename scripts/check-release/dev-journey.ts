import { loginWithoutBrowser } from '@tokenvault/demo';
import { CookieJar } from '../../e2e/support/cookie-jar.js';
import { readPopupPage } from '../../e2e/support/popup-page.js';

/** Polls `/readyz` until it answers 200; gives up after `attempts` tries. */
export async function waitReady(url: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const status = await fetch(`${url}/readyz`).then(
      (response) => response.status,
      () => 0, // not accepting connections yet
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/readyz never answered 200`);
}

/**
 * What the dev home page's Connect button does, without a browser: start the popup flow, log in to the demo
 * provider, land on the handler frame. Resolves with the connected user's id.
 */
export async function connectDemoAccount(url: string, login: string): Promise<string> {
  const jar = new CookieJar();
  const origin = new URL(url).origin;
  const start = await jar.fetch(
    `${url}/api/auth/demo/start?scope=&origin=${encodeURIComponent(origin)}&flow=popup&env=development`,
  );
  const location = start.headers.get('location');
  if (start.status !== 302 || !location) throw new Error(`/api/auth/demo/start answered ${start.status}`);
  const frame = await jar.fetch(await loginWithoutBrowser(location, { login }));
  if (frame.status !== 200) throw new Error(`the handler frame answered ${frame.status}`);
  const { message } = readPopupPage(await frame.text());
  if (message.type !== 'authorization_response') throw new Error(`the popup posted ${JSON.stringify(message)}`);
  return `demo:${login}`;
}
