// Task forces (gugus tugas) and their members. Names and phone numbers are personal data: they are
// stored, but this schema does not expose them until sign-in and role-scoped access exist.
import { INDONESIAN_MOBILE_PHONE, MAX_TASK_FORCE_MEMBERS } from '@binaan/domain';
import { z } from 'zod';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import { recordList } from './record-list.js';
import type { Context } from '../context.js';
import { memberRosterCount } from '../analytics/index.js';
import { oncePerRequest } from '../request-cache.js';
import { scopedFilter } from './analytics/shared.js';
import { TaskForceRoleEnum } from './enums.js';
import {
  ConflictError,
  ErrorInterface,
  errorTypeOf,
  FieldError,
  ForbiddenError,
  invalidField,
  mutationErrors,
  NotFoundError,
  Problems,
} from './errors.js';
import { Designation } from './designation.js';
import { TrainingModule } from './training-module.js';
import { AreaFilter, orderInput, villageAreaWhere } from './filters.js';
import {
  audit,
  notAfterTodayIn,
  requireArea,
  requirePermission,
  today,
  type Tx,
  writeTransaction,
  reread,
} from './writes.js';
import type { Prisma } from '@binaan/db';

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
    version: t.exposeInt('version', {
      description: 'Goes up by one on every change; send it back as `expectedVersion` when you change the member.',
    }),
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
  // Missing a module: fewer completed than the curriculum has (the count is kept by the training
  // rollup's triggers; a probe per module per member took a second nationally). Complete: none missing.
  const modules = await moduleCount(ctx);
  return {
    AND: [
      scopeWhere.member(ctx.permissions),
      { taskForce: { designation: { village: villageAreaWhere(filter?.area) } } },
      ...(filter?.incompleteTraining === true ? [{ modulesCompleted: { lt: modules } }] : []),
      ...(filter?.incompleteTraining === false ? [{ modulesCompleted: { gte: modules } }] : []),
    ],
    ...(filter?.roles?.length ? { role: { in: filter.roles } } : {}),
    ...(filter?.current === true ? { leftOn: null } : {}),
    ...(filter?.current === false ? { leftOn: { not: null } } : {}),
  };
}

/**
 * The list's total count from the roster counts the training family keeps (member_roster_count): every
 * filter of this list is one of their keys, so the count adds up the rows of one area level (1,892
 * provinces' rows nationally) instead of counting 200,000 members: that count was 310 ms of the training
 * page's 375 ms on a slow machine. Null: count the rows.
 */
async function memberCountFromRollups(filter: MemberFilterShape | null | undefined, ctx: Context) {
  if (!ctx.permissions.readRecords) return null;
  return memberRosterCount(ctx.db.sql, await scopedFilter(ctx, { area: filter?.area }), {
    roles: filter?.roles,
    current: filter?.current,
    incompleteTraining: filter?.incompleteTraining,
    modules: await moduleCount(ctx),
  });
}

/** The curriculum's size, counted once per request (a page and its total count both need it). */
function moduleCount(ctx: Context): Promise<number> {
  return oncePerRequest(ctx, 'trainingModuleCount', () => ctx.db.prisma.trainingModule.count());
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
      countFromRollups: memberCountFromRollups,
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
  .regex(INDONESIAN_MOBILE_PHONE, 'A phone number looks like 081234567890 or +6281234567890.');

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

/** Personal fields are entered only by roles allowed to see them; others get a Forbidden on that field. */
function requirePersonal(ctx: Context, fields: Record<string, unknown>): void {
  const entered = Object.entries(fields).find(([, value]) => value !== undefined && value !== null);
  if (entered && !ctx.permissions.personal) {
    throw new ForbiddenError('Your role may not enter personal data (names, phone numbers).', ['input', entered[0]]);
  }
}

builder.mutationField('addTaskForceMember', (t) =>
  t.prismaField({
    type: 'TaskForceMember',
    description:
      "Adds a member to a designation's task force, forming the task force if it has none. Needs a role allowed personal data (the member's name is).",
    errors: mutationErrors,
    args: { input: t.arg({ type: AddTaskForceMemberInput, required: true, description: 'The member.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        requirePersonal(ctx, { fullName: input.fullName, phone: input.phone });
        const designation = await tx.designation.findUnique({
          where: { id: Number(input.designationId.id) },
          include: {
            village: true,
            taskForce: { include: { members: { select: { id: true, role: true, leftOn: true } } } },
          },
        });
        if (!designation) throw new NotFoundError('No such designation.', ['input', 'designationId']);
        requireArea(ctx, designation.village.regencyId, ['input', 'designationId']);
        const problems = new Problems();
        problems.check(() => notAfterTodayIn(designation.village.code, input.joinedOn, ['input', 'joinedOn']));
        if (designation.status !== 'ACTIVE') {
          problems.add(
            new ConflictError(`Only an ACTIVE designation has a task force (this one is ${designation.status}).`, [
              'input',
              'designationId',
            ]),
          );
        }
        if (designation.inauguratedOn && input.joinedOn < designation.inauguratedOn) {
          problems.add(new ConflictError('joinedOn is before the designation was inaugurated.', ['input', 'joinedOn']));
        }
        const members = designation.taskForce?.members ?? [];
        if (members.length >= MAX_TASK_FORCE_MEMBERS) {
          problems.add(
            new ConflictError(
              `A task force keeps at most ${MAX_TASK_FORCE_MEMBERS} members on record, past members included.`,
              ['input', 'designationId'],
            ),
          );
        }
        if (seatTaken(members, input.role)) {
          problems.add(new ConflictError(`The task force already has a current ${input.role}.`, ['input', 'role']));
        }
        problems.throwIfAny();
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
          after: auditedMember(member),
        });
        return tx.taskForceMember.findUniqueOrThrow({ ...reread(query), where: { id: member.id } });
      }),
  }),
);

