import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The floor: the least a Node.js HTTP server can do per request, on the same core as the portal. */
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('hello');
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
