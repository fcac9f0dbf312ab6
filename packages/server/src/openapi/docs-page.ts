import { escapeHtml } from '../html.js';
import { gettingStarted, SCHEME_TEXT } from './docs-guide.js';
import type { openApiDocument } from './document.js';

type Document = ReturnType<typeof openApiDocument>;
interface Media {
  schema: unknown;
  example?: unknown;
}
interface OperationView {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  security: Record<string, unknown>[];
  'x-required-action'?: { action: string; resource: string; roles: string[] };
  'x-codeSamples'?: { lang: string; source: string }[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Entry {
  method: string;
  path: string;
  operation: OperationView;
}

/** Sections in reading order: reading tokens first, operations last. */
const TAGS: Record<string, string> = {
  accounts: 'Reading tokens and accounts (backends)',
  me: 'The signed-in user’s accounts (browsers)',
  agents: 'Agents acting for a user (token exchange)',
  browser: 'Browser protocol (Backstage-compatible)',
  admin: 'Administration',
  clients: 'Service clients',
  ops: 'Operations',
};

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.6rem;overflow-x:auto}
section{border-top:1px solid #ddd;padding:.5rem 0}.m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
nav ul{columns:2}summary{cursor:pointer}`;

/** `/docs`: the OpenAPI document as one page, rendered on the server, with no script and nothing fetched. */
export function docsPage(document: Document): string {
  const byTag = new Map<string, Entry[]>(Object.keys(TAGS).map((tag) => [tag, []]));
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods) as [string, OperationView][]) {
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  // Token reads lead their section: they are what most callers come for.
  const isRead = (e: Entry) => /access-token$|credentials$/.test(e.path);
  for (const entries of byTag.values()) entries.sort((a, b) => Number(isRead(b)) - Number(isRead(a)));
  const sections = [...byTag.entries()].filter(([, entries]) => entries.length > 0);
  const toc = sections
    .map(
      ([tag, entries]) =>
        `<li><a href="#tag-${tag}">${escapeHtml(TAGS[tag] ?? tag)}</a><ul>${entries
          .map(
            (e) =>
              `<li><a href="#${escapeHtml(e.operation.operationId)}">${e.method.toUpperCase()} ${escapeHtml(e.path)}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  const schemas = Object.entries(document.components.schemas).map(
    ([id, schema]) =>
      `<details id="schema-${escapeHtml(id)}"><summary>${escapeHtml(id)}</summary>${pre(schema)}</details>`,
  );
  const publicUrl = document.servers[0]?.url ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tokenvault API</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>
<h1>${escapeHtml(document.info.title)} API <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)} The machine-readable document is <a href="openapi.json">/openapi.json</a>.</p>
<nav aria-label="Contents"><h2>Contents</h2><ul><li><a href="#getting-started">Getting started</a></li>
<li><a href="#authentication">Authentication</a></li>${toc}<li><a href="#schemas">Schemas</a></li></ul></nav>
${gettingStarted(publicUrl)}
${authentication(document.components.securitySchemes)}
${sections
  .map(
    ([tag, entries]) =>
      `<h2 id="tag-${tag}">${escapeHtml(TAGS[tag] ?? tag)}</h2>${entries.map((e) => operationHtml(e)).join('\n')}`,
  )
  .join('\n')}
<h2 id="schemas">Schemas</h2>${schemas.join('\n')}
</body></html>`;
}

function authentication(schemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>) {
  const items = Object.entries(schemes).map(([name, scheme]) => {
    const how =
      scheme.type === 'http'
        ? `HTTP ${scheme.scheme} token`
        : `${scheme.in} <code>${escapeHtml(scheme.name ?? '')}</code>`;
    return `<dt id="auth-${escapeHtml(name)}"><code>${escapeHtml(name)}</code> — ${how}</dt><dd>${SCHEME_TEXT[name] ?? ''}</dd>`;
  });
  return `<section id="authentication"><h2>Authentication</h2><dl>${items.join('')}</dl></section>`;
}

function operationHtml({ method, path, operation }: Entry): string {
  const auth =
    operation.security
      .map((requirement) =>
        Object.keys(requirement)
          .map((name) => `<a href="#auth-${escapeHtml(name)}">${escapeHtml(name)}</a>`)
          .join(' + '),
      )
      .join(' or ') || 'none';
  const required = operation['x-required-action'];
  const grant = required
    ? `<p class="grant">Needs: <code>${escapeHtml(required.action)}</code> on <code>${escapeHtml(required.resource)}</code> (roles: ${required.roles.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')})</p>`
    : '';
  const parameters = operation.parameters.length
    ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${operation.parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code>${p.description ? `<br>${escapeHtml(p.description)}` : ''}</td>` +
            `<td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</table>`
    : '';
  const curl = operation['x-codeSamples']?.find((sample) => sample.lang === 'curl')?.source;
  const body = operation.requestBody?.content['application/json'];
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
  const answer = success && Object.values(success[1].content ?? {})[0];
  const responses = Object.entries(operation.responses)
    .map(([status, answered]) => {
      const schema = Object.values(answered.content ?? {})[0]?.schema as { $ref?: string } | undefined;
      const ref = schema?.$ref?.split('/').at(-1);
      const link = ref ? ` — <a href="#schema-${escapeHtml(ref)}">${escapeHtml(ref)}</a>` : '';
      return `<li><code>${status}</code> ${escapeHtml(answered.description)}${link}</li>`;
    })
    .join('');
  return `<section id="${escapeHtml(operation.operationId)}" class="operation">
<h3><span class="m">${method}</span><code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}${operation.description ? `. ${escapeHtml(operation.description)}` : ''}</p>
<p>Authentication: ${auth}</p>${grant}${parameters}
${curl ? `<p>Example:</p><pre class="curl">${escapeHtml(curl)}</pre>` : ''}
${body?.example !== undefined ? `<p>Example request body:</p>${pre(body.example, 'request')}` : ''}
${answer?.example !== undefined ? `<p>Example answer (${success?.[0]}):</p>${pre(answer.example, 'answer')}` : ''}
<ul>${responses}</ul></section>`;
}

function pre(value: unknown, kind?: string): string {
  return `<pre${kind ? ` class="${kind}"` : ''}>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}
