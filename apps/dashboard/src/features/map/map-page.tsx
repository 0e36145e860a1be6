// The map page: provinces, or one province's kabupaten/kota, coloured by coverage, reports per 1,000
// villages or open early-warning signals, with a legend, the figures of the area under the pointer or the
// keyboard's focus, drill-down by click, and the same figures as a table (with CSV) for reading and print.
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AreaBreadcrumb } from '../../components/area-breadcrumb';
import { ChartPanel } from '../../components/ui/chart-panel';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/states';
import { type Locale, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useFilterOptions } from '../../lib/filters/filter-options';
import { filterFileNameParts, useDashboardFilters } from '../../lib/filters/url-filters';
import { MAP_WIDTH, projectShapes, useShapes } from './boundaries';
import { Choropleth } from './choropleth';
import { type ColourClass, NO_DATA_COLOUR, type Palette, classOf, colourClasses } from './classes';
import { type AreaFigures, LEVEL_PARAM, mapLevelFor, useMapFigures } from './map-query';

/** What the map can colour by: the URL value (`?ukuran=`), the figure, and how to colour and write it. */
const measures = {
  cakupan: {
    value: (area: AreaFigures) => area.coverage,
    palette: 'blues',
    integers: false,
    format: (value: number, locale: Locale) => formatPercent(value, locale, Number.isInteger(value * 100) ? 0 : 1),
  },
  laporan: {
    value: (area: AreaFigures) => area.reportsPerThousand,
    palette: 'blues',
    integers: false,
    format: (value: number, locale: Locale) => formatNumber(value, locale, 1),
  },
  sinyal: {
    value: (area: AreaFigures) => area.openSignals,
    palette: 'oranges',
    integers: true,
    format: (value: number, locale: Locale) => formatNumber(value, locale),
  },
} satisfies Record<
  string,
  {
    value: (area: AreaFigures) => number | null;
    palette: Palette;
    integers: boolean;
    format: (value: number, locale: Locale) => string;
  }
>;
type Measure = keyof typeof measures;
const measureKeys = Object.keys(measures) as Measure[];

const MEASURE_PARAM = 'ukuran';

