import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** Runs `load` when its inputs change; `reload` runs it again (after a change). */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (err: Error) => current && setResult({ state: 'error', message: err.message }),
    );
    return () => {
      current = false;
    };
  }, [...inputs, round]);
  return [result, useCallback(() => setRound((n) => n + 1), [])];
}
