// Training completion: current task-force members (not the immigration officer) of inaugurated
// designations, who completed each module and who completed all of them.
import type { SqlExecutor } from '@binaan/db';
import {
  areaPredicate,
  type AnalyticsFilter,
  type AreaLevel,
  areaColumns,
  FILTER_CTE,
  filterParams,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';

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

/** Members in scope: present at the end of the period (or now). */
const membersCte = (filter: AnalyticsFilter) => `members AS (
  SELECT m.id, CODE_COLUMN AS code, NAME_COLUMN AS name
    FROM task_force_member m
    JOIN task_force tf ON tf.id = m.task_force_id
    JOIN designation g ON g.id = tf.designation_id
    JOIN village v ON v.id = g.village_id ${VILLAGE_JOINS}
    CROSS JOIN f
   WHERE m.role <> 'IMMIGRATION_OFFICER' AND g.status <> 'PLANNED' AND ${areaPredicate(filter)} AND ${variantPredicate(filter)}
     AND (f.date_to IS NULL OR m.joined_on <= f.date_to)
     AND (m.left_on IS NULL OR (f.date_to IS NOT NULL AND m.left_on > f.date_to))
),
completed AS (
  SELECT DISTINCT a.member_id, a.module_id
    FROM training_attendance a JOIN training_session s ON s.id = a.session_id CROSS JOIN f
   WHERE a.completed AND (f.date_to IS NULL OR s.held_on <= f.date_to)
)`;

export async function trainingCompletion(sql: SqlExecutor, level: AreaLevel, filter: AnalyticsFilter): Promise<TrainingCompletionRow[]> {
  const area = areaColumns(level);
  const members = membersCte(filter).replace('CODE_COLUMN', area.code).replace('NAME_COLUMN', area.name);
  const params = filterParams(filter);
  const [perArea, perModule] = await Promise.all([
    sql.query<{ code: string; name: string; members: number; completed_all: number }>(
      `WITH ${FILTER_CTE}, ${members},
       modules_done AS (SELECT member_id, COUNT(*) AS modules FROM completed GROUP BY member_id)
       SELECT mb.code, mb.name, COUNT(*)::int AS members,
              COUNT(*) FILTER (WHERE d.modules = (SELECT COUNT(*) FROM training_module))::int AS completed_all
         FROM members mb LEFT JOIN modules_done d ON d.member_id = mb.id
        GROUP BY mb.code, mb.name ORDER BY mb.code`,
      params,
    ),
    sql.query<{ code: string; module_id: number; completed: number }>(
      `WITH ${FILTER_CTE}, ${members}
       SELECT mb.code, mo.id AS module_id, COUNT(c.member_id)::int AS completed
         FROM members mb CROSS JOIN training_module mo
         LEFT JOIN completed c ON c.member_id = mb.id AND c.module_id = mo.id
        GROUP BY mb.code, mo.id ORDER BY mb.code, mo.id`,
      params,
    ),
  ]);
  const modulesByArea = new Map<string, ModuleCompletion[]>();
  for (const row of perModule) {
    const list = modulesByArea.get(row.code) ?? [];
    list.push({ moduleId: row.module_id, completed: row.completed });
    modulesByArea.set(row.code, list);
  }
  return perArea.map((row) => ({
    area: { level, code: row.code, name: row.name },
    members: row.members,
    completedAll: row.completed_all,
    modules: modulesByArea.get(row.code) ?? [],
  }));
}

export function sumTraining(rows: Omit<TrainingCompletionRow, 'area'>[]): Omit<TrainingCompletionRow, 'area'> {
  const modules = new Map<number, number>();
  for (const row of rows) for (const module of row.modules) modules.set(module.moduleId, (modules.get(module.moduleId) ?? 0) + module.completed);
  return {
    members: rows.reduce((sum, row) => sum + row.members, 0),
    completedAll: rows.reduce((sum, row) => sum + row.completedAll, 0),
    modules: [...modules].sort(([a], [b]) => a - b).map(([moduleId, completed]) => ({ moduleId, completed })),
  };
}