export function MapPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const [params, setParams] = useSearchParams();
  const { filters, update } = useDashboardFilters();
  const { provinces } = useFilterOptions();
  const measure: Measure = measureKeys.find((key) => key === params.get(MEASURE_PARAM)) ?? 'cakupan';
  const level = mapLevelFor(filters, params);
  const selected = filters.regencies.length === 1 ? filters.regencies[0]! : null;
  const { shapes, error: shapesError, retry: retryShapes } = useShapes(level);
  const { figures, computedAt, error, retry } = useMapFigures(filters, level);
  const [active, setActive] = useState<string | null>(null);

  const projected = useMemo(() => {
    if (!shapes) return null;
    const shown = filters.provinces.length
      ? shapes.filter((shape) => filters.provinces.includes(shape.province))
      : shapes;
    return shown.length ? projectShapes(shown) : null;
  }, [shapes, filters.provinces]);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const drillInto = (code: string) => {
    // An area without figures (outside the caller's area) has nothing below it to show: say so instead.
    if (!figures?.has(code)) return setActive(code);
    setActive(null);
    if (code.length === 2) update({ provinces: [code], regencies: [] });
    else update({ provinces: [code.slice(0, 2)], regencies: [code] });
  };

  const provinceNames = new Map(provinces.map((province) => [province.code, province.name]));
  const nameOf = (code: string) =>
    figures?.get(code)?.name ??
    projected?.paths.find((path) => path.code === code)?.name ??
    provinceNames.get(code) ??
    code;
  const { value, palette, integers, format } = measures[measure];
  const classes = figures
    ? colourClasses(
        [...figures.values()].map((area) => value(area) ?? 0),
        palette,
        integers,
      )
    : [];
  const fillOf = (code: string) => {
    const area = figures?.get(code);
    return (area && classOf(value(area), classes)?.colour) ?? NO_DATA_COLOUR;
  };
  const figureText = (area: AreaFigures | undefined) => {
    const figure = area ? value(area) : null;
    return figure === null ? t('map.noData') : format(figure, locale);
  };
  const labelOf = (code: string) =>
    `${nameOf(code)}: ${t(`map.measure.${measure}`)} ${figureText(figures?.get(code))}.` +
    (figures?.has(code) ? ` ${t('map.enterToDrill')}` : '');
  // Tab goes through the shapes in name order, as a reader would look them up.
  const paths = projected
    ? [...projected.paths].sort((a, b) => nameOf(a.code).localeCompare(nameOf(b.code), 'id'))
    : [];

  const shown = active ?? selected;
  const title = `${t(`map.measure.${measure}`)} · ${t(`coverage.byLevel.${level}`)}`;
  const dataTime = computedAt ? t('common.dataPer', { time: formatDateTime(computedAt, locale) }) : undefined;
  // The query is already limited to the chosen provinces: every area with figures is on the map.
  const rows = figures ? [...figures.values()].sort((a, b) => a.name.localeCompare(b.name, 'id')) : [];

  return (
    <>
      <h1>{t('map.title')}</h1>
      <AreaBreadcrumb label={t('map.title')} />
      <div className="map-controls no-print">
        <Choice
          legend={t('map.colourBy')}
          name="map-measure"
          options={measureKeys.map((key) => ({ value: key, label: t(`map.measure.${key}`) }))}
          value={measure}
          onChange={(key) => setParam(MEASURE_PARAM, key === 'cakupan' ? null : key)}
        />
        {filters.provinces.length === 0 && (
          <Choice
            legend={t('map.show')}
            name="map-level"
            options={(['PROVINCE', 'REGENCY'] as const).map((option) => ({
              value: option,
              label: t(`coverage.byLevel.${option}`),
            }))}
            value={level}
            onChange={(option) => setParam(LEVEL_PARAM, option === 'REGENCY' ? 'kab' : null)}
          />
        )}
      </div>
      {(error && !figures) || shapesError ? (
        <ErrorState
          message={t('common.error')}
          retryLabel={t('common.retry')}
          onRetry={() => {
            retry();
            retryShapes();
          }}
        />
      ) : shapes && !projected ? (
        // A province code in the address that no shape has (typed or an old link): say so, do not wait.
        <EmptyState message={t('map.noAreas')} />
      ) : !figures || !projected ? (
        <Skeleton label={t('common.loading')} height={420} />
      ) : (
        <ChartPanel
          title={title}
          dataTime={dataTime}
          fileParts={filterFileNameParts(filters)}
          tableInline
          chart={
            <figure className="map">
              <div className="map-body">
                <Choropleth
                  paths={paths}
                  width={MAP_WIDTH}
                  height={projected.height}
                  title={title}
                  fillOf={fillOf}
                  labelOf={labelOf}
                  active={active}
                  selected={selected}
                  onActivate={setActive}
                  onSelect={drillInto}
                />
                <aside
                  className={shown ? 'map-details' : 'map-details no-print'}
                  data-testid="map-details"
                  aria-live="polite"
                >
                  {shown ? (
                    areaDetails(
                      nameOf(shown),
                      figures.get(shown),
                      shown === selected ? null : t(shown.length === 2 ? 'map.clickProvince' : 'map.clickRegency'),
                    )
                  ) : (
                    <p className="hint">{t('map.pointHint')}</p>
                  )}
                  {selected && shown === selected && (
                    <p className="no-print">
                      <Link to={{ pathname: '/cakupan', search }}>{t('map.toDistricts')}</Link>
                      {' · '}
                      <Link to={{ pathname: '/laporan', search }}>{t('map.toReports')}</Link>
                    </p>
                  )}
                </aside>
              </div>
              <Legend classes={classes} format={(figure) => format(figure, locale)} integers={integers} />
              <figcaption className="map-credit">{t('map.credit')}</figcaption>
            </figure>
          }
          table={{
            caption: title,
            rows,
            rowKey: (row) => row.code,
            csvName: ['peta', level.toLowerCase()],
            columns: (column) => [
              column.text('code', t('map.code'), (row) => row.code),
              column.area('name', t(`coverage.byLevel.${level}`), (row) => row.name, {
                into: (row) => drillInto(row.code),
                label: (row) => t('coverage.drillDown', { name: row.name }),
              }),
              column.number('villages', t('coverage.villages'), (row) => row.villages),
              column.number('designated', t('coverage.designated'), (row) => row.designated),
              column.percent('coverage', t('map.measure.cakupan'), (row) => row.coverage),
              column.number('reports', t('reports.reports'), (row) => row.reports),
              {
                key: 'perThousand',
                header: t('map.measure.laporan'),
                numeric: true,
                cell: (row) => formatNumber(row.reportsPerThousand, locale, 1),
                csv: (row) => row.reportsPerThousand,
              },
              column.number('signals', t('map.measure.sinyal'), (row) => row.openSignals),
            ],
          }}
        />
      )}
    </>
  );

  function areaDetails(name: string, area: AreaFigures | undefined, drillHint: string | null) {
    return (
      <>
        <h3>{name}</h3>
        {area ? (
          <dl className="map-figures">
            <dt>{t('map.measure.cakupan')}</dt>
            <dd data-figure="cakupan">
              {formatPercent(area.coverage, locale)} ({formatNumber(area.designated, locale)}/
              {formatNumber(area.villages, locale)})
            </dd>
            <dt>{t('map.reportsInPeriod')}</dt>
            <dd data-figure="reports">{formatNumber(area.reports, locale)}</dd>
            <dt>{t('map.measure.laporan')}</dt>
            <dd data-figure="laporan">{formatNumber(area.reportsPerThousand, locale, 1)}</dd>
            <dt>{t('map.measure.sinyal')}</dt>
            <dd data-figure="sinyal">{formatNumber(area.openSignals, locale)}</dd>
          </dl>
        ) : (
          <p className="hint">{t('map.noFigures')}</p>
        )}
        {drillHint && <p className="hint no-print">{drillHint}</p>}
      </>
    );
  }
}

function Legend({
  classes,
  format,
  integers,
}: {
  classes: ColourClass[];
  format: (value: number) => string;
  integers: boolean;
}) {
  const { t } = useI18n();
  const label = (colourClass: ColourClass, index: number) => {
    if (index === 0) return format(0);
    if (!integers) return `> ${format(colourClass.from)} – ${format(colourClass.to)}`;
    const lowest = colourClass.from + 1;
    return lowest === colourClass.to ? format(lowest) : `${format(lowest)} – ${format(colourClass.to)}`;
  };
  return (
    <ul className="map-legend" aria-label={t('map.legend')} data-testid="map-legend">
      {classes.map((colourClass, index) => (
        <li key={index} data-from={colourClass.from} data-to={colourClass.to} data-colour={colourClass.colour}>
          <span className="swatch" style={{ background: colourClass.colour }} aria-hidden="true" />
          {label(colourClass, index)}
        </li>
      ))}
      <li data-colour={NO_DATA_COLOUR}>
        <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
        {t('map.noData')}
      </li>
    </ul>
  );
}

/** One of a few options, as radio buttons in a row. */
function Choice<Value extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
