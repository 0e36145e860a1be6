// Work-plan (rencana kerja) targets: how many villages to designate and task-force members to train in a
// year, per province and per kabupaten/kota. A Kanwil sets its kabupaten/kota's targets; the province's
// target is their sum, so the two levels never disagree. Attainment is in the coverage analytics.
import { PROGRAMME_FIRST_YEAR } from '@binaan/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import {
  ConflictError,
  ErrorInterface,
  errorTypeOf,
  FieldError,
  invalidField,
  mutationErrors,
  NotFoundError,
  Problems,
} from './errors.js';
import { provinceCode, regencyCode } from './filters.js';
import { audit, requireArea, requirePermission, today, writeTransaction } from './writes.js';

builder.prismaObject('ProvinceTarget', {
  description: "A province's yearly work-plan (rencana kerja) target: the sum of its kabupaten/kota's.",
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Programme year.' }),
    villagesToDesignate: t.exposeInt('villagesToDesignate', { description: 'Villages to designate that year.' }),
    membersToTrain: t.exposeInt('membersToTrain', { description: 'Task-force members to train that year.' }),
    province: t.relation('province', { description: 'The province.' }),
  }),
});

export const RegencyTarget = builder.prismaObject('RegencyTarget', {
  description: "A kabupaten/kota's yearly work-plan (rencana kerja) target, set by its Kanwil.",
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Programme year.' }),
    villagesToDesignate: t.exposeInt('villagesToDesignate', { description: 'Villages to designate that year.' }),
    membersToTrain: t.exposeInt('membersToTrain', { description: 'Task-force members to train that year.' }),
    version: t.exposeInt('version', {
      description: 'Goes up by one on every change; send it back as `expectedVersion` when you change the target.',
    }),
    regency: t.relation('regency', { description: 'The kabupaten/kota.' }),
  }),
});

builder.prismaObjectFields('Province', (t) => ({
  targets: t.relation('targets', {
    ...listCost(listLengths.targetsPerArea),
    description: 'Yearly work-plan targets, by year.',
    query: { orderBy: { year: 'asc' } },
  }),
}));
builder.prismaObjectFields('Regency', (t) => ({
  targets: t.relation('targets', {
    ...listCost(listLengths.targetsPerArea),
    description: 'Yearly work-plan targets, by year.',
    query: { orderBy: { year: 'asc' } },
  }),
}));

// ─── setWorkPlanTargets ─────────────────────────────────────────────────────────────────────────

/** Someone changed a target since the caller saw it; nothing was written. */
export class TargetsChangedError extends FieldError {
  override name = 'TargetsChangedError';
}

builder.objectType(TargetsChangedError, {
  name: 'TargetsChangedError',
  description:
    'Someone else changed one of these targets since you saw it (optimistic concurrency): nothing was written; read the targets again.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(TargetsChangedError, 'TargetsChangedError'),
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The row in conflict: `["input", "regencies", "<n>"]`.' }),
  }),
});

/** A year's target for one kabupaten/kota can be no larger than this many members per village. */
export const MAX_MEMBERS_PER_VILLAGE_TARGET = 50;

const RegencyTargetInput = builder.inputType('RegencyTargetInput', {
  description: "One kabupaten/kota's target for the year.",
  fields: (t) => ({
    regencyCode: t.string({
      required: true,
      description: 'Kemendagri code of the kabupaten/kota.',
      validate: regencyCode,
    }),
    villagesToDesignate: t.int({
      required: true,
      description: 'Villages to designate that year (at most the villages it has).',
      validate: z.number().int().min(0),
    }),
    membersToTrain: t.int({
      required: true,
      description: 'Task-force members to train that year.',
      validate: z.number().int().min(0),
    }),
    expectedVersion: t.int({
      required: false,
      description:
        "The target's `version` as you saw it, or null if it had none: if it changed since, nothing is written and a TargetsChangedError comes back.",
      validate: z.number().int().min(1),
    }),
  }),
});

const SetWorkPlanTargetsInput = builder.inputType('SetWorkPlanTargetsInput', {
  description: "A province's work-plan targets for a year, per kabupaten/kota.",
  fields: (t) => ({
    provinceCode: t.string({ required: true, description: 'Kemendagri code of the province.', validate: provinceCode }),
    year: t.int({
      required: true,
      description: 'Programme year: from the first programme year to next year.',
      validate: z.number().int().min(PROGRAMME_FIRST_YEAR).max(2100),
    }),
    regencies: t.field({
      type: [RegencyTargetInput],
      required: true,
      description: 'The kabupaten/kota whose targets to set; the others keep theirs.',
      validate: z.array(z.any()).min(1, 'Give at least one kabupaten/kota.').max(100),
    }),
  }),
  validate: z
    .looseObject({ year: z.number(), regencies: z.array(z.looseObject({ regencyCode: z.string() })) })
    .superRefine((input, issues) => {
      if (input.year > today().getUTCFullYear() + 1) {
        issues.addIssue({ code: 'custom', message: 'Targets are set at most one year ahead.', path: ['year'] });
      }
      const seen = new Set<string>();
      input.regencies.forEach((row, index) => {
        if (seen.has(row.regencyCode)) {
          issues.addIssue({
            code: 'custom',
            message: 'Each kabupaten/kota once.',
            path: ['regencies', index, 'regencyCode'],
          });
        }
        seen.add(row.regencyCode);
      });
    }),
});

