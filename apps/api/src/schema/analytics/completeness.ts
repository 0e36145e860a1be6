// Reporting completeness: per month, designated villages that sent at least one report.
import { builder } from '../../builder.js';
import { rowsOfOneStatement } from '../../query-cost.js';
import { reportingCompleteness } from '../../analytics/completeness.js';
import { Ratio, ratio } from '../ratio.js';
import { AreaLevelEnum, type AreaKeyShape, AnalyticsArea, AnalyticsFilter, scopedFilter } from './shared.js';

const CompletenessRow = builder
  .objectRef<{ month: string; area: AreaKeyShape | null; designatedVillages: number; reportingVillages: number }>(
    'ReportingCompletenessRow',
  )
  .implement({
    description: 'Of the villages designated in a month, how many reported.',
    fields: (t) => ({
      month: t.exposeString('month', { description: '`YYYY-MM` (WIB).' }),
      area: t.field({
        type: AnalyticsArea,
        nullable: true,
        description: 'The area, when grouped.',
        resolve: (row) => row.area,
      }),
      designatedVillages: t.exposeInt('designatedVillages', {
        description: 'Villages designated and active during the month.',
      }),
      reportingVillages: t.exposeInt('reportingVillages', {
        description: 'Of those, villages that sent at least one report that month.',
      }),
      completeness: t.field({
        type: Ratio,
        description: 'reportingVillages / designatedVillages.',
        resolve: (row) => ratio(row.reportingVillages, row.designatedVillages),
      }),
    }),
  });

const CompletenessReport = builder
  .objectRef<{ computedAt: Date; rows: Awaited<ReturnType<typeof reportingCompleteness>> }>(
    'ReportingCompletenessReport',
  )
  .implement({
    description: 'Reporting completeness per month (and area, when grouped).',
    fields: (t) => ({
      computedAt: t.expose('computedAt', {
        type: 'DateTime',
        description: 'When these figures were computed ("data per").',
      }),
      rows: t.field({
        ...rowsOfOneStatement,
        type: [CompletenessRow],
        description: 'By month, then area code.',
        resolve: (report) => report.rows,
      }),
    }),
  });

builder.queryFields((t) => ({
  reportingCompleteness: t.field({
    authScopes: { readAggregates: true },
    type: CompletenessReport,
    description: 'Per month: designated villages that sent at least one report, against all designated villages.',
    args: {
      groupBy: t.arg({ type: AreaLevelEnum, required: false, description: 'Also split by this area level.' }),
      filter: t.arg({
        type: AnalyticsFilter,
        required: false,
        description: 'What to count (default period: the last 12 months).',
      }),
    },
    resolve: async (_root, { groupBy, filter }, ctx) => ({
      computedAt: ctx.requestedAt,
      rows: await reportingCompleteness(ctx.db.sql, groupBy ?? null, await scopedFilter(ctx, filter)),
    }),
  }),
}));
