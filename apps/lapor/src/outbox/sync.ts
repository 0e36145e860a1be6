// Sends what waits in the outbox and asks how the office has moved what was received. Runs in the page
// (on start, when the network returns, on a timer with back-off) and in the service worker (Background
// Sync, where the browser has it), never both at once (a Web Lock). Every send carries the report's own
// client reference, so a report resent after a lost answer is still one row on the server.
import type { ResultOf } from '@binaan/client';
import { ReportStatuses, SubmitReport, ThisDevice } from '../api/documents';
import { send } from '../api/send';
import {
  type Enrolment,
  FIELD_APP_SOURCE,
  FINAL_STATUSES,
  type OutboxReport,
  type Refusal,
  type ReportDraft,
} from './model';
import { store } from './store';

/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = 'lapor-outbox';
const LOCK = 'binaan-lapor-outbox';
/** Client references asked about at once (the API's limit). */
const STATUS_BATCH = 200;

/** Back-off between tries: 5 s, 10 s, 20 s … up to 5 min, spread ±25 % so a village's phones do not retry in step. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface SyncOutcome {
  /** Reports still waiting to be sent. */
  pending: number;
  /** When the next waiting report is due (epoch ms), or null. */
  nextAttemptAt: number | null;
  revoked: boolean;
  /** Nothing got through this time (no signal, or the server could not answer). */
  blocked: boolean;
}

/** One sync; `force` sends waiting reports now instead of at their back-off time (the network came back). */
export async function syncOutbox(options: { force?: boolean } = {}): Promise<SyncOutcome> {
  const run = () => syncNow(options.force ?? false);
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? await locks.request(LOCK, run) : run();
}

type SubmitPayload = ResultOf<typeof SubmitReport>['submitVillageReport'];
const DRAFT_FIELDS: readonly (keyof ReportDraft)[] = [
  'type',
  'occurredOn',
  'peopleInvolved',
  'description',
  'reporterName',
  'reporterPhone',
];

/** A typed refusal from the API, with each message beside the form field it names. */
export function refusalOf(
  payload: Exclude<SubmitPayload, { __typename: 'MutationSubmitVillageReportSuccess' }>,
): Refusal {
  const fields: Refusal['fields'] = {};
  const fieldOf = (path: readonly string[] | undefined) => {
    const name = path?.[0] === 'input' ? path[1] : undefined;
    return DRAFT_FIELDS.find((field) => field === name) ?? null;
  };
  if (payload.__typename === 'InputValidationError') {
    for (const issue of payload.issues) {
      const field = fieldOf(issue.path);
      if (field && !fields[field]) fields[field] = issue.message;
    }
  } else {
    const field = fieldOf(payload.path);
    if (field) fields[field] = payload.message;
  }
  return { message: payload.message, fields, revoked: false };
}

function inputOf(report: OutboxReport, enrolment: Enrolment) {
  const { draft } = report;
  return {
    source: FIELD_APP_SOURCE,
    clientReference: report.clientReference,
    villageCode: enrolment.village.code,
    type: draft.type,
    occurredOn: draft.occurredOn,
    peopleInvolved: draft.peopleInvolved,
    description: draft.description.trim(),
    reporterName: draft.reporterName.trim() || null,
    reporterPhone: draft.reporterPhone.trim() || null,
  };
}

const isPending = (report: OutboxReport) => report.state === 'waiting' || report.state === 'sending';

/** The office revoked this phone: everything not yet received stays, refused, until edited or discarded. */
async function markRevoked(enrolment: Enrolment, message: string): Promise<void> {
  const at = new Date().toISOString();
  await store.saveEnrolment({ ...enrolment, revoked: { message, at } });
  for (const report of await store.reports()) {
    if (isPending(report)) {
      await store.put({ ...report, state: 'refused', refusal: { message, fields: {}, revoked: true } });
    }
  }
}

