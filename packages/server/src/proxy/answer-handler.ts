import { type CallerSignal, type HeaderRecord, headerRecord, type UpstreamAnswer } from '@tokenvault/core';
import type { Dispatcher } from 'undici';

/** Statuses whose answers have no body (RFC 9110 §6.4.1). */
const NO_BODY = new Set([204, 205, 304]);

/**
 * An answer whose body has ended by the time its headers are handed on, within this size, is handed on as bytes
 * (docs/proxy.md): sent in one write, with no web stream, which would cost a small JSON answer more than the rest
 * of the call.
 */
const WHOLE_ANSWER_BYTES = 64 * 1024;

/**
 * An undici dispatch handler that turns the provider's answer into an `UpstreamAnswer`. The answer is handed on
 * once the data that came with its headers has been parsed (a microtask after the headers): a small answer that
 * arrived whole (the usual JSON answer, with a length or chunked) as bytes; anything else as a web stream that
 * reads one chunk per pull, pausing the connection in between, so the provider is read only as fast as the caller.
 * The call is aborted when `signal` is (the caller went away) or the stream is cancelled. `fail` maps a transport
 * error (timeouts, refused addresses, the abort) to what the caller sees.
 */
export function answerHandler(
  method: string,
  signal: CallerSignal,
  fail: (err: unknown) => Error,
  settle: { resolve(answer: UpstreamAnswer): void; reject(err: unknown): void },
): Dispatcher.DispatchHandler {
  let control: Dispatcher.DispatchController | undefined;
  const abort = () => control?.abort(new Error('the caller went away'));
  signal.addEventListener('abort', abort);
  const done = () => signal.removeEventListener('abort', abort);
  let status = 0;
  let headers: HeaderRecord | undefined;
  let chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  let handedOn = false;
  /** The stream the answer goes on in, once it is handed on as one. */
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  let cancelled = false;

  const handOn = () => {
    if (handedOn || !headers) return;
    handedOn = true;
    const hasBody = method !== 'HEAD' && !NO_BODY.has(status);
    if (!hasBody || (ended && size <= WHOLE_ANSWER_BYTES)) {
      const body = hasBody ? concat(chunks, size) : null;
      chunks = [];
      // A body-less answer that has not ended yet is read to its end by undici and dropped (onResponseData).
      return settle.resolve({ status, headers, body });
    }
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          stream = controller;
          for (const chunk of chunks) controller.enqueue(asBytes(chunk));
          chunks = [];
          if (ended) controller.close();
        },
        pull() {
          if (control?.paused) control.resume();
        },
        cancel() {
          // The caller went away: the provider call ends with it, and its abort is expected, not a failure.
          cancelled = true;
          done();
          if (!ended) abort();
        },
      },
      { highWaterMark: 0 },
    );
    settle.resolve({ status, headers, body });
  };

  return {
    onRequestStart(controller) {
      control = controller;
      if (signal.aborted) abort();
    },
    onResponseStart(_controller, statusCode, raw) {
      if (statusCode < 200) return; // an interim answer (1xx): the final one follows
      status = statusCode;
      headers = toRecord(raw);
      queueMicrotask(handOn);
    },
    onResponseData(controller, chunk) {
      // Empty chunks come when a paused connection resumes: pausing on one would stall it for good.
      if (chunk.byteLength === 0 || (handedOn && !stream)) return; // or a body-less answer's stray bytes
      if (!handedOn) {
        chunks.push(chunk);
        size += chunk.byteLength;
        return;
      }
      stream?.enqueue(asBytes(chunk));
      if ((stream?.desiredSize ?? 0) <= 0) controller.pause();
    },
    onResponseEnd() {
      ended = true;
      done();
      if (!handedOn) return handOn();
      if (stream && !cancelled) stream.close();
    },
    onResponseError(_controller, err) {
      done();
      if (cancelled) return;
      const error = fail(err);
      if (!handedOn) {
        handedOn = true;
        return settle.reject(error);
      }
      stream?.error(error);
    },
  };
}

/** undici's answer headers (lowercase names, a repeated header as an array) as a record of joined values. */
function toRecord(raw: Record<string, string | string[] | undefined>): HeaderRecord {
  const headers = headerRecord();
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function asBytes(chunk: Buffer): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function concat(chunks: Buffer[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
