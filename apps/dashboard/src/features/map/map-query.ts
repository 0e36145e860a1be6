import { openSignalStatuses } from '@binaan/domain';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '@binaan/client';
import { type DashboardFilters, toAnalyticsFilter } from '../../lib/filters/url-filters';
import type { MapLevel } from './boundaries';

/** Everything the map colours by, per province or kabupaten/kota, in one round trip. */
export const MapPageQuery = graphql(`
  query MapPage(
    $groupBy: AreaLevel!
    $regionLevel: RegionLevel!
    $reportsBy: [ReportDimension!]!
    $filter: AnalyticsFilter!
    $signals: SignalFilter!
  ) {
    coverage(groupBy: $groupBy, filter: $filter) {
      computedAt
      rows {
        area { code name }
        villages
        designatedVillages
        coverage { rate }
      }
    }
    reportStats(groupBy: $reportsBy, filter: $filter) {
      rows {
        province { code }
        regency { code }
        reports
      }
    }
    signalCounts(groupBy: $regionLevel, filter: $signals) {
      area { code }
      signals
    }
  }
`);

export interface AreaFigures {
  code: string;
  name: string;
  villages: number;
  designated: number;
  coverage: number | null;
  reports: number;
  /** Reports in the period per 1,000 villages of the area. */
  reportsPerThousand: number | null;
  openSignals: number;
}

/** Each area's figures, joined by code from the query's three answers. */
function figuresOf(data: ResultOf<typeof MapPageQuery>, level: MapLevel): Map<string, AreaFigures> {
  const reports = new Map(
    data.reportStats.rows.map((row) => [(level === 'REGENCY' ? row.regency : row.province)?.code, row.reports]),
  );
  const signals = new Map(data.signalCounts.map((row) => [row.area.code, row.signals]));
  return new Map(
    data.coverage.rows.map((row) => {
      const code = row.area?.code ?? '';
      const reportCount = reports.get(code) ?? 0;
      const figures: AreaFigures = {
        code,
        name: row.area?.name ?? code,
        villages: row.villages,
        designated: row.designatedVillages,
        coverage: row.coverage.rate ?? null,
        reports: reportCount,
        reportsPerThousand: row.villages > 0 ? (reportCount / row.villages) * 1000 : null,
        openSignals: signals.get(code) ?? 0,
      };
      return [code, figures];
    }),
  );
}

/** `?tingkat=kab`: every kabupaten/kota of the country at once. */
export const LEVEL_PARAM = 'tingkat';

/** Kabupaten/kota when provinces are chosen or `?tingkat=kab` asks for them; otherwise provinces. */
export function mapLevelFor(filters: DashboardFilters, params: URLSearchParams): MapLevel {
  return filters.provinces.length || params.get(LEVEL_PARAM) === 'kab' ? 'REGENCY' : 'PROVINCE';
}

/**
 * The figures of every area the map shows. The map shows whole provinces: a chosen kabupaten/kota is
 * highlighted among its neighbours, so the query leaves it out of the filter.
 */
export function mapPageVariables(filters: DashboardFilters, level: MapLevel) {
  const filter = toAnalyticsFilter({ ...filters, regencies: [] });
  return {
    groupBy: level,
    regionLevel: level,
    reportsBy: [level],
    filter,
    signals: { area: filter.area, statuses: [...openSignalStatuses] },
  };
}

export function useMapFigures(filters: DashboardFilters, level: MapLevel) {
  const [result, reexecute] = useQuery({ query: MapPageQuery, variables: mapPageVariables(filters, level) });
  const data = result.data;
  // Built once per answer, not on every hover.
  const figures = useMemo(() => (data ? figuresOf(data, level) : null), [data, level]);
  return {
    figures,
    computedAt: data?.coverage.computedAt ?? null,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
