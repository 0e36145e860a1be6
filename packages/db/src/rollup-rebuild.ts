// Rebuilding rollup families from the records: one family at a time inside the migrator's transaction,
// or the whole registry after a seed's bulk load, two families at once in their own transactions.
import { ROLLUPS_TABLE, type RollupFamily, rollupFamilies, rollupSourceTables, setUserTriggers } from './rollups.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';

type Family = (typeof rollupFamilies)[number];

/** The families whose tables this family is kept from (reports, for completeness): built before it. */
export function prerequisitesOf(family: RollupFamily): Family[] {
  return rollupFamilies.filter(
    (other) => other.name !== family.name && other.tables.some((table) => family.sources.includes(table)),
  );
}

/** These families and every family kept from their tables, in the registry's (dependency) order. */
export function withDependents(names: Iterable<string>): Family[] {
  const chosen = new Set(names);
  for (const family of rollupFamilies) {
    if (prerequisitesOf(family).some((prerequisite) => chosen.has(prerequisite.name))) chosen.add(family.name);
  }
  return rollupFamilies.filter((family) => chosen.has(family.name));
}

/**
 * Recomputes one family's tables and clears its `rebuild_requested`. Its own tables that another family
 * watches (`village_month_report`) are written with their triggers off: row by row, the triggers would
 * cost more than the rebuild, so the families kept from them must be rebuilt after it (withDependents).
 */
export async function rebuildFamily(tx: SqlExecutor, family: RollupFamily): Promise<void> {
  const watched = family.tables.filter((table) => rollupSourceTables.includes(table));
  if (watched.length) await tx.exec(setUserTriggers(watched, 'DISABLE'));
  await tx.exec(`SELECT ${family.rebuild}()`);
  if (watched.length) await tx.exec(setUserTriggers(watched, 'ENABLE'));
  await tx.query(`UPDATE ${ROLLUPS_TABLE} SET rebuild_requested = false WHERE name = $1`, [family.name]);
}

/** Asks for every family to be rebuilt: whatever stops before they all are, the next migration finishes. */
export async function requestFullRebuild(tx: SqlExecutor): Promise<void> {
  await tx.query(`UPDATE ${ROLLUPS_TABLE} SET rebuild_requested = true`);
}

export interface RebuildProgress {
  building: string[];
  built: string[];
  families: number;
}

/**
 * Rebuilds every family, each in its own transaction, up to `atOnce` at a time, each as soon as the
 * families it is kept from are done. On PostgreSQL the reports family (most of the time) runs beside
 * coverage and training instead of before them; PGlite runs one transaction at a time anyway.
 */
export interface RebuildAllOptions {
  atOnce: number;
  onProgress?: (progress: RebuildProgress) => void;
  /**
   * Around each family's rebuild, in its transaction (the seed: its tables' secondary indexes dropped
   * before and built again after). Returns what to do once the rebuild is done.
   */
  around?: (tx: SqlExecutor, tables: readonly string[]) => Promise<() => Promise<void>>;
}

export async function rebuildAllRollups(sql: SqlDatabase, options: RebuildAllOptions): Promise<void> {
  const waiting: Family[] = [...rollupFamilies];
  const building = new Set<string>();
  const built: string[] = [];
  const report = () =>
    options.onProgress?.({ building: [...building], built: [...built], families: rollupFamilies.length });
  let failure: unknown = null;

  await new Promise<void>((resolve) => {
    const startReady = () => {
      if (failure !== null || waiting.length === 0) {
        if (building.size === 0) resolve();
        return;
      }
      for (const family of [...waiting]) {
        if (building.size >= options.atOnce) break;
        if (!prerequisitesOf(family).every((prerequisite) => built.includes(prerequisite.name))) continue;
        waiting.splice(waiting.indexOf(family), 1);
        building.add(family.name);
        report();
        sql
          .transaction(async (tx) => {
            // A rebuild groups millions of rows: in memory rather than spilled to disk, and never timed out.
            await tx.exec(
              `SET LOCAL statement_timeout = 0; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '1GB';`,
            );
            const after = await options.around?.(tx, family.tables);
            await rebuildFamily(tx, family);
            await after?.();
          })
          .then(
            () => {
              building.delete(family.name);
              built.push(family.name);
              report();
            },
            (error: unknown) => {
              building.delete(family.name);
              failure ??= error;
            },
          )
          .finally(startReady);
      }
      // Nothing running and nothing ready: the registry names a family whose prerequisites never come.
      if (building.size === 0) {
        failure = new Error(`No rollup family can start: ${waiting.map((f) => f.name).join(', ')}`);
        resolve();
      }
    };
    startReady();
  });
  if (failure !== null) throw failure;
}
