// Report statistics: counts by area, type, status and month, with the median days to follow-up.
import { builder } from '../../builder.js';
import { rowsOfOneStatement } from '../../query-cost.js';
import {
  type ReportDimension,
  reportStats,
  type ReportStatsRow as ReportStatsRowShape,
  withEmptyMonths,
} from '../../analytics/reports.js';
import { ReportStatusEnum, ReportTypeEnum } from '../enums.js';
import { Ratio, ratio } from '../ratio.js';
import { ReportDimensionEnum, AnalyticsArea, AnalyticsFilter, scopedFilter } from './shared.js';

const ReportStatsRow = builder.objectRef<ReportStatsRowShape>('ReportStatsRow').implement({
  description: 'Report counts for one combination of the grouped dimensions; ungrouped dimensions are null.',
  fields: (t) => ({
    province: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'Province, when grouped by PROVINCE.',
      resolve: (row) => (row.province ? { level: 'PROVINCE' as const, ...row.province } : null),
    }),
    regency: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'Kabupaten/kota, when grouped by REGENCY.',
      resolve: (row) => (row.regency ? { level: 'REGENCY' as const, ...row.regency } : null),
    }),
    district: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'Kecamatan, when grouped by DISTRICT.',
      resolve: (row) => (row.district ? { level: 'DISTRICT' as const, ...row.district } : null),
    }),
    type: t.field({
      type: ReportTypeEnum,
      nullable: true,
      description: 'Type, when grouped by TYPE.',
      resolve: (row) => row.type,
    }),
    status: t.field({
      type: ReportStatusEnum,
      nullable: true,
      description: 'Status, when grouped by STATUS.',
      resolve: (row) => row.status,
    }),
    month: t.exposeString('month', {
      nullable: true,
      description: 'Month received (WIB), `YYYY-MM`, when grouped by MONTH.',
    }),
    reports: t.exposeInt('reports', { description: 'Reports received.' }),
    followedUp: t.exposeInt('followedUp', {
      description: 'Of those, reports followed up so far (the sample of the median).',
    }),
    rejected: t.exposeInt('rejected', {
      description: 'Of those, reports rejected (not genuine or not for the programme): never followed up.',
    }),
    followUpRate: t.field({
      type: Ratio,
      description:
        'followedUp / (reports - rejected): the share of the reports to act on that were followed up (a rejected report is never followed up).',
      resolve: (row) => ratio(row.followedUp, row.reports - row.rejected),
    }),
    medianDaysToFollowUp: t.float({
      nullable: true,
      description: 'Median days from receipt to follow-up over the followed-up reports; null when none.',
      resolve: (row) => row.medianDaysToFollowUp(),
    }),
  }),
});

const ReportStatsReport = builder
  .objectRef<{ computedAt: Date; groupBy: ReportDimension[]; rows: ReportStatsRowShape[] }>('ReportStatsReport')
  .implement({
    description: 'Report counts grouped by the requested dimensions.',
    fields: (t) => ({
      computedAt: t.expose('computedAt', {
        type: 'DateTime',
        description:
          'The time these figures are complete up to ("data per"): when they were computed, less the delay of the read replica behind the primary when one served them.',
      }),
      groupBy: t.field({
        type: [ReportDimensionEnum],
        description: 'The dimensions grouped by.',
        resolve: (report) => report.groupBy,
      }),
      rows: t.field({
        ...rowsOfOneStatement,
        type: [ReportStatsRow],
        description: 'One row per combination that has reports.',
        resolve: (report) => report.rows,
      }),
    }),
  });

builder.queryFields((t) => ({
  reportStats: t.field({
    authScopes: { readAggregates: true },
    type: ReportStatsReport,
    description: 'Report counts and median days to follow-up, grouped by any of area, type, status and month.',
    args: {
      groupBy: t.arg({
        type: [ReportDimensionEnum],
        required: false,
        defaultValue: [],
        description: 'Dimensions (none: one total row).',
      }),
      filter: t.arg({ type: AnalyticsFilter, required: false, description: 'Which reports.' }),
      fillEmptyMonths: t.arg.boolean({
        required: false,
        defaultValue: false,
        description:
          'With MONTH in groupBy: every month of the period (without one, from the first to the last month with reports) for every group, with 0 reports where none came in, so a series can be charted as it is.',
      }),
    },
    resolve: async (_root, { groupBy, filter, fillEmptyMonths }, ctx) => {
      const scoped = await scopedFilter(ctx, filter);
      const rows = await reportStats(ctx.db.sql, groupBy ?? [], scoped);
      return {
        computedAt: ctx.dataAsOf,
        groupBy: groupBy ?? [],
        rows: fillEmptyMonths ? withEmptyMonths(rows, groupBy ?? [], scoped) : rows,
      };
    },
  }),
}));
