/** An outcome the caller is expected to handle; programming and transport errors are thrown instead. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

export function ok<T>(data: T): { status: 'ok'; data: T } {
  return { status: 'ok', data };
}

export function fail<E>(error: E): { status: 'error'; error: E } {
  return { status: 'error', error };
}
