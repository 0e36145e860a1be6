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
  /** Connection limits (default: connectionLimits). */
  limits?: Partial<typeof connectionLimits>;
  afterDrain?: () => Promise<void>;
}

/**
 * Limits on connections, set deliberately rather than left at Node's defaults (docs/operations.md): a
 * client that sends its headers slowly, or keeps a request open, cannot hold a connection for long, and
 * the process accepts at most so many connections at once (the rest wait in the kernel's queue).
 */
export const connectionLimits = {
  /** All request headers must arrive within this (Node's default is 60 s). */
  headersTimeoutMs: 10_000,
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: 30_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** Connections open at once. */
  maxConnections: 1_000,
  /** How often the timeouts above are checked (Node's default, 30 s, would let a slow client stay that long). */
  checkIntervalMs: 1_000,
};

export async function serveGracefully(handler: RequestListener, options: ServeOptions): Promise<GracefulServer> {
  let stopping: Promise<void> | null = null;
  const inFlight = new Set<ServerResponse>();
  const limits = { ...connectionLimits, ...options.limits };
  const server = createServer(
    { connectionsCheckingInterval: limits.checkIntervalMs },
    (req: IncomingMessage, res: ServerResponse) => {
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
    },
  );
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
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
