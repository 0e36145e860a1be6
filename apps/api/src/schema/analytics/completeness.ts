// Reporting completeness: per month, designated villages that sent at least one report.
import { builder } from '../../builder.js';
import { rowsOfOneStatement } from '../../query-cost.js';
import { type CompletenessRow as CompletenessFigures, reportingCompleteness } from '../../analytics/completeness.js';
import { lastDayOfMonth, todayInIndonesia } from '@binaan/domain';
import { Ratio, ratio } from '../ratio.js';
import { AreaLevelEnum, type AreaKeyShape, AnalyticsArea, AnalyticsFilter, scopedFilter } from './shared.js';

const CompletenessRow = builder
  .objectRef<Omit<CompletenessFigures, 'area'> & { area: AreaKeyShape | null }>('ReportingCompletenessRow')
  .implement({
    description: 'Of the villages designated in a month, how many reported.',
    fields: (t) => ({
      month: t.exposeString('month', { description: '`YYYY-MM` (WIB).' }),
      from: t.exposeString('from', {
        description:
          "First day counted, `YYYY-MM-DD`: the 1st, or the period's first day when the period starts within the month.",
      }),
      to: t.exposeString('to', {
        description:
          "Last day counted, `YYYY-MM-DD`: the month's last day, or the period's last day when the period ends within the month.",
      }),
      partial: t.boolean({
        description:
          'Fewer days than the whole month are counted, or the month is not over yet (WIB): not comparable with a whole month.',
        resolve: (row, _args, ctx) =>
          row.from !== `${row.month}-01` ||
          row.to < lastDayOfMonth(row.month) ||
          row.to >= todayInIndonesia(ctx.requestedAt),
      }),
      area: t.field({
        type: AnalyticsArea,
        nullable: true,
        description: 'The area, when grouped.',
        resolve: (row) => row.area,
      }),
      designatedVillages: t.exposeInt('designatedVillages', {
        description: 'Villages designated and ACTIVE on at least one of the days counted (by the status history).',
      }),
      reportingVillages: t.exposeInt('reportingVillages', {
        description: 'Of those, villages that sent at least one report on the days counted.',
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
        description:
          'The time these figures are complete up to ("data per"): when they were computed, less the delay of the read replica behind the primary when one served them.',
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
      computedAt: ctx.dataAsOf,
      rows: await reportingCompleteness(ctx.db.sql, groupBy ?? null, await scopedFilter(ctx, filter)),
    }),
  }),
}));
