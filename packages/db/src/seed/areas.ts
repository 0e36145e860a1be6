// Phase 1 of the seed: administrative areas, offices, their working areas and the training modules.
// Village priority attributes are derived here: land borders from the regencies facing Timor-Leste (and,
// nationally, any kabupaten with a land border listed below), sea borders from the regencies that own an
// outermost small island (idn-area-data's islands list), migrant-worker areas and office distances from
// the province's character (synthetic, deterministic).
import type { SqlExecutor } from '../sql.js';
import {
  landBorderRegencies,
  offices as referenceOffices,
  referenceVillageAttributes,
  type OfficeReference,
  regionalOffices,
  trainingModules,
} from './programme-reference.js';
import type { SeededRandom } from './random.js';
import { readAreas, readOutermostIslandRegencies, regencyKindOf, villageKindOf } from './reference-areas.js';
import { RowWriter } from './row-writer.js';
import { provinceCharacter, type ScaleProfile } from './scale.js';
import { areaTables } from './tables.js';

/** Kabupaten on Indonesia's land borders outside NTT (Malaysia, Papua New Guinea), for national scale. */
const otherLandBorderRegencies = new Set([
  '61.01',
  '61.05',
  '61.07',
  '61.08',
  '61.09', // Kalimantan Barat: Sambas, Sanggau, Bengkayang, Sintang, Kapuas Hulu
  '64.07', // Kalimantan Timur: Kutai Barat
  '64.11', // Kalimantan Timur: Mahakam Ulu
  '65.01',
  '65.04', // Kalimantan Utara: Malinau, Nunukan
  '91.03',
  '91.10', // Papua: Jayapura, Keerom
  '93.01',
  '93.04', // Papua Selatan: Merauke, Boven Digoel
  '95.01', // Papua Pegunungan: Pegunungan Bintang
]);

export interface AreaIndex {
  provinceIdByCode: Map<string, number>;
  regencyIdByCode: Map<string, number>;
  officeIdByCode: Map<string, number>;
  /** Office that serves each regency (by regency id). */
  officeByRegencyId: Map<number, { id: number; code: string }>;
  moduleIdByCode: Map<string, number>;
  provinceCodes: string[];
}

interface Counters {
  next(table: string): number;
}

/** Offices for provinces the reference list does not cover: one per province, at its first kota. */
async function officesFor(provinceCodes: string[]): Promise<OfficeReference[]> {
  const covered = new Set(referenceOffices.map((office) => office.provinceCode));
  const regenciesByProvince = new Map<string, { code: string; name: string }[]>();
  for await (const regency of readAreas('regencies', provinceCodes)) {
    if (covered.has(regency.parentCode)) continue;
    const list = regenciesByProvince.get(regency.parentCode) ?? [];
    list.push({ code: regency.code, name: regency.name });
    regenciesByProvince.set(regency.parentCode, list);
  }
  const synthetic = [...regenciesByProvince].map(([provinceCode, regencies]): OfficeReference => {
    const seat = regencies.find((regency) => regencyKindOf(regency.code) === 'CITY') ?? regencies[0]!;
    const city = seat.name.replace(/^(Kota|Kabupaten)( Administrasi)? /, '');
    return {
      code: `KANIM-${provinceCode}`,
      name: `Kantor Imigrasi Kelas I TPI ${city}`,
      officeClass: 'CLASS_I',
      hasCheckpoint: true,
      city,
      provinceCode,
      workingArea: [seat.code, ...regencies.filter((regency) => regency !== seat).map((regency) => regency.code)],
    };
  });
  return [...referenceOffices.filter((office) => provinceCodes.includes(office.provinceCode)), ...synthetic];
}

