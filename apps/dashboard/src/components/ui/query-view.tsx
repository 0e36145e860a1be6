// Renders a query's data, or a skeleton while it loads, or an error with a retry.
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../../lib/i18n';
import { ErrorState, Skeleton } from './states';

export function QueryView<Data>({
  data,
  error,
  retry,
  children,
  skeletonHeight,
}: {
  data: Data | undefined;
  error: CombinedError | undefined;
  retry: () => void;
  children: (data: Data) => ReactNode;
  skeletonHeight?: number;
}) {
  const { t } = useI18n();
  if (error && !data) return <ErrorState message={t('common.error')} retryLabel={t('common.retry')} onRetry={retry} />;
  if (!data) return <Skeleton label={t('common.loading')} height={skeletonHeight} />;
  return <>{children(data)}</>;
}
