import { errors, type Operation } from './operation-types.js';

const description = `Calls the provider's API as the account (docs/proxy.md): \`{path}\` (any number of segments) and
the query are appended to the provider's API base URL, the account's token is added where the provider wants it,
and the body streams both ways. Answers are the provider's, status and body as it sent them, without hop-by-hop
headers and \`Set-Cookie\`, with \`Tokenvault-Attempts\`. A 401 causes one refresh and one retry when the request
can be replayed; 429, 502, 503 and 504 are retried for idempotent methods (send \`Tokenvault-Retries: 0\` to call
the provider once: no retry and no resend after a 401, whose refresh still happens). Redirects are passed back,
never followed. HEAD and OPTIONS are accepted too. Needs \`proxy:read\` (GET, HEAD, OPTIONS) or \`proxy:write\` on \`connections/{provider}/users/{userId}/proxy\` (roles api-reader,
api-caller; credentials-reader includes both). The vault's own errors are JSON with its error codes.`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The proxy routes, by account and by provider, for service clients and for the browser's own user. */
export function proxyOperations(): Operation[] {
  const places = [
    ['service', 'proxy', '/v1/users/{userId}/connected-accounts/{accountId}/proxy/{path}', 'as the account'],
    ['service', 'proxy', '/v1/users/{userId}/providers/{provider}/proxy/{path}', "as the user's best account"],
    ['user', 'me', '/v1/me/connected-accounts/{accountId}/proxy/{path}', 'as the account'],
    ['user', 'me', '/v1/me/providers/{provider}/proxy/{path}', "as the user's best account"],
  ] as const;
  return places.flatMap(([auth, tag, path, as]) =>
    METHODS.map(
      (method): Operation => ({
        method,
        path,
        tag,
        summary: `Call the provider's API ${as} (${method.toUpperCase()})`,
        description,
        auth,
        responses: {
          200: { description: "the provider's answer (any status it sent)", kind: 'passthrough' },
          ...errors(400, 401, 403, 404, 409, 502, 503),
        },
      }),
    ),
  );
}
