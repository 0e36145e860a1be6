// Health endpoints for load balancers and orchestrators:
// - /healthz: the process is up and serving (liveness), whatever the database does;
// - /readyz: this process should get traffic: the database answers, every migration is applied, and
//   the server is not shutting down.
import { type Database, pendingMigrations } from '@binaan/db';

export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | string; migrations: 'ok' | string; shuttingDown: boolean };
}

const READY_TIMEOUT_MS = 2_000;

/**
 * What an anonymous caller may learn from /readyz: whether each check passed, nothing more. The reason
 * (which can name the database's address) goes to the logs and metrics instead.
 */
export function publicReadiness(readiness: Readiness): Readiness {
  const { database, migrations, shuttingDown } = readiness.checks;
  return {
    ready: readiness.ready,
    checks: {
      database: database === 'ok' ? 'ok' : 'database unavailable',
      migrations: migrations === 'ok' ? 'ok' : 'migrations pending',
      shuttingDown,
    },
  };
}

export async function checkReadiness(db: Database, shuttingDown: boolean): Promise<Readiness> {
  const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok', shuttingDown };
  try {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS).unref(),
    );
    await Promise.race([db.sql.query('SELECT 1'), timeout]);
    const pending = await Promise.race([pendingMigrations(db.sql), timeout]);
    if (pending.length) checks.migrations = `pending: ${pending.join(', ')}`;
  } catch (error) {
    checks.database = error instanceof Error ? error.message : String(error);
  }
  return { ready: checks.database === 'ok' && checks.migrations === 'ok' && !shuttingDown, checks };
}