async function syncNow(force: boolean): Promise<SyncOutcome> {
  const enrolment = await store.enrolment();
  if (!enrolment) return { pending: 0, nextAttemptAt: null, revoked: false, blocked: false };
  if (enrolment.revoked) {
    // Saved after the office revoked the phone: refused at once, with the same reason.
    await markRevoked(enrolment, enrolment.revoked.message);
    return outcome(true, false);
  }
  let blocked = false;
  for (const report of await store.reports()) {
    if (!isPending(report)) continue;
    // A report left "sending" was cut off mid-request (reload, closed app): it goes again at once.
    if (!force && report.state === 'waiting' && report.nextAttemptAt > Date.now()) continue;
    await store.put({ ...report, state: 'sending' });
    const answer = await send(SubmitReport, { input: inputOf(report, enrolment) }, enrolment.credential);
    if (answer.kind === 'unauthenticated') {
      await markRevoked(enrolment, answer.message);
      return outcome(true, true);
    }
    if (answer.kind === 'no-answer' || answer.kind === 'unavailable') {
      const attempts = report.attempts + 1;
      await store.put({
        ...report,
        state: 'waiting',
        attempts,
        nextAttemptAt: Date.now() + retryDelayMs(attempts),
        lastProblem: answer.kind === 'no-answer' ? null : answer.message,
      });
      // No signal now: the rest would fail the same way; they wait for the next try.
      blocked = true;
      break;
    }
    if (answer.kind === 'refused') {
      await store.put({
        ...report,
        state: 'refused',
        refusal: { message: answer.message, fields: {}, revoked: false },
      });
      continue;
    }
    const payload = answer.data.submitVillageReport;
    if (payload.__typename === 'MutationSubmitVillageReportSuccess') {
      await store.put({
        ...report,
        state: 'received',
        attempts: report.attempts + 1,
        reportId: payload.data.report.id,
        status: 'SUBMITTED',
        statusChangedAt: new Date().toISOString(),
        lastProblem: null,
        // The office has the reporter's contact now; the phone (often shared) forgets it.
        draft: { ...report.draft, reporterName: '', reporterPhone: '' },
      });
    } else {
      await store.put({ ...report, state: 'refused', refusal: refusalOf(payload) });
    }
  }
  if (!blocked && !(await refreshStatuses(enrolment))) return outcome(true, true);
  return outcome(false, blocked);
}

/**
 * Asks where received reports stand (until closed or rejected), or, with none open, whether the phone is
 * still enrolled. False when the phone turned out revoked.
 */
async function refreshStatuses(enrolment: Enrolment): Promise<boolean> {
  const open = (await store.reports()).filter(
    (report) => report.state === 'received' && !FINAL_STATUSES.includes(report.status ?? 'SUBMITTED'),
  );
  if (open.length === 0) {
    // Nothing to ask about: still say hello, so the office sees the phone's last contact and the phone
    // learns at once if it was revoked.
    const answer = await send(ThisDevice, {}, enrolment.credential);
    if (answer.kind === 'unauthenticated' || (answer.kind === 'data' && answer.data.thisDevice?.revokedAt)) {
      await markRevoked(enrolment, answer.kind === 'unauthenticated' ? answer.message : 'revoked');
      return false;
    }
    return true;
  }
  for (let start = 0; start < open.length; start += STATUS_BATCH) {
    const batch = open.slice(start, start + STATUS_BATCH);
    const answer = await send(
      ReportStatuses,
      { refs: batch.map((report) => report.clientReference) },
      enrolment.credential,
    );
    if (answer.kind === 'unauthenticated') {
      await markRevoked(enrolment, answer.message);
      return false;
    }
    if (answer.kind !== 'data') return true;
    for (const status of answer.data.deviceReports) {
      const report = await store.report(status.clientReference);
      if (report && report.state === 'received' && report.status !== status.status) {
        await store.put({ ...report, status: status.status, statusChangedAt: status.statusChangedAt });
      }
    }
  }
  return true;
}

async function outcome(revoked: boolean, blocked: boolean): Promise<SyncOutcome> {
  const waiting = (await store.reports()).filter(isPending);
  const next = waiting.length ? Math.min(...waiting.map((report) => report.nextAttemptAt)) : null;
  return { pending: waiting.length, nextAttemptAt: next, revoked, blocked };
}
