// Programme coverage: villages in an area, those with an active designation, and the work-plan target.
import type { SqlExecutor } from '@binaan/db';
import {
  areaPredicate,
  type AnalyticsFilter,
  type AreaLevel,
  areaColumns,
  FILTER_CTE,
  filterParams,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';

export interface AreaKey {
  level: AreaLevel;
  code: string;
  name: string;
}

export interface CoverageFigures {
  /** Desa and kelurahan in the area. */
  villages: number;
  /** Villages with an ACTIVE designation inaugurated by the end of the period. */
  designatedVillages: number;
  /** Designations inaugurated (not PLANNED) in the period's years, by its end: counted against the target. */
  inauguratedInTargetYears: number;
  /** Villages to designate in the period's years per the work plan; null where no target is set at this level. */
  target: number | null;
}

export interface CoverageRow extends CoverageFigures {
  area: AreaKey;
}

const yearRange = `(f.date_from IS NULL OR g.year >= extract(year FROM f.date_from))
  AND (f.date_to IS NULL OR g.year <= extract(year FROM f.date_to))`;
const targetYearRange = yearRange.replaceAll('g.year', 't.year');

export async function coverageByArea(sql: SqlExecutor, level: AreaLevel, filter: AnalyticsFilter): Promise<CoverageRow[]> {
  const area = areaColumns(level);
  const rows = await sql.query<{ code: string; name: string; villages: number; designated: number; inaugurated: number }>(
    `WITH ${FILTER_CTE},
     scope AS (
       SELECT v.id AS village_id, ${area.code} AS code, ${area.name} AS name
         FROM village v ${VILLAGE_JOINS} CROSS JOIN f
        WHERE ${areaPredicate(filter)}
     ),
     designated AS (
       SELECT DISTINCT g.village_id FROM designation g CROSS JOIN f
        WHERE g.status = 'ACTIVE' AND ${variantPredicate(filter)} AND (f.date_to IS NULL OR g.inaugurated_on <= f.date_to)
     ),
     inaugurated AS (
       SELECT g.village_id, COUNT(*)::int AS n FROM designation g CROSS JOIN f
        WHERE g.status <> 'PLANNED' AND ${variantPredicate(filter)} AND ${yearRange}
          AND (f.date_to IS NULL OR g.inaugurated_on <= f.date_to)
        GROUP BY g.village_id
     )
     SELECT s.code, s.name, COUNT(*)::int AS villages, COUNT(d.village_id)::int AS designated,
            COALESCE(SUM(i.n), 0)::int AS inaugurated
       FROM scope s
       LEFT JOIN designated d ON d.village_id = s.village_id
       LEFT JOIN inaugurated i ON i.village_id = s.village_id
      GROUP BY s.code, s.name
      ORDER BY s.code`,
    filterParams(filter),
  );
  // Targets exist per province and per kabupaten/kota, not per kecamatan.
  const targets = level === 'DISTRICT' || filter.districtCodes?.length ? null : await targetsByArea(sql, level, filter);
  return rows.map((row) => ({
    area: { level, code: row.code, name: row.name },
    villages: row.villages,
    designatedVillages: row.designated,
    inauguratedInTargetYears: row.inaugurated,
    target: targets ? (targets.get(row.code) ?? 0) : null,
  }));
}

/**
 * Work-plan targets for the period's years, per row area. A province's own target is used unless the
 * filter names kabupaten/kota, in which case their targets are summed.
 */
async function targetsByArea(sql: SqlExecutor, level: 'PROVINCE' | 'REGENCY', filter: AnalyticsFilter): Promise<Map<string, number>> {
  const fromProvinceTargets = level === 'PROVINCE' && !filter.regencyCodes?.length;
  const rows = fromProvinceTargets
    ? await sql.query<{ code: string; target: number }>(
        `WITH ${FILTER_CTE}
         SELECT p.code, SUM(t.villages_to_designate)::int AS target
           FROM province_target t JOIN province p ON p.id = t.province_id CROSS JOIN f
          WHERE (f.provinces IS NULL OR p.code = ANY(f.provinces)) AND ${targetYearRange}
          GROUP BY p.code`,
        filterParams(filter),
      )
    : await sql.query<{ code: string; target: number }>(
        `WITH ${FILTER_CTE}
         SELECT ${level === 'PROVINCE' ? 'p.code' : 'r.code'} AS code, SUM(t.villages_to_designate)::int AS target
           FROM regency_target t JOIN regency r ON r.id = t.regency_id JOIN province p ON p.id = r.province_id CROSS JOIN f
          WHERE (f.provinces IS NULL OR p.code = ANY(f.provinces)) AND (f.regencies IS NULL OR r.code = ANY(f.regencies))
            AND ${targetYearRange}
          GROUP BY 1`,
        filterParams(filter),
      );
  return new Map(rows.map((row) => [row.code, row.target]));
}

/** Sums disjoint areas into one figure. The target is known only when every area has one. */
export function sumCoverage(rows: CoverageFigures[]): CoverageFigures {
  return rows.reduce<CoverageFigures>(
    (total, row) => ({
      villages: total.villages + row.villages,
      designatedVillages: total.designatedVillages + row.designatedVillages,
      inauguratedInTargetYears: total.inauguratedInTargetYears + row.inauguratedInTargetYears,
      target: total.target === null || row.target === null ? null : total.target + row.target,
    }),
    { villages: 0, designatedVillages: 0, inauguratedInTargetYears: 0, target: 0 },
  );
}
