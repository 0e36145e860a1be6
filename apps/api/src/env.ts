// The one place @binaan/api reads the environment (the database's own settings live in @binaan/db).
export interface ApiEnv {
  port: number;
  host: string;
  production: boolean;
}

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return { port, host: env.HOST ?? '127.0.0.1', production: env.NODE_ENV === 'production' };
}
