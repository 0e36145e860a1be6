// Programme activities: socialisation, counselling, coordination and Timpora meetings, task-force visits.
import { PROGRAMME_FIRST_YEAR } from '@binaan/domain';
import { z } from 'zod';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { recordList } from './record-list.js';
import { ActivityTypeEnum } from './enums.js';
import { ConflictError, mutationErrors, NotFoundError, Problems } from './errors.js';
import { AreaFilter, areaWhere, orderInput, PeriodInput, periodWhere, regencyCode, villageCode } from './filters.js';
import { audit, notAfterTodayIn, requireArea, requirePermission, today, writeTransaction, reread } from './writes.js';

builder.prismaNode('Activity', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.activity(ctx.permissions)] }),
  description: 'Something an office did for the programme, in a village or at kabupaten/kota level.',
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum, description: 'What kind of activity.' }),
    title: t.exposeString('title', { description: 'Short title.' }),
    heldOn: t.expose('heldOn', { type: 'Date', description: 'When.' }),
    place: t.exposeString('place', { description: 'Venue.' }),
    village: t.relation('village', { nullable: true, description: 'The village, when held in one.' }),
    regency: t.relation('regency', { description: 'The kabupaten/kota where it took place.' }),
    province: t.relation('province', { description: 'The province where it took place.' }),
    office: t.relation('office', { description: 'The office that held it.' }),
    agenciesPresent: t.exposeStringList('agenciesPresent', {
      description: 'Agencies present, e.g. Pemkab, Kodim, Polres.',
    }),
    attendeeCount: t.exposeInt('attendeeCount', { description: 'How many people attended.' }),
    topics: t.stringList({
      description: "Topics discussed (a Timpora meeting's agenda: foreign workers, overstays, a case).",
      resolve: (activity) => activity.topics ?? [],
    }),
    description: t.exposeString('description', { nullable: true, description: 'What happened.' }),
  }),
});

const ActivityFilter = builder.inputType('ActivityFilter', {
  description: 'Which activities to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only activities in these areas.' }),
    period: t.field({ type: PeriodInput, required: false, description: 'Only activities held in this period.' }),
    types: t.field({ type: [ActivityTypeEnum], required: false, description: 'Only these types.' }),
    officeCodes: t.stringList({
      required: false,
      description: 'Only activities by these offices.',
      validate: z.array(z.string().max(60)).max(200),
    }),
  }),
});

type ActivityFilterShape = typeof ActivityFilter.$inferInput;

function activityFilterWhere(filter: ActivityFilterShape | null | undefined) {
  return {
    AND: [...areaWhere(filter?.area, { district: 'village' })],
    ...(periodWhere(filter?.period) ? { heldOn: periodWhere(filter?.period) } : {}),
    ...(filter?.types?.length ? { type: { in: filter.types } } : {}),
    ...(filter?.officeCodes?.length ? { office: { code: { in: filter.officeCodes } } } : {}),
  };
}

/** The rows the caller may see that match the filter: used for both the page and its total count. */
function activityWhere(filter: ActivityFilterShape | null | undefined, { permissions }: Context) {
  return { AND: [activityFilterWhere(filter), scopeWhere.activity(permissions)] };
}

const activityOrder = orderInput(
  'ActivityOrder',
  {
    HELD_ON: { column: 'heldOn', description: 'Date held.' },
    ATTENDEE_COUNT: { column: 'attendeeCount', description: 'Number of attendees.' },
  },
  'HELD_ON',
);

