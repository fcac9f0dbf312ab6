/** A request body read up to a limit: all of it (replayable), or what was read and the rest still to come. */
export type HeldBody =
  | { kind: 'none' }
  | { kind: 'buffered'; bytes: Uint8Array }
  | { kind: 'streaming'; stream: ReadableStream<Uint8Array> };

const NO_BODY: HeldBody = { kind: 'none' };

/**
 * Reads at most `limit` bytes of `body`. A body that ends within the limit is held whole, so the call can be
 * sent again after a refresh; a longer one is passed on as a stream (what was read first, then the rest), so an
 * upload of any size costs no more memory than the limit.
 */
export async function holdBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<HeldBody> {
  if (!body) return NO_BODY;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) return { kind: 'buffered', bytes: concat(chunks, size) };
    chunks.push(value);
    size += value.byteLength;
  }
  return {
    kind: 'streaming',
    stream: new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const first = chunks.shift();
          if (first) return controller.enqueue(first);
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    ),
  };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Passes `source` through, one chunk per read (nothing buffered ahead, so a slow reader slows the source), counts
 * the bytes, and calls `done` once with the count and how it ended: read to the end, cancelled by the reader
 * (the client went away), or failed.
 */
export function countedStream(
  source: ReadableStream<Uint8Array>,
  done: (bytes: number, end: 'complete' | 'cancelled' | 'failed') => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let bytes = 0;
  let finished = false;
  const finish = (end: 'complete' | 'cancelled' | 'failed') => {
    if (finished) return;
    finished = true;
    done(bytes, end);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          finish('failed');
          throw err;
        }
        if (chunk.done) {
          finish('complete');
          controller.close();
          return;
        }
        bytes += chunk.value.byteLength;
        controller.enqueue(chunk.value);
      },
      async cancel(reason) {
        finish('cancelled');
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** `Retry-After` in seconds (RFC 9110 §10.2.3: a number of seconds or an HTTP date); undefined if absent or bad. */
export function retryAfterSeconds(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}
