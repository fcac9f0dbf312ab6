/** The built browser apps (`@tokenvault/ui`), as the CLI loads them: the server reads no files itself. */
export interface UiAssets {
  /** Content-hashed files by name, served at `/ui/assets/{name}` with a year-long, immutable cache lifetime. */
  files: ReadonlyMap<string, { body: Uint8Array; contentType: string }>;
  /** The files the connect page loads, in order. */
  connect: { scripts: readonly string[]; styles: readonly string[] };
  /** The files the operator dashboard loads (docs/dashboard.md). */
  dashboard: { scripts: readonly string[]; styles: readonly string[] };
}

/** An environment's branding of the hosted connect page (`environments.X.connectUi`). */
export interface ConnectUi {
  name?: string;
  logoUrl?: string;
  accentColor?: string;
  supportUrl?: string;
}

/** Where a flow started by the connect page comes back to: the page itself, on the vault's origin. */
export function connectPageUrl(publicUrl: string): string {
  return `${publicUrl}/connect`;
}

/** Whether `url` (as the URL parser wrote it) is the connect page, which takes the flow's result in its query. */
export function isConnectPage(publicUrl: string, url: string): boolean {
  const page = new URL(connectPageUrl(publicUrl));
  const target = new URL(url);
  return target.origin === page.origin && target.pathname === page.pathname;
}

/**
 * The outcome codes the connect page shows and hands back to the app (`?error=<code>`): the user said no at the
 * provider, or the provider (or the vault) failed. The provider answers a refusal as `error=access_denied`
 * (RFC 6749 §4.1.2.1), which the vault reports as `access_denied` with that error named in the message.
 */
export function connectOutcome(code: string, message: string): 'consent_denied' | 'provider_error' {
  return code === 'access_denied' && /\baccess_denied\b/.test(message) ? 'consent_denied' : 'provider_error';
}