/** A single-seat role (village head, secretary) is taken by a current member other than `except`. */
function seatTaken(
  members: readonly { id?: number; role: string; leftOn: Date | null }[],
  role: string,
  except?: number,
): boolean {
  return (
    SINGLE_SEAT_ROLES.has(role) &&
    members.some((member) => member.leftOn === null && member.role === role && member.id !== except)
  );
}

/** What the audit trail keeps of a member: never the name or phone. */
const auditedMember = (member: {
  id: number;
  taskForceId: number;
  role: string;
  joinedOn: Date;
  leftOn: Date | null;
  version: number;
}) => ({
  id: member.id,
  taskForceId: member.taskForceId,
  role: member.role,
  joinedOn: member.joinedOn,
  leftOn: member.leftOn,
  version: member.version,
});

// ─── updateTaskForceMember / endTaskForceMembership ─────────────────────────────────────────────

/** Someone changed the member since the caller saw them; carries the id to show them as they are now. */
export class TaskForceMemberChangedError extends FieldError {
  override name = 'TaskForceMemberChangedError';
  constructor(
    message: string,
    path: string[],
    readonly memberId: number,
  ) {
    super(message, path);
  }
}

builder.objectType(TaskForceMemberChangedError, {
  name: 'TaskForceMemberChangedError',
  description:
    'Someone else changed this member since you saw them (optimistic concurrency): nothing was written, and `member` is how they stand now.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(TaskForceMemberChangedError, 'TaskForceMemberChangedError'),
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field in conflict: `expectedVersion`.' }),
    member: t.prismaField({
      type: 'TaskForceMember',
      description: 'The member as they stand now.',
      resolve: (query, error, _args, ctx) =>
        ctx.db.prisma.taskForceMember.findUniqueOrThrow({ ...reread(query), where: { id: error.memberId } }),
    }),
  }),
});

const memberChangeErrors = { ...mutationErrors, types: [...mutationErrors.types, TaskForceMemberChangedError] };

/** The version a form saw, on every change to a member. */
const expectedVersionField = {
  required: true,
  description:
    "The member's `version` as you saw it; if they changed since, nothing is written and a TaskForceMemberChangedError comes back.",
  validate: z.number().int().min(1),
} as const;

const UpdateTaskForceMemberInput = builder.inputType('UpdateTaskForceMemberInput', {
  description: 'Corrections to a current member: their role, name or phone. Fields left out stay as they are.',
  fields: (t) => ({
    memberId: t.globalID({ required: true, for: [TaskForceMember], description: 'The member.' }),
    expectedVersion: t.int(expectedVersionField),
    role: t.field({ type: TaskForceRoleEnum, required: false, description: 'Their role.' }),
    fullName: t.string({ required: false, description: 'Full name (personal data).', validate: personName }),
    phone: t.string({
      required: false,
      description: 'Phone number (personal data); an empty string removes it.',
      validate: z.union([z.literal(''), indonesianPhone]),
    }),
  }),
});

const EndTaskForceMembershipInput = builder.inputType('EndTaskForceMembershipInput', {
  description: 'A member leaving the task force, from a day. Their training stays on record.',
  fields: (t) => ({
    memberId: t.globalID({ required: true, for: [TaskForceMember], description: 'The member.' }),
    expectedVersion: t.int(expectedVersionField),
    leftOn: t.field({
      type: 'Date',
      required: true,
      description: "The day they left, in the village's own time zone: not in the future, not before they joined.",
    }),
  }),
});

