import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client for API tests: sends a body as JSON (or a Buffer as bytes) and a bearer token when given. */
export function httpClient(baseUrl: string) {
  async function request<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    // Bytes (an upload) go as they are, with the content type the caller names; anything else as JSON.
    if (Buffer.isBuffer(options.body)) body = new Uint8Array(options.body);
    else if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
  }
  /** The raw bytes of an answer (images), without following redirects. */
  async function getBytes(
    path: string,
    options: { headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${baseUrl}${path}`, { headers: options.headers, redirect: 'manual' });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  return {
    request,
    getBytes,
    get: <T = any>(path: string, options?: { token?: string; headers?: Record<string, string> }) => request<T>('GET', path, options),
    post: <T = any>(path: string, body?: unknown, options?: { token?: string; headers?: Record<string, string> }) =>
      request<T>('POST', path, { ...options, body }),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** The path and query of an absolute URL, as a request to the test server takes it (percent-encoding kept). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

let visitors = 0;

/**
 * A loopback address of its own (127.0.x.y): requests sent `from` it reach the test server as
 * another visitor would, with another client address (all of 127.0.0.0/8 is this machine).
 */
export function newVisitorAddress(): string {
  visitors += 1;
  return `127.0.${2 + Math.floor(visitors / 250)}.${1 + (visitors % 250)}`;
}

/** A GET sent from the given local address (see `newVisitorAddress`); the body parsed as JSON when it is. */
export function getFrom<T = any>(
  baseUrl: string,
  localAddress: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpResponse<T>> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}${path}`, { localAddress, headers: { accept: 'application/json', ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        const type = responseHeaders.get('content-type') ?? '';
        resolve({
          status: incoming.statusCode ?? 0,
          headers: responseHeaders,
          body: type.includes('json') && text ? JSON.parse(text) : text,
        });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body exactly as it came over the wire, still compressed if it was. */
  wire: Buffer;
  /** The body with its Content-Encoding (br or gzip) undone. */
  body: Buffer;
}

/** A request whose answer is read as sent: `fetch` would undo the compression and hide it. */
export function requestRaw(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, String(value));
        const wire = Buffer.concat(chunks);
        const encoding = headers.get('content-encoding');
        const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ status: incoming.statusCode ?? 0, headers, wire, body });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
