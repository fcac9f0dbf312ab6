import { VaultError } from '../errors.js';

/**
 * The most the vault reads of any answer from outside. Token, userinfo, discovery and JWKS answers are a few KB
 * (the largest real discovery documents and key sets stay under 100 KB), so 1 MiB is ten times any real one while
 * a thousand concurrent refreshes still cannot be made to hold more than a GiB.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Every call the vault makes goes through this fetch. Redirects are never followed: on a cross-origin redirect
 * fetch drops `Authorization` but keeps a custom token header (Shopify's `X-Shopify-Access-Token`) and the body.
 * A body is cut off past `maxBytes`, so a provider cannot make the vault buffer an endless answer.
 */
export function guardedFetch(base: typeof fetch, maxBytes = MAX_ANSWER_BYTES): typeof fetch {
  return async (input, init) => {
    const response = await base(input, { ...init, redirect: 'manual' });
    const host = hostOf(input);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      throw new VaultError(
        'provider_error',
        `${host} answered with a redirect (HTTP ${response.status}), which the vault does not follow`,
      );
    }
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(host, maxBytes);
    }
    if (!response.body) return response;
    return new Response(response.body.pipeThrough(byteLimit(host, maxBytes)), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Passes bytes through until there are too many, then fails the read and cancels the source. */
function byteLimit(host: string, maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(tooLarge(host, maxBytes));
      else controller.enqueue(chunk);
    },
  });
}

function tooLarge(host: string, maxBytes: number): VaultError {
  return new VaultError(
    'provider_error',
    `${host} answered more than ${maxBytes / 1024} KiB, more than the vault reads`,
  );
}

function hostOf(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return URL.canParse(url) ? new URL(url).host : 'the provider';
}
