// Training of task-force members: modules, sessions, and each member's attendance and completion.
import { PROGRAMME_FIRST_YEAR } from '@binaan/domain';
import { z } from 'zod';
import { inScope } from '../auth/permissions.js';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import type { Context } from '../context.js';
import { recordList } from './record-list.js';
import { ConflictError, ForbiddenError, mutationErrors, NotFoundError, Problems } from './errors.js';
import { AreaFilter, orderInput, PeriodInput, periodWhere, villageAreaWhere, villageCode } from './filters.js';
import { TaskForceMember } from './task-force.js';
import { TrainingModule } from './training-module.js';
import { audit, notAfterTodayIn, requireArea, requirePermission, today, writeTransaction, reread } from './writes.js';

builder.prismaObject('TrainingAttendance', {
  description: "A member's attendance of one module in one session.",
  fields: (t) => ({
    member: t.relation('member', { description: 'Who attended.' }),
    module: t.relation('module', { description: 'Which module.' }),
    attended: t.exposeBoolean('attended', { description: 'Was present.' }),
    completed: t.exposeBoolean('completed', { description: 'Completed the module (material and assessment).' }),
  }),
});

builder.prismaNode('TrainingSession', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.trainingSession(ctx.permissions)] }),
  description: 'A training session held by an immigration office.',
  fields: (t) => ({
    office: t.relation('office', { description: 'The office that held it.' }),
    heldOn: t.expose('heldOn', { type: 'Date', description: 'When.' }),
    place: t.exposeString('place', { description: 'Where (hall, village office).' }),
    village: t.relation('village', { nullable: true, description: 'The village where it was held, if in one.' }),
    modules: t.field({
      ...listCost(listLengths.modules),
      type: [TrainingModule],
      description: 'Modules taught, in curriculum order.',
      select: (_args, _ctx, nestedSelection) => ({
        modules: { select: { module: nestedSelection(true) }, orderBy: { module: { sortOrder: 'asc' } } },
      }),
      resolve: (session) => session.modules.map((entry) => entry.module),
    }),
    attendances: t.relation('attendances', {
      ...listCost(listLengths.attendancesPerSession),
      description: 'Who attended which module (members in your area).',
      query: (_args, ctx) => ({ where: scopeWhere.attendance(ctx.permissions), orderBy: { id: 'asc' } }),
    }),
  }),
});

const TrainingSessionFilter = builder.inputType('TrainingSessionFilter', {
  description: 'Which training sessions to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only sessions held in villages in these areas.' }),
    period: t.field({ type: PeriodInput, required: false, description: 'Only sessions held in this period.' }),
    officeCodes: t.stringList({
      required: false,
      description: 'Only sessions by these offices.',
      validate: z.array(z.string().max(60)).max(200),
    }),
    moduleCodes: t.stringList({
      required: false,
      description: 'Only sessions teaching one of these modules.',
      validate: z.array(z.string().max(60)).max(50),
    }),
  }),
});

type SessionFilterShape = typeof TrainingSessionFilter.$inferInput;

function sessionFilterWhere(filter: SessionFilterShape | null | undefined) {
  const hasArea = Boolean(
    filter?.area?.provinceCodes?.length || filter?.area?.regencyCodes?.length || filter?.area?.districtCodes?.length,
  );
  return {
    ...(hasArea ? { village: villageAreaWhere(filter?.area) } : {}),
    ...(periodWhere(filter?.period) ? { heldOn: periodWhere(filter?.period) } : {}),
    ...(filter?.officeCodes?.length ? { office: { code: { in: filter.officeCodes } } } : {}),
    ...(filter?.moduleCodes?.length ? { modules: { some: { module: { code: { in: filter.moduleCodes } } } } } : {}),
  };
}

/** The rows the caller may see that match the filter: used for both the page and its total count. */
function sessionWhere(filter: SessionFilterShape | null | undefined, { permissions }: Context) {
  return { AND: [sessionFilterWhere(filter), scopeWhere.trainingSession(permissions)] };
}

const sessionOrder = orderInput(
  'TrainingSessionOrder',
  { HELD_ON: { column: 'heldOn', description: 'Date held.' } },
  'HELD_ON',
);

