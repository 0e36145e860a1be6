// The one place @binaan/db reads the environment.
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface DatabaseEnv {
  /** `postgres://…` to use PostgreSQL; unset to use the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** DATABASE_REPLICA_URL: a streaming replica of DATABASE_URL that the API may read from; unset: none. */
  replicaUrl: string | undefined;
  /** Where the embedded database keeps its files (git-ignored). */
  pgliteDataDir: string;
  /** The demo users' password (BINAAN_DEMO_PASSWORD), if set; demo data only. */
  demoPassword: string | undefined;
  /**
   * BINAAN_DATABASE_PREPARED_STATEMENTS (default true): PostgreSQL may be sent named prepared statements.
   * Set it to false behind PgBouncer in transaction mode before 1.21 (Debian 12 ships 1.18).
   */
  preparedStatements: boolean;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl.split(':')[0]}:…")`);
  }
  const replicaUrl = env.DATABASE_REPLICA_URL?.trim() || undefined;
  if (replicaUrl && !/^postgres(ql)?:\/\//.test(replicaUrl)) {
    throw new Error(
      `DATABASE_REPLICA_URL must start with postgres:// or postgresql:// (got "${replicaUrl.split(':')[0]}:…")`,
    );
  }
  if (replicaUrl && !databaseUrl)
    throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: a replica of the embedded database cannot exist');
  return {
    databaseUrl,
    replicaUrl,
    pgliteDataDir: env.BINAAN_PGLITE_DIR?.trim() || `${repoRoot}.data/pglite`,
    demoPassword: env.BINAAN_DEMO_PASSWORD || undefined,
    preparedStatements: readBoolean(env, 'BINAAN_DATABASE_PREPARED_STATEMENTS', true),
  };
}
