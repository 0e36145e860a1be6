// Fills an empty (migrated) database with the programme's areas and demo records. The records go in one
// transaction: a seed that fails or stops while writing them leaves nothing behind. The rollups are then
// rebuilt from them, family by family, each in its own transaction; until they all are, every family is
// marked for rebuilding, so a seed stopped there leaves the next migration (every server start) to finish.
import { rebuildAllRollups, type RebuildProgress, requestFullRebuild } from '../rollup-rebuild.js';
import { rollupFamilies, rollupSourceTables, setUserTriggers } from '../rollups.js';
import type { SqlDatabase, SqlExecutor } from '../sql.js';
import { writeAreas } from './areas.js';
import { deferIndexesAndForeignKeys, restoreForeignKeys, restoreIndexes } from './bulk-load.js';
import { dayOf } from './calendar.js';
import { writeProgramme } from './programme.js';
import { SeededRandom } from './random.js';
import { writeDemoUsers } from './demo-users.js';
import { RowWriter } from './row-writer.js';
import { type ScaleName, scaleProfiles } from './scale.js';
import { programmeTables, seededTablesChildrenFirst, tablesWithSerialId } from './tables.js';

export const DEFAULT_SEED = 20_230_726;

export interface SeedOptions {
  scale?: ScaleName;
  /** The generator writes records up to this day (ISO date); default today. Fix it for reproducible data. */
  today?: string;
  /** Random seed; the same seed and `today` give the same rows. */
  seed?: number;
  /** Empty the seeded tables first. Without it, seeding a database that has data is refused. */
  reset?: boolean;
  onProgress?: (event: SeedProgress) => void;
}

export type SeedProgress =
  | { phase: 'areas'; rows: Record<string, number> }
  | { phase: 'programme'; provinceCode: string; provinceIndex: number; provinces: number; rows: Record<string, number> }
  /** Before the indexes dropped for the load are built again, and before the foreign keys are checked. */
  | { phase: 'indexes'; rows: Record<string, number> }
  | { phase: 'keys'; rows: Record<string, number> }
  /** When a rollup family starts being rebuilt and when it is done (`built` of `families`). */
  | ({ phase: 'rollups'; rows: Record<string, number> } & RebuildProgress)
  | { phase: 'statistics'; rows: Record<string, number> };

export interface SeedResult {
  scale: ScaleName;
  today: string;
  /** Rows written per table. */
  rows: Record<string, number>;
  villagesByProvince: { code: string; name: string; villages: number }[];
  durationMs: number;
}

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

/**
 * The records were written and committed, but what follows them (the rollups' rebuild, the planner's
 * statistics) did not finish. The data is there: the next migration (every server start) finishes the
 * rollups, and ANALYZE can be run again.
 */
export class SeedUnfinishedError extends Error {
  override name = 'SeedUnfinishedError';
}

export async function hasAreas(sql: SqlExecutor): Promise<boolean> {
  const [row] = await sql.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM province) AS present');
  return row?.present ?? false;
}

