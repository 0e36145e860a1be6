// Training completion: members of inaugurated task forces who completed each module and all of them.
import { builder } from '../../builder.js';
import { listCost, listLengths, rowsOfOneStatement } from '../../query-cost.js';
import type { Context } from '../../context.js';
import type { AnalyticsFilter as AnalyticsFilterShape, AreaLevel } from '../../analytics/filter.js';
import {
  trainingCompletion,
  type TrainingCompletionRow as TrainingRowShape,
  sumTraining,
} from '../../analytics/training.js';
import { Ratio, ratio } from '../ratio.js';
import { TrainingModule } from '../training-module.js';
import { AreaLevelEnum, type AreaKeyShape, AnalyticsArea, AnalyticsFilter, scopedFilter } from './shared.js';

type ModuleRecord = { id: number; code: string; name: string; description: string; sortOrder: number };

const ModuleCompletion = builder
  .objectRef<{ module: ModuleRecord; completed: number; members: number }>('ModuleCompletion')
  .implement({
    description: 'How many members completed one module.',
    fields: (t) => ({
      module: t.field({ type: TrainingModule, description: 'The module.', resolve: (entry) => entry.module }),
      completed: t.field({
        type: Ratio,
        description: 'Members who completed it / members.',
        resolve: (entry) => ratio(entry.completed, entry.members),
      }),
    }),
  });

type TrainingRowValue = Omit<TrainingRowShape, 'area'> & { area: AreaKeyShape | null; moduleRecords: ModuleRecord[] };

const TrainingCompletionRow = builder.objectRef<TrainingRowValue>('TrainingCompletionRow').implement({
  description:
    "Training completion of one area's task-force members (or of all, in `total`) on the period's last day (default: today).",
  fields: (t) => ({
    area: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'The area; null for the total.',
      resolve: (row) => row.area,
    }),
    members: t.exposeInt('members', {
      description:
        "Members (without the immigration officer) present on the period's last day, in task forces of designations ACTIVE that day (by the status history): a suspended or ended designation's members are not counted.",
    }),
    completedAll: t.field({
      type: Ratio,
      description: 'Members who completed every module / members.',
      resolve: (row) => ratio(row.completedAll, row.members),
    }),
    modules: t.field({
      ...listCost(listLengths.modules),
      type: [ModuleCompletion],
      description: 'Completion per module, in curriculum order.',
      resolve: (row) =>
        row.moduleRecords.map((module) => ({
          module,
          members: row.members,
          completed: row.modules.find((entry) => entry.moduleId === module.id)?.completed ?? 0,
        })),
    }),
  }),
});

const TrainingCompletionReport = builder
  .objectRef<{ computedAt: Date; groupBy: AreaLevel; rows: TrainingRowValue[] }>('TrainingCompletionReport')
  .implement({
    description: 'Training completion per area, with a breakdown per module.',
    fields: (t) => ({
      computedAt: t.expose('computedAt', {
        type: 'DateTime',
        description:
          'The time these figures are complete up to ("data per"): when they were computed, less the delay of the read replica behind the primary when one served them.',
      }),
      groupBy: t.field({
        type: AreaLevelEnum,
        description: 'The level of the rows.',
        resolve: (report) => report.groupBy,
      }),
      rows: t.field({
        ...rowsOfOneStatement,
        type: [TrainingCompletionRow],
        description: 'One row per area with members, by code.',
        resolve: (report) => report.rows,
      }),
      total: t.field({
        type: TrainingCompletionRow,
        description: 'All rows together: completion per module overall.',
        resolve: (report) => ({
          ...sumTraining(report.rows),
          area: null,
          moduleRecords: report.rows[0]?.moduleRecords ?? [],
        }),
      }),
    }),
  });

async function trainingReport(ctx: Context, level: AreaLevel, filter: AnalyticsFilterShape) {
  const [rows, moduleRecords] = await Promise.all([
    trainingCompletion(ctx.db.sql, level, filter),
    ctx.db.prisma.trainingModule.findMany({ orderBy: { sortOrder: 'asc' } }),
  ]);
  return { computedAt: ctx.dataAsOf, groupBy: level, rows: rows.map((row) => ({ ...row, moduleRecords })) };
}

builder.queryFields((t) => ({
  trainingCompletion: t.field({
    authScopes: { readAggregates: true },
    type: TrainingCompletionReport,
    description:
      'Task-force members who completed each module and all modules, per area; `total.modules` gives it per module.',
    args: {
      groupBy: t.arg({
        type: AreaLevelEnum,
        required: false,
        defaultValue: 'PROVINCE',
        description: 'Row level (default PROVINCE).',
      }),
      filter: t.arg({ type: AnalyticsFilter, required: false, description: 'Whom to count (period: as of its end).' }),
    },
    resolve: async (_root, { groupBy, filter }, ctx) =>
      trainingReport(ctx, groupBy ?? 'PROVINCE', await scopedFilter(ctx, filter)),
  }),
}));