builder.queryFields((t) => ({
  trainingModules: t.prismaField({
    ...listCost(listLengths.modules),
    type: [TrainingModule],
    authScopes: { signedIn: true },
    description: 'The curriculum, in order.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.trainingModule.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
  trainings: t.prismaConnection({
    type: 'TrainingSession',
    cursor: 'id',
    authScopes: { readRecords: true },
    description: 'Training sessions in your area.',
    args: {
      filter: t.arg({ type: TrainingSessionFilter, required: false, description: 'Which sessions.' }),
      orderBy: t.arg({ type: sessionOrder.Input, required: false, description: 'Default: by date held.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.trainingSession,
      where: sessionWhere,
      order: sessionOrder.toPrisma,
    }),
  }),
}));

// ─── recordTrainingSession ──────────────────────────────────────────────────────────────────────

const moduleCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'A module code looks like PASSPORT_MPASPOR.');

const AttendanceInput = builder.inputType('TrainingAttendanceInput', {
  description: "One member's attendance of one module.",
  fields: (t) => ({
    memberId: t.globalID({ required: true, for: [TaskForceMember], description: 'The task-force member.' }),
    moduleCode: t.string({ required: true, description: "One of the session's modules.", validate: moduleCode }),
    attended: t.boolean({ required: false, defaultValue: true, description: 'Was present (default true).' }),
    completed: t.boolean({ required: true, description: 'Completed the module.' }),
  }),
});

const RecordTrainingSessionInput = builder.inputType('RecordTrainingSessionInput', {
  description: 'A training session that took place, with who attended and completed which module.',
  fields: (t) => ({
    officeCode: t.string({
      required: true,
      description: 'The office that held it.',
      validate: z.string().min(1).max(60),
    }),
    heldOn: t.field({ type: 'Date', required: true, description: 'When.' }),
    place: t.string({ required: true, description: 'Where.', validate: z.string().trim().min(2).max(200) }),
    villageCode: t.string({
      required: false,
      description: 'The village where it was held, if in one.',
      validate: villageCode,
    }),
    moduleCodes: t.stringList({
      required: true,
      description: 'Modules taught.',
      validate: z
        .array(moduleCode)
        .min(1, 'A session teaches at least one module.')
        .max(20)
        .refine((codes) => new Set(codes).size === codes.length, 'Each module once.'),
    }),
    attendance: t.field({
      type: [AttendanceInput],
      required: true,
      description: 'Attendance per member and module.',
      validate: z.array(z.any()).max(2000, 'At most 2000 attendance rows per session.'),
    }),
  }),
  validate: z
    .looseObject({
      heldOn: z.date(),
      moduleCodes: z.array(z.string()),
      attendance: z.array(
        z.looseObject({
          moduleCode: z.string(),
          memberId: z.unknown(),
          attended: z.boolean().nullish(),
          completed: z.boolean(),
        }),
      ),
    })
    .refine((input) => input.heldOn <= today() && input.heldOn.getUTCFullYear() >= PROGRAMME_FIRST_YEAR, {
      message: `heldOn must be between ${PROGRAMME_FIRST_YEAR} and today.`,
      path: ['heldOn'],
    })
    .refine((input) => input.attendance.every((row) => input.moduleCodes.includes(row.moduleCode)), {
      message: 'Every attendance row names one of moduleCodes.',
      path: ['attendance'],
    })
    .refine((input) => input.attendance.every((row) => row.attended !== false || row.completed !== true), {
      message: 'A member who did not attend cannot have completed the module.',
      path: ['attendance'],
    })
    .refine(
      (input) =>
        new Set(input.attendance.map((row) => `${JSON.stringify(row.memberId)}/${row.moduleCode}`)).size ===
        input.attendance.length,
      { message: 'Each member and module at most once.', path: ['attendance'] },
    ),
});

builder.mutationField('recordTrainingSession', (t) =>
  t.prismaField({
    type: 'TrainingSession',
    description:
      "Records a training session with its modules and attendance. Held in a village: attendance is for that village's task force; held elsewhere (the office's hall): for task forces in the office's working area.",
    errors: mutationErrors,
    args: { input: t.arg({ type: RecordTrainingSessionInput, required: true, description: 'The session.' }) },
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
        } else if (!office.workingAreas.some((area) => inScope(ctx.permissions, area.regencyId))) {
          throw new ForbiddenError('This office works outside your area.', ['input', 'officeCode']);
        }
        const covered = new Set(office?.workingAreas.map((area) => area.regencyId));
        let village: { id: number; code: string; name: string; regencyId: number } | null = null;
        if (input.villageCode) {
          village = await tx.village.findUnique({ where: { code: input.villageCode } });
          if (!village) {
            problems.add(new NotFoundError(`No village has code ${input.villageCode}.`, ['input', 'villageCode']));
          } else {
            const { regencyId, code } = village;
            requireArea(ctx, regencyId, ['input', 'villageCode']);
            problems.check(() => notAfterTodayIn(code, input.heldOn, ['input', 'heldOn']));
            if (office && !covered.has(regencyId)) {
              problems.add(
                new ConflictError(`${office.name} does not cover ${village.name}.`, ['input', 'villageCode']),
              );
            }
          }
        }
        const modules = await tx.trainingModule.findMany({ where: { code: { in: input.moduleCodes } } });
        const moduleIdByCode = new Map(modules.map((module) => [module.code, module.id]));
        const unknown = input.moduleCodes.find((code) => !moduleIdByCode.has(code));
        if (unknown)
          problems.add(new NotFoundError(`No training module has code ${unknown}.`, ['input', 'moduleCodes']));

        const memberIds = [...new Set(input.attendance.map((row) => Number(row.memberId.id)))];
        const members = await tx.taskForceMember.findMany({
          where: { id: { in: memberIds } },
          include: { taskForce: { include: { designation: { include: { village: true } } } } },
        });
        const memberById = new Map(members.map((member) => [member.id, member]));
        // One message per member, on their first row: a member on five modules is one mistake, not five.
        const judged = new Set<number>();
        for (const [index, row] of input.attendance.entries()) {
          const memberId = Number(row.memberId.id);
          if (judged.has(memberId)) continue;
          judged.add(memberId);
          const member = memberById.get(memberId);
          const path = ['input', 'attendance', String(index), 'memberId'];
          if (!member) {
            problems.add(new NotFoundError('No such task-force member.', path));
            continue;
          }
          const memberVillage = member.taskForce.designation.village;
          requireArea(ctx, memberVillage.regencyId, path);
          if (village && memberVillage.id !== village.id) {
            problems.add(
              new ConflictError(
                `This member belongs to the task force of ${memberVillage.name}, not ${village.name}.`,
                path,
              ),
            );
          } else if (office && !covered.has(memberVillage.regencyId)) {
            problems.add(new ConflictError(`This member's village is outside ${office.name}'s working area.`, path));
          }
          if (member.joinedOn > input.heldOn || (member.leftOn && member.leftOn < input.heldOn)) {
            problems.add(new ConflictError('This member was not in the task force on heldOn.', path));
          }
        }
        problems.throwIfAny();

        const session = await tx.trainingSession.create({
          data: {
            officeId: office!.id,
            heldOn: input.heldOn,
            place: input.place.trim(),
            villageId: village?.id ?? null,
            modules: { create: input.moduleCodes.map((code) => ({ moduleId: moduleIdByCode.get(code)! })) },
          },
        });
        await tx.trainingAttendance.createMany({
          data: input.attendance.map((row) => ({
            sessionId: session.id,
            memberId: Number(row.memberId.id),
            moduleId: moduleIdByCode.get(row.moduleCode)!,
            attended: row.attended ?? true,
            completed: row.completed,
          })),
        });
        await audit(tx, ctx, {
          action: 'recordTrainingSession',
          entity: 'TrainingSession',
          entityId: session.id,
          after: { ...session, moduleCodes: input.moduleCodes, attendance: input.attendance.length },
        });
        return tx.trainingSession.findUniqueOrThrow({ ...reread(query), where: { id: session.id } });
      }),
  }),
);
