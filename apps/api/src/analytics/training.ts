// Training completion: current task-force members (not the immigration officer) of inaugurated
// designations, who completed each module and who completed all of them, from the training rollup; and
// the member lists' total count, from the roster counts the same family keeps.
import { rollupCodes, type SqlExecutor } from '@binaan/db';
import { areaPredicate, type AnalyticsFilter, type AreaLevel, areaColumns, filterCte } from './filter.js';
import {
  atLevel,
  rollupAreaJoins,
  rollupAreaRestriction,
  rollupChangesUpTo,
  rollupLevel,
  rollupVariantPredicate,
} from './rollups.js';
import { empty, join, literal, select, sql } from './sql.js';

export interface ModuleCompletion {
  moduleId: number;
  completed: number;
}

export interface TrainingCompletionRow {
  area: { level: AreaLevel; code: string; name: string };
  members: number;
  completedAll: number;
  modules: ModuleCompletion[];
}

/**
 * Members present at the end of the period (or now) and those of them trained, per area: the sum of the
 * training rollup's changes up to that day (whole months from month rows, the last days from day rows).
 */
export async function trainingCompletion(
  db: SqlExecutor,
  level: AreaLevel,
  filter: AnalyticsFilter,
  /** false: members and those fully trained only (module 0 rows), each module's figure left at 0. */
  perModule = true,
): Promise<TrainingCompletionRow[]> {
  const area = areaColumns(level);
  const rollup = rollupLevel(filter, [level]);
  const where = sql`${atLevel(rollup)} AND ${rollupAreaRestriction(rollup, filter)} AND ${rollupVariantPredicate(filter)}
    ${perModule ? empty : sql`AND x.module_id = ${literal(rollupCodes.allModules)}`}`;
  const rows = await select<{
    code: string;
    name: string;
    module_id: number;
    present: number;
    completed: number;
    modules: number[];
  }>(
    db,
    sql`WITH ${filterCte(filter)}
     SELECT ${area.code} AS code, ${area.name} AS name, x.module_id, SUM(x.present)::int AS present, SUM(x.completed)::int AS completed,
            ARRAY(SELECT id FROM training_module ORDER BY id) AS modules
       FROM (${rollupChangesUpTo('training_rollup', where, filter)}) x ${rollupAreaJoins[rollup]} CROSS JOIN f
      WHERE ${areaPredicate(filter)}
      GROUP BY 1, 2, 3
      ORDER BY 1, 3`,
  );
  const byArea = new Map<string, TrainingCompletionRow>();
  for (const row of rows) {
    let entry = byArea.get(row.code);
    if (!entry) {
      entry = {
        area: { level, code: row.code, name: row.name },
        members: 0,
        completedAll: 0,
        modules: row.modules.map((moduleId) => ({ moduleId, completed: 0 })),
      };
      byArea.set(row.code, entry);
    }
    if (row.module_id === rollupCodes.allModules) {
      entry.members = row.present;
      entry.completedAll = row.completed;
    } else {
      const module = entry.modules.find((candidate) => candidate.moduleId === row.module_id);
      if (module) module.completed = row.completed;
    }
  }
  // Areas with no one present at that date are left out, as before the rollup.
  return [...byArea.values()].filter((row) => row.members > 0);
}

export function sumTraining(rows: Omit<TrainingCompletionRow, 'area'>[]): Omit<TrainingCompletionRow, 'area'> {
  const modules = new Map<number, number>();
  for (const row of rows)
    for (const module of row.modules)
      modules.set(module.moduleId, (modules.get(module.moduleId) ?? 0) + module.completed);
  return {
    members: rows.reduce((sum, row) => sum + row.members, 0),
    completedAll: rows.reduce((sum, row) => sum + row.completedAll, 0),
    modules: [...modules].sort(([a], [b]) => a - b).map(([moduleId, completed]) => ({ moduleId, completed })),
  };
}

/** Which members to count: the member lists' filter, besides its areas. Null or absent: any. */
export interface RosterFilter {
  roles?: readonly string[] | null;
  current?: boolean | null;
  /** true: fewer modules completed than the curriculum has; false: all of them. */
  incompleteTraining?: boolean | null;
  /** The curriculum's size, which "all of them" means. */
  modules: number;
}

/**
 * How many task-force members match, from the roster counts the training family keeps
 * (member_roster_count): the member lists' total count without reading every member.
 */
export async function memberRosterCount(db: SqlExecutor, filter: AnalyticsFilter, roster: RosterFilter) {
  const level = rollupLevel(filter, []);
  const conditions = [
    roster.roles?.length ? sql`x.role::text = ANY(${[...roster.roles]}::text[])` : null,
    roster.current != null ? sql`x.current = ${roster.current}::boolean` : null,
    roster.incompleteTraining === true ? sql`x.modules_completed < ${roster.modules}::int` : null,
    roster.incompleteTraining === false ? sql`x.modules_completed >= ${roster.modules}::int` : null,
  ].filter((condition) => condition !== null);
  const [row] = await select<{ members: number }>(
    db,
    sql`WITH ${filterCte(filter)}
     SELECT COALESCE(SUM(x.members), 0)::int AS members
       FROM member_roster_count x ${rollupAreaJoins[level]} CROSS JOIN f
      WHERE ${atLevel(level)} AND ${rollupAreaRestriction(level, filter)} AND ${areaPredicate(filter)}
        ${conditions.length ? sql`AND ${join(conditions, ' AND ')}` : empty}`,
  );
  return row!.members;
}
