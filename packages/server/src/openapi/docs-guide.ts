import { escapeHtml } from '../html.js';

/** The first thing on `/docs`: from nothing to a user's token, with the commands that do it. */
export function gettingStarted(publicUrl: string): string {
  const vault = escapeHtml(publicUrl);
  return `<section id="getting-started"><h2>Getting started</h2>
<p>A backend reads a user's access token in three steps. The user must have connected the account first (the
browser protocol below, or a connect session).</p>
<ol>
<li><p>Create a service client that may read tokens, and keep its access key (shown once):</p>
<pre>tokenvault clients create --config tokenvault.yaml --env production --name worker \\
  --role credentials-reader --json &gt; worker.json
jq -r .accessKey worker.json &gt; worker.key   # then delete worker.json</pre></li>
<li><p>Sign a short-lived token with the key (it never leaves your machine; the vault keeps only its public half):</p>
<pre>export VAULT=${vault}
tokenvault token --key-file worker.key --url "$VAULT"</pre></li>
<li><p>Read the user's token for a provider. The answer is a fresh access token (refreshed first when it is close
to expiry); refresh tokens never leave the vault:</p>
<pre>curl -X POST "$VAULT/v1/users/u_42/providers/github/access-token" \\
  -H "authorization: Bearer $(tokenvault token --key-file worker.key --url "$VAULT")" \\
  -H 'content-type: application/json' -d '{"scopes":["repo"],"minValiditySeconds":300}'</pre>
<pre>{"accessToken":"gho_…","tokenType":"Bearer","expiresAt":"2026-01-15T10:30:00.000Z","scopes":["repo","read:user"]}</pre>
<p>Errors are JSON <code>{error, message, requestId}</code>: <code>409 needs_reauth</code> (ask the user to connect
again), <code>403 missing_scopes</code> (connect again with more scopes), <code>503 provider_unavailable</code>
(retry after <code>retryAfter</code> seconds; nothing is lost).</p></li>
</ol></section>`;
}

/** What each security scheme means in practice, keyed by the scheme's name in the document. */
export const SCHEME_TEXT: Record<string, string> = {
  serviceClient:
    "A backend: <code>Authorization: Bearer &lt;JWT&gt;</code>, where the JWT is signed with a service client's access key (<code>tokenvault token</code>, or the Node SDK, or <code>@authress/sdk</code>). What it may do is decided by the client's grants: each operation below names the action it needs and the roles that include it.",
  session:
    "A browser of the app: the session cookie the vault set when the user connected an account (or redeemed a connect session), plus <code>X-Requested-With: XMLHttpRequest</code>. It acts on that user's own accounts only.",
  userJwt:
    "The app's own sign-in: <code>Authorization: Bearer &lt;JWT&gt;</code> with the signed-in user's JWT from an identity provider the environment trusts (<code>identity.trustedIssuers</code>). It acts on that user's own accounts only, as a session would, and needs no <code>X-Requested-With</code>.",
  providerHandle:
    'The Backstage browser protocol: the per-provider cookie naming one connected account, plus <code>X-Requested-With: XMLHttpRequest</code>.',
};
