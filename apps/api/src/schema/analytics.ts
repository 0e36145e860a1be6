// The analytics leadership and analysts read: coverage, report statistics, reporting completeness,
// training completion and the overview. Every figure comes with its numerator and denominator (Ratio),
// and every result says when it was computed. The SQL lives in src/analytics/.
import { allowedRegencyCodes } from '../auth/area-codes.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { reportingCompleteness } from '../analytics/completeness.js';
import {
  coverageByArea,
  type CoverageFigures,
  type CoverageRow as CoverageRowShape,
  sumCoverage,
} from '../analytics/coverage.js';
import type { AnalyticsFilter as AnalyticsFilterShape, AreaLevel } from '../analytics/filter.js';
import { overviewFigures } from '../analytics/overview.js';
import type { DateRange } from '@binaan/domain';
import { type ReportDimension, reportStats, type ReportStatsRow as ReportStatsRowShape } from '../analytics/reports.js';
import {
  sumTraining,
  trainingCompletion,
  type TrainingCompletionRow as TrainingRowShape,
} from '../analytics/training.js';
import { ProgrammeVariantEnum, Ratio, ratio, ReportStatusEnum, ReportTypeEnum } from './common.js';
import { AreaFilter, PeriodInput, type PeriodShape } from './filters.js';
import { TrainingModule } from './training-module.js';

const AreaLevelEnum = builder.enumType('AreaLevel', {
  description: 'A level of the administrative hierarchy to group by.',
  values: {
    PROVINCE: { description: 'Province (provinsi).' },
    REGENCY: { description: 'Kabupaten/kota: "district" in the dashboard\'s reports per district.' },
    DISTRICT: { description: 'Kecamatan.' },
  } as const,
});

const ReportDimensionEnum = builder.enumType('ReportDimension', {
  description: 'What to group report statistics by; combine several for a cross table.',
  values: {
    PROVINCE: { description: 'Province of the reporting village.' },
    REGENCY: { description: 'Kabupaten/kota of the reporting village.' },
    DISTRICT: { description: 'Kecamatan of the reporting village.' },
    TYPE: { description: 'Report type.' },
    STATUS: { description: 'Current status.' },
    MONTH: { description: 'Month received (WIB), `YYYY-MM`.' },
  } as const,
});

interface AreaKeyShape {
  level: AreaLevel;
  code: string;
  name: string;
}

const AnalyticsArea = builder.objectRef<AreaKeyShape>('AnalyticsArea').implement({
  description: 'An area a figure is about; drill down by passing its code in the next filter.',
  fields: (t) => ({
    level: t.field({ type: AreaLevelEnum, description: 'Its level.', resolve: (area) => area.level }),
    code: t.exposeString('code', { description: 'Kemendagri code.' }),
    name: t.exposeString('name', { description: 'Official name.' }),
  }),
});

const AnalyticsFilter = builder.inputType('AnalyticsFilter', {
  description: 'What analytics count. Empty means everything.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only these areas.' }),
    variants: t.field({
      type: [ProgrammeVariantEnum],
      required: false,
      description:
        'Only designations of these variants (reports: only those sent under such a designation). Targets are not per variant.',
    }),
    period: t.field({
      type: PeriodInput,
      required: false,
      description: 'Only this period: reports received in it; designations as of its end; targets of its years.',
    }),
    reportTypes: t.field({ type: [ReportTypeEnum], required: false, description: 'Only reports of these types.' }),
  }),
});

type FilterArg =
  | {
      area?: {
        provinceCodes?: string[] | null;
        regencyCodes?: string[] | null;
        districtCodes?: string[] | null;
      } | null;
      variants?: string[] | null;
      period?: PeriodShape | null;
      reportTypes?: string[] | null;
    }
  | null
  | undefined;

const isoDate = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** A code no kabupaten/kota has: restricts a filter to nothing. */
const NO_REGENCY = '00.00';
/** The filter as asked, narrowed to the caller's area: an aggregate never counts beyond it. */
async function scopedFilter(ctx: Context, filter: FilterArg): Promise<AnalyticsFilterShape> {
  const asked = toAnalyticsFilter(filter);
  const allowed = await allowedRegencyCodes(ctx);
  if (!allowed) return asked;
  const regencyCodes = asked.regencyCodes?.length
    ? asked.regencyCodes.filter((code) => allowed.includes(code))
    : allowed;
  return { ...asked, regencyCodes: regencyCodes.length ? regencyCodes : [NO_REGENCY] };
}

