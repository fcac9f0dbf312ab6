import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A fresh access key in the vault's format, and the public key the vault would keep. */
export function newAccessKey(clientId = 'sc_test', keyId = 'k1', environmentId = 'development') {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return { accessKey: `${clientId}.${keyId}.${environmentId}.${der}`, publicKey: publicKey as KeyObject };
}

/** A fetch that records what it was asked and answers with `answer(n)` for the n-th request (from 1). */
export function fakeFetch(answer: (n: number, url: string, init: RequestInit) => Response) {
  const sent: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body });
    return answer(sent.length, url, init);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
