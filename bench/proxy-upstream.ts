import { createServer } from 'node:http';

// The provider's API in the proxy section: a loopback node:http server answering every request with a small JSON
// list, as a repository listing would, after reading the body. Its port is printed on the first line.
const BODY = JSON.stringify([{ full_name: 'octo/hello-world' }, { full_name: 'octo/spoon-knife' }]);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999' });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
