import net, { type AddressInfo } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'black-hole';

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

/**
 * A TCP proxy on 127.0.0.1 that a test controls, between the app and PostgreSQL: it passes bytes
 * through, refuses (every connection cut and the port closed, so connecting gets ECONNREFUSED),
 * or black-holes (connections accepted, nothing answered; bytes held back and delivered when it
 * passes again, as TCP retransmission would).
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<Pair>();
  private mode: ProxyMode = 'pass';
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  /** The local ports of the connections to the target: `client_port` in PostgreSQL's `pg_stat_activity`. */
  upstreamPorts(): number[] {
    return [...this.pairs].map((pair) => pair.upstream.localPort).filter((port): port is number => port !== undefined);
  }

  async set(mode: ProxyMode): Promise<void> {
    const previous = this.mode;
    this.mode = mode;
    if (mode === 'refuse') {
      for (const pair of this.pairs) this.cut(pair);
      await this.closeServer();
    } else if (previous === 'refuse') {
      await this.listen();
    }
    if (mode === 'pass')
      for (const { client, upstream } of this.pairs) {
        client.resume();
        upstream.resume();
      }
    if (mode === 'black-hole')
      for (const { client, upstream } of this.pairs) {
        client.pause();
        upstream.pause();
      }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.cut(pair);
    await this.closeServer();
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    // Paused sockets keep what arrives in their buffers: the black hole holds, `pass` delivers.
    client.pipe(upstream);
    upstream.pipe(client);
    if (this.mode === 'black-hole') {
      client.pause();
      upstream.pause();
    }
    const drop = () => this.cut(pair);
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  }

  private cut(pair: Pair): void {
    this.pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  }
}