function toAnalyticsFilter(filter: FilterArg): AnalyticsFilterShape {
  return {
    provinceCodes: filter?.area?.provinceCodes,
    regencyCodes: filter?.area?.regencyCodes,
    districtCodes: filter?.area?.districtCodes,
    variants: filter?.variants,
    from: isoDate(filter?.period?.from),
    to: isoDate(filter?.period?.to),
    reportTypes: filter?.reportTypes,
  };
}

// ─── coverage ───────────────────────────────────────────────────────────────────────────────────

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
        'Villages with an ACTIVE designation (of the filtered variants) inaugurated by the end of the period.',
    }),
    target: t.exposeInt('target', {
      nullable: true,
      description:
        "Villages to designate in the period's years per the work plan; null at kecamatan level, where no target is set.",
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
      description: 'When these figures were computed ("data per").',
    }),
    groupBy: t.field({
      type: AreaLevelEnum,
      description: 'The level of the rows.',
      resolve: (report) => report.groupBy,
    }),
    rows: t.field({ type: [CoverageRow], description: 'One row per area, by code.', resolve: (report) => report.rows }),
    total: t.field({
      type: CoverageRow,
      description: 'All rows together.',
      resolve: (report) => ({ ...sumCoverage(report.rows), area: null }),
    }),
  }),
});

// ─── report statistics ──────────────────────────────────────────────────────────────────────────

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
      resolve: (row) => row.type as never,
    }),
    status: t.field({
      type: ReportStatusEnum,
      nullable: true,
      description: 'Status, when grouped by STATUS.',
      resolve: (row) => row.status as never,
    }),
    month: t.exposeString('month', {
      nullable: true,
      description: 'Month received (WIB), `YYYY-MM`, when grouped by MONTH.',
    }),
    reports: t.exposeInt('reports', { description: 'Reports received.' }),
    followedUp: t.exposeInt('followedUp', {
      description: 'Of those, reports followed up so far (the sample of the median).',
    }),
    followUpRate: t.field({
      type: Ratio,
      description: 'followedUp / reports.',
      resolve: (row) => ratio(row.followedUp, row.reports),
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
        description: 'When these figures were computed ("data per").',
      }),
      groupBy: t.field({
        type: [ReportDimensionEnum],
        description: 'The dimensions grouped by.',
        resolve: (report) => report.groupBy,
      }),
      rows: t.field({
        type: [ReportStatsRow],
        description: 'One row per combination that has reports.',
        resolve: (report) => report.rows,
      }),
    }),
  });

// ─── reporting completeness ─────────────────────────────────────────────────────────────────────

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
        type: [CompletenessRow],
        description: 'By month, then area code.',
        resolve: (report) => report.rows,
      }),
    }),
  });

