// People's accounts, managed by an administrator: create one (role, province or office, personal-data
// grant) with a temporary password; disable it (its sessions and tokens stop at once); reset a password.
// Everyone changes their own password; a temporary one must be changed before anything else.
import { hashPassword, type Prisma, verifyPassword } from '@binaan/db';
import { MAX_PASSWORD_LENGTH, roleArea, rolesAllowedPersonalData, type UserRole } from '@binaan/domain';
import { z } from 'zod';
import { passwordProblem, temporaryPassword } from '../auth/password-policy.js';
import { SignInThrottledError } from './session.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { recordList } from './record-list.js';
import { ConflictError, ForbiddenError, invalidField, mutationErrors, NotFoundError, Problems } from './errors.js';
import { orderInput } from './filters.js';
import { UserRoleEnum } from './session.js';
import { audit, requirePermission, type Tx, writeTransaction, reread } from './writes.js';

export const UserAccount = builder.prismaNode('User', {
  id: { field: 'id' },
  name: 'UserAccount',
  // Only administrators see accounts: for anyone else node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => (ctx.permissions.administerUsers ? { id: Number(id) } : { id: -1 }),
  description: "A person's account: who they are, their role and area, and whether they may sign in.",
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Email address: what they sign in with.' }),
    displayName: t.exposeString('displayName', { description: 'Name shown in the dashboard.' }),
    role: t.expose('role', { type: UserRoleEnum, description: 'What they may see and change.' }),
    province: t.relation('province', { nullable: true, description: 'A Kanwil account: its province.' }),
    office: t.relation('office', { nullable: true, description: 'A Kanim account: its office.' }),
    canSeePersonalData: t.exposeBoolean('canSeePersonalData', {
      description: 'May see names, phone numbers and reporter identity within their area.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was disabled; null while it may sign in.',
    }),
    mustChangePassword: t.exposeBoolean('mustChangePassword', {
      description: 'Holds a temporary password that must be changed at the next sign-in.',
    }),
    lastSignInAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When they last signed in.',
      select: { sessions: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
      resolve: (user) => user.sessions[0]?.createdAt ?? null,
    }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  description: 'Which accounts to list.',
  fields: (t) => ({
    search: t.string({
      required: false,
      description: 'Part of the email or name.',
      validate: z.string().trim().max(100),
    }),
    roles: t.field({ type: [UserRoleEnum], required: false, description: 'Only these roles.' }),
    disabled: t.boolean({ required: false, description: 'true: only disabled accounts; false: only active ones.' }),
  }),
});

type UserFilterShape = typeof UserFilter.$inferInput;

function userWhere(filter: UserFilterShape | null | undefined): Prisma.UserWhereInput {
  const search = filter?.search?.trim();
  return {
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { displayName: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter?.roles?.length ? { role: { in: filter.roles } } : {}),
    ...(filter?.disabled === true ? { disabledAt: { not: null } } : {}),
    ...(filter?.disabled === false ? { disabledAt: null } : {}),
  };
}

const userOrder = orderInput(
  'UserOrder',
  {
    EMAIL: { column: 'email', description: 'Email address.' },
    CREATED_AT: { column: 'createdAt', description: 'When created.' },
  },
  'EMAIL',
);

