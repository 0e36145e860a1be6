// The reports on this phone, newest first, each with where it stands: waiting for signal, being sent,
// received by the office (its number), then the office's status; a refused one says why and offers
// "Ubah" and "Buang".
import { useState } from 'preact/hooks';
import type { OutboxReport } from '../outbox/model';
import { reportStatusLabel, reportTypeLabel, text } from './text';

/** The server's report number, from its global id (base64 of `VillageReport:<n>`). */
export function reportNumber(reportId: string): string {
  try {
    return atob(reportId).split(':')[1] ?? reportId;
  } catch {
    return reportId;
  }
}

function stateLine(report: OutboxReport): string {
  switch (report.state) {
    case 'waiting':
      if (report.lastProblem) return text.outbox.serverProblem(report.lastProblem);
      return report.attempts > 0 ? text.outbox.waitingRetry(report.attempts) : text.outbox.waiting;
    case 'sending':
      return text.outbox.sending;
    case 'received':
      return `${text.outbox.received(reportNumber(report.reportId ?? ''))} · ${reportStatusLabel[report.status ?? 'SUBMITTED']}`;
    case 'refused':
      return report.refusal?.revoked
        ? text.revoked.reportReason
        : `${text.outbox.refused}: ${report.refusal?.message ?? ''}`;
  }
}

interface Props {
  reports: OutboxReport[];
  onEdit(report: OutboxReport): void;
  onDiscard(report: OutboxReport): void;
}

export function OutboxList({ reports, onEdit, onDiscard }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const newestFirst = [...reports].reverse();
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{text.outbox.title}</h2>
      {newestFirst.length === 0 && <p>{text.outbox.empty}</p>}
      <ul class="outbox">
        {newestFirst.map((report) => (
          <li
            key={report.clientReference}
            class={`report report--${report.state}`}
            data-reference={report.clientReference}
            data-state={report.state}
            data-status={report.status ?? undefined}
          >
            <p class="report__title">
              {reportTypeLabel[report.draft.type]} · {report.draft.occurredOn} ·{' '}
              {text.outbox.people(report.draft.peopleInvolved)}
            </p>
            <p class="report__description">{report.draft.description}</p>
            <p class="report__state" role={report.state === 'refused' ? 'alert' : undefined}>
              {stateLine(report)}
            </p>
            {report.state === 'refused' &&
              (confirming === report.clientReference ? (
                <div class="actions">
                  <p>{text.outbox.discardConfirm}</p>
                  <button type="button" class="danger" onClick={() => onDiscard(report)}>
                    {text.outbox.discardYes}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {text.outbox.discardNo}
                  </button>
                </div>
              ) : (
                <div class="actions">
                  <button type="button" onClick={() => onEdit(report)}>
                    {text.outbox.edit}
                  </button>
                  <button type="button" onClick={() => setConfirming(report.clientReference)}>
                    {text.outbox.discard}
                  </button>
                </div>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
