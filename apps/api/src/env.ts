// The one place @binaan/api reads the environment (the database's own settings live in @binaan/db).
import { fileURLToPath } from 'node:url';

export interface ApiEnv {
  port: number;
  host: string;
  production: boolean;
  /** The built dashboard served at /; default apps/dashboard/dist. */
  dashboardDir: string;
}

const defaultDashboardDir = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    production: env.NODE_ENV === 'production',
    dashboardDir: env.BINAAN_DASHBOARD_DIR ?? defaultDashboardDir,
  };
}
