import type { Store } from '../store.js';

// The suite's own assertions, so it runs under any test runner (vitest, node:test, jest, mocha): a failed check
// throws, which every runner reports as the test's failure.

/** A broken promise of the store contract. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** `actual` deeply equals `expected` (plain data: objects, arrays, primitives; undefined properties are absent). */
export function equal(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) fail(what, expected, actual);
}

/** Each property of `expected` deeply equals that of `actual`; others are not compared. */
export function matches(actual: unknown, expected: Record<string, unknown>, what: string): void {
  const object = (actual ?? {}) as Record<string, unknown>;
  if (
    actual === null ||
    typeof actual !== 'object' ||
    !Object.keys(expected).every((k) => same(object[k], expected[k]))
  )
    fail(what, expected, actual);
}

export function ok(value: unknown, what: string): asserts value {
  if (!value) fail(what, 'a truthy value', value);
}

/** The promise rejects; returns its error. */
export async function rejects(promise: Promise<unknown>, what: string): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) fail(what, 'a rejection', outcome.value);
  return outcome.error;
}

function fail(what: string, expected: unknown, actual: unknown): never {
  throw new ConformanceFailure(`${what}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`);
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const leftKeys = keys(left);
  return leftKeys.length === keys(right).length && leftKeys.every((k) => same(left[k], right[k]));
}

/** One promise of the contract, checked on a fresh, migrated store. */
export interface ConformanceCase {
  name: string;
  run(store: Store): Promise<void>;
}
