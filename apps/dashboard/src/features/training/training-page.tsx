import { Link, useLocation } from 'react-router';
import { colorAt } from '../../components/charts/palette';
import { DataTable } from '../../components/ui/data-table';
import { moduleHeader } from '../../lib/module-header';
import { ChartPanel } from '../../components/ui/chart-panel';
import { Panel } from '../../components/ui/panel';
import { projectionText } from '../../components/ui/projection';
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
        {({ trainingCompletion, missing, trainingModules, forecastToTarget }) => {
          const forecast = new Map((forecastToTarget ?? []).map((row) => [row.area.code, row.membersTrained]));
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
                <ChartPanel
                  title={t('training.byModule')}
                  dataTime={dataTime}
                  fileParts={fileParts}
                  tableInline
                  chart={
                    <RateChart
                      ariaLabel={t('training.byModule')}
                      rows={moduleRows}
                      label={t('training.completed')}
                      ratio={(row) => row.completed}
                      rowHeight={50}
                    />
                  }
                  table={{
                    rows: moduleRows,
                    rowKey: (row) => row.code,
                    csvName: 'pelatihan-modul',
                    columns: (column) => [
                      column.text('name', t('training.module'), (row) => row.name),
                      column.number('done', t('training.completed'), (row) => row.completed.numerator),
                      column.number('members', t('training.members'), (row) => row.completed.denominator),
                      column.percent('rate', '%', (row) => row.completed.rate),
                    ],
                  }}
                />
              </div>
              <ChartPanel
                title={t('training.byArea')}
                dataTime={dataTime}
                fileParts={fileParts}
                table={{
                  caption: `${t('training.byArea')} · ${t(`coverage.byLevel.${level}`)}`,
                  rows: areaRows,
                  rowKey: (row) => row.code,
                  csvName: 'pelatihan-wilayah',
                  columns: (column) => [
                    column.text('name', t(`coverage.byLevel.${level}`), (row) => row.name),
                    column.number('members', t('training.members'), (row) => row.members),
                    column.percent('all', t('training.completedAll'), (row) => row.completedAll.rate),
                    ...(forecastToTarget
                      ? [
                          column.text('trainedThisYear', t('training.forecast'), (row) =>
                            projectionText(forecast.get(row.code), t, locale),
                          ),
                          column.text('target', t('training.target'), (row) => {
                            const target = forecast.get(row.code)?.target;
                            return target == null ? t('common.noTarget') : formatNumber(target, locale);
                          }),
                        ]
                      : []),
                    ...trainingModules.map((module) => ({
                      ...column.percent(
                        module.code,
                        module.name,
                        (row) => (row as Record<string, unknown>)[module.code] as number,
                      ),
                      ...moduleHeader(module, t),
                    })),
                  ],
                }}
              />
              {forecastToTarget && <p className="field-hint">{t('common.forecastHint')}</p>}
              <Panel
                title={`${t('training.missing')} (${formatNumber(missing.totalCount, locale)})`}
                dataTime={dataTime}
              >
                <p className="hint">{t('training.missingScope')}</p>
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
