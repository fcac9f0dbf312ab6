import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The framework floor: the vault's own HTTP stack (Hono on @hono/node-server) with the token route doing
// nothing but reading the body and answering JSON of the same shape. The token read cannot beat it; its ratio
// to the bare server says how much of the budget the framework takes. Its port is printed on the first line.
const app = new Hono();
app.post('/v1/users/:userId/connected-accounts/:accountId/access-token', async (c) => {
  await c.req.text();
  return c.json({ accessToken: 'x', tokenType: 'bearer', expiresAt: null, scopes: [] });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(info.port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
