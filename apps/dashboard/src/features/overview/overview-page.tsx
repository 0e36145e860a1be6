import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router';
import { BarChart } from '../../components/charts/bar-chart';
import { colorAt } from '../../components/charts/palette';
import { DataTable } from '../../components/ui/data-table';
import { FigureCard } from '../../components/ui/figure-card';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { formatChange, formatDateTime, formatMonth, formatNumber, formatPercent, type Locale } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { filterFileNameParts, useDashboardFilters } from '../../lib/filters/url-filters';
import { useOverview } from './overview-query';
import { reportTypes } from '@binaan/domain';
import { stackReportsByMonth } from '../../lib/reports-by-month';
import { RateChart } from '../../components/charts/rate-chart';

type RatioValue = { numerator: number; denominator: number; rate: number | null };

function trendOf(current: number | null, previous: number | null): 'up' | 'down' | 'flat' {
  if (current === null || previous === null || current === previous) return 'flat';
  return current > previous ? 'up' : 'down';
}

function ratioCard(
  label: string,
  value: { current: RatioValue; previous: RatioValue },
  { t, locale, parts }: { t: TFunction; locale: Locale; parts: (ratio: RatioValue) => string },
  testId: string,
) {
  return (
    <FigureCard
      testId={testId}
      label={label}
      value={formatPercent(value.current.rate, locale)}
      parts={parts(value.current)}
      previous={t('common.previous', { value: formatPercent(value.previous.rate, locale) })}
      trend={trendOf(value.current.rate, value.previous.rate)}
    />
  );
}

