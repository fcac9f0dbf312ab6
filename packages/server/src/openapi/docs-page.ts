import { escapeHtml } from '../html.js';
import type { openApiDocument } from './document.js';

type Document = ReturnType<typeof openApiDocument>;
interface OperationView {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  security: Record<string, unknown>[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.6rem;overflow-x:auto}
section{border-top:1px solid #ddd;padding:.5rem 0}.m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}`;

/** `/docs`: the OpenAPI document as one page, rendered on the server, with no script and nothing fetched. */
export function docsPage(document: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods) as [string, OperationView][]) {
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, operation)]);
    }
  }
  const schemas = Object.entries(document.components.schemas).map(
    ([id, schema]) => `<section id="schema-${escapeHtml(id)}"><h3>${escapeHtml(id)}</h3>${pre(schema)}</section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tokenvault API</title>
<style>${STYLE}</style></head><body>
<h1>${escapeHtml(document.info.title)} API <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)} The machine-readable document is <a href="openapi.json">/openapi.json</a>.</p>
<nav>${[...byTag.keys()].map((tag) => `<a href="#tag-${tag}">${tag}</a>`).join(' · ')} · <a href="#schemas">schemas</a></nav>
${[...byTag.entries()].map(([tag, items]) => `<h2 id="tag-${tag}">${tag}</h2>${items.join('\n')}`).join('\n')}
<h2 id="schemas">Schemas</h2>${schemas.join('\n')}
</body></html>`;
}

function operationHtml(method: string, path: string, operation: OperationView): string {
  const auth = operation.security.map((requirement) => Object.keys(requirement).join(' + ')).join(' or ') || 'none';
  const parameters = operation.parameters.length
    ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${operation.parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code>${p.description ? `<br>${escapeHtml(p.description)}` : ''}</td>` +
            `<td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</table>`
    : '';
  const body = operation.requestBody?.content['application/json']?.schema;
  const responses = Object.entries(operation.responses)
    .map(([status, answer]) => {
      const schema = Object.values(answer.content ?? {})[0]?.schema as { $ref?: string } | undefined;
      const ref = schema?.$ref?.split('/').at(-1);
      const link = ref ? ` — <a href="#schema-${escapeHtml(ref)}">${escapeHtml(ref)}</a>` : '';
      return `<li><code>${status}</code> ${escapeHtml(answer.description)}${link}</li>`;
    })
    .join('');
  return `<section id="${escapeHtml(operation.operationId)}">
<h3><span class="m">${method}</span><code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}${operation.description ? `. ${escapeHtml(operation.description)}` : ''}</p>
<p>Authentication: ${escapeHtml(auth)}</p>${parameters}${body ? `<p>Body (JSON):</p>${pre(body)}` : ''}
<ul>${responses}</ul></section>`;
}

function pre(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}
