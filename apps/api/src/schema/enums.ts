// The programme's enums in the schema, each value described; the values are the database's (and so
// @binaan/domain's, which a test in @binaan/db ties to them).
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
import { FOLLOW_UP_DEADLINE_DAYS, FOLLOW_UP_DUE_SOON_DAYS, type FollowUpUrgency } from '@binaan/domain';
import { builder } from '../builder.js';

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

export const FollowUpUrgencyEnum = builder.enumType('FollowUpUrgency', {
  description: `How pressing a report not yet followed up is, against the office's follow-up deadline (${FOLLOW_UP_DEADLINE_DAYS} calendar days from the day it was received, in the village's time zone).`,
  values: {
    ON_TIME: { description: `Received less than ${FOLLOW_UP_DUE_SOON_DAYS} days ago.` },
    DUE_SOON: { description: `Received ${FOLLOW_UP_DUE_SOON_DAYS} to ${FOLLOW_UP_DEADLINE_DAYS} days ago.` },
    OVERDUE: { description: `Received more than ${FOLLOW_UP_DEADLINE_DAYS} days ago and still not followed up.` },
  } satisfies Record<FollowUpUrgency, { description: string }>,
});