builder.queryFields((t) => ({
  users: t.prismaConnection({
    type: 'User',
    cursor: 'id',
    authScopes: { administerUsers: true },
    description: 'Accounts (administrators only).',
    args: {
      filter: t.arg({ type: UserFilter, required: false, description: 'Which accounts.' }),
      orderBy: t.arg({ type: userOrder.Input, required: false, description: 'Default: by email.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.user,
      where: userWhere,
      order: userOrder.toPrisma,
    }),
  }),
}));

// ─── What the audit trail keeps of an account: never a password or its hash ────────────────────

const auditedUser = (user: {
  id: number;
  email: string;
  role: string;
  provinceId: number | null;
  officeId: number | null;
  canSeePersonalData: boolean;
  disabledAt: Date | null;
  mustChangePassword: boolean;
}) => ({
  id: user.id,
  email: user.email,
  role: user.role,
  provinceId: user.provinceId,
  officeId: user.officeId,
  canSeePersonalData: user.canSeePersonalData,
  disabledAt: user.disabledAt,
  mustChangePassword: user.mustChangePassword,
});

/** Ends every open session of a user (except `keep`); they are signed out on their next request. */
async function endSessions(tx: Tx, userId: number, now: Date, keep?: number) {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/** An account with a new temporary password: the result of createUser and resetUserPassword. */
const AccountWithTemporaryPassword = builder
  .objectRef<{ userId: number; temporaryPassword: string }>('AccountWithTemporaryPassword')
  .implement({
    description:
      'An account and its temporary password. Give the password to its owner now (it is not shown again); they must change it when they first sign in.',
    fields: (t) => ({
      temporaryPassword: t.exposeString('temporaryPassword', { description: 'Shown once.' }),
      user: t.prismaField({
        type: 'User',
        description: 'The account as stored.',
        resolve: (query, result, _args, ctx) =>
          ctx.db.prisma.user.findUniqueOrThrow({ ...reread(query), where: { id: result.userId } }),
      }),
    }),
  });

// ─── createUser / changeUserAccess ──────────────────────────────────────────────────────────────

/** A role's area and personal-data grant, checked together so a form learns of every invalid field at once. */
const accessRules = z
  .looseObject({
    role: z.string(),
    provinceCode: z.string().nullish(),
    officeCode: z.string().nullish(),
    canSeePersonalData: z.boolean().nullish(),
  })
  .superRefine((input, issues) => {
    const problem = (message: string, field: string) => issues.addIssue({ code: 'custom', message, path: [field] });
    const area = roleArea[input.role as UserRole];
    if (area === 'PROVINCE' && !input.provinceCode) problem('A Kanwil account needs its province.', 'provinceCode');
    if (area !== 'PROVINCE' && input.provinceCode) problem('Only a Kanwil account has a province.', 'provinceCode');
    if (area === 'OFFICE' && !input.officeCode) problem('A Kanim account needs its office.', 'officeCode');
    if (area !== 'OFFICE' && input.officeCode) problem('Only a Kanim account has an office.', 'officeCode');
    if (input.canSeePersonalData && !rolesAllowedPersonalData.includes(input.role as UserRole)) {
      problem('This role may not be granted personal data.', 'canSeePersonalData');
    }
  });

/** The province and office an access names, each refused beside its field when it does not exist. */
async function accessAreas(
  tx: Tx,
  input: { provinceCode?: string | null; officeCode?: string | null },
  problems: Problems,
) {
  const [province, office] = await Promise.all([
    input.provinceCode ? tx.province.findUnique({ where: { code: input.provinceCode } }) : null,
    input.officeCode ? tx.immigrationOffice.findUnique({ where: { code: input.officeCode } }) : null,
  ]);
  if (input.provinceCode && !province) {
    problems.add(new NotFoundError(`No area has code ${input.provinceCode}.`, ['input', 'provinceCode']));
  }
  if (input.officeCode && !office) {
    problems.add(new NotFoundError(`No immigration office has code ${input.officeCode}.`, ['input', 'officeCode']));
  }
  return { provinceId: province?.id ?? null, officeId: office?.id ?? null };
}

const CreateUserInput = builder.inputType('CreateUserInput', {
  description:
    'A new account. A Kanwil account needs its province, a Kanim account its office; personal data only for roles that may have it.',
  fields: (t) => ({
    email: t.string({
      required: true,
      description: 'Email address (their sign-in name).',
      validate: z.string().trim().toLowerCase().email('An email address looks like nama@imigrasi.go.id.').max(200),
    }),
    displayName: t.string({
      required: true,
      description: 'Their name as the dashboard shows it.',
      validate: z.string().trim().min(2).max(120),
    }),
    role: t.field({ type: UserRoleEnum, required: true, description: 'Their role.' }),
    provinceCode: t.string({ required: false, description: 'A Kanwil (REGIONAL_OFFICE) account: its province.' }),
    officeCode: t.string({ required: false, description: 'A Kanim (IMMIGRATION_OFFICE) account: its office.' }),
    canSeePersonalData: t.boolean({
      required: false,
      defaultValue: false,
      description: 'May see names and phone numbers in their area (not for ANALYST or ADMINISTRATOR).',
    }),
  }),
  validate: accessRules,
});

builder.mutationField('createUser', (t) =>
  t.field({
    type: AccountWithTemporaryPassword,
    description: 'Creates an account with a temporary password (administrators only).',
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateUserInput, required: true, description: 'The account.' }) },
    resolve: (_root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'administerUsers');
        const problems = new Problems();
        const existing = await tx.user.findUnique({ where: { email: input.email } });
        if (existing) problems.add(new ConflictError('An account with this email already exists.', ['input', 'email']));
        const areas = await accessAreas(tx, input, problems);
        problems.throwIfAny();
        const password = temporaryPassword();
        const user = await tx.user.create({
          data: {
            email: input.email,
            displayName: input.displayName.trim(),
            passwordHash: await hashPassword(password),
            role: input.role,
            ...areas,
            canSeePersonalData: input.canSeePersonalData ?? false,
            mustChangePassword: true,
          },
        });
        await audit(tx, ctx, { action: 'createUser', entity: 'User', entityId: user.id, after: auditedUser(user) });
        return { userId: user.id, temporaryPassword: password };
      }),
  }),
);

