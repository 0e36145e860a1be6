// Task forces (gugus tugas) and their members. Names and phone numbers are personal data: they are
// stored, but this schema does not expose them until sign-in and role-scoped access exist.
import { MAX_TASK_FORCE_MEMBERS } from '@binaan/domain';
import { z } from 'zod';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import { recordList } from './record-list.js';
import type { Context } from '../context.js';
import { oncePerRequest } from '../request-cache.js';
import { TaskForceRoleEnum } from './enums.js';
import { ConflictError, mutationErrors, NotFoundError } from './errors.js';
import { Designation } from './designation.js';
import { TrainingModule } from './training-module.js';
import { AreaFilter, orderInput, villageAreaWhere } from './filters.js';
import { audit, notAfterTodayIn, requireArea, requirePermission, today, writeTransaction, reread } from './writes.js';

builder.prismaNode('TaskForce', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.taskForce(ctx.permissions)] }),
  description: 'The gugus tugas of a designated village: village officials and partners.',
  fields: (t) => ({
    designation: t.relation('designation', { description: 'The designation it serves.' }),
    formedOn: t.expose('formedOn', { type: 'Date', description: 'When it was formed.' }),
    decreeNumber: t.exposeString('decreeNumber', { nullable: true, description: 'Decree (SK) forming it.' }),
    members: t.relation('members', {
      ...listCost(listLengths.membersPerTaskForce),
      description: 'Its members, current and past.',
      query: { orderBy: { id: 'asc' } },
    }),
  }),
});

export const TaskForceMember = builder.prismaNode('TaskForceMember', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.member(ctx.permissions)] }),
  description: 'A member of a task force. Name and phone are personal data, shown only to roles allowed to see them.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', {
      nullable: true,
      description: 'Personal data: full name. Null unless your role may see personal data.',
      authScopes: { personal: true },
      unauthorizedResolver: () => null,
    }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'Personal data: phone number. Null unless your role may see personal data.',
      authScopes: { personal: true },
      unauthorizedResolver: () => null,
    }),
    role: t.expose('role', { type: TaskForceRoleEnum, description: 'Their role in the task force.' }),
    isSynthetic: t.exposeBoolean('isSynthetic', { description: 'True for generated demo people.' }),
    joinedOn: t.expose('joinedOn', { type: 'Date', description: 'When they joined.' }),
    leftOn: t.expose('leftOn', { type: 'Date', nullable: true, description: 'When they left; null while a member.' }),
    taskForce: t.relation('taskForce', { description: 'Their task force.' }),
    completedModules: t.field({
      ...listCost(listLengths.modules),
      type: [TrainingModule],
      description: 'Training modules they completed, in module order.',
      select: (_args, _ctx, nestedSelection) => ({
        attendances: { where: { completed: true }, select: { module: nestedSelection(true) } },
      }),
      resolve: (member) => {
        const modules = new Map(member.attendances.map((attendance) => [attendance.module.id, attendance.module]));
        return [...modules.values()].sort((a, b) => a.sortOrder - b.sortOrder);
      },
    }),
  }),
});

const TaskForceMemberFilter = builder.inputType('TaskForceMemberFilter', {
  description: 'Which task-force members to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only members of task forces in these areas.' }),
    roles: t.field({ type: [TaskForceRoleEnum], required: false, description: 'Only these roles.' }),
    current: t.boolean({ required: false, description: 'true: only current members; false: only those who left.' }),
    incompleteTraining: t.boolean({
      required: false,
      description: 'true: only members who have not completed every training module; false: only those who have.',
    }),
  }),
});

type MemberFilterShape = typeof TaskForceMemberFilter.$inferInput;

async function memberWhere(filter: MemberFilterShape | null | undefined, ctx: Context) {
  // Missing a module: no completed attendance of it. Complete: none missing.
  const missingAny = {
    OR: (await moduleIds(ctx)).map((moduleId) => ({ attendances: { none: { moduleId, completed: true } } })),
  };
  return {
    AND: [
      scopeWhere.member(ctx.permissions),
      { taskForce: { designation: { village: villageAreaWhere(filter?.area) } } },
      ...(filter?.incompleteTraining === true ? [missingAny] : []),
      ...(filter?.incompleteTraining === false ? [{ NOT: missingAny }] : []),
    ],
    ...(filter?.roles?.length ? { role: { in: filter.roles } } : {}),
    ...(filter?.current === true ? { leftOn: null } : {}),
    ...(filter?.current === false ? { leftOn: { not: null } } : {}),
  };
}

/** The curriculum's module ids, loaded once per request (a page and its total count both need them). */
function moduleIds(ctx: Context): Promise<number[]> {
  return oncePerRequest(ctx, 'trainingModuleIds', async () => {
    const modules = await ctx.db.prisma.trainingModule.findMany({ select: { id: true } });
    return modules.map((module) => module.id);
  });
}

