// The overview: the headline figures for a period beside the period before it.
import { builder } from '../../builder.js';
import { overviewFigures } from '../../analytics/overview.js';
import { type DateRange, todayInIndonesia } from '@binaan/domain';
import { Ratio } from '../ratio.js';
import { AnalyticsFilter, scopedFilter } from './shared.js';

const PeriodRange = builder.objectRef<DateRange>('PeriodRange').implement({
  description: 'A range of days, both included.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'First day, `YYYY-MM-DD`.' }),
    to: t.exposeString('to', { description: 'Last day, `YYYY-MM-DD`.' }),
    partial: t.boolean({
      description: 'The period is not over yet (its last day is today or later, WIB): its figures will still change.',
      resolve: (range, _args, ctx) => range.to >= todayInIndonesia(ctx.requestedAt),
    }),
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
      description:
        'The time these figures are complete up to ("data per"): when they were computed, less the delay of the read replica behind the primary when one served them.',
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
      description: "Villages with a designation ACTIVE on each period's last day (by the status history).",
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
      type: RatioComparison,
      description:
        "Villages that sent a report on any of the period's days / villages ACTIVE on at least one of them, for each period (the same span of days in both).",
      resolve: (o) => o.reportingCompleteness,
    }),
    membersFullyTrained: t.field({
      type: RatioComparison,
      description:
        "Task-force members present on each period's last day, their designation ACTIVE that day, who completed every module / all such members.",
      resolve: (o) => o.membersFullyTrained,
    }),
  }),
});

builder.queryFields((t) => ({
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
      computedAt: ctx.dataAsOf,
      ...(await overviewFigures(ctx.db.sql, await scopedFilter(ctx, filter), ctx.requestedAt)),
    }),
  }),
}));
