// One HTTP entry point: GraphQL at /graphql, the built dashboard everywhere else. Every path that is not
// a file is a dashboard route and gets index.html, so deep links like /desa/63.02.15.2002 work on reload.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import type { App } from './yoga.js';

export const hasDashboard = (dashboardDir: string) => existsSync(join(dashboardDir, 'index.html'));

export function createHttpHandler(app: App, dashboardDir: string | null) {
  if (!dashboardDir || !hasDashboard(dashboardDir)) return app;
  // `dev` makes sirv look files up per request, so rebuilding the dashboard under a running server is safe;
  // browsers revalidate with ETags (a 304 costs next to nothing).
  const files = sirv(dashboardDir, { etag: true, dev: true });
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path === '/graphql' || path.startsWith('/graphql?')) return app(req, res);
    return files(req, res, () => {
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
