// The Kemendagri administrative areas, read from the idn-area-data package (data © its contributors,
// ODbL). Read as streams, one level at a time, so the national list never sits in memory at once.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse';

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('idn-area-data')), '..', 'data');

export interface AreaRecord {
  code: string;
  parentCode: string;
  name: string;
}

type AreaLevel = 'provinces' | 'regencies' | 'districts' | 'villages';
const parentColumn: Record<AreaLevel, string | null> = {
  provinces: null,
  regencies: 'province_code',
  districts: 'regency_code',
  villages: 'district_code',
};

/** Areas of one level whose code starts with one of `provinceCodes` (all when null). */
export async function* readAreas(
  level: AreaLevel,
  provinceCodes: readonly string[] | null,
): AsyncGenerator<AreaRecord> {
  const parser = createReadStream(join(dataDir, `${level}.csv`)).pipe(parse({ columns: true }));
  const parent = parentColumn[level];
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    const code = record.code!;
    if (provinceCodes && !provinceCodes.includes(code.slice(0, 2))) continue;
    yield { code, parentCode: parent ? record[parent]! : '', name: record.name! };
  }
}

/** Kabupaten/kota that own an outermost small island (pulau kecil terluar): their coasts are sea borders. */
export async function readOutermostIslandRegencies(): Promise<Set<string>> {
  const regencies = new Set<string>();
  const parser = createReadStream(join(dataDir, 'islands.csv')).pipe(parse({ columns: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (record.is_outermost_small === '1' && record.regency_code) regencies.add(record.regency_code);
  }
  return regencies;
}

/** Permendagri 58/2021: kabupaten codes are 01-69, kota 71-99. */
export function regencyKindOf(code: string): 'REGENCY' | 'CITY' {
  return Number(code.slice(3, 5)) >= 71 ? 'CITY' : 'REGENCY';
}

/** The village part of the code starts with 1 for a kelurahan, 2 for a desa. */
export function villageKindOf(code: string): 'DESA' | 'KELURAHAN' {
  return code.slice(9, 10) === '1' ? 'KELURAHAN' : 'DESA';
}
