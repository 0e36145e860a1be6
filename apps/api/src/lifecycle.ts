// Serving with a graceful stop. On stop(): the server stops accepting connections (new clients get
// "connection refused", so a load balancer moves on), requests already running finish and their
// responses say `Connection: close`, idle kept-alive connections are closed, and only when the last
// response is out (or the drain timeout passes) does `afterDrain` run, which closes the database pool.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localeOfHeader } from './context.js';
import { localize } from './messages.js';

export interface GracefulServer {
  server: Server;
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  isStopping(): boolean;
  /** Idempotent; resolves when the last connection is closed and afterDrain has run. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** How long in-flight requests get before their connections are cut. */
  drainTimeoutMs?: number;
  afterDrain?: () => Promise<void>;
}

export async function serveGracefully(handler: RequestListener, options: ServeOptions): Promise<GracefulServer> {
  let stopping: Promise<void> | null = null;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Should a request still get through while stopping, it is told to go elsewhere.
    if (stopping) {
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' });
      const message = localize('Server is shutting down.', localeOfHeader(req.headers['accept-language']));
      res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'SHUTTING_DOWN' } }] }));
      return;
    }
    // A response finished while stopping leaves its kept-alive connection idle: close it now rather
    // than when the client's keep-alive timer runs out.
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  function stop(): Promise<void> {
    stopping ??= (async () => {
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
      cut.unref();
      await closed;
      clearTimeout(cut);
      await options.afterDrain?.();
    })();
    return stopping;
  }
  return { server, url: `http://${host}:${address.port}`, isStopping: () => stopping !== null, stop };
}
