// What a village reports, and the workflow an office takes each report through.

export const reportTypes = [
  'FOREIGN_NATIONAL_PRESENT',
  'SUSPECTED_TRAFFICKING',
  'SUSPECTED_SMUGGLING',
  'NON_PROCEDURAL_MIGRANT_WORKER',
  'REFUGEES',
  'PASSPORT_INFORMATION_REQUEST',
  'OTHER',
] as const;
export type ReportType = (typeof reportTypes)[number];

export const reportStatuses = ['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP', 'CLOSED', 'REJECTED'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** What a report holds, wherever it is typed (the API, the dashboard, the field app). */
export const reportLimits = {
  peopleInvolved: { min: 1, max: 10_000 },
  description: { min: 5, max: 5000 },
  reporterName: { min: 2, max: 120 },
} as const;

/** The workflow: submitted → verified → followed up → closed, or rejected before follow-up. */
export const reportTransitions = {
  SUBMITTED: ['VERIFIED', 'REJECTED'],
  VERIFIED: ['FOLLOWED_UP', 'REJECTED'],
  FOLLOWED_UP: ['CLOSED'],
  CLOSED: [],
  REJECTED: [],
} as const satisfies Record<ReportStatus, readonly ReportStatus[]>;

export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return (reportTransitions[from] as readonly ReportStatus[]).includes(to);
}

/** Statuses that still wait for the office: not closed, not rejected. */
export const openReportStatuses = ['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP'] as const satisfies readonly ReportStatus[];
export const isOpenReportStatus = (status: ReportStatus): boolean =>
  (openReportStatuses as readonly ReportStatus[]).includes(status);

/**
 * The office's working rule for a report that arrives: act on it (verify and follow up, or reject) within
 * this many calendar days of the day it was received, counted in the village's own time zone. A product
 * default, not a regulation: change it here and the inbox, the API and their tests follow.
 */
export const FOLLOW_UP_DEADLINE_DAYS = 7;
/** From this age on, a report not yet followed up is shown as due soon. */
export const FOLLOW_UP_DUE_SOON_DAYS = 5;

export const followUpUrgencies = ['ON_TIME', 'DUE_SOON', 'OVERDUE'] as const;
export type FollowUpUrgency = (typeof followUpUrgencies)[number];

/**
 * How pressing a report is against the follow-up deadline; null once it is followed up, closed or
 * rejected (nothing is due any more).
 */
export function followUpUrgency(status: ReportStatus, ageDays: number): FollowUpUrgency | null {
  if (status !== 'SUBMITTED' && status !== 'VERIFIED') return null;
  if (ageDays > FOLLOW_UP_DEADLINE_DAYS) return 'OVERDUE';
  return ageDays >= FOLLOW_UP_DUE_SOON_DAYS ? 'DUE_SOON' : 'ON_TIME';
}

/**
 * Agencies an office commonly works with on a follow-up or in a Timpora meeting: offered as suggestions,
 * never a closed list (local agencies differ).
 */
export const commonAgencies = [
  'Polres',
  'Kodim',
  'Pemkab/Pemkot',
  'Kejaksaan Negeri',
  'Bea Cukai',
  'Disdukcapil',
  'Disnaker',
  'BP3MI',
  'Kesbangpol',
  'Camat',
  'Pemerintah Desa',
] as const;

/**
 * What an officer must record with each step, so the timeline says why: a rejection needs its reason, a
 * follow-up the action taken (and, when others took part, the agencies involved).
 */
export const reportStepRequires = {
  SUBMITTED: { reason: false, actionTaken: false },
  VERIFIED: { reason: false, actionTaken: false },
  FOLLOWED_UP: { reason: false, actionTaken: true },
  CLOSED: { reason: false, actionTaken: false },
  REJECTED: { reason: true, actionTaken: false },
} as const satisfies Record<ReportStatus, { reason: boolean; actionTaken: boolean }>;
