// A report's age against the follow-up deadline: colour and words together, so it reads without colour.
import type { FollowUpUrgency } from '@binaan/domain';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

export function UrgencyBadge({ urgency, ageDays }: { urgency: FollowUpUrgency; ageDays: number }) {
  const { t, locale } = useI18n();
  return (
    <span className={`urgency urgency-${urgency.toLowerCase().replace('_', '-')}`} data-urgency={urgency}>
      {/* Two parts that each stay whole, so a narrow column (the inbox on a tablet) wraps between them. */}
      <span>{t('inbox.ageDays', { count: ageDays, formattedCount: formatNumber(ageDays, locale) })} ·</span>{' '}
      <span>{t(`inbox.urgency.${urgency}`)}</span>
    </span>
  );
}
