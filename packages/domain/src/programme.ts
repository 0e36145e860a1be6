// The programme itself: its variants, the lifecycle of a designation, why villages are chosen, who sits
// on a village's task force, what offices do, and the constants the programme's rules name.

export const programmeVariants = ['DESA_BINAAN', 'KELURAHAN_BINAAN', 'IMIGRASI_CORNER'] as const;
export type ProgrammeVariant = (typeof programmeVariants)[number];

export const designationStatuses = ['PLANNED', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type DesignationStatus = (typeof designationStatuses)[number];

/**
 * The moves a designation's status may make: inaugurated (or cancelled) from PLANNED, suspended and
 * resumed, ended. ENDED is final. Each move is a change in its history, with the day it took effect.
 */
export const designationTransitions = {
  PLANNED: ['ACTIVE', 'ENDED'],
  ACTIVE: ['SUSPENDED', 'ENDED'],
  SUSPENDED: ['ACTIVE', 'ENDED'],
  ENDED: [],
} as const satisfies Record<DesignationStatus, readonly DesignationStatus[]>;

export function canMoveDesignation(from: DesignationStatus, to: DesignationStatus): boolean {
  return (designationTransitions[from] as readonly DesignationStatus[]).includes(to);
}

/** Moves that must say why (the reason is kept in the history). */
export const designationStatusesNeedingReason = ['SUSPENDED', 'ENDED'] as const satisfies readonly DesignationStatus[];

/** Changes one designation's history may hold (the API refuses more): years of suspensions and resumptions. */
export const MAX_DESIGNATION_STATUS_CHANGES = 50;

export const selectionReasons = ['MIGRANT_WORKER_SENDING_AREA', 'BORDER_AREA', 'FAR_FROM_OFFICE'] as const;
export type SelectionReason = (typeof selectionReasons)[number];

export const taskForceRoles = [
  'VILLAGE_HEAD',
  'VILLAGE_SECRETARY',
  'VILLAGE_OFFICIAL',
  'BABINSA',
  'BHABINKAMTIBMAS',
  'COMMUNITY_FIGURE',
  'IMMIGRATION_OFFICER',
] as const;
export type TaskForceRole = (typeof taskForceRoles)[number];

/**
 * Who the training is for: every member but the immigration officer (PIMPASA), who gives it. Training
 * completion counts these roles only (the training rollup's SQL says the same: role <> IMMIGRATION_OFFICER).
 */
export const TRAINER_ROLE = 'IMMIGRATION_OFFICER' satisfies TaskForceRole;
export const traineeRoles = taskForceRoles.filter(
  (role): role is Exclude<TaskForceRole, typeof TRAINER_ROLE> => role !== TRAINER_ROLE,
);

export const activityTypes = [
  'SOCIALISATION',
  'COUNSELLING',
  'COORDINATION_MEETING',
  'TIMPORA_MEETING',
  'TASK_STRENGTHENING_VISIT',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const officeClasses = ['CLASS_I_SPECIAL', 'CLASS_I', 'CLASS_II', 'CLASS_III'] as const;
export type OfficeClass = (typeof officeClasses)[number];

/** Beyond this distance (km) from its immigration office a village is a priority ("far from office"). */
export const FAR_FROM_OFFICE_KM = 100;

/** The circular letter that set up the programme: nothing is designated before it. */
export const PROGRAMME_START = '2023-07-26';
/** The first year of work plans and designations; nothing is recorded before it. */
export const PROGRAMME_FIRST_YEAR = Number(PROGRAMME_START.slice(0, 4));

/**
 * Members one task force may have on record, past members included (a task force has about 7 to 13 at a
 * time). The API refuses more; it is also the length of a task force's member list in query costs.
 */
export const MAX_TASK_FORCE_MEMBERS = 50;

/** The largest decree (SK) PDF an office may upload: a scanned decree of a few pages fits well within. */
export const MAX_DECREE_PDF_BYTES = 5 * 1024 * 1024;

/** The variants a village can be designated under: Kelurahan Binaan is for kelurahan, Desa Binaan for desa. */
export function variantsForVillageKind(kind: 'DESA' | 'KELURAHAN'): readonly ProgrammeVariant[] {
  return programmeVariants.filter((variant) =>
    kind === 'DESA' ? variant !== 'KELURAHAN_BINAAN' : variant !== 'DESA_BINAAN',
  );
}
