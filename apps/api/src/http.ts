// One HTTP entry point: GraphQL at /graphql, operations endpoints (/healthz, /readyz, /metrics), the
// field app (apps/lapor) at /lapor/, and the built dashboard everywhere else. Every path that is not a
// file is a route of its app and gets that app's index.html, so deep links like /desa/63.02.15.2002 work
// on reload.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Database } from '@binaan/db';
import type { Registry } from 'prom-client';
import sirv from 'sirv';
import { checkReadiness, publicReadiness, type Readiness } from './observability/health.js';
import { localeOfHeader } from './context.js';
import { localize } from './messages.js';
import { DOCUMENTS_PATH } from './plugins/decree-documents.js';
import { type App, operationLimits } from './yoga.js';
import { GRAPHIQL_ASSETS, graphiqlAssetsDir } from './graphiql.js';

/** Has this front end been built (is its index.html there)? */
export const isBuilt = (dir: string | null): dir is string => dir !== null && existsSync(join(dir, 'index.html'));

/** Where the field app is served: its service worker's scope, and the path its QR codes point to. */
export const FIELD_APP_PATH = '/lapor/';

/** The built front ends the handler serves; either may be absent (not built). */
export interface BuiltApps {
  dashboardDir: string | null;
  fieldAppDir?: string | null;
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('Not found');
}

/**
 * A front end's built files: hashed assets (`/assets/`) are immutable; everything else is revalidated on
 * every load, so a new version is seen at once. A precompressed copy (Brotli, gzip) goes to browsers
 * that accept it.
 */
function builtFiles(dir: string) {
  return sirv(dir, {
    etag: true,
    dev: true,
    brotli: true,
    gzip: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/**
 * The field app: hashed assets are immutable; index.html and the service worker are revalidated on every
 * load (the phone's service worker decides what to use offline, and must see a new version when online).
 */
function fieldAppHandler(fieldAppDir: string): Handler {
  const files = builtFiles(fieldAppDir);
  return (req, res) => {
    const url = req.url ?? '/';
    req.url = url.slice(FIELD_APP_PATH.length - 1);
    files(req, res, () => {
      if ((req.url ?? '').startsWith('/assets/')) return notFound(res);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(readFileSync(join(fieldAppDir, 'index.html')));
    });
  };
}

export interface OperationsEndpoints {
  db: Database;
  metrics: Registry;
  isStopping(): boolean;
  /** When set, /metrics wants `Authorization: Bearer <this>`, and /readyz gives its reasons to it. */
  metricsToken?: string | null;
  /** Told when /readyz finds the process not ready (for the logs). */
  onNotReady?: (readiness: Readiness) => void;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Reads a request body of at most `maxBytes`, counting the bytes that actually arrive (a chunked body
 * declares no length, and a declared length can lie). Past the limit it stops reading: null.
 */
export function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** GraphQL over HTTP with the body read (and limited) here: Yoga then uses the bytes as they are. */
function graphqlHandler(app: App, maxBodyBytes: number): Handler {
  return (req, res) => {
    if (req.method !== 'POST') return app(req, res);
    readBodyWithin(req, maxBodyBytes).then(
      (body) => {
        if (body === null) {
          // Close the connection: the rest of the body is never read.
          res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          const message = localize(
            `Request body over ${maxBodyBytes} bytes.`,
            localeOfHeader(req.headers['accept-language']),
          );
          res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
          req.destroy();
          return;
        }
        // An empty body stays a stream (Yoga's own "missing body" answer); otherwise Yoga reads these bytes.
        if (body.length > 0) (req as IncomingMessage & { body?: Buffer }).body = body;
        app(req, res);
      },
      () => res.destroy(),
    );
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function operationsHandler(
  ops: OperationsEndpoints,
): (path: string, req: IncomingMessage, res: ServerResponse) => boolean {
  return (path, req, res) => {
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
      return true;
    }
    if (path === '/readyz') {
      void checkReadiness(ops.db, ops.isStopping()).then((readiness) => {
        if (!readiness.ready) ops.onNotReady?.(readiness);
        // The reasons (they can name the database's address) only for operators with the metrics token.
        const operator = ops.metricsToken && req.headers.authorization === `Bearer ${ops.metricsToken}`;
        sendJson(res, readiness.ready ? 200 : 503, operator ? readiness : publicReadiness(readiness));
      });
      return true;
    }
    if (path === '/metrics') {
      if (ops.metricsToken && req.headers.authorization !== `Bearer ${ops.metricsToken}`) {
        sendJson(res, 401, { error: 'metrics need the metrics token' });
        return true;
      }
      void ops.metrics.metrics().then((text) => {
        res.writeHead(200, { 'content-type': ops.metrics.contentType, 'cache-control': 'no-store' });
        res.end(text);
      });
      return true;
    }
    return false;
  };
}

export function createHttpHandler(app: App, apps: BuiltApps, ops?: OperationsEndpoints): Handler {
  const { dashboardDir, fieldAppDir = null } = apps;
  const operations = ops ? operationsHandler(ops) : () => false;
  const fieldApp = isBuilt(fieldAppDir) ? fieldAppHandler(fieldAppDir) : null;
  // `dev` makes sirv look files up per request, so rebuilding the dashboard under a running server is safe;
  // browsers revalidate with ETags (a 304 costs next to nothing).
  const files = isBuilt(dashboardDir) ? builtFiles(dashboardDir) : null;
  const graphql = graphqlHandler(app, operationLimits.maxBodyBytes);
  // GraphiQL's own code and styles (graphiql.ts): immutable for a given package version.
  const graphiqlFiles = sirv(graphiqlAssetsDir, { etag: true, maxAge: 86_400 });
  return (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path === '/graphql') return graphql(req, res);
    // Documents are read by Yoga's documents plugin, which counts and limits their bytes itself.
    if (path.startsWith(DOCUMENTS_PATH)) return app(req, res);
    if (path.startsWith(GRAPHIQL_ASSETS)) {
      req.url = url.slice(GRAPHIQL_ASSETS.length - 1);
      graphiqlFiles(req, res, () => sendJson(res, 404, { error: 'Not found.' }));
      return;
    }
    if (operations(path, req, res)) return;
    if (fieldApp && path === FIELD_APP_PATH.slice(0, -1)) {
      res.writeHead(301, { location: FIELD_APP_PATH });
      res.end();
      return;
    }
    if (fieldApp && path.startsWith(FIELD_APP_PATH)) return fieldApp(req, res);
    if (!files || !dashboardDir) {
      sendJson(res, 404, { error: 'Not found. GraphQL is at /graphql.' });
      return;
    }
    files(req, res, () => {
      if (path.startsWith('/assets/')) return notFound(res);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(readFileSync(join(dashboardDir, 'index.html')));
    });
  };
}