/** The day the seed generates records up to when none is given: today (UTC). */
export function defaultSeedDay(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function seedDatabase(sql: SqlDatabase, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const scaleName = options.scale ?? 'demo';
  const today = options.today ?? defaultSeedDay();
  const profile = { ...scaleProfiles[scaleName], today: dayOf(today) };
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const onProgress = options.onProgress ?? (() => undefined);
  const lastIds = new Map<string, number>();
  const ids = {
    next(table: string) {
      const id = (lastIds.get(table) ?? 0) + 1;
      lastIds.set(table, id);
      return id;
    },
  };

  const loaded = await sql.transaction(async (tx) => {
    // Bulk statements (COPY, the index builds) run for minutes at national scale; the index builds sort in
    // memory rather than spill to disk.
    await tx.exec(`SET LOCAL statement_timeout = 0;
      SET LOCAL work_mem = '256MB';
      SET LOCAL maintenance_work_mem = '1GB';`);
    if (options.reset) {
      // The rollups too: each family's rebuild below begins by deleting every row, and deleting the 10 M
      // rows a national seed leaves, row by row, made a reset seed 12 min instead of 10.6.
      const emptied = [...seededTablesChildrenFirst, ...rollupFamilies.flatMap((family) => family.tables)];
      await tx.exec(`TRUNCATE ${emptied.map((table) => `"${table}"`).join(', ')} RESTART IDENTITY CASCADE`);
    } else if (await hasAreas(tx)) {
      throw new SeedRefusedError('The database already has data. Run the seed with --reset to replace it.');
    }

    // Row by row, the rollup triggers would multiply the load's time; build the rollups once at the end.
    await tx.exec(setUserTriggers(rollupSourceTables, 'DISABLE'));
    const deferred = await deferIndexesAndForeignKeys(tx, Object.keys(programmeTables));

    const areaRows: Record<string, number> = {};
    const areas = await writeAreas(tx, profile, random, ids, (rows) => {
      Object.assign(areaRows, rows);
      onProgress({ phase: 'areas', rows });
    });

    let current = { provinceCode: '', provinceIndex: 0, provinces: areas.provinceCodes.length };
    const programmeRows: Record<string, number> = {};
    const writer = new RowWriter(tx, programmeTables, (rows) => {
      Object.assign(programmeRows, rows);
      onProgress({ phase: 'programme', ...current, rows });
    });
    await writeProgramme({ sql: tx, writer, random, ids, areas, scale: profile }, (provinceCode, index, total) => {
      current = { provinceCode, provinceIndex: index, provinces: total };
      onProgress({ phase: 'programme', ...current, rows: writer.counts() });
    });

    // The generator chose the ids; move each sequence past them so that the API's inserts do not collide.
    for (const table of tablesWithSerialId) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1), (SELECT MAX(id) FROM "${table}") IS NOT NULL)`,
        [table],
      );
    }

    onProgress({ phase: 'indexes', rows: writer.counts() });
    await restoreIndexes(tx, deferred);
    onProgress({ phase: 'keys', rows: writer.counts() });
    await restoreForeignKeys(tx, deferred);

    await tx.exec(setUserTriggers(rollupSourceTables, 'ENABLE'));
    // The rollups are rebuilt after this transaction, in their own: should the seed stop first, the next
    // migration (every server start) finishes them.
    await requestFullRebuild(tx);
    const users = await writeDemoUsers(tx);
    return {
      scale: scaleName,
      today,
      rows: { ...areaRows, ...programmeRows, app_user: users },
      programmeRows: writer.counts(),
    };
  });

  try {
    // Two families at a time: the reports family, most of the time, beside coverage and training.
    await rebuildAllRollups(sql, {
      atOnce: 2,
      // As for the load: millions of rows inserted into a secondary index at random places cost more than
      // building it once from the finished table. With its inserts in key order too, the reports family
      // of a national seed took 1 min 49 s instead of 4 min (bench/README.md).
      around: async (tx, tables) => {
        const deferred = await deferIndexesAndForeignKeys(tx, tables);
        return async () => {
          await restoreIndexes(tx, deferred);
          await restoreForeignKeys(tx, deferred);
        };
      },
      onProgress: (progress) => onProgress({ phase: 'rollups', ...progress, rows: loaded.programmeRows }),
    });

    // Fresh statistics, or the planner guesses one row per table and picks nested loops for analytics.
    // Without the statement timeout: on the national dataset it took 19 s on a busy machine.
    onProgress({ phase: 'statistics', rows: loaded.programmeRows });
    await sql.transaction(async (tx) => {
      await tx.exec('SET LOCAL statement_timeout = 0');
      await tx.exec('ANALYZE');
    });
  } catch (error) {
    throw new SeedUnfinishedError(
      `The records were written, but the seed did not finish (${(error as Error).message}). The next server start rebuilds the rollups; run ANALYZE again.`,
      { cause: error },
    );
  }

  const villagesByProvince = await sql.query<{ code: string; name: string; villages: number }>(
    `SELECT p.code, p.name, COUNT(v.id)::int AS villages
       FROM province p LEFT JOIN village v ON v.province_id = p.id
      GROUP BY p.code, p.name ORDER BY p.code`,
  );
  return {
    scale: scaleName,
    today,
    rows: loaded.rows,
    villagesByProvince,
    durationMs: Date.now() - started,
  };
}
