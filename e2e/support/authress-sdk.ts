import { createRequire } from 'node:module';

/** What the SDK (axios) throws for an HTTP error: a plain object, not an Error. */
export interface SdkFailure {
  status: number;
  data: { error?: string };
}

/**
 * The unmodified `@authress/sdk`, loaded untyped: its index.d.ts re-exports its own .ts sources, which fail tsc
 * under verbatimModuleSyntax. Only what the tests call is typed here.
 */
export const { AuthressClient, TokenVerifier } = createRequire(import.meta.url)('@authress/sdk') as {
  AuthressClient: new (
    settings: { authressApiUrl: string },
    accessKey: string,
  ) => {
    connections: {
      getConnectionCredentials(
        provider: string,
        userId: string,
      ): Promise<{ status: number; data: { accessToken: string } }>;
    };
  };
  TokenVerifier(domain: string, token: string): Promise<Record<string, unknown>>;
};