builder.queryFields((t) => ({
  activities: t.prismaConnection({
    type: 'Activity',
    cursor: 'id',
    authScopes: { readRecords: true },
    description: 'Programme activities in your area.',
    args: {
      filter: t.arg({ type: ActivityFilter, required: false, description: 'Which activities.' }),
      orderBy: t.arg({ type: activityOrder.Input, required: false, description: 'Default: by date held.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.activity,
      where: activityWhere,
      order: activityOrder.toPrisma,
    }),
  }),
}));

// ─── recordActivity ─────────────────────────────────────────────────────────────────────────────

const RecordActivityInput = builder.inputType('RecordActivityInput', {
  description: 'An activity that took place: in a village (villageCode) or at kabupaten/kota level (regencyCode).',
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: true, description: 'What kind of activity.' }),
    title: t.string({ required: true, description: 'Short title.', validate: z.string().trim().min(3).max(200) }),
    heldOn: t.field({ type: 'Date', required: true, description: 'When.' }),
    place: t.string({ required: true, description: 'Venue.', validate: z.string().trim().min(2).max(200) }),
    villageCode: t.string({ required: false, description: 'The village, when held in one.', validate: villageCode }),
    regencyCode: t.string({
      required: false,
      description: 'The kabupaten/kota, when not held in one village.',
      validate: regencyCode,
    }),
    officeCode: t.string({
      required: true,
      description: 'The office that held it.',
      validate: z.string().min(1).max(60),
    }),
    agenciesPresent: t.stringList({
      required: false,
      description: 'Agencies present.',
      validate: z.array(z.string().trim().min(2).max(120)).max(50),
    }),
    attendeeCount: t.int({
      required: true,
      description: 'How many attended.',
      validate: z.number().int().min(1).max(100_000),
    }),
    topics: t.stringList({
      required: false,
      description: "Topics discussed (a Timpora meeting's agenda).",
      validate: z.array(z.string().trim().min(2).max(200)).max(30),
    }),
    description: t.string({ required: false, description: 'What happened.', validate: z.string().max(5000) }),
  }),
  validate: z
    .looseObject({
      villageCode: z.string().nullish(),
      regencyCode: z.string().nullish(),
      heldOn: z.date(),
      type: z.string(),
      topics: z.array(z.string()).nullish(),
    })
    .refine((input) => Boolean(input.villageCode) !== Boolean(input.regencyCode), {
      message: 'Give either villageCode or regencyCode.',
      path: ['villageCode'],
    })
    .refine((input) => input.heldOn <= today() && input.heldOn.getUTCFullYear() >= PROGRAMME_FIRST_YEAR, {
      message: `heldOn must be between ${PROGRAMME_FIRST_YEAR} and today.`,
      path: ['heldOn'],
    })
    .refine((input) => input.type !== 'TIMPORA_MEETING' || Boolean(input.topics?.length), {
      message: 'A Timpora meeting records the topics discussed.',
      path: ['topics'],
    }),
});

builder.mutationField('recordActivity', (t) =>
  t.prismaField({
    type: 'Activity',
    description: 'Records a programme activity.',
    errors: mutationErrors,
    args: { input: t.arg({ type: RecordActivityInput, required: true, description: 'The activity.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        // Everything wrong is reported together, each beside its field; only the area refuses at once.
        const problems = new Problems();
        const office = await tx.immigrationOffice.findUnique({
          where: { code: input.officeCode },
          include: { workingAreas: true },
        });
        if (!office) {
          problems.add(
            new NotFoundError(`No immigration office has code ${input.officeCode}.`, ['input', 'officeCode']),
          );
        }
        const place = input.villageCode
          ? await tx.village.findUnique({ where: { code: input.villageCode } })
          : await tx.regency.findUnique({ where: { code: input.regencyCode! } });
        const placeField = input.villageCode ? 'villageCode' : 'regencyCode';
        if (!place) {
          problems.add(
            new NotFoundError(`No area has code ${input.villageCode ?? input.regencyCode}.`, ['input', placeField]),
          );
        } else {
          const regencyId = 'regencyId' in place ? place.regencyId : place.id;
          requireArea(ctx, regencyId, ['input', placeField]);
          problems.check(() => notAfterTodayIn(place.code, input.heldOn, ['input', 'heldOn']));
          if (office && !office.workingAreas.some((area) => area.regencyId === regencyId)) {
            problems.add(new ConflictError(`${office.name} does not cover ${place.name}.`, ['input', 'officeCode']));
          }
        }
        problems.throwIfAny();
        const regencyId = 'regencyId' in place! ? place.regencyId : place!.id;
        const activity = await tx.activity.create({
          data: {
            type: input.type,
            title: input.title.trim(),
            heldOn: input.heldOn,
            place: input.place.trim(),
            villageId: 'regencyId' in place! ? place.id : null,
            regencyId,
            provinceId: place!.provinceId,
            officeId: office!.id,
            agenciesPresent: input.agenciesPresent ?? [],
            topics: input.topics ?? [],
            attendeeCount: input.attendeeCount,
            description: input.description ?? null,
          },
        });
        await audit(tx, ctx, { action: 'recordActivity', entity: 'Activity', entityId: activity.id, after: activity });
        return tx.activity.findUniqueOrThrow({ ...reread(query), where: { id: activity.id } });
      }),
  }),
);