// ─── training completion ────────────────────────────────────────────────────────────────────────

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
  description: 'Training completion of the current task-force members of one area (or of all, in `total`).',
  fields: (t) => ({
    area: t.field({
      type: AnalyticsArea,
      nullable: true,
      description: 'The area; null for the total.',
      resolve: (row) => row.area,
    }),
    members: t.exposeInt('members', {
      description: 'Current members (without the immigration officer) of task forces of inaugurated designations.',
    }),
    completedAll: t.field({
      type: Ratio,
      description: 'Members who completed every module / members.',
      resolve: (row) => ratio(row.completedAll, row.members),
    }),
    modules: t.field({
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
        description: 'When these figures were computed ("data per").',
      }),
      groupBy: t.field({
        type: AreaLevelEnum,
        description: 'The level of the rows.',
        resolve: (report) => report.groupBy,
      }),
      rows: t.field({
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
  return { computedAt: ctx.requestedAt, groupBy: level, rows: rows.map((row) => ({ ...row, moduleRecords })) };
}

// ─── overview ───────────────────────────────────────────────────────────────────────────────────

const PeriodRange = builder.objectRef<DateRange>('PeriodRange').implement({
  description: 'A range of days, both included.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'First day, `YYYY-MM-DD`.' }),
    to: t.exposeString('to', { description: 'Last day, `YYYY-MM-DD`.' }),
  }),
});

const CountComparison = builder.objectRef<{ current: number; previous: number }>('CountComparison').implement({
  description: 'A count in the period and in the period before it.',
  fields: (t) => ({
    current: t.exposeInt('current', { description: 'In the period.' }),
    previous: t.exposeInt('previous', { description: 'In the previous period.' }),
    change: t.float({
      nullable: true,
      description: '(current - previous) / previous; null when previous is 0.',
      resolve: ({ current, previous }) => (previous === 0 ? null : (current - previous) / previous),
    }),
  }),
});

const RatioComparison = builder
  .objectRef<{
    current: { numerator: number; denominator: number };
    previous: { numerator: number; denominator: number };
  }>('RatioComparison')
  .implement({
    description: 'A ratio at the end of the period and at the end of the period before it.',
    fields: (t) => ({
      current: t.field({ type: Ratio, description: 'For the period.', resolve: (value) => value.current }),
      previous: t.field({ type: Ratio, description: 'For the previous period.', resolve: (value) => value.previous }),
    }),
  });

interface OverviewShape {
  computedAt: Date;
  period: DateRange;
  previousPeriod: DateRange;
  designatedVillages: { current: number; previous: number };
  coverage: {
    current: { numerator: number; denominator: number };
    previous: { numerator: number; denominator: number };
  };
  targetAttainment: {
    current: { numerator: number; denominator: number };
    previous: { numerator: number; denominator: number };
  } | null;
  reports: { current: number; previous: number };
  reportingCompleteness: {
    current: { numerator: number; denominator: number };
    previous: { numerator: number; denominator: number };
  };
  membersFullyTrained: {
    current: { numerator: number; denominator: number };
    previous: { numerator: number; denominator: number };
  };
}

const Overview = builder.objectRef<OverviewShape>('Overview').implement({
  description: "The dashboard's headline figures for a period, each with the previous period's value.",
  fields: (t) => ({
    computedAt: t.expose('computedAt', {
      type: 'DateTime',
      description: 'When these figures were computed ("data per").',
    }),
    period: t.field({
      type: PeriodRange,
      description: 'The period (default: this month so far, WIB), cut at today.',
      resolve: (o) => o.period,
    }),
    previousPeriod: t.field({
      type: PeriodRange,
      description:
        'The period compared with: for a period starting on the 1st of a month, the same days shifted back by the months it spans (previous month, quarter or year); otherwise the same length just before.',
      resolve: (o) => o.previousPeriod,
    }),
    designatedVillages: t.field({
      type: CountComparison,
      description: 'Villages with an active designation at the end of each period.',
      resolve: (o) => o.designatedVillages,
    }),
    coverage: t.field({
      type: RatioComparison,
      description: 'Designated villages / all villages, at the end of each period.',
      resolve: (o) => o.coverage,
    }),
    targetAttainment: t.field({
      type: RatioComparison,
      nullable: true,
      description:
        "Designations inaugurated in the period's years by its end / the work-plan target; null when filtered to kecamatan.",
      resolve: (o) => o.targetAttainment,
    }),
    reports: t.field({
      type: CountComparison,
      description: 'Reports received in each period.',
      resolve: (o) => o.reports,
    }),
    reportingCompleteness: t.field({
      authScopes: { readAggregates: true },
      type: RatioComparison,
      description: 'Villages that reported in the last month of each period / villages designated in it.',
      resolve: (o) => o.reportingCompleteness,
    }),
    membersFullyTrained: t.field({
      type: RatioComparison,
      description:
        'Current task-force members who completed every module / all current members, at the end of each period.',
      resolve: (o) => o.membersFullyTrained,
    }),
  }),
});

// ─── query fields ───────────────────────────────────────────────────────────────────────────────

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
      computedAt: ctx.requestedAt,
      groupBy: groupBy ?? 'PROVINCE',
      rows: await coverageByArea(ctx.db.sql, groupBy ?? 'PROVINCE', await scopedFilter(ctx, filter)),
    }),
  }),
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
    },
    resolve: async (_root, { groupBy, filter }, ctx) => ({
      computedAt: ctx.requestedAt,
      groupBy: groupBy ?? [],
      rows: await reportStats(ctx.db.sql, groupBy ?? [], await scopedFilter(ctx, filter)),
    }),
  }),
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
  overview: t.field({
    authScopes: { readAggregates: true },
    type: Overview,
    description: "The dashboard's headline figures, each with the previous period's value.",
    args: {
      filter: t.arg({
        type: AnalyticsFilter,
        required: false,
        description: 'What to count (default period: this month so far).',
      }),
    },
    resolve: async (_root, { filter }, ctx) => ({
      computedAt: ctx.requestedAt,
      ...(await overviewFigures(ctx.db.sql, await scopedFilter(ctx, filter), ctx.requestedAt)),
    }),
  }),
}));