builder.mutationField('setWorkPlanTargets', (t) =>
  t.field({
    type: [RegencyTarget],
    description:
      "Sets a year's work-plan targets per kabupaten/kota of a province (a Kanwil, in its own province). The province's target becomes the sum of its kabupaten/kota's. Returns every kabupaten/kota target of the province for that year.",
    errors: {
      types: [...mutationErrors.types, TargetsChangedError],
      dataField: {
        ...listCost(listLengths.regenciesPerProvince),
        description: 'Every kabupaten/kota target of the province for that year, as stored.',
      },
    },
    args: { input: t.arg({ type: SetWorkPlanTargetsInput, required: true, description: 'The targets.' }) },
    resolve: (_root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'setTargets');
        const province = await tx.province.findUnique({ where: { code: input.provinceCode } });
        if (!province) throw new NotFoundError(`No area has code ${input.provinceCode}.`, ['input', 'provinceCode']);
        const regencies = await tx.regency.findMany({
          where: { code: { in: input.regencies.map((row) => row.regencyCode) } },
          include: {
            _count: { select: { villages: true } },
            targets: { where: { year: input.year } },
          },
        });
        const byCode = new Map(regencies.map((regency) => [regency.code, regency]));
        const problems = new Problems();
        for (const [index, row] of input.regencies.entries()) {
          const path = ['input', 'regencies', String(index)];
          const regency = byCode.get(row.regencyCode);
          if (!regency) {
            problems.add(new NotFoundError(`No area has code ${row.regencyCode}.`, [...path, 'regencyCode']));
            continue;
          }
          requireArea(ctx, regency.id, [...path, 'regencyCode']);
          if (regency.provinceId !== province.id) {
            problems.add(new ConflictError(`${regency.name} is not in ${province.name}.`, [...path, 'regencyCode']));
          }
          if (row.villagesToDesignate > regency._count.villages) {
            problems.add(
              invalidField(`${regency.name} has only ${regency._count.villages} villages.`, [
                ...path,
                'villagesToDesignate',
              ]),
            );
          }
          if (row.membersToTrain > regency._count.villages * MAX_MEMBERS_PER_VILLAGE_TARGET) {
            problems.add(
              invalidField(
                `At most ${MAX_MEMBERS_PER_VILLAGE_TARGET} members per village: ${regency._count.villages * MAX_MEMBERS_PER_VILLAGE_TARGET} for ${regency.name}.`,
                [...path, 'membersToTrain'],
              ),
            );
          }
        }
        problems.throwIfAny();

        for (const [index, row] of input.regencies.entries()) {
          const regency = byCode.get(row.regencyCode)!;
          const before = regency.targets[0] ?? null;
          const changedMeanwhile = new TargetsChangedError(
            `Someone else changed the target of ${regency.name} meanwhile; read the targets again.`,
            ['input', 'regencies', String(index)],
          );
          if ((before?.version ?? null) !== (row.expectedVersion ?? null)) throw changedMeanwhile;
          const values = { villagesToDesignate: row.villagesToDesignate, membersToTrain: row.membersToTrain };
          let after;
          if (before) {
            // Only if nobody changed it since it was read.
            const { count } = await tx.regencyTarget.updateMany({
              where: { id: before.id, version: before.version },
              data: { ...values, version: { increment: 1 } },
            });
            if (count === 0) throw changedMeanwhile;
            after = { ...before, ...values, version: before.version + 1 };
          } else {
            // A concurrent first target for the same year fails on the unique key, and the whole write with it.
            after = await tx.regencyTarget.create({ data: { regencyId: regency.id, year: input.year, ...values } });
          }
          await audit(tx, ctx, {
            action: 'setWorkPlanTarget',
            entity: 'RegencyTarget',
            entityId: after.id,
            before,
            after,
          });
        }
        // The province's target is its kabupaten/kota's summed, so both levels tell the same story.
        const sums = await tx.regencyTarget.aggregate({
          where: { year: input.year, regency: { provinceId: province.id } },
          _sum: { villagesToDesignate: true, membersToTrain: true },
        });
        const provinceValues = {
          villagesToDesignate: sums._sum.villagesToDesignate ?? 0,
          membersToTrain: sums._sum.membersToTrain ?? 0,
        };
        await tx.provinceTarget.upsert({
          where: { provinceId_year: { provinceId: province.id, year: input.year } },
          create: { provinceId: province.id, year: input.year, ...provinceValues },
          update: provinceValues,
        });
        return tx.regencyTarget.findMany({
          where: { year: input.year, regency: { provinceId: province.id } },
          orderBy: { regency: { code: 'asc' } },
        });
      }),
  }),
);
