import { FAR_FROM_OFFICE_KM } from '@binaan/domain';
import { Link, useLocation } from 'react-router';
import { AreaBreadcrumb } from '../../components/area-breadcrumb';
import { DataTable } from '../../components/ui/data-table';
import { ChartPanel } from '../../components/ui/chart-panel';
import { Panel } from '../../components/ui/panel';
import { projectionText } from '../../components/ui/projection';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { filterFileNameParts, levelFor, useDashboardFilters } from '../../lib/filters/url-filters';
import { useCoverage } from './coverage-query';
import { RateChart } from '../../components/charts/rate-chart';

export function CoveragePage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const { filters, update } = useDashboardFilters();
  const { data, error, retry } = useCoverage(filters);
  const level = levelFor(filters);
  const fileParts = filterFileNameParts(filters);

  const drillInto = (code: string) => {
    if (level === 'PROVINCE') update({ provinces: [code], regencies: [] });
    else if (level === 'REGENCY') update({ regencies: [code] });
  };

  return (
    <>
      <h1>{t('coverage.title')}</h1>
      <AreaBreadcrumb label={t('coverage.title')} />
      <QueryView data={data} error={error} retry={retry} skeletonHeight={420}>
        {({ coverage, priorityVillages, forecastToTarget }) => {
          const forecast = new Map((forecastToTarget ?? []).map((row) => [row.area.code, row.designations]));
          const dataTime = t('common.dataPer', { time: formatDateTime(coverage.computedAt, locale) });
          const rows = coverage.rows
            .map((row) => ({
              ...row,
              code: row.area?.code ?? '',
              name: row.area?.name ?? '',
              rate: row.coverage.rate ?? 0,
            }))
            .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name));
          const canDrill = level !== 'DISTRICT';
          return (
            <>
              <p className="data-time">{dataTime}</p>
              <ChartPanel
                title={`${t('coverage.chart')} · ${t(`coverage.byLevel.${level}`)}`}
                dataTime={dataTime}
                fileParts={fileParts}
                tableInline
                chart={
                  <RateChart
                    ariaLabel={t('coverage.chart')}
                    rows={rows}
                    label={t('coverage.coverageRate')}
                    ratio={(row) => row.coverage}
                    digits={1}
                    onSelect={canDrill ? (row) => drillInto(row.code) : undefined}
                  />
                }
                table={{
                  caption: `${t('coverage.title')} · ${t(`coverage.byLevel.${level}`)}`,
                  rows,
                  rowKey: (row) => row.code,
                  csvName: ['cakupan', level.toLowerCase()],
                  columns: (column) => [
                    column.text('code', 'Kode', (row) => row.code),
                    column.area(
                      'name',
                      t(`coverage.byLevel.${level}`),
                      (row) => row.name,
                      canDrill
                        ? {
                            into: (row) => drillInto(row.code),
                            label: (row) => t('coverage.drillDown', { name: row.name }),
                          }
                        : null,
                    ),
                    column.number('villages', t('coverage.villages'), (row) => row.villages),
                    column.number('designated', t('coverage.designated'), (row) => row.designatedVillages),
                    column.percent('rate', t('coverage.coverageRate'), (row) => row.coverage.rate),
                    {
                      key: 'target',
                      header: t('coverage.target'),
                      numeric: true,
                      cell: (row) => (row.target === null ? t('common.noTarget') : formatNumber(row.target, locale)),
                      csv: (row) => row.target,
                    },
                    {
                      key: 'attainment',
                      header: t('coverage.attainment'),
                      numeric: true,
                      cell: (row) =>
                        row.targetAttainment
                          ? `${formatPercent(row.targetAttainment.rate, locale)} (${formatNumber(row.targetAttainment.numerator, locale)}/${formatNumber(row.targetAttainment.denominator, locale)})`
                          : '–',
                      csv: (row) => row.targetAttainment?.rate,
                    },
                    ...(forecastToTarget
                      ? [
                          {
                            key: 'forecast',
                            header: t('coverage.forecast'),
                            numeric: true,
                            cell: (row: (typeof rows)[number]) => projectionText(forecast.get(row.code), t, locale),
                          },
                        ]
                      : []),
                  ],
                }}
              />
              {forecastToTarget && <p className="field-hint">{t('common.forecastHint')}</p>}
              <Panel title={t('coverage.priority')} dataTime={dataTime}>
                <p className="hint">{t('coverage.priorityHint')}</p>
                {priorityVillages.edges.length === 0 ? (
                  <EmptyState message={t('coverage.noPriority')} />
                ) : (
                  <DataTable
                    caption={`${t('coverage.priority')} (${formatNumber(priorityVillages.totalCount, locale)})`}
                    rows={priorityVillages.edges.map((edge) => edge.node)}
                    rowKey={(row) => row.code}
                    csvFileName={csvFileName(['desa-prioritas', ...fileParts])}
                    csvLabel={t('common.exportCsv')}
                    columns={[
                      {
                        key: 'name',
                        header: t('reports.village'),
                        csv: (row) => row.name,
                        cell: (row) => <Link to={`/desa/${row.code}${search}`}>{row.name}</Link>,
                      },
                      { key: 'code', header: 'Kode', cell: (row) => row.code },
                      { key: 'district', header: t('coverage.byLevel.DISTRICT'), cell: (row) => row.district.name },
                      { key: 'regency', header: t('coverage.byLevel.REGENCY'), cell: (row) => row.regency.name },
                      {
                        key: 'reasons',
                        header: t('coverage.reasons'),
                        cell: (row) =>
                          [
                            row.isLandBorder || row.isSeaBorder ? t('enums.reason.BORDER_AREA') : null,
                            row.isMigrantWorkerSendingArea ? t('enums.reason.MIGRANT_WORKER_SENDING_AREA') : null,
                            (row.distanceToOfficeKm ?? 0) > FAR_FROM_OFFICE_KM
                              ? t('enums.reason.FAR_FROM_OFFICE')
                              : null,
                          ]
                            .filter(Boolean)
                            .join(', '),
                      },
                      {
                        key: 'distance',
                        header: t('coverage.distance'),
                        numeric: true,
                        cell: (row) => formatNumber(row.distanceToOfficeKm, locale, 1),
                        csv: (row) => row.distanceToOfficeKm,
                      },
                    ]}
                  />
                )}
              </Panel>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
