// The rollups: tables of figures kept by triggers in the writing transaction, whoever writes. Each
// family's current SQL (functions, triggers, views; CREATE OR REPLACE) lives in rollups/<name>.sql; its
// tables are made by migrations. The migrator applies a family's file after the migrations whenever the
// file changed; the seed turns the families' triggers off for a bulk load, then rebuilds the families
// (rollup-rebuild.ts: each after those it is kept from, two at once); a test holds the migrated database
// to exactly these files and triggers (test/rollups-source.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Which family files were applied (their checksums) and which families must be rebuilt (migrate.ts). */
export const ROLLUPS_TABLE = '_binaan_rollups';

export interface RollupFamily {
  /** Its file: rollups/<name>.sql. */
  name: string;
  /** The rollup tables it keeps. */
  tables: readonly string[];
  /** The tables whose triggers keep it. */
  sources: readonly string[];
  /** The SQL function that recomputes its tables from the records. */
  rebuild: string;
}

/**
 * In dependency order: completeness is kept from village_month_report; training and completeness use
 * coverage's helpers (designation_active_span: when each designation was ACTIVE, from its history).
 */
export const rollupFamilies = [
  {
    name: 'area-village-counts',
    tables: ['area_village_count'],
    sources: ['village'],
    rebuild: 'rebuild_area_village_counts',
  },
  {
    name: 'reports',
    tables: ['report_rollup', 'village_month_report', 'report_total_rollup', 'report_status_total'],
    sources: ['village_report', 'report_status_transition', 'designation'],
    rebuild: 'rebuild_report_rollups',
  },
  {
    name: 'coverage',
    tables: [
      'designated_village_rollup',
      'inauguration_rollup',
      'village_designation_event',
      'completeness_day_rollup',
      'village_completeness_day',
      'village_month_first_report',
    ],
    sources: ['designation', 'designation_status_change', 'village', 'village_report'],
    rebuild: 'rebuild_coverage_rollups',
  },
  {
    name: 'training',
    tables: ['training_rollup', 'member_training_event', 'member_roster_count'],
    sources: [
      'village',
      'task_force_member',
      'training_attendance',
      'training_session',
      'designation',
      'designation_status_change',
      'task_force',
      'training_module',
    ],
    rebuild: 'rebuild_training_rollups',
  },
  {
    name: 'completeness',
    tables: ['completeness_rollup', 'village_activity_event', 'village_reported_month'],
    sources: ['village_month_report', 'designation', 'designation_status_change', 'village'],
    rebuild: 'rebuild_completeness_rollup',
  },
] as const satisfies readonly RollupFamily[];

export type RollupFamilyName = (typeof rollupFamilies)[number]['name'];

/**
 * The codes rollup rows are keyed by. `area_level` and `grain` are one letter each, and 'D' is a
 * kecamatan (district) in one and a day in the other.
 */
export const rollupCodes = {
  grain: { DAY: 'D', MONTH: 'M', YEAR: 'Y' },
  areaLevel: { PROVINCE: 'P', REGENCY: 'R', DISTRICT: 'D' },
  /** training_rollup.module_id of the rows that count members and those trained in every module. */
  allModules: 0,
} as const;

export const rollupsDir = fileURLToPath(new URL('../rollups/', import.meta.url));

export function readRollupSql(family: Pick<RollupFamily, 'name'>): string {
  return readFileSync(`${rollupsDir}${family.name}.sql`, 'utf8');
}

/** Every table some family's triggers watch: the seed turns their triggers off during a bulk load. */
export const rollupSourceTables: readonly string[] = [...new Set(rollupFamilies.flatMap((family) => family.sources))];

/** The statements that switch these tables' own triggers (not the foreign keys') off or on again. */
export const setUserTriggers = (tables: readonly string[], state: 'ENABLE' | 'DISABLE') =>
  tables.map((table) => `ALTER TABLE "${table}" ${state} TRIGGER USER;`).join('\n');
