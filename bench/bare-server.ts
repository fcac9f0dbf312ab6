import { createServer } from 'node:http';

// The baseline (docs/benchmarks.md): a bare node:http server doing the least a JSON API can do with the same request — read
// the body, answer a small JSON document. Its port is printed on the first line.
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hello":"world"}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
