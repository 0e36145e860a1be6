// Programme coverage: villages in an area (from the per-area village counts), those with an active
// designation, and the work-plan target.
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
import { rollupAreaJoins, rollupLevel } from './rollups.js';

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
  const counted = rollupLevel(filter, [level]);
  const rows = await sql.query<{ code: string; name: string; villages: number; designated: number; inaugurated: number }>(
    `WITH ${FILTER_CTE},
     villages AS (
       SELECT ${area.code} AS code, ${area.name} AS name, SUM(x.villages)::int AS villages
         FROM area_village_count x ${rollupAreaJoins[counted]} CROSS JOIN f
        WHERE x.area_level = '${counted}' AND x.villages > 0 AND ${areaPredicate(filter)}
        GROUP BY 1, 2
     ),
     designations AS (
       SELECT ${area.code} AS code,
              COUNT(DISTINCT g.village_id) FILTER (WHERE g.status = 'ACTIVE') AS designated,
              COUNT(*) FILTER (WHERE g.status <> 'PLANNED' AND ${yearRange}) AS inaugurated
         FROM designation g JOIN village v ON v.id = g.village_id ${VILLAGE_JOINS} CROSS JOIN f
        WHERE ${variantPredicate(filter)} AND ${areaPredicate(filter)} AND (f.date_to IS NULL OR g.inaugurated_on <= f.date_to)
        GROUP BY 1
     )
     SELECT c.code, c.name, c.villages, COALESCE(d.designated, 0)::int AS designated, COALESCE(d.inaugurated, 0)::int AS inaugurated
       FROM villages c LEFT JOIN designations d ON d.code = c.code
      ORDER BY c.code`,
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
