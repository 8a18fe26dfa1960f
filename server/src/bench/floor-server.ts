import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer as a case sends it: its headers ([name, value, ...]) and a body of as many bytes. */
interface Likeness {
  headers: string[];
  body: Buffer;
}

const likenesses = new Map<string, Likeness>();

/**
 * The floor: the least a Node.js HTTP server can do per request, on the same core as the portal:
 * a hello, or at `/like/{name}` an answer like a case's (registered by PUT with its headers and
 * body size, made once), to tell the portal's own cost from what sending and reading such an
 * answer costs.
 */
const server = http.createServer((request, response) => {
  const name = request.url?.startsWith('/like/') ? request.url.slice('/like/'.length) : undefined;
  if (name !== undefined && request.method === 'PUT') {
    let json = '';
    request.setEncoding('utf8');
    request.on('data', (part: string) => (json += part));
    request.on('end', () => {
      const { headers, bytes } = JSON.parse(json) as { headers: string[]; bytes: number };
      likenesses.set(name, { headers, body: Buffer.alloc(bytes, 'x') });
      response.end();
    });
    return;
  }
  const like = name === undefined ? undefined : likenesses.get(name);
  if (!like) {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' });
    return void response.end('hello');
  }
  response.writeHead(200, [...like.headers, 'content-length', String(like.body.length)]);
  response.end(like.body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
