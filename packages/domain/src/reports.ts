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
