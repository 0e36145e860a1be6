export {
  DatabaseInUseError,
  openDatabase,
  openReplicaDatabase,
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
  type PoolStats,
} from './client.js';
export { migrate, pendingMigrations, MigrationError, type MigrationResult } from './migrate.js';
export {
  seedDatabase,
  hasAreas,
  SeedRefusedError,
  SeedUnfinishedError,
  type SeedOptions,
  type SeedResult,
} from './seed/seed.js';
export { prepareDatabase } from './prepare.js';
export { personalFields } from './personal-data.js';
export type { QueryOptions, SqlDatabase, SqlExecutor } from './sql.js';
export { postgresSql, sqlLiteral } from './sql.js';
export { isRetryableConflict, retryOnConflict, CONFLICT_ATTEMPTS } from './conflicts.js';
export * from './generated/prisma/client.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { demoUsers, DEFAULT_DEMO_PASSWORD, writeDemoUsers } from './seed/demo-users.js';
export { rollupCodes, rollupFamilies, type RollupFamily, type RollupFamilyName } from './rollups.js';