// ─── disableUser / enableUser / resetUserPassword ───────────────────────────────────────────────

const AccountInput = builder.inputType('AccountInput', {
  description: 'Which account.',
  fields: (t) => ({
    userId: t.globalID({ required: true, for: [UserAccount], description: 'The account.' }),
  }),
});

/** The account an administrator acts on; never their own (they would lock themselves out). */
async function accountToChange(tx: Tx, ctx: Context, userId: string) {
  requirePermission(ctx, 'administerUsers');
  const user = await tx.user.findUnique({ where: { id: Number(userId) } });
  if (!user) throw new NotFoundError('No such account.', ['input', 'userId']);
  if (ctx.caller.kind === 'user' && ctx.caller.userId === user.id) {
    throw new ConflictError('You cannot do this to your own account.', ['input', 'userId']);
  }
  return user;
}

builder.mutationFields((t) => ({
  disableUser: t.prismaField({
    type: 'User',
    description:
      'Disables an account: its open sessions end at once (the next request is refused) and the API tokens it issued are revoked.',
    errors: mutationErrors,
    args: { input: t.arg({ type: AccountInput, required: true, description: 'The account.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const user = await accountToChange(tx, ctx, input.userId.id);
        if (user.disabledAt) throw new ConflictError('This account is already disabled.', ['input', 'userId']);
        const now = new Date();
        const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: now } });
        const sessionsEnded = await endSessions(tx, user.id, now);
        const { count: tokensRevoked } = await tx.apiToken.updateMany({
          where: { createdById: user.id, revokedAt: null },
          data: { revokedAt: now },
        });
        await audit(tx, ctx, {
          action: 'disableUser',
          entity: 'User',
          entityId: user.id,
          before: auditedUser(user),
          after: { ...auditedUser(updated), sessionsEnded, tokensRevoked },
        });
        return tx.user.findUniqueOrThrow({ ...reread(query), where: { id: user.id } });
      }),
  }),
  enableUser: t.prismaField({
    type: 'User',
    description: 'Lets a disabled account sign in again (its old sessions and tokens stay ended).',
    errors: mutationErrors,
    args: { input: t.arg({ type: AccountInput, required: true, description: 'The account.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const user = await accountToChange(tx, ctx, input.userId.id);
        if (!user.disabledAt) throw new ConflictError('This account is not disabled.', ['input', 'userId']);
        const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } });
        await audit(tx, ctx, {
          action: 'enableUser',
          entity: 'User',
          entityId: user.id,
          before: auditedUser(user),
          after: auditedUser(updated),
        });
        return tx.user.findUniqueOrThrow({ ...reread(query), where: { id: user.id } });
      }),
  }),
  resetUserPassword: t.field({
    type: AccountWithTemporaryPassword,
    description:
      'Gives an account a new temporary password, to be changed at the next sign-in; its open sessions end at once.',
    errors: mutationErrors,
    args: { input: t.arg({ type: AccountInput, required: true, description: 'The account.' }) },
    resolve: (_root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const user = await accountToChange(tx, ctx, input.userId.id);
        const password = temporaryPassword();
        const now = new Date();
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: now },
        });
        const sessionsEnded = await endSessions(tx, user.id, now);
        await audit(tx, ctx, {
          action: 'resetUserPassword',
          entity: 'User',
          entityId: user.id,
          before: auditedUser(user),
          after: { ...auditedUser(updated), sessionsEnded },
        });
        return { userId: user.id, temporaryPassword: password };
      }),
  }),
}));

