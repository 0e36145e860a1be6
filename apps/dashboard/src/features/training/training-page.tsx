import { Link, useLocation } from 'react-router';
import { colorAt } from '../../components/charts/palette';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { filterFileNameParts, levelFor, useDashboardFilters } from '../../lib/filters/url-filters';
import { useSession } from '../../lib/session';
import { useTraining } from './training-query';
import { RateChart } from '../../components/charts/rate-chart';

export function TrainingPage() {
  const { t, locale, parts } = useI18n();
  const { search } = useLocation();
  const { filters } = useDashboardFilters();
  const { data, error, retry } = useTraining(filters);
  const { me } = useSession();
  const showNames = me?.permissions.personal === true;
  const level = levelFor(filters);
  const fileParts = filterFileNameParts(filters);

  return (
    <>
      <h1>{t('training.title')}</h1>
      <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
        {({ trainingCompletion, missing, trainingModules }) => {
          const dataTime = t('common.dataPer', { time: formatDateTime(trainingCompletion.computedAt, locale) });
          if (trainingCompletion.total.members === 0) return <EmptyState message={t('training.noMembers')} />;
          const areaRows = trainingCompletion.rows.map((row) => ({
            code: row.area?.code ?? '',
            name: row.area?.name ?? '',
            members: row.members,
            completedAll: row.completedAll,
            rate: row.completedAll.rate ?? 0,
            ...Object.fromEntries(row.modules.map((entry) => [entry.module.code, entry.completed.rate ?? 0])),
          }));
          const moduleRows = trainingCompletion.total.modules.map((entry) => ({
            code: entry.module.code,
            name: entry.module.name,
            completed: entry.completed,
            rate: entry.completed.rate ?? 0,
          }));
          return (
            <>
              <p className="data-time">{dataTime}</p>
              <p className="lead">
                {t('training.completedAll')}:{' '}
                <strong data-testid="training-total">
                  {formatPercent(trainingCompletion.total.completedAll.rate, locale)}
                </strong>{' '}
                ({parts(trainingCompletion.total.completedAll)})
              </p>
              <div className="grid">
                <Panel title={`${t('training.byArea')} · ${t(`coverage.byLevel.${level}`)}`} dataTime={dataTime}>
                  <RateChart
                    ariaLabel={t('training.byArea')}
                    rows={areaRows}
                    label={t('training.completedAll')}
                    ratio={(row) => row.completedAll}
                    color={colorAt(2)}
                  />
                </Panel>
                <Panel title={t('training.byModule')} dataTime={dataTime}>
                  <RateChart
                    ariaLabel={t('training.byModule')}
                    rows={moduleRows}
                    label={t('training.completed')}
                    ratio={(row) => row.completed}
                    rowHeight={50}
                  />
                  <DataTable
                    caption={t('training.byModule')}
                    rows={moduleRows}
                    rowKey={(row) => row.code}
                    csvFileName={csvFileName(['pelatihan-modul', ...fileParts])}
                    csvLabel={t('common.exportCsv')}
                    columns={[
                      { key: 'name', header: t('training.module'), cell: (row) => row.name },
                      {
                        key: 'done',
                        header: t('training.completed'),
                        numeric: true,
                        cell: (row) => formatNumber(row.completed.numerator, locale),
                        csv: (row) => row.completed.numerator,
                      },
                      {
                        key: 'members',
                        header: t('training.members'),
                        numeric: true,
                        cell: (row) => formatNumber(row.completed.denominator, locale),
                        csv: (row) => row.completed.denominator,
                      },
                      {
                        key: 'rate',
                        header: '%',
                        numeric: true,
                        cell: (row) => formatPercent(row.completed.rate, locale),
                        csv: (row) => row.completed.rate,
                      },
                    ]}
                  />
                </Panel>
              </div>
              <Panel title={t('training.byArea')} dataTime={dataTime}>
                <DataTable
                  caption={`${t('training.byArea')} · ${t(`coverage.byLevel.${level}`)}`}
                  rows={areaRows}
                  rowKey={(row) => row.code}
                  csvFileName={csvFileName(['pelatihan-wilayah', ...fileParts])}
                  csvLabel={t('common.exportCsv')}
                  columns={[
                    { key: 'name', header: t(`coverage.byLevel.${level}`), cell: (row) => row.name },
                    {
                      key: 'members',
                      header: t('training.members'),
                      numeric: true,
                      cell: (row) => formatNumber(row.members, locale),
                      csv: (row) => row.members,
                    },
                    {
                      key: 'all',
                      header: t('training.completedAll'),
                      numeric: true,
                      cell: (row) => formatPercent(row.completedAll.rate, locale),
                      csv: (row) => row.completedAll.rate,
                    },
                    ...trainingModules.map((module) => ({
                      key: module.code,
                      header: module.name,
                      numeric: true,
                      cell: (row: (typeof areaRows)[number]) =>
                        formatPercent((row as Record<string, unknown>)[module.code] as number, locale),
                      csv: (row: (typeof areaRows)[number]) => (row as Record<string, unknown>)[module.code] as number,
                    })),
                  ]}
                />
              </Panel>
              <Panel
                title={`${t('training.missing')} (${formatNumber(missing.totalCount, locale)})`}
                dataTime={dataTime}
              >
                {!showNames && <p className="hint">{t('auth.personalHidden')}</p>}
                <DataTable
                  caption={t('training.missing')}
                  rows={missing.edges.map((edge) => edge.node)}
                  rowKey={(row) => row.id}
                  csvFileName={csvFileName(['pelatihan-belum-tuntas', ...fileParts])}
                  csvLabel={t('common.exportCsv')}
                  columns={[
                    {
                      key: 'village',
                      header: t('reports.village'),
                      csv: (row) => row.taskForce.designation.village.name,
                      cell: (row) => (
                        <Link to={`/desa/${row.taskForce.designation.village.code}${search}`}>
                          {row.taskForce.designation.village.name}
                        </Link>
                      ),
                    },
                    {
                      key: 'regency',
                      header: t('reports.regency'),
                      cell: (row) => row.taskForce.designation.village.regency.name,
                    },
                    ...(showNames
                      ? [
                          {
                            key: 'name',
                            header: t('auth.name'),
                            cell: (row: (typeof missing.edges)[number]['node']) => row.fullName ?? '–',
                          },
                        ]
                      : []),
                    { key: 'role', header: t('training.role'), cell: (row) => t(`enums.role.${row.role}`) },
                    {
                      key: 'joined',
                      header: t('village.joined'),
                      cell: (row) => formatDate(row.joinedOn, locale),
                      csv: (row) => row.joinedOn,
                    },
                    {
                      key: 'done',
                      header: t('training.modulesDone'),
                      numeric: true,
                      cell: (row) => `${row.completedModules.length}/${trainingModules.length}`,
                    },
                  ]}
                />
              </Panel>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
