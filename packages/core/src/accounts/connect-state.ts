import { fromHex, toHex } from '../encoding.js';
import { VaultError } from '../errors.js';

/**
 * The OAuth `state` in Backstage's encoding: hex of the URL query string `nonce=…&env=…&origin=…&…`
 * (plugin-auth-node `state.ts`). Only `nonce` and `env` are trusted from it; the rest is kept server-side.
 */
export interface ConnectState {
  nonce: string;
  env: string;
  origin?: string;
  redirectUrl?: string;
  flow?: string;
  scope?: string;
}

export function encodeState(state: ConnectState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== undefined) params.set(key, value);
  return toHex(params.toString());
}

/** Throws `invalid_state` for anything that is not a state this vault could have made. */
export function decodeState(value: string | null | undefined): ConnectState {
  if (!value) throw new VaultError('invalid_state', 'the callback has no state');
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(fromHex(value));
  } catch (cause) {
    throw new VaultError('invalid_state', 'the callback state is not valid', { cause });
  }
  const nonce = params.get('nonce');
  const env = params.get('env');
  if (!nonce || !env) throw new VaultError('invalid_state', 'the callback state lacks nonce or env');
  const optional = (key: string) => params.get(key) ?? undefined;
  return {
    nonce,
    env,
    origin: optional('origin'),
    redirectUrl: optional('redirectUrl'),
    flow: optional('flow'),
    scope: optional('scope'),
  };
}
