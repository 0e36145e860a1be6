// The office's work queue: open reports in the caller's area, oldest first, each with its age against the
// follow-up deadline. Filters live in the URL, so a filtered inbox can be bookmarked or shared.
import { useSearchParams, Link } from 'react-router';
import { FOLLOW_UP_DEADLINE_DAYS, openReportStatuses, reportTypes } from '@binaan/domain';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { csvFileName } from '../../lib/csv';
import { useFilterOptions } from '../../lib/filters/filter-options';
import { formatDate, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { UrgencyBadge } from '../../components/reports/urgency-badge';
import { type InboxFilters, useReportInbox } from './inbox-query';

export function InboxPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { provinces } = useFilterOptions();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: InboxFilters = {
    status: (openReportStatuses as readonly string[]).includes(status ?? '')
      ? (status as InboxFilters['status'])
      : null,
    type: (reportTypes as readonly string[]).includes(params.get('type') ?? '') ? params.get('type') : null,
    regency: params.get('kab'),
  };
  const after = params.get('after');
  const { data, error, retry } = useReportInbox(filters, after);
  if (!me?.permissions.writeRecords) return <p className="empty-state">{t('inbox.notAllowed')}</p>;

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('after');
    setParams(next);
  };
  const regencies = provinces.flatMap((province) => province.regencies);

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className="page-intro">{t('inbox.intro', { days: FOLLOW_UP_DEADLINE_DAYS })}</p>
      <form
        className="inbox-filters no-print"
        aria-label={t('filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          <span>{t('inbox.status')}</span>
          <select
            name="status"
            value={filters.status ?? ''}
            onChange={(event) => setFilter('status', event.target.value)}
          >
            <option value="">{t('inbox.allOpen')}</option>
            {openReportStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`enums.reportStatus.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inbox.type')}</span>
          <select name="type" value={filters.type ?? ''} onChange={(event) => setFilter('type', event.target.value)}>
            <option value="">{t('inbox.allTypes')}</option>
            {reportTypes.map((value) => (
              <option key={value} value={value}>
                {t(`enums.reportType.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inbox.regency')}</span>
          <select name="kab" value={filters.regency ?? ''} onChange={(event) => setFilter('kab', event.target.value)}>
            <option value="">{t('inbox.allRegencies')}</option>
            {regencies.map((regency) => (
              <option key={regency.code} value={regency.code}>
                {regency.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
        {({ inbox }) => {
          const rows = inbox.edges.map((edge) => edge.node);
          return (
            <Panel
              title={t('inbox.count', {
                count: inbox.totalCount,
                formattedCount: formatNumber(inbox.totalCount, locale),
              })}
            >
              <p className="visually-hidden" role="status" data-testid="inbox-count">
                {inbox.totalCount}
              </p>
              <DataTable
                caption={t('inbox.title')}
                rows={rows}
                rowKey={(row) => row.id}
                emptyMessage={t('inbox.empty')}
                csvFileName={csvFileName([
                  'kotak-masuk',
                  filters.regency ?? '',
                  filters.status ?? '',
                  filters.type ?? '',
                ])}
                csvLabel={t('common.exportCsv')}
                columns={[
                  {
                    key: 'age',
                    header: t('inbox.age'),
                    cell: (row) =>
                      row.followUpUrgency ? (
                        <UrgencyBadge urgency={row.followUpUrgency} ageDays={row.ageDays} />
                      ) : (
                        t('inbox.ageDays', { count: row.ageDays, formattedCount: formatNumber(row.ageDays, locale) })
                      ),
                    csv: (row) => row.ageDays,
                  },
                  {
                    key: 'received',
                    header: t('inbox.received'),
                    cell: (row) => formatDate(row.submittedOn, locale),
                    csv: (row) => row.submittedOn,
                  },
                  {
                    key: 'type',
                    header: t('reports.type'),
                    cell: (row) => (
                      <Link to={`/laporan/${encodeURIComponent(row.id)}`}>{t(`enums.reportType.${row.type}`)}</Link>
                    ),
                    csv: (row) => t(`enums.reportType.${row.type}`),
                  },
                  {
                    key: 'village',
                    header: t('inbox.village'),
                    cell: (row) => `${row.village.name}, ${row.village.district.name}`,
                  },
                  { key: 'regency', header: t('inbox.regency'), cell: (row) => row.regency.name },
                  {
                    key: 'status',
                    header: t('reports.status'),
                    cell: (row) => t(`enums.reportStatus.${row.status}`),
                  },
                  {
                    key: 'due',
                    header: t('inbox.dueOn'),
                    cell: (row) => formatDate(row.followUpDueOn, locale),
                    csv: (row) => row.followUpDueOn,
                  },
                ]}
              />
              <p className="no-print pager">
                {after && <Link to={{ search: withoutAfter(params) }}>{t('common.back')}</Link>}{' '}
                {inbox.pageInfo.hasNextPage && inbox.pageInfo.endCursor && (
                  <Link to={{ search: withAfter(params, inbox.pageInfo.endCursor) }}>{t('inbox.more')}</Link>
                )}
              </p>
            </Panel>
          );
        }}
      </QueryView>
    </>
  );
}

function withAfter(params: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(params);
  next.set('after', cursor);
  return `?${next}`;
}

function withoutAfter(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete('after');
  return `?${next}`;
}