const ChangeUserAccessInput = builder.inputType('ChangeUserAccessInput', {
  description: "An account's new role, area and personal-data grant (e.g. an officer moved to another office).",
  fields: (t) => ({
    userId: t.globalID({ required: true, for: [UserAccount], description: 'The account.' }),
    role: t.field({ type: UserRoleEnum, required: true, description: 'Their role.' }),
    provinceCode: t.string({ required: false, description: 'A Kanwil (REGIONAL_OFFICE) account: its province.' }),
    officeCode: t.string({ required: false, description: 'A Kanim (IMMIGRATION_OFFICE) account: its office.' }),
    canSeePersonalData: t.boolean({
      required: true,
      description: 'May see names and phone numbers in their area (not for ANALYST or ADMINISTRATOR).',
    }),
  }),
  validate: accessRules,
});

builder.mutationField('changeUserAccess', (t) =>
  t.prismaField({
    type: 'User',
    description:
      "Changes an account's role, area and personal-data grant; its next request already has the new access.",
    errors: mutationErrors,
    args: { input: t.arg({ type: ChangeUserAccessInput, required: true, description: 'The new access.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const user = await accountToChange(tx, ctx, input.userId.id);
        const problems = new Problems();
        const areas = await accessAreas(tx, input, problems);
        problems.throwIfAny();
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { role: input.role, ...areas, canSeePersonalData: input.canSeePersonalData },
        });
        await audit(tx, ctx, {
          action: 'changeUserAccess',
          entity: 'User',
          entityId: user.id,
          before: auditedUser(user),
          after: auditedUser(updated),
        });
        return tx.user.findUniqueOrThrow({ ...reread(query), where: { id: user.id } });
      }),
  }),
);

// ─── changeOwnPassword ──────────────────────────────────────────────────────────────────────────

const ChangeOwnPasswordInput = builder.inputType('ChangeOwnPasswordInput', {
  description: 'Your current password and the new one.',
  fields: (t) => ({
    currentPassword: t.string({
      required: true,
      description: 'Your current (or temporary) password.',
      validate: z.string().min(1).max(200),
    }),
    newPassword: t.string({
      required: true,
      description: `The new password: at least 15 characters, any characters; not common or easy to guess.`,
      validate: z.string().max(MAX_PASSWORD_LENGTH * 4),
    }),
  }),
});

builder.mutationField('changeOwnPassword', (t) =>
  t.boolean({
    description:
      'Changes your own password. Your other sessions end; this one stays. After a temporary password, everything opens again.',
    errors: { ...mutationErrors, types: [...mutationErrors.types, SignInThrottledError] },
    args: { input: t.arg({ type: ChangeOwnPasswordInput, required: true, description: 'The passwords.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (ctx.caller.kind !== 'user') throw new ForbiddenError('Sign in first.', []);
      const caller = ctx.caller;
      // Guessing the current password here is throttled like signing in.
      const refusal = await ctx.signInGuard.check(caller.email, ctx.clientAddress);
      if (refusal) throw new SignInThrottledError(refusal);
      const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: caller.userId } });
      const problems = new Problems();
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        await ctx.signInGuard.failed(caller.email, ctx.clientAddress);
        problems.add(invalidField('The current password is wrong.', ['input', 'currentPassword']));
      }
      const weak = await passwordProblem(input.newPassword, user);
      if (weak) problems.add(invalidField(weak, ['input', 'newPassword']));
      else if (input.newPassword === input.currentPassword) {
        problems.add(invalidField('The new password must differ from the current one.', ['input', 'newPassword']));
      }
      problems.throwIfAny();
      await ctx.signInGuard.succeeded(caller.email);
      const passwordHash = await hashPassword(input.newPassword);
      await writeTransaction(ctx, async (tx) => {
        const now = new Date();
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
        });
        const sessionsEnded = await endSessions(tx, user.id, now, caller.sessionId);
        await audit(tx, ctx, {
          action: 'changeOwnPassword',
          entity: 'User',
          entityId: user.id,
          before: auditedUser(user),
          after: { ...auditedUser(updated), sessionsEnded },
        });
      });
      return true;
    },
  }),
);
