import type { TFunction } from 'i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { BarChart } from '../../components/charts/bar-chart';
import { colorAt } from '../../components/charts/palette';
import { ChartPanel } from '../../components/ui/chart-panel';
import { Panel } from '../../components/ui/panel';
import { FigureCard } from '../../components/ui/figure-card';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  type Locale,
} from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { filterFileNameParts, levelFor, useDashboardFilters, writeFilters } from '../../lib/filters/url-filters';
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
  const { search } = useLocation();
  const { filters } = useDashboardFilters();
  const { data, error, retry } = useOverview(filters);
  const fileParts = filterFileNameParts(filters);
  const level = levelFor(filters);
  // A bar, or an area's name in the table (for the keyboard), opens the coverage page one level down,
  // with the same variant and period.
  const coverageOf = (code: string) => {
    const area = level === 'PROVINCE' ? { provinces: [code], regencies: [] } : { regencies: [code] };
    return { pathname: '/cakupan', search: `?${writeFilters(new URLSearchParams(search), { ...filters, ...area })}` };
  };
  const drill =
    level === 'DISTRICT'
      ? null
      : {
          into: (row: { area: { code: string } }) => navigate(coverageOf(row.area.code)),
          label: (row: { area: { name: string } }) => t('coverage.drillDown', { name: row.area.name }),
        };

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
        {({ overview, coverage, reportStats, trainingCompletion, signals }) => {
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
              <p className="period-compared" data-testid="period-compared">
                {t('overview.periodCompared', {
                  from: formatDate(overview.period.from, locale),
                  to: formatDate(overview.period.to, locale),
                  previousFrom: formatDate(overview.previousPeriod.from, locale),
                  previousTo: formatDate(overview.previousPeriod.to, locale),
                })}
                {overview.period.partial ? ` ${t('overview.partialPeriod')}` : ''}
              </p>
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
              <Panel title={t('overview.signalsTitle')}>
                {signals.length === 0 ? (
                  <p className="muted">{t('overview.signalsNone')}</p>
                ) : (
                  <ul className="signal-list" data-testid="open-signals">
                    {signals.map((signal) => (
                      <li key={signal.id}>
                        {t('overview.signalLine', {
                          area: signal.regency.name,
                          type: t(`enums.reportType.${signal.type}`),
                          observed: formatNumber(signal.observed, locale),
                          week: formatDate(signal.weekStart, locale),
                          expected: formatNumber(signal.expected, locale, 1),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
                <Link className="no-print" to={{ pathname: '/sinyal', search }}>
                  {t('overview.signalsAll')}
                </Link>
              </Panel>
              <div className="grid">
                <ChartPanel
                  title={t(`overview.coverageBy.${level}`)}
                  dataTime={dataTime}
                  fileParts={fileParts}
                  chart={
                    <RateChart
                      ariaLabel={t(`overview.coverageBy.${level}`)}
                      rows={coverageRows}
                      label={t('coverage.coverageRate')}
                      ratio={(row) => row.coverage}
                      digits={1}
                      rowHeight={44}
                      minHeight={160}
                      onSelect={drill?.into}
                    />
                  }
                  table={{
                    rows: coverageRows,
                    rowKey: (row) => row.area.code,
                    csvName: ['ringkasan-cakupan', level.toLowerCase()],
                    columns: (column) => [
                      column.area('area', t(`coverage.byLevel.${level}`), (row) => row.area.name, drill),
                      column.number('villages', t('coverage.villages'), (row) => row.villages),
                      column.number('designated', t('coverage.designated'), (row) => row.designatedVillages),
                      column.percent('rate', t('coverage.coverageRate'), (row) => row.coverage.rate),
                    ],
                  }}
                />
                <ChartPanel
                  title={t(`overview.trainingBy.${level}`)}
                  dataTime={dataTime}
                  fileParts={fileParts}
                  chart={
                    <RateChart
                      ariaLabel={t(`overview.trainingBy.${level}`)}
                      rows={trainingRows}
                      label={t('training.completedAll')}
                      ratio={(row) => row.completedAll}
                      color={colorAt(2)}
                      rowHeight={44}
                      minHeight={160}
                    />
                  }
                  table={{
                    rows: trainingRows,
                    rowKey: (row) => row.area.code,
                    csvName: ['ringkasan-pelatihan', level.toLowerCase()],
                    columns: (column) => [
                      column.text('area', t(`coverage.byLevel.${level}`), (row) => row.area.name),
                      column.number('members', t('training.members'), (row) => row.members),
                      column.number('done', t('training.completedAll'), (row) => row.completedAll.numerator),
                      column.percent('rate', '%', (row) => row.completedAll.rate),
                    ],
                  }}
                />
              </div>
              <ChartPanel
                title={t('overview.reportsByMonth')}
                dataTime={dataTime}
                fileParts={fileParts}
                chart={
                  byMonth.length === 0 ? (
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
                  )
                }
                table={{
                  rows: byMonth,
                  rowKey: (row) => row.month,
                  csvName: 'ringkasan-laporan-bulanan',
                  columns: (column) => [
                    {
                      key: 'month',
                      header: t('filters.month'),
                      cell: (row) => formatMonth(row.month, locale),
                      csv: (row) => row.month,
                    },
                    ...reportTypes.map((type) =>
                      column.number(type, t(`enums.reportType.${type}`), (row) => row[type]),
                    ),
                  ],
                }}
              />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
