import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';

// The proxy's baseline: a forwarder written directly with node:http and undici, doing what the vault's proxy does
// on the wire — strip the caller's credentials and hop-by-hop headers, add the provider token, stream the body up
// and the answer back through one pooled undici agent — and nothing else (no JWT, no database, no audit). Its port
// is printed on the first line; argv[2] is the upstream's origin.
const upstream = process.argv[2] as string;
const agent = new Agent({ connections: 256 });
const DROP = new Set(['authorization', 'cookie', 'host', 'connection', 'keep-alive', 'transfer-encoding']);

const server = createServer(async (req, res) => {
  const headers: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (DROP.has(name) || value === undefined) continue;
    headers.push(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.push('authorization', 'Bearer provider-token');
  try {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const answer = await request(`${upstream}${req.url}`, {
      method: req.method as 'GET',
      headers,
      body: hasBody ? Readable.from(req) : null,
      dispatcher: agent,
    });
    const back: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !DROP.has(name) && name !== 'set-cookie') back[name] = value;
    }
    res.writeHead(answer.statusCode, back);
    answer.body.pipe(res);
  } catch {
    res.writeHead(502).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
