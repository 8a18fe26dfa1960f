import http from 'node:http';
import type { AddressInfo } from 'node:net';

const bodies = new Map<number, Buffer>();

/**
 * The floor: the least a Node.js HTTP server can do per request, on the same core as the portal:
 * a hello, or with `?bytes=N` that many bytes (the size of a case's answer, made once), to tell
 * the portal's own cost from what sending and reading that many bytes costs.
 */
const server = http.createServer((request, response) => {
  const size = request.url === '/' ? 0 : Number(new URL(request.url ?? '/', 'http://floor').searchParams.get('bytes'));
  let body = bodies.get(size);
  if (!body) bodies.set(size, (body = Buffer.alloc(size, 'x')));
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end(size ? body : 'hello');
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
