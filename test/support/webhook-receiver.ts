import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: Received[];
  /** The next delivery to arrive (within 10 s). */
  next(): Promise<Received>;
  close(): Promise<void>;
}

/**
 * A business's webhook endpoint on 127.0.0.1: keeps what it is sent and answers with `answer`
 * (a status, or a function that writes the response itself, or never answers).
 */
export async function webhookReceiver(answer: number | ((response: ServerResponse) => void) = 204): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const waiting: ((r: Received) => void)[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const entry = { headers: request.headers, body };
      received.push(entry);
      waiting.shift()?.(entry);
      if (typeof answer === 'number') response.writeHead(answer).end();
      else answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/nguon`,
    port,
    received,
    next: () =>
      new Promise((resolve, reject) => {
        waiting.push(resolve);
        setTimeout(() => reject(new Error('no webhook delivery within 10 s')), 10_000).unref();
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
