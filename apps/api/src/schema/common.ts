// Types every domain file uses: scalars, the programme's enums, errors, ratios and shared inputs.
import {
  ActivityType,
  DesignationStatus,
  ProgrammeVariant,
  RegencyKind,
  ReportStatus,
  ReportType,
  SelectionReason,
  TaskForceRole,
  VillageKind,
  OfficeClass,
} from '@binaan/db';
import { InputValidationError, type StandardSchemaV1 } from '@pothos/plugin-validation';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { builder } from '../builder.js';
import { localize, localizeIssue } from '../messages.js';

builder.addScalarType('Date', DateResolver, {
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), without time zone.',
});
builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A point in time, ISO 8601 with offset, e.g. `2024-05-03T02:30:00.000Z`.',
});

/** An enum whose every value carries a description; the values are the Prisma enum's. */
function describedEnum<Values extends string>(
  name: string,
  description: string,
  prismaEnum: Record<string, Values>,
  valueDescriptions: Record<Values, string>,
) {
  const values = Object.fromEntries(
    Object.values(prismaEnum).map((value) => [value, { value, description: valueDescriptions[value] }]),
  ) as Record<Values, { value: Values; description: string }>;
  return builder.enumType(name, { description, values });
}

export const RegencyKindEnum = describedEnum(
  'RegencyKind',
  'Whether a kabupaten/kota is a kabupaten (regency) or a kota (city).',
  RegencyKind,
  {
    REGENCY: 'Kabupaten (regency); Kemendagri codes 01-69.',
    CITY: 'Kota (city); Kemendagri codes 71-99.',
  },
);

export const VillageKindEnum = describedEnum(
  'VillageKind',
  'Desa (rural village) or kelurahan (urban ward).',
  VillageKind,
  {
    DESA: 'Desa: a rural village; its code part starts with 2.',
    KELURAHAN: 'Kelurahan: an urban ward; its code part starts with 1.',
  },
);

export const OfficeClassEnum = describedEnum('OfficeClass', 'The class of a Kantor Imigrasi.', OfficeClass, {
  CLASS_I_SPECIAL: 'Kelas I Khusus.',
  CLASS_I: 'Kelas I.',
  CLASS_II: 'Kelas II.',
  CLASS_III: 'Kelas III.',
});

export const ProgrammeVariantEnum = describedEnum('ProgrammeVariant', 'A form the programme takes.', ProgrammeVariant, {
  DESA_BINAAN: 'Desa Binaan Imigrasi: villages designated per year and inaugurated by local government.',
  KELURAHAN_BINAAN: 'Kelurahan Binaan: urban wards relaying immigration information.',
  IMIGRASI_CORNER: 'Imigrasi Corner ("icon desa"): an information and service corner in the village.',
});

export const DesignationStatusEnum = describedEnum(
  'DesignationStatus',
  'Where a designation is in its lifecycle.',
  DesignationStatus,
  {
    PLANNED: 'Selected in the work plan, not yet inaugurated.',
    ACTIVE: 'Inaugurated (diresmikan) and running.',
    SUSPENDED: 'Temporarily not running.',
    ENDED: 'No longer part of the programme.',
  },
);

export const SelectionReasonEnum = describedEnum(
  'SelectionReason',
  'Why a village was chosen for the programme.',
  SelectionReason,
  {
    MIGRANT_WORKER_SENDING_AREA: 'Sends many migrant workers abroad (kantong PMI).',
    BORDER_AREA: 'Lies on a land or sea border.',
    FAR_FROM_OFFICE: 'Far from an immigration office.',
  },
);

export const TaskForceRoleEnum = describedEnum(
  'TaskForceRole',
  'The role of a task-force (gugus tugas) member.',
  TaskForceRole,
  {
    VILLAGE_HEAD: 'Kepala desa / lurah.',
    VILLAGE_SECRETARY: 'Sekretaris desa / kelurahan.',
    VILLAGE_OFFICIAL: 'Perangkat desa: another village official.',
    BABINSA: "Babinsa: the army's village liaison officer.",
    BHABINKAMTIBMAS: "Bhabinkamtibmas: the police's village liaison officer.",
    COMMUNITY_FIGURE: 'Tokoh masyarakat: a community figure.',
    IMMIGRATION_OFFICER: 'The immigration officer assigned to the village (PIMPASA).',
  },
);

export const ActivityTypeEnum = describedEnum(
  'ActivityType',
  'What kind of programme activity took place.',
  ActivityType,
  {
    SOCIALISATION: 'Sosialisasi: an information session.',
    COUNSELLING: 'Penyuluhan: public counselling.',
    COORDINATION_MEETING: 'Rapat koordinasi with local government and agencies.',
    TIMPORA_MEETING: 'Rapat Timpora: the inter-agency team supervising foreign nationals.',
    TASK_STRENGTHENING_VISIT: 'Penguatan tugas dan fungsi: a visit strengthening the task force.',
  },
);

