import { Link, useLocation } from 'react-router';
import { AreaBreadcrumb } from '../../components/area-breadcrumb';
import { BarChart } from '../../components/charts/bar-chart';
import { LineChart } from '../../components/charts/line-chart';
import { DataTable } from '../../components/ui/data-table';
import { ChartPanel } from '../../components/ui/chart-panel';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { formatDate, formatDateTime, formatMonth, formatNumber, shortAreaName } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { pivot } from '../../lib/pivot';
import { filterFileNameParts, levelFor, useDashboardFilters } from '../../lib/filters/url-filters';
import { reportTypes } from '@binaan/domain';
import { areaOfRow, useReports } from './reports-query';

const statuses = ['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP', 'CLOSED', 'REJECTED'] as const;

export function ReportsPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const { filters, update } = useDashboardFilters();
  const { data, error, retry } = useReports(filters);
  const fileParts = filterFileNameParts(filters);
  const level = levelFor(filters);
  const drill =
    level === 'DISTRICT'
      ? null
      : {
          into: (row: { key: string }) =>
            level === 'PROVINCE'
              ? update({ provinces: [row.key], regencies: [] })
              : update({ provinces: [row.key.slice(0, 2)], regencies: [row.key] }),
          label: (row: { label: string }) => t('coverage.drillDown', { name: row.label }),
        };

  return (
    <>
      <h1>{t(`reports.titleBy.${level}`)}</h1>
      <AreaBreadcrumb label={t(`reports.titleBy.${level}`)} />
      <QueryView data={data} error={error} retry={retry} skeletonHeight={520}>
        {({ byAreaType, byAreaStatus, byArea, trend, openReports }) => {
          const dataTime = t('common.dataPer', { time: formatDateTime(byAreaType.computedAt, locale) });
          const types = pivot(
            byAreaType.rows.map((row) => {
              const area = areaOfRow(row);
              return { key: area.code, label: area.name, series: row.type ?? '', value: row.reports };
            }),
            reportTypes,
          ).sort((a, b) => b.total - a.total);
          const statusRows = pivot(
            byAreaStatus.rows.map((row) => {
              const area = areaOfRow(row);
              return { key: area.code, label: area.name, series: row.status ?? '', value: row.reports };
            }),
            statuses,
          );
          const medians = new Map(byArea.rows.map((row) => [areaOfRow(row).code, row]));
          if (types.length === 0) return <EmptyState message={t('reports.noReports')} />;
          return (
            <>
              <p className="data-time">{dataTime}</p>
              <ChartPanel
                title={t(`reports.byType.${level}`)}
                dataTime={dataTime}
                fileParts={fileParts}
                chart={
                  <BarChart
                    ariaLabel={t(`reports.byType.${level}`)}
                    data={types}
                    index="label"
                    layout="horizontal"
                    labelFormatter={shortAreaName}
                    stacked
                    categories={reportTypes.map((type) => ({ key: type, label: t(`enums.reportType.${type}`) }))}
                    valueFormatter={(value) => formatNumber(value, locale)}
                    // The value axis and the legend of report types, which takes two lines.
                    bands={{ minHeight: 200, besides: 90 }}
                  />
                }
                table={{
                  rows: types,
                  rowKey: (row) => row.key,
                  csvName: 'laporan-jenis',
                  columns: (column) => [
                    column.area('label', t(`coverage.byLevel.${level}`), (row) => row.label, drill),
                    ...reportTypes.map((type) =>
                      column.number(type, t(`enums.reportType.${type}`), (row) => row[type]),
                    ),
                    column.number('total', t('common.total'), (row) => row.total),
                  ],
                }}
              />
              <ChartPanel
                title={t(`reports.byStatus.${level}`)}
                dataTime={dataTime}
                fileParts={fileParts}
                table={{
                  rows: statusRows,
                  rowKey: (row) => row.key,
                  csvName: 'laporan-status',
                  columns: (column) => [
                    column.area('label', t(`coverage.byLevel.${level}`), (row) => row.label, drill),
                    ...statuses.map((status) =>
                      column.number(status, t(`enums.reportStatus.${status}`), (row) => row[status]),
                    ),
                    column.number(
                      'median',
                      t('reports.medianDays'),
                      (row) => medians.get(row.key)?.medianDaysToFollowUp,
                      1,
                    ),
                  ],
                }}
              />
              <ChartPanel
                title={t('reports.trend')}
                dataTime={dataTime}
                fileParts={fileParts}
                chart={
                  <LineChart
                    ariaLabel={t('reports.trend')}
                    data={trend.rows.map((row) => ({
                      month: row.month ?? '',
                      reports: row.reports,
                      followedUp: row.followedUp,
                    }))}
                    index="month"
                    categories={[
                      { key: 'reports', label: t('reports.reports') },
                      { key: 'followedUp', label: t('reports.followedUp') },
                    ]}
                    labelFormatter={(month) => formatMonth(month, locale)}
                    valueFormatter={(value) => formatNumber(value, locale)}
                  />
                }
                table={{
                  rows: trend.rows,
                  rowKey: (row) => row.month ?? '',
                  csvName: 'laporan-bulanan',
                  columns: (column) => [
                    {
                      key: 'month',
                      header: t('filters.month'),
                      cell: (row) => formatMonth(row.month ?? '', locale),
                      csv: (row) => row.month,
                    },
                    column.number('reports', t('reports.reports'), (row) => row.reports),
                    column.number('followedUp', t('reports.followedUp'), (row) => row.followedUp),
                  ],
                }}
              />
              <Panel
                title={`${t('reports.open')} (${formatNumber(openReports.totalCount, locale)})`}
                dataTime={dataTime}
              >
                <DataTable
                  caption={t('reports.open')}
                  rows={openReports.edges.map((edge) => edge.node)}
                  rowKey={(row) => row.id}
                  emptyMessage={t('reports.noOpen')}
                  csvFileName={csvFileName(['laporan-terbuka', ...fileParts])}
                  csvLabel={t('common.exportCsv')}
                  columns={[
                    {
                      key: 'submitted',
                      header: t('reports.submittedAt'),
                      cell: (row) => formatDate(row.submittedAt, locale),
                      csv: (row) => row.submittedAt,
                    },
                    {
                      key: 'village',
                      header: t('reports.village'),
                      csv: (row) => row.village.name,
                      cell: (row) => <Link to={`/desa/${row.village.code}${search}`}>{row.village.name}</Link>,
                    },
                    { key: 'regency', header: t('reports.regency'), cell: (row) => row.regency.name },
                    { key: 'type', header: t('reports.type'), cell: (row) => t(`enums.reportType.${row.type}`) },
                    {
                      key: 'status',
                      header: t('reports.status'),
                      cell: (row) => t(`enums.reportStatus.${row.status}`),
                    },
                    {
                      key: 'age',
                      header: t('reports.age'),
                      numeric: true,
                      cell: (row) => formatNumber(row.ageDays, locale),
                      csv: (row) => row.ageDays,
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
