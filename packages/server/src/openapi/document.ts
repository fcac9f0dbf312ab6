import * as z from 'zod';
import { sessionCookieName } from '../cookies.js';
import { ENVIRONMENT_HEADER, operatorCookieName } from '../operator-auth.js';
import { devConnectOperation } from './connect-page-operations.js';
import { curlExample } from './curl.js';
import { exampleOf } from './examples.js';
import type { Answer, Auth, Operation } from './operation-types.js';
import { devHomeOperation, operations } from './operations.js';
import { requiredAction } from './required-actions.js';
import { errorSchema, responseSchemas } from './schemas.js';

const COMPONENTS = '#/components/schemas/';

/** What each kind of caller sends, as OpenAPI security requirements and parameters. */
const SECURITY: Record<Auth, { security: object[]; headers: object[] }> = {
  none: { security: [], headers: [] },
  service: { security: [{ serviceClient: [] }], headers: [] },
  session: { security: [{ session: [] }], headers: [xhrHeader()] },
  // The cookie needs the CSRF header; a trusted issuer's JWT does not (docs/api.md, "/v1/me").
  user: { security: [{ session: [] }, { userJwt: [] }], headers: [xhrHeader(false)] },
  handle: { security: [{ providerHandle: [] }], headers: [xhrHeader()] },
  operator: { security: [{ operator: [] }], headers: [] },
};

/** Every `/v1/admin` operation: a service client's JWT, or the dashboard's operator cookie in an environment. */
const ADMIN = {
  security: [{ serviceClient: [] }, { operator: [] }],
  headers: [
    {
      name: ENVIRONMENT_HEADER,
      in: 'header',
      required: false,
      description:
        "With the operator's cookie: the environment acted in (optional when the operator has one); a service " +
        "client acts in its key's. Every change with the cookie must carry the dashboard's own Origin.",
      schema: { type: 'string' },
    },
  ],
};

function xhrHeader(required = true) {
  return {
    name: 'X-Requested-With',
    in: 'header',
    required,
    description: `XMLHttpRequest: a header a cross-site form, link or image cannot send (the CSRF defence)${required ? '' : '; required with the session cookie, not with a user JWT'}`,
    schema: { type: 'string', const: 'XMLHttpRequest' },
  };
}

/** The API as OpenAPI 3.1 (docs/api.md), generated from the operations table and the zod schemas. */
export function openApiDocument(publicUrl: string, version: string, devHome = false) {
  const paths: Record<string, Record<string, object>> = {};
  const schemas = componentSchemas();
  for (const operation of devHome ? [devHomeOperation, devConnectOperation, ...operations] : operations) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, object>)[operation.method] = operationObject(operation, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tokenvault',
      version,
      description:
        "Connects users' OAuth accounts, keeps their tokens encrypted and fresh, and hands out access tokens — " +
        'never refresh tokens. Times are ISO 8601; errors are {error, message, requestId}.',
    },
    servers: [{ url: publicUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        serviceClient: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An EdDSA JWT signed with a service-client access key (Authress format; `tokenvault token`).',
        },
        session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(publicUrl) },
        userJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "The app's own user JWT from an issuer the environment trusts (identity.trustedIssuers).",
        },
        operator: {
          type: 'apiKey',
          in: 'cookie',
          name: operatorCookieName(publicUrl),
          description: 'A signed-in operator of the dashboard (docs/dashboard.md); HttpOnly, SameSite=Strict.',
        },
        providerHandle: {
          type: 'apiKey',
          in: 'cookie',
          name: '{provider}-refresh-token',
          description: 'An opaque handle naming one connected account; never a provider token.',
        },
      },
    },
  };
}

function operationObject(operation: Operation, schemas: Record<string, unknown>) {
  const { security, headers } =
    operation.auth === 'service' && operation.path.startsWith('/v1/admin/') ? ADMIN : SECURITY[operation.auth];
  const required = operation.auth === 'service' ? requiredAction(operation.method, operation.path) : undefined;
  const body = operation.body && requestBody(operation.body, schemas, operation.form === true);
  const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description && { description: operation.description }),
    operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c = '') => c.toUpperCase())}`,
    security,
    // The grant a service client needs: an action on a resource, and the roles that include it.
    ...(required && { 'x-required-action': required }),
    parameters: [...pathParams, ...queryParameters(operation.query), ...headers],
    ...body,
    responses: Object.fromEntries(
      Object.entries({
        ...operation.responses,
        500: { description: 'a bug; the message is hidden', schema: errorSchema },
      }).map(([status, answer]) => [status, responseObject(answer, schemas)]),
    ),
    'x-codeSamples': [{ lang: 'curl', source: curlExample(operation, body && firstExample(body.requestBody.content)) }],
  };
}

/** An empty body means "no options", so a body is required only where the schema requires a field. */
function requestBody(body: z.ZodType, schemas: Record<string, unknown>, form: boolean) {
  const schema = inputSchema(body) as { required?: string[] };
  const example = exampleOf(schema, schemas);
  const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
  return {
    requestBody: {
      required: (schema.required?.length ?? 0) > 0,
      content: { [type]: { schema, example } },
    },
  };
}

function firstExample(content: Record<string, { example: unknown }>): unknown {
  return Object.values(content)[0]?.example;
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = inputSchema(query) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      ...(description && { description }),
      schema: rest,
    };
  });
}

function responseObject(answer: Answer, schemas: Record<string, unknown>) {
  if ('schema' in answer) {
    const id = responseSchemas.get(answer.schema)?.id;
    if (!id) throw new Error(`response schema for '${answer.description}' is not registered`);
    const schema = { $ref: COMPONENTS + id };
    return {
      description: answer.description,
      content: { 'application/json': { schema, example: exampleOf(schema, schemas) } },
    };
  }
  const content = {
    json: { 'application/json': { schema: { type: 'object' } } },
    html: { 'text/html': { schema: { type: 'string' } } },
    text: { 'text/plain': { schema: { type: 'string' } } },
    redirect: undefined,
    empty: undefined,
    passthrough: { '*/*': { schema: {} } },
  }[answer.kind];
  return { description: answer.description, ...(content && { content }) };
}

/** A request body or query as the caller sends it (defaults optional, before transforms). */
function inputSchema(schema: z.ZodType) {
  return tidy(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }));
}

function componentSchemas() {
  const { schemas } = z.toJSONSchema(responseSchemas, { uri: (id) => COMPONENTS + id, target: 'draft-2020-12' });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, tidy(schema)]));
}

/**
 * Drops what OpenAPI does not need per schema (`$schema`, `$id`) and zod's long date-time regex, which says no
 * more than `format: date-time`.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => key !== '$schema' && key !== '$id' && !(key === 'pattern' && object.format === 'date-time'))
      .map(([key, inner]) => [key, tidy(inner)]),
  );
}
