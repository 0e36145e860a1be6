// Indonesia's administrative areas as Kemendagri codes them: province `53`, kabupaten/kota `53.18`,
// kecamatan `53.18.01`, desa/kelurahan `53.18.01.2001`.

/** The levels figures are grouped by, largest first. Villages are records, not a grouping level. */
export const areaLevels = ['PROVINCE', 'REGENCY', 'DISTRICT'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const areaCodeFormats = {
  PROVINCE: /^\d{2}$/,
  REGENCY: /^\d{2}\.\d{2}$/,
  DISTRICT: /^\d{2}\.\d{2}\.\d{2}$/,
  VILLAGE: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
} as const satisfies Record<AreaLevel | 'VILLAGE', RegExp>;

/** Examples for messages: "a kabupaten/kota code looks like 53.18". */
export const areaCodeExamples = {
  PROVINCE: '53',
  REGENCY: '53.18',
  DISTRICT: '53.18.01',
  VILLAGE: '63.02.15.2002',
} as const satisfies Record<keyof typeof areaCodeFormats, string>;

/** The province a code of any level lies in: its first two digits. */
export const provinceOfCode = (code: string): string => code.slice(0, 2);

export const regencyKinds = ['REGENCY', 'CITY'] as const;
export type RegencyKind = (typeof regencyKinds)[number];

export const villageKinds = ['DESA', 'KELURAHAN'] as const;
export type VillageKind = (typeof villageKinds)[number];

/**
 * The most children any area has in Kemendagri's list (idn-area-data, checked by a test in @binaan/db):
 * how long a plain list of them can be, which is what a query selecting it can cost.
 */
export const MOST_CHILDREN = {
  /** Jawa Timur. */
  regenciesPerProvince: 38,
  /** Kabupaten Jayawijaya (95.03). */
  districtsPerRegency: 51,
  /** Kecamatan 95.06.03. */
  villagesPerDistrict: 108,
} as const;
