import { VaultError } from '@tokenvault/core';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';

/**
 * Refuses a body over `maxBytes` with 413 before anything reads it. A declared `Content-Length` is enough to judge
 * (Node's parser never reads past it); only a streamed body (`Transfer-Encoding`, no length) is counted as it
 * arrives. Counting every body would cost the hot token route half its throughput: Hono's counter turns the Node
 * request into a web stream.
 */
export function limitBody(maxBytes: number) {
  const tooLarge = () => {
    throw new VaultError('payload_too_large', `the request body is larger than ${maxBytes} bytes`);
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<ServerEnv>(async (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    const length = c.req.header('content-length');
    if (length !== undefined && !(Number(length) <= maxBytes)) tooLarge();
    await next();
  });
}
