import type { Operation } from './operation-types.js';

/** How each kind of caller authenticates in a shell: a service JWT from `tokenvault token`, or a browser's cookie. */
const AUTH_LINES: Record<Operation['auth'], string[]> = {
  none: [],
  service: ['-H "authorization: Bearer $(tokenvault token --key-file worker.key --url "$VAULT")"'],
  session: ['-H "x-requested-with: XMLHttpRequest"', '-b "tokenvault_session=$SESSION"'],
  user: ['-H "authorization: Bearer $USER_JWT"'],
  handle: ['-H "x-requested-with: XMLHttpRequest"', '-b "$PROVIDER-refresh-token=$HANDLE"'],
  operator: ['-b "tokenvault_operator=$OPERATOR_COOKIE"'],
};

/** A `curl` line for the operation, path parameters as shell variables and the example body inline. */
export function curlExample(operation: Operation, body: unknown): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => `$${shellName(name)}`);
  const parts = [`curl${operation.method === 'get' ? '' : ` -X ${operation.method.toUpperCase()}`} "$VAULT${path}"`];
  parts.push(...AUTH_LINES[operation.auth]);
  if (body !== undefined && operation.form) {
    // curl sends --data-urlencode as application/x-www-form-urlencoded, each value encoded.
    for (const [name, value] of Object.entries(body as Record<string, string>)) {
      // Double quotes, so shell variables in the examples ($USER_JWT) expand.
      parts.push(`--data-urlencode "${name}=${String(value).replaceAll('"', '\\"')}"`);
    }
  } else if (body !== undefined) {
    parts.push("-H 'content-type: application/json'", `-d '${JSON.stringify(body).replaceAll("'", "'\\''")}'`);
  }
  return parts.join(' \\\n  ');
}

/** `userId` → `USER_ID`. */
function shellName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
