// Forecast to target (issue 17): designations and fully trained members projected to 31 December with
// an 80 % interval, and on track / at risk / off track against the work-plan target (the model is in
// analytics/forecast.ts).
import { todayInIndonesia } from '@binaan/domain';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { forecastToTarget, type Projection as ProjectionShape } from '../../analytics/forecast.js';
import { rowsOfOneStatement } from '../../query-cost.js';
import { type AreaKeyShape, AnalyticsArea, AnalyticsFilter, regionLevelArgument, scopedFilter } from './shared.js';

const ForecastStatusEnum = builder.enumType('ForecastStatus', {
  description: 'Whether the work-plan target is within reach by 31 December.',
  values: {
    ON_TRACK: { value: 'ON_TRACK', description: 'At least an 80 % chance of reaching the target.' },
    AT_RISK: { value: 'AT_RISK', description: 'A 20-80 % chance.' },
    OFF_TRACK: { value: 'OFF_TRACK', description: 'Under a 20 % chance.' },
  } as const,
});

const Projection = builder.objectRef<ProjectionShape>('Projection').implement({
  description:
    "A count projected to 31 December: what is still to come arrives at this year's rate so far, the rate's own uncertainty giving the interval (negative binomial).",
  fields: (t) => ({
    soFar: t.exposeInt('soFar', { description: 'Counted so far this year.' }),
    projected: t.exposeFloat('projected', { description: 'Expected on 31 December.' }),
    low: t.exposeInt('low', { description: 'Low end of the 80 % interval for 31 December.' }),
    high: t.exposeInt('high', { description: 'High end of the 80 % interval for 31 December.' }),
    target: t.exposeInt('target', { nullable: true, description: 'The work-plan target; null where none is set.' }),
    chanceOfTarget: t.exposeFloat('chanceOfTarget', {
      nullable: true,
      description: 'Chance (0-1) of reaching the target by 31 December; null without a target, or while `tooEarly`.',
    }),
    status: t.field({
      type: ForecastStatusEnum,
      nullable: true,
      description: 'On track, at risk or off track; null without a target, or while `tooEarly`.',
      resolve: (projection) => projection.status,
    }),
    tooEarly: t.exposeBoolean('tooEarly', {
      description:
        "true until 31 January (WIB): the year's first days say too little of its rate (the work comes in batches), so no chance or status is given yet; the projection and its interval are.",
    }),
  }),
});

const ForecastRow = builder
  .objectRef<{ area: AreaKeyShape; designations: ProjectionShape; membersTrained: ProjectionShape }>('ForecastRow')
  .implement({
    description: "One area's forecast to its work-plan targets.",
    fields: (t) => ({
      area: t.field({ type: AnalyticsArea, description: 'The area.', resolve: (row) => row.area }),
      designations: t.field({
        type: Projection,
        description: 'Designations inaugurated this year, against the villages to designate.',
        resolve: (row) => row.designations,
      }),
      membersTrained: t.field({
        type: Projection,
        description:
          'Members newly fully trained this year (the change in fully trained current members since 1 January), against the members to train.',
        resolve: (row) => row.membersTrained,
      }),
    }),
  });

builder.queryField('forecastToTarget', (t) =>
  t.field({
    ...rowsOfOneStatement,
    authScopes: { readAggregates: true },
    type: [ForecastRow],
    description:
      "Designations and fully trained members projected to 31 December of the year, with an 80 % interval and on track / at risk / off track against the work-plan targets. The filter's areas and variants apply; its period does not (the year does).",
    args: {
      groupBy: t.arg(regionLevelArgument),
      year: t.arg.int({
        required: false,
        description: 'The programme year (default this year, in WIB).',
        validate: z.number().int().min(2020).max(2100),
      }),
      filter: t.arg({ type: AnalyticsFilter, required: false, description: 'Which areas and variants.' }),
    },
    resolve: async (_root, { groupBy, year, filter }, ctx) => {
      const today = todayInIndonesia();
      return forecastToTarget(ctx.db.sql, groupBy ?? 'PROVINCE', await scopedFilter(ctx, filter), {
        year: year ?? Number(today.slice(0, 4)),
        today,
      });
    },
  }),
);