export function OverviewPage() {
  const { t, locale, parts } = useI18n();
  const navigate = useNavigate();
  const { filters } = useDashboardFilters();
  const { data, error, retry } = useOverview(filters);
  const fileParts = filterFileNameParts(filters);

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
        {({ overview, coverage, reportStats, trainingCompletion }) => {
          const dataTime = t('common.dataPer', { time: formatDateTime(overview.computedAt, locale) });
          const byMonth = stackReportsByMonth(reportStats.rows);
          const coverageRows = coverage.rows.map(({ area, ...row }) => ({
            ...row,
            area: { code: area?.code ?? '', name: area?.name ?? '' },
            name: area?.name ?? '',
            rate: row.coverage.rate ?? 0,
          }));
          const trainingRows = trainingCompletion.rows.map(({ area, ...row }) => ({
            ...row,
            area: { code: area?.code ?? '', name: area?.name ?? '' },
            name: area?.name ?? '',
            rate: row.completedAll.rate ?? 0,
          }));
          return (
            <>
              <p className="data-time">{dataTime}</p>
              <section className="figures" aria-label={t('overview.title')}>
                <FigureCard
                  testId="designated-villages"
                  label={t('overview.designatedVillages')}
                  value={formatNumber(overview.designatedVillages.current, locale)}
                  parts={parts(overview.coverage.current)}
                  change={t('common.change', { value: formatChange(overview.designatedVillages.change, locale) })}
                  previous={t('common.previous', { value: formatNumber(overview.designatedVillages.previous, locale) })}
                  trend={trendOf(overview.designatedVillages.current, overview.designatedVillages.previous)}
                />
                {ratioCard(t('overview.coverage'), overview.coverage, { t, locale, parts }, 'coverage')}
                {overview.targetAttainment &&
                  ratioCard(
                    t('overview.targetAttainment'),
                    overview.targetAttainment,
                    { t, locale, parts },
                    'target-attainment',
                  )}
                <FigureCard
                  testId="reports"
                  label={t('overview.reports')}
                  value={formatNumber(overview.reports.current, locale)}
                  change={t('common.change', { value: formatChange(overview.reports.change, locale) })}
                  previous={t('common.previous', { value: formatNumber(overview.reports.previous, locale) })}
                  trend={trendOf(overview.reports.current, overview.reports.previous)}
                />
                {ratioCard(
                  t('overview.completeness'),
                  overview.reportingCompleteness,
                  { t, locale, parts },
                  'completeness',
                )}
                {ratioCard(t('overview.trained'), overview.membersFullyTrained, { t, locale, parts }, 'trained')}
              </section>
              <div className="grid">
                <Panel
                  title={t('overview.coverageByProvince')}
                  dataTime={dataTime}
                  tableLabel={t('common.table')}
                  table={
                    <DataTable
                      caption={t('overview.coverageByProvince')}
                      rows={coverageRows}
                      rowKey={(row) => row.area.code}
                      csvFileName={csvFileName(['ringkasan-cakupan', ...fileParts])}
                      csvLabel={t('common.exportCsv')}
                      columns={[
                        { key: 'area', header: t('coverage.area'), cell: (row) => row.area.name },
                        {
                          key: 'villages',
                          header: t('coverage.villages'),
                          numeric: true,
                          cell: (row) => formatNumber(row.villages, locale),
                          csv: (row) => row.villages,
                        },
                        {
                          key: 'designated',
                          header: t('coverage.designated'),
                          numeric: true,
                          cell: (row) => formatNumber(row.designatedVillages, locale),
                          csv: (row) => row.designatedVillages,
                        },
                        {
                          key: 'rate',
                          header: t('coverage.coverageRate'),
                          numeric: true,
                          cell: (row) => formatPercent(row.coverage.rate, locale),
                          csv: (row) => row.coverage.rate,
                        },
                      ]}
                    />
                  }
                >
                  <RateChart
                    ariaLabel={t('overview.coverageByProvince')}
                    rows={coverageRows}
                    label={t('coverage.coverageRate')}
                    ratio={(row) => row.coverage}
                    digits={1}
                    rowHeight={44}
                    minHeight={160}
                    onSelect={(row) => navigate({ pathname: '/cakupan', search: `?prov=${row.area.code}` })}
                  />
                </Panel>
                <Panel
                  title={t('overview.trainingByProvince')}
                  dataTime={dataTime}
                  tableLabel={t('common.table')}
                  table={
                    <DataTable
                      caption={t('overview.trainingByProvince')}
                      rows={trainingRows}
                      rowKey={(row) => row.area.code}
                      csvFileName={csvFileName(['ringkasan-pelatihan', ...fileParts])}
                      csvLabel={t('common.exportCsv')}
                      columns={[
                        { key: 'area', header: t('coverage.area'), cell: (row) => row.area.name },
                        {
                          key: 'members',
                          header: t('training.members'),
                          numeric: true,
                          cell: (row) => formatNumber(row.members, locale),
                          csv: (row) => row.members,
                        },
                        {
                          key: 'done',
                          header: t('training.completedAll'),
                          numeric: true,
                          cell: (row) => formatNumber(row.completedAll.numerator, locale),
                          csv: (row) => row.completedAll.numerator,
                        },
                        {
                          key: 'rate',
                          header: '%',
                          numeric: true,
                          cell: (row) => formatPercent(row.completedAll.rate, locale),
                          csv: (row) => row.completedAll.rate,
                        },
                      ]}
                    />
                  }
                >
                  <RateChart
                    ariaLabel={t('overview.trainingByProvince')}
                    rows={trainingRows}
                    label={t('training.completedAll')}
                    ratio={(row) => row.completedAll}
                    color={colorAt(2)}
                    rowHeight={44}
                    minHeight={160}
                  />
                </Panel>
              </div>
              <Panel
                title={t('overview.reportsByMonth')}
                dataTime={dataTime}
                tableLabel={t('common.table')}
                table={
                  <DataTable
                    caption={t('overview.reportsByMonth')}
                    rows={byMonth}
                    rowKey={(row) => row.month}
                    csvFileName={csvFileName(['ringkasan-laporan-bulanan', ...fileParts])}
                    csvLabel={t('common.exportCsv')}
                    columns={[
                      {
                        key: 'month',
                        header: t('filters.month'),
                        cell: (row) => formatMonth(row.month, locale),
                        csv: (row) => row.month,
                      },
                      ...reportTypes.map((type) => ({
                        key: type,
                        header: t(`enums.reportType.${type}`),
                        numeric: true,
                        cell: (row: (typeof byMonth)[number]) => formatNumber(row[type], locale),
                        csv: (row: (typeof byMonth)[number]) => row[type],
                      })),
                    ]}
                  />
                }
              >
                {byMonth.length === 0 ? (
                  <EmptyState message={t('overview.noReports')} />
                ) : (
                  <BarChart
                    ariaLabel={t('overview.reportsByMonth')}
                    data={byMonth}
                    index="month"
                    stacked
                    categories={reportTypes.map((type) => ({ key: type, label: t(`enums.reportType.${type}`) }))}
                    labelFormatter={(month) => formatMonth(month, locale)}
                    valueFormatter={(value) => formatNumber(value, locale)}
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
