/**
 * Example values generated from JSON Schemas, so every operation in `/openapi.json` and `/docs` shows a request
 * and an answer that match its schema (the e2e tests check that the examples validate). Names pick realistic
 * values where the type alone would say little.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  minimum?: number;
  default?: unknown;
  examples?: unknown[];
};

const BY_NAME: Record<string, unknown> = {
  userId: 'u_42',
  accountId: 'ca_hV2rVxX2QkOzOUXxv5j0Xg',
  id: 'ca_hV2rVxX2QkOzOUXxv5j0Xg',
  clientId: 'sc_m0BvJ8qYkPrdn7x4xH1kIQ',
  keyId: 'Xq3f9LmT0aB1',
  provider: 'github',
  providerAccountId: '583231',
  displayName: 'octocat',
  env: 'production',
  accessToken: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  tokenType: 'Bearer',
  scopes: ['repo', 'read:user'],
  missingScopes: ['repo'],
  minValiditySeconds: 300,
  expiresInSeconds: 600,
  role: 'credentials-reader',
  resource: 'connections/github/users/*/credentials',
  name: 'nightly-sync',
  status: 'active',
  error: 'needs_reauth',
  message: 'the provider no longer honours this grant; connect the account again',
  requestId: 'b7e1c0d2-5d0c-4f7e-9a43-0f8c0a1e2d3b',
  token: 'cs_5mZ0rWgQ3uQ2bYk1aJ8n0w',
  connectUrl: 'https://vault.example.com/connect#session=cs_5mZ0rWgQ3uQ2bYk1aJ8n0w',
  nextCursor: null,
  lastError: null,
  action: 'credentials.read',
  principal: 'client:sc_m0BvJ8qYkPrdn7x4xH1kIQ',
  result: 'ok',
};

const TIME = '2026-01-15T09:30:00.000Z';

/** An example for `schema`, resolving `$ref`s against `components` (`#/components/schemas/X`). */
export function exampleOf(
  schema: Schema | undefined,
  components: Record<string, unknown>,
  name = '',
  depth = 0,
): unknown {
  if (!schema || depth > 8) return null;
  if (schema.$ref) {
    const target = components[schema.$ref.split('/').at(-1) as string] as Schema | undefined;
    return exampleOf(target, components, name, depth + 1);
  }
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return name === 'status' && schema.enum.includes('active') ? 'active' : schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const chosen = choices.find((c) => c.type !== 'null') ?? choices[0];
    return exampleOf(chosen, components, name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (Object.hasOwn(BY_NAME, name) && typeof BY_NAME[name] === typeOfValue(type)) return BY_NAME[name];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        out[key] = exampleOf(property, components, key, depth + 1);
      }
      return out;
    }
    case 'array':
      return Object.hasOwn(BY_NAME, name) && Array.isArray(BY_NAME[name])
        ? BY_NAME[name]
        : [exampleOf(schema.items, components, singular(name), depth + 1)];
    case 'string':
      if (schema.format === 'date-time' || /At$/.test(name)) return TIME;
      if (schema.format === 'uri' || /Url$|Uri$/.test(name)) return 'https://app.example.com/settings';
      return schema.default ?? 'string';
    case 'integer':
    case 'number':
      return schema.default ?? schema.minimum ?? 60;
    case 'boolean':
      return schema.default ?? true;
    case 'null':
      return null;
    default:
      return Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : null;
  }
}

function typeOfValue(type: string | undefined): string {
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') return 'object';
  return type ?? 'undefined';
}

function singular(name: string): string {
  return name === 'items' ? '' : name.replace(/s$/, '');
}
