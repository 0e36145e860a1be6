// Coverage: designated villages against all villages and against the work-plan target, per area.
import { builder } from '../../builder.js';
import { rowsOfOneStatement } from '../../query-cost.js';
import {
  coverageByArea,
  type CoverageFigures,
  type CoverageRow as CoverageRowShape,
  sumCoverage,
} from '../../analytics/coverage.js';
import type { AreaLevel } from '../../analytics/filter.js';
import { Ratio, ratio } from '../ratio.js';
import { AreaLevelEnum, type AreaKeyShape, AnalyticsArea, AnalyticsFilter, scopedFilter } from './shared.js';

type CoverageRowValue = CoverageFigures & { area: AreaKeyShape | null };

const CoverageRow = builder.objectRef<CoverageRowValue>('CoverageRow').implement({
  description: 'Coverage of one area (or of all areas, in `total`).',
  fields: (t) => ({
    area: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'The area; null for the total.',
      resolve: (row) => row.area,
    }),
    villages: t.exposeInt('villages', { description: 'Desa and kelurahan in the area.' }),
    designatedVillages: t.exposeInt('designatedVillages', {
      description:
        "Villages with a designation (of the filtered variants) ACTIVE on the period's last day, by the status history.",
    }),
    target: t.exposeInt('target', {
      nullable: true,
      description:
        "Villages to designate in the period's years per the work plan; null where no target is set (kecamatan level, or an area whose work plan has none for those years).",
    }),
    coverage: t.field({
      type: Ratio,
      description: 'designatedVillages / villages.',
      resolve: (row) => ratio(row.designatedVillages, row.villages),
    }),
    targetAttainment: t.field({
      type: Ratio,
      nullable: true,
      description:
        "Designations inaugurated in the period's years (by its end) / target; null where there is no target.",
      resolve: (row) => (row.target === null ? null : ratio(row.inauguratedInTargetYears, row.target)),
    }),
  }),
});

interface CoverageReportShape {
  computedAt: Date;
  groupBy: AreaLevel;
  rows: CoverageRowShape[];
}

const CoverageReport = builder.objectRef<CoverageReportShape>('CoverageReport').implement({
  description: 'Programme coverage per area: villages, designated villages, target and attainment.',
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
      type: [CoverageRow],
      description: 'One row per area, by code.',
      resolve: (report) => report.rows,
    }),
    total: t.field({
      type: CoverageRow,
      description: 'All rows together.',
      resolve: (report) => ({ ...sumCoverage(report.rows), area: null }),
    }),
  }),
});

builder.queryFields((t) => ({
  coverage: t.field({
    authScopes: { readAggregates: true },
    type: CoverageReport,
    description: 'Programme coverage grouped by province, kabupaten/kota or kecamatan.',
    args: {
      groupBy: t.arg({
        type: AreaLevelEnum,
        required: false,
        defaultValue: 'PROVINCE',
        description: 'Row level (default PROVINCE).',
      }),
      filter: t.arg({ type: AnalyticsFilter, required: false, description: 'What to count.' }),
    },
    resolve: async (_root, { groupBy, filter }, ctx) => ({
      computedAt: ctx.dataAsOf,
      groupBy: groupBy ?? 'PROVINCE',
      rows: await coverageByArea(ctx.db.sql, groupBy ?? 'PROVINCE', await scopedFilter(ctx, filter)),
    }),
  }),
}));