const memberOrder = orderInput(
  'TaskForceMemberOrder',
  { JOINED_ON: { column: 'joinedOn', description: 'Date joined.' }, ROLE: { column: 'role', description: 'Role.' } },
  'JOINED_ON',
);

builder.queryFields((t) => ({
  taskForceMembers: t.prismaConnection({
    type: 'TaskForceMember',
    cursor: 'id',
    authScopes: { readRecords: true },
    description: 'Task-force members in your area (personal details only for roles allowed to see them).',
    args: {
      filter: t.arg({ type: TaskForceMemberFilter, required: false, description: 'Which members.' }),
      orderBy: t.arg({ type: memberOrder.Input, required: false, description: 'Default: by date joined.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.taskForceMember,
      where: memberWhere,
      order: memberOrder.toPrisma,
    }),
  }),
}));

// ─── addTaskForceMember ─────────────────────────────────────────────────────────────────────────

/** Roles a task force has one of at a time. */
const SINGLE_SEAT_ROLES = new Set(['VILLAGE_HEAD', 'VILLAGE_SECRETARY']);

const personName = z
  .string()
  .trim()
  .min(2, 'A name has at least 2 characters.')
  .max(120, 'A name has at most 120 characters.')
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .,'-]*$/u, "A name has letters, spaces and . , ' - only.");
export const indonesianPhone = z
  .string()
  .regex(/^(\+62|0)8\d{7,12}$/, 'A phone number looks like 081234567890 or +6281234567890.');

const AddTaskForceMemberInput = builder.inputType('AddTaskForceMemberInput', {
  description: "A new member of a designation's task force. The task force is formed with its first member.",
  fields: (t) => ({
    designationId: t.globalID({ required: true, for: [Designation], description: 'The (active) designation.' }),
    role: t.field({ type: TaskForceRoleEnum, required: true, description: 'Their role.' }),
    fullName: t.string({ required: true, description: 'Full name (personal data).', validate: personName }),
    phone: t.string({ required: false, description: 'Phone number (personal data).', validate: indonesianPhone }),
    joinedOn: t.field({ type: 'Date', required: true, description: 'When they joined.' }),
  }),
  validate: z.looseObject({ joinedOn: z.date() }).refine((input) => input.joinedOn <= today(), {
    message: 'joinedOn cannot be in the future.',
    path: ['joinedOn'],
  }),
});

builder.mutationField('addTaskForceMember', (t) =>
  t.prismaField({
    type: 'TaskForceMember',
    description: "Adds a member to a designation's task force, forming the task force if it has none.",
    errors: mutationErrors,
    args: { input: t.arg({ type: AddTaskForceMemberInput, required: true, description: 'The member.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const designation = await tx.designation.findUnique({
          where: { id: Number(input.designationId.id) },
          include: { village: true, taskForce: { include: { members: { select: { role: true, leftOn: true } } } } },
        });
        if (!designation) throw new NotFoundError('No such designation.', ['input', 'designationId']);
        requireArea(ctx, designation.village.regencyId, ['input', 'designationId']);
        notAfterTodayIn(designation.village.code, input.joinedOn, ['input', 'joinedOn']);
        if (designation.status !== 'ACTIVE') {
          throw new ConflictError(`Only an ACTIVE designation has a task force (this one is ${designation.status}).`, [
            'input',
            'designationId',
          ]);
        }
        if (designation.inauguratedOn && input.joinedOn < designation.inauguratedOn) {
          throw new ConflictError('joinedOn is before the designation was inaugurated.', ['input', 'joinedOn']);
        }
        const members = designation.taskForce?.members ?? [];
        if (members.length >= MAX_TASK_FORCE_MEMBERS) {
          throw new ConflictError(
            `A task force keeps at most ${MAX_TASK_FORCE_MEMBERS} members on record, past members included.`,
            ['input', 'designationId'],
          );
        }
        const seatTaken = members.some((member) => member.leftOn === null && member.role === input.role);
        if (SINGLE_SEAT_ROLES.has(input.role) && seatTaken) {
          throw new ConflictError(`The task force already has a current ${input.role}.`, ['input', 'role']);
        }
        const taskForce =
          designation.taskForce ??
          (await tx.taskForce.create({ data: { designationId: designation.id, formedOn: input.joinedOn } }));
        const member = await tx.taskForceMember.create({
          data: {
            taskForceId: taskForce.id,
            role: input.role,
            fullName: input.fullName.trim(),
            phone: input.phone ?? null,
            joinedOn: input.joinedOn,
          },
        });
        // The audit trail records what changed, not the member's personal details.
        await audit(tx, ctx, {
          action: 'addTaskForceMember',
          entity: 'TaskForceMember',
          entityId: member.id,
          after: { id: member.id, taskForceId: member.taskForceId, role: member.role, joinedOn: member.joinedOn },
        });
        return tx.taskForceMember.findUniqueOrThrow({ ...reread(query), where: { id: member.id } });
      }),
  }),
);
