// The report's rules, checked on the phone before it goes into the outbox, so a report is not refused
// hours later, after the signal came back. They are the API's own limits (from the domain package);
// the API checks them again.
import { dateIn, INDONESIAN_MOBILE_PHONE, reportLimits, reportTypes, timeZoneOfArea, timeZones } from '@binaan/domain';
import type { ReportDraft } from '../outbox/model';
import { text } from './text';

export type DraftProblems = Partial<Record<keyof ReportDraft, string>>;

/** The village's zone, WIB, WITA or WIT (from its province), and its IANA name for dates. */
export function villageZone(villageCode: string) {
  const name = timeZoneOfArea(villageCode);
  return { name, timeZone: timeZones[name] };
}

export function draftProblems(draft: ReportDraft, timeZone: string, now = new Date()): DraftProblems {
  const problems: DraftProblems = {};
  const { peopleInvolved, description, reporterName } = reportLimits;
  if (!reportTypes.includes(draft.type)) problems.type = text.invalid.type;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.occurredOn)) problems.occurredOn = text.invalid.occurredOn;
  else if (draft.occurredOn > dateIn(timeZone, now)) problems.occurredOn = text.invalid.occurredOnFuture;
  else if (draft.occurredOn < '2000-01-01') problems.occurredOn = text.invalid.occurredOnPast;
  if (
    !Number.isInteger(draft.peopleInvolved) ||
    draft.peopleInvolved < peopleInvolved.min ||
    draft.peopleInvolved > peopleInvolved.max
  ) {
    problems.peopleInvolved = text.invalid.peopleInvolved(peopleInvolved.min, peopleInvolved.max);
  }
  const words = draft.description.trim().length;
  if (words < description.min || words > description.max) {
    problems.description = text.invalid.description(description.min, description.max);
  }
  const name = draft.reporterName.trim().length;
  if (name > 0 && (name < reporterName.min || name > reporterName.max)) {
    problems.reporterName = text.invalid.reporterName(reporterName.min, reporterName.max);
  }
  const phone = draft.reporterPhone.trim();
  if (phone && !INDONESIAN_MOBILE_PHONE.test(phone)) problems.reporterPhone = text.invalid.reporterPhone;
  return problems;
}

/** A new, empty report dated today in the village. */
export const emptyDraft = (timeZone: string): ReportDraft => ({
  type: '' as ReportDraft['type'],
  occurredOn: dateIn(timeZone),
  peopleInvolved: 1,
  description: '',
  reporterName: '',
  reporterPhone: '',
});
