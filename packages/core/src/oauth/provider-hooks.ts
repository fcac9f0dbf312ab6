import { type ErrorCode, VaultError } from '../errors.js';

/** A token endpoint's answer as RFC 6749 §5.1 names its fields; providers add their own. */
export interface TokenResponseData {
  access_token: string;
  token_type?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  [field: string]: unknown;
}

/** What a hook knows about the OAuth app it works for. */
export interface HookClient {
  clientId: string;
  clientSecret: string | undefined;
  tokenUri: string | undefined;
  /** The vault's own fetch: no redirects followed, answers capped at 1 MiB, the provider timeout unless given one. */
  fetch: typeof fetch;
}

/**
 * Code for what a provider spec cannot say (docs/configuration.md, "Code hooks"; the names follow Integration.app's connector hooks), in a module named by a custom provider's `hooks` in the
 * config file. Each is optional and replaces or adds one step; a hook that throws fails that step with the error's
 * `code` when it is one of the vault's (e.g. `needs_reauth`), else as `provider_error`.
 */
export interface ProviderHooks {
  /** Replaces the authorization-code exchange; returns the provider's token response. */
  getTokenData?(
    input: HookClient & {
      code: string;
      codeVerifier: string | null;
      redirectUri: string;
      queryParameters: Record<string, string>;
    },
  ): Promise<TokenResponseData>;
  /** Turns a token response (the standard one, or getTokenData's) into the credential the vault keeps. */
  getCredentialsFromTokenResponse?(
    input: HookClient & { tokenResponse: TokenResponseData },
  ): Promise<TokenResponseData>;
  /** Replaces the refresh grant. */
  refreshCredentials?(input: HookClient & { refreshToken: string }): Promise<TokenResponseData>;
  /** Checks a newly connected credential works; throw to refuse it. */
  test?(input: HookClient & { accessToken: string }): Promise<void>;
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'needs_reauth',
  'provider_unavailable',
  'provider_error',
  'access_denied',
  'missing_scopes',
]);

/** Runs a hook; its failure becomes a VaultError, and its answer must at least hold an access token. */
export async function runHook<T>(name: keyof ProviderHooks, run: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (err) {
    if (err instanceof VaultError) throw err;
    const code = (err as { code?: unknown } | null)?.code;
    const message = `the provider's ${name} hook failed: ${(err as Error)?.message ?? String(err)}`;
    throw new VaultError(
      typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : 'provider_error',
      message,
      {
        cause: err,
      },
    );
  }
  if (name !== 'test') {
    const token = (result as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new VaultError('provider_error', `the provider's ${name} hook returned no access_token`);
    }
  }
  return result;
}