export async function writeAreas(
  sql: SqlExecutor,
  scale: ScaleProfile,
  random: SeededRandom,
  ids: Counters,
  onProgress: (counts: Record<string, number>) => void,
): Promise<AreaIndex> {
  const writer = new RowWriter(sql, areaTables, onProgress);
  const filter = scale.provinceCodes;

  const provinceIdByCode = new Map<string, number>();
  for await (const province of readAreas('provinces', filter)) {
    const id = ids.next('province');
    provinceIdByCode.set(province.code, id);
    await writer.add('province', { id, code: province.code, name: province.name });
  }
  const provinceCodes = [...provinceIdByCode.keys()];

  const regencyIdByCode = new Map<string, number>();
  for await (const regency of readAreas('regencies', filter)) {
    const id = ids.next('regency');
    regencyIdByCode.set(regency.code, id);
    await writer.add('regency', {
      id,
      code: regency.code,
      name: regency.name,
      kind: regencyKindOf(regency.code),
      province_id: provinceIdByCode.get(regency.parentCode)!,
    });
  }

  const districtIdByCode = new Map<string, number>();
  for await (const district of readAreas('districts', filter)) {
    const id = ids.next('district');
    districtIdByCode.set(district.code, id);
    await writer.add('district', {
      id,
      code: district.code,
      name: district.name,
      regency_id: regencyIdByCode.get(district.parentCode)!,
      province_id: provinceIdByCode.get(district.code.slice(0, 2))!,
    });
  }

  const officeList = await officesFor(provinceCodes);
  // Regency that hosts each office, and the office serving each regency.
  const seatRegencies = new Set(officeList.map((office) => office.workingArea[0]!));
  const servedRegencies = new Set(officeList.flatMap((office) => office.workingArea));
  const seaBorderRegencies = await readOutermostIslandRegencies();

  for await (const village of readAreas('villages', filter)) {
    const regencyCode = village.code.slice(0, 5);
    const provinceCode = village.code.slice(0, 2);
    const character = provinceCharacter(provinceCode);
    const landBorderRegency = landBorderRegencies.has(regencyCode) || otherLandBorderRegencies.has(regencyCode);
    const distance = seatRegencies.has(regencyCode)
      ? 3 + random.float() * 45
      : servedRegencies.has(regencyCode)
        ? 40 + random.float() * 260
        : 80 + random.float() * 420;
    await writer.add('village', {
      id: ids.next('village'),
      code: village.code,
      name: village.name,
      kind: villageKindOf(village.code),
      district_id: districtIdByCode.get(village.parentCode)!,
      regency_id: regencyIdByCode.get(regencyCode)!,
      province_id: provinceIdByCode.get(provinceCode)!,
      is_land_border: landBorderRegency && random.chance(0.3),
      is_sea_border: seaBorderRegencies.has(regencyCode) && random.chance(0.25),
      is_migrant_worker_sending_area:
        random.chance(character.migrantWorkerShare) ||
        referenceVillageAttributes[village.code]?.isMigrantWorkerSendingArea === true,
      distance_to_office_km: Math.round(distance * 10) / 10,
    });
  }

  const regionalOfficeIdByProvince = new Map<string, number>();
  for (const kanwil of regionalOffices.filter((office) => provinceIdByCode.has(office.provinceCode))) {
    const id = ids.next('regional_office');
    regionalOfficeIdByProvince.set(kanwil.provinceCode, id);
    await writer.add('regional_office', {
      id,
      name: kanwil.name,
      city: kanwil.city,
      province_id: provinceIdByCode.get(kanwil.provinceCode)!,
    });
  }

  const officeIdByCode = new Map<string, number>();
  const officeByRegencyId = new Map<number, { id: number; code: string }>();
  for (const office of officeList) {
    const id = ids.next('immigration_office');
    officeIdByCode.set(office.code, id);
    await writer.add('immigration_office', {
      id,
      code: office.code,
      name: office.name,
      office_class: office.officeClass,
      has_checkpoint: office.hasCheckpoint,
      city: office.city,
      province_id: provinceIdByCode.get(office.provinceCode)!,
      regional_office_id: regionalOfficeIdByProvince.get(office.provinceCode) ?? null,
    });
    for (const regencyCode of office.workingArea) {
      const regencyId = regencyIdByCode.get(regencyCode);
      if (regencyId === undefined) throw new Error(`Office ${office.code} covers unknown regency ${regencyCode}`);
      officeByRegencyId.set(regencyId, { id, code: office.code });
      await writer.add('office_working_area', { office_id: id, regency_id: regencyId });
    }
  }

  const moduleIdByCode = new Map<string, number>();
  for (const [index, module] of trainingModules.entries()) {
    const id = ids.next('training_module');
    moduleIdByCode.set(module.code, id);
    await writer.add('training_module', {
      id,
      code: module.code,
      name: module.name,
      description: module.description,
      sort_order: index + 1,
    });
  }

  await writer.flush();
  return { provinceIdByCode, regencyIdByCode, officeIdByCode, officeByRegencyId, moduleIdByCode, provinceCodes };
}