export const ReportTypeEnum = describedEnum('ReportType', 'What a village report is about.', ReportType, {
  FOREIGN_NATIONAL_PRESENT: 'A foreign national (WNA) is present in the village.',
  SUSPECTED_TRAFFICKING: 'Suspected trafficking in persons (TPPO).',
  SUSPECTED_SMUGGLING: 'Suspected people smuggling (TPPM).',
  NON_PROCEDURAL_MIGRANT_WORKER: 'A (prospective) migrant worker leaving outside legal channels.',
  REFUGEES: 'Refugees (pengungsi), e.g. stranded boat arrivals.',
  PASSPORT_INFORMATION_REQUEST: 'A resident asks about passports or M-Paspor.',
  OTHER: 'Anything else.',
});

export const ReportStatusEnum = describedEnum(
  'ReportStatus',
  'Where a village report is in its workflow.',
  ReportStatus,
  {
    SUBMITTED: 'Received from the village, not yet checked.',
    VERIFIED: 'Checked by the immigration office.',
    FOLLOWED_UP: 'Acted upon by the immigration office.',
    CLOSED: 'Done.',
    REJECTED: 'Not a valid report.',
  },
);

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Ascending or descending order.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  } as const,
});

// ─── Errors ─────────────────────────────────────────────────────────────────────────────────────
// Errors meant for the caller come back in the mutation payload as typed objects; anything else is
// masked by Yoga as "Unexpected error."

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'A problem with the request that the caller can fix. Nothing was written.',
  fields: (t) => ({
    message: t.string({
      description: "What went wrong, for a person to read, in the caller's language (Accept-Language: id or en).",
      resolve: (error, _args, ctx) =>
        error instanceof InputValidationError
          ? error.issues
              .map(
                (issue) =>
                  `${(issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.')}: ${localizeIssue(issue as never, ctx.locale)}`,
              )
              .join('; ')
          : localize(error.message, ctx.locale),
    }),
  }),
});

builder.objectType(Error, {
  name: 'BaseError',
  description: 'A problem with the request that has no more specific type.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof Error,
});

/** An error about one input field: `path` names it, e.g. `["input", "villageCode"]`. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly path: string[],
  ) {
    super(message);
  }
}

export class NotFoundError extends FieldError {
  override name = 'NotFoundError';
}

export class ConflictError extends FieldError {
  override name = 'ConflictError';
}

/** The caller may not do this, or not in this area. Nothing was written. */
export class ForbiddenError extends FieldError {
  override name = 'ForbiddenError';
}

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Something the input refers to does not exist.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field that refers to it.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The input contradicts what is already recorded (a duplicate, or a record that changed meanwhile).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field in conflict.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your role or area does not allow this. Nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'The input field that points outside what you may change, if any.',
    }),
  }),
});

const InputValidationIssue = builder.objectRef<StandardSchemaV1.Issue>('InputValidationIssue').implement({
  description: 'One invalid input field.',
  fields: (t) => ({
    message: t.string({
      description: "What is wrong with the field, in the caller's language.",
      resolve: (issue, _args, ctx) => localizeIssue(issue as never, ctx.locale),
    }),
    path: t.stringList({
      description: 'Where the field is, e.g. `["input", "peopleInvolved"]`.',
      resolve: (issue) => issue.path?.map((part) => String(typeof part === 'object' ? part.key : part)) ?? [],
    }),
  }),
});

builder.objectType(InputValidationError, {
  name: 'InputValidationError',
  description: 'Some input fields are invalid; each issue names its field.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InputValidationError,
  fields: (t) => ({
    issues: t.field({
      type: [InputValidationIssue],
      description: 'The invalid fields.',
      resolve: (error) => error.issues,
    }),
  }),
});

/** The `errors` option of every mutation: the typed errors it can return, and its success payload. */
export const mutationErrors = {
  types: [InputValidationError, NotFoundError, ConflictError, ForbiddenError],
  dataField: { description: 'The record as stored.' },
};

// ─── Ratios ─────────────────────────────────────────────────────────────────────────────────────

export interface RatioShape {
  numerator: number;
  denominator: number;
}

export const Ratio = builder.objectRef<RatioShape>('Ratio').implement({
  description: 'A share with its parts, so that a figure can always be checked: `rate = numerator / denominator`.',
  fields: (t) => ({
    numerator: t.exposeFloat('numerator', { description: 'The part counted.' }),
    denominator: t.exposeFloat('denominator', { description: 'The whole it is counted against.' }),
    rate: t.float({
      nullable: true,
      description:
        'numerator / denominator, between 0 and 1 unless a target is exceeded; null when the denominator is 0.',
      resolve: ({ numerator, denominator }) => (denominator === 0 ? null : numerator / denominator),
    }),
  }),
});

export function ratio(numerator: number, denominator: number): RatioShape {
  return { numerator, denominator };
}
