// One HTTP entry point: GraphQL at /graphql, operations endpoints (/healthz, /readyz, /metrics), and the
// built dashboard everywhere else. Every path that is not a file is a dashboard route and gets
// index.html, so deep links like /desa/63.02.15.2002 work on reload.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Database } from '@binaan/db';
import type { Registry } from 'prom-client';
import sirv from 'sirv';
import { checkReadiness } from './observability/health.js';
import type { App } from './yoga.js';

export const hasDashboard = (dashboardDir: string | null): dashboardDir is string =>
  dashboardDir !== null && existsSync(join(dashboardDir, 'index.html'));

export interface OperationsEndpoints {
  db: Database;
  metrics: Registry;
  isStopping(): boolean;
  /** When set, /metrics wants `Authorization: Bearer <this>`. */
  metricsToken?: string | null;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

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
      void checkReadiness(ops.db, ops.isStopping()).then((readiness) =>
        sendJson(res, readiness.ready ? 200 : 503, readiness),
      );
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

export function createHttpHandler(app: App, dashboardDir: string | null, ops?: OperationsEndpoints): Handler {
  const operations = ops ? operationsHandler(ops) : () => false;
  // `dev` makes sirv look files up per request, so rebuilding the dashboard under a running server is safe;
  // browsers revalidate with ETags (a 304 costs next to nothing).
  const files = hasDashboard(dashboardDir) ? sirv(dashboardDir, { etag: true, dev: true }) : null;
  return (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path === '/graphql') return app(req, res);
    if (operations(path, req, res)) return;
    if (!files || !dashboardDir) {
      sendJson(res, 404, { error: 'Not found. GraphQL is at /graphql.' });
      return;
    }
    files(req, res, () => {
      if (path.startsWith('/assets/')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(readFileSync(join(dashboardDir, 'index.html')));
    });
  };
}
