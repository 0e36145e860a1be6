// What the phone keeps: its enrolment, and every report typed on it until the office has closed it.
import type { ReportStatus, ReportType } from '@binaan/domain';

export interface EnrolledVillage {
  code: string;
  name: string;
  regencyName: string;
}

export interface Enrolment {
  credential: string;
  deviceId: string;
  label: string;
  village: EnrolledVillage;
  enrolledAt: string;
  /** Set when the API refused the credential: the office revoked this phone. */
  revoked: { message: string; at: string } | null;
}

/** What the task force types. The reporter's contact is personal data: forgotten once the office has it. */
export interface ReportDraft {
  type: ReportType;
  /** The village's own date, YYYY-MM-DD. */
  occurredOn: string;
  peopleInvolved: number;
  description: string;
  reporterName: string;
  reporterPhone: string;
}

/**
 * Where one report stands on the phone:
 * - waiting: in the outbox, to be sent when there is signal;
 * - sending: a request is out; if the app stops now it is sent again (the server keeps one row);
 * - received: the server has it (reportId), then the office's status follows (status);
 * - refused: the server said no (or the phone was revoked); it stays until edited or discarded.
 */
export type OutboxState = 'waiting' | 'sending' | 'received' | 'refused';

export interface Refusal {
  message: string;
  /** What the server said about each field it named, to show beside that field when the report is edited. */
  fields: Partial<Record<keyof ReportDraft, string>>;
  /** Refused because the phone's credential was revoked. */
  revoked: boolean;
}

export interface OutboxReport {
  /** Made on the phone; the server keeps one row per reference however often it is sent. */
  clientReference: string;
  draft: ReportDraft;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next try while waiting. */
  nextAttemptAt: number;
  /** Why the last try did not get through (no signal, server busy), for the person to read. */
  lastProblem: string | null;
  refusal: Refusal | null;
  reportId: string | null;
  /** The office's status once received. */
  status: ReportStatus | null;
  statusChangedAt: string | null;
}

/** Statuses after which nothing more happens to a report: the phone stops asking about it. */
export const FINAL_STATUSES: readonly ReportStatus[] = ['CLOSED', 'REJECTED'];

/** The source the field app submits under; with the client reference it makes a report's identity. */
export const FIELD_APP_SOURCE = 'app:lapor';

export function newClientReference(): string {
  return `lapor-${crypto.randomUUID()}`;
}

export function newOutboxReport(draft: ReportDraft, now = new Date()): OutboxReport {
  return {
    clientReference: newClientReference(),
    draft,
    createdAt: now.toISOString(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    lastProblem: null,
    refusal: null,
    reportId: null,
    status: null,
    statusChangedAt: null,
  };
}
