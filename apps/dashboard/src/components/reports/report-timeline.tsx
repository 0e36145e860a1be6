// A report's steps through the workflow, oldest first: who moved it, when, and what they recorded.
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ReportStatus } from '@binaan/domain';

export interface TimelineStep {
  toStatus: ReportStatus;
  changedAt: string;
  changedBy: string;
  note: string | null;
  actionTaken: string | null;
  agencies: readonly string[];
}

export function ReportTimeline({ transitions }: { transitions: readonly TimelineStep[] }) {
  const { t, locale } = useI18n();
  const actor = (changedBy: string) => {
    const officer = /^user:(\d+)$/.exec(changedBy);
    return officer ? t('report.officer', { id: officer[1] }) : changedBy;
  };
  return (
    <ol className="timeline" data-testid="report-timeline">
      {transitions.map((step) => (
        <li key={`${step.toStatus}-${step.changedAt}`}>
          <time dateTime={step.changedAt}>{formatDateTime(step.changedAt, locale)}</time>{' '}
          <strong>{t(`enums.reportStatus.${step.toStatus}`)}</strong>{' '}
          <span className="muted">{t('report.by', { actor: actor(step.changedBy) })}</span>
          {step.actionTaken && <p>{step.actionTaken}</p>}
          {step.agencies.length > 0 && (
            <p>
              {t('report.agencies')}: {step.agencies.join(', ')}
            </p>
          )}
          {step.note && <p>{step.note}</p>}
        </li>
      ))}
    </ol>
  );
}