/** The member with what the checks need, refused outside the caller's area or after a concurrent change. */
async function memberToChange(tx: Tx, ctx: Context, input: { memberId: { id: string }; expectedVersion: number }) {
  const memberId = Number(input.memberId.id);
  const member = await tx.taskForceMember.findUnique({
    where: { id: memberId },
    include: {
      taskForce: {
        include: {
          designation: { select: { village: { select: { code: true, regencyId: true } } } },
          members: { select: { id: true, role: true, leftOn: true } },
        },
      },
    },
  });
  if (!member) throw new NotFoundError('No such task-force member.', ['input', 'memberId']);
  requireArea(ctx, member.taskForce.designation.village.regencyId, ['input', 'memberId']);
  if (member.version !== input.expectedVersion) {
    throw new TaskForceMemberChangedError(
      'Someone else changed this member meanwhile; they are shown as they are now.',
      ['input', 'expectedVersion'],
      memberId,
    );
  }
  return member;
}

/** Writes the change only if nobody changed the member since it was read (the version still matches). */
async function writeMember(
  tx: Tx,
  memberId: number,
  version: number,
  data: Prisma.TaskForceMemberUpdateManyMutationInput,
) {
  const { count } = await tx.taskForceMember.updateMany({
    where: { id: memberId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    throw new TaskForceMemberChangedError(
      'Someone else changed this member meanwhile; they are shown as they are now.',
      ['input', 'expectedVersion'],
      memberId,
    );
  }
  return tx.taskForceMember.findUniqueOrThrow({ where: { id: memberId } });
}

builder.mutationField('updateTaskForceMember', (t) =>
  t.prismaField({
    type: 'TaskForceMember',
    description:
      "Corrects a current member's role, name or phone. Names and phones only by roles allowed personal data.",
    errors: memberChangeErrors,
    args: { input: t.arg({ type: UpdateTaskForceMemberInput, required: true, description: 'The correction.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        requirePersonal(ctx, { fullName: input.fullName, phone: input.phone });
        const member = await memberToChange(tx, ctx, input);
        const problems = new Problems();
        if (member.leftOn) {
          problems.add(
            new ConflictError('This member has left the task force; their record is kept as it was.', [
              'input',
              'memberId',
            ]),
          );
        }
        if (input.role && input.role !== member.role && seatTaken(member.taskForce.members, input.role, member.id)) {
          problems.add(new ConflictError(`The task force already has a current ${input.role}.`, ['input', 'role']));
        }
        problems.throwIfAny();
        const updated = await writeMember(tx, member.id, member.version, {
          ...(input.role ? { role: input.role } : {}),
          ...(input.fullName ? { fullName: input.fullName.trim() } : {}),
          ...(input.phone !== undefined && input.phone !== null ? { phone: input.phone || null } : {}),
        });
        await audit(tx, ctx, {
          action: 'updateTaskForceMember',
          entity: 'TaskForceMember',
          entityId: member.id,
          before: auditedMember(member),
          // Which personal fields changed, never their values.
          after: {
            ...auditedMember(updated),
            personalFieldsChanged: ['fullName', 'phone'].filter(
              (field) => input[field as 'fullName' | 'phone'] != null,
            ),
          },
        });
        return tx.taskForceMember.findUniqueOrThrow({ ...reread(query), where: { id: member.id } });
      }),
  }),
);

builder.mutationField('endTaskForceMembership', (t) =>
  t.prismaField({
    type: 'TaskForceMember',
    description:
      'Records that a member left the task force, from a day. They stay on record (with their training) as a past member.',
    errors: memberChangeErrors,
    args: { input: t.arg({ type: EndTaskForceMembershipInput, required: true, description: 'Who left, and when.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const member = await memberToChange(tx, ctx, input);
        const problems = new Problems();
        if (member.leftOn) {
          problems.add(new ConflictError('This member has already left the task force.', ['input', 'memberId']));
        }
        problems.check(() =>
          notAfterTodayIn(member.taskForce.designation.village.code, input.leftOn, ['input', 'leftOn']),
        );
        if (input.leftOn < member.joinedOn) {
          problems.add(invalidField('leftOn cannot be before the day they joined.', ['input', 'leftOn']));
        }
        problems.throwIfAny();
        const updated = await writeMember(tx, member.id, member.version, { leftOn: input.leftOn });
        await audit(tx, ctx, {
          action: 'endTaskForceMembership',
          entity: 'TaskForceMember',
          entityId: member.id,
          before: auditedMember(member),
          after: auditedMember(updated),
        });
        return tx.taskForceMember.findUniqueOrThrow({ ...reread(query), where: { id: member.id } });
      }),
  }),
);
