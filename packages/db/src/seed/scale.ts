// How much the synthetic generator writes, and how the provinces differ. The regional differences follow
// the sources: NTT sends many migrant workers and borders Timor-Leste; Kalimantan Selatan has foreign
// workers around mines and plantations; Bangka Belitung runs Imigrasi Corners and sees stranded refugees;
// Jakarta's kelurahan mostly relay passport questions and foreign residents.

import type { ReportType } from '@binaan/domain';

export type ScaleName = 'demo' | 'national';
export const scaleNames: readonly ScaleName[] = ['demo', 'national'];

export interface ProvinceCharacter {
  /** Share of the province's villages that get designated over the programme's life. */
  designationShare: number;
  /** Share of villages that are migrant-worker sending areas. */
  migrantWorkerShare: number;
  /** Mean reports per active designated village per month (demo scale). */
  reportsPerMonth: number;
  /** Relative weights of report types. */
  reportMix: Record<ReportType, number>;
  /** Probability that a member who attends a module completes it. */
  completionRate: number;
  /** Median days from verification to follow-up. */
  followUpDays: number;
}

const generic: ProvinceCharacter = {
  designationShare: 0.03,
  migrantWorkerShare: 0.1,
  reportsPerMonth: 0.9,
  reportMix: {
    FOREIGN_NATIONAL_PRESENT: 30,
    SUSPECTED_TRAFFICKING: 5,
    SUSPECTED_SMUGGLING: 3,
    NON_PROCEDURAL_MIGRANT_WORKER: 12,
    REFUGEES: 2,
    PASSPORT_INFORMATION_REQUEST: 35,
    OTHER: 13,
  },
  completionRate: 0.8,
  followUpDays: 7,
};

const characters: Record<string, Partial<ProvinceCharacter>> = {
  // Nusa Tenggara Timur
  '53': {
    designationShare: 0.045,
    migrantWorkerShare: 0.35,
    reportsPerMonth: 1.3,
    reportMix: {
      FOREIGN_NATIONAL_PRESENT: 10,
      SUSPECTED_TRAFFICKING: 15,
      SUSPECTED_SMUGGLING: 3,
      NON_PROCEDURAL_MIGRANT_WORKER: 30,
      REFUGEES: 2,
      PASSPORT_INFORMATION_REQUEST: 30,
      OTHER: 10,
    },
    completionRate: 0.72,
    followUpDays: 10,
  },
  // Kalimantan Selatan
  '63': {
    designationShare: 0.04,
    migrantWorkerShare: 0.08,
    reportsPerMonth: 0.9,
    reportMix: {
      FOREIGN_NATIONAL_PRESENT: 30,
      SUSPECTED_TRAFFICKING: 5,
      SUSPECTED_SMUGGLING: 3,
      NON_PROCEDURAL_MIGRANT_WORKER: 15,
      REFUGEES: 1,
      PASSPORT_INFORMATION_REQUEST: 35,
      OTHER: 11,
    },
    completionRate: 0.85,
    followUpDays: 6,
  },
  // Kepulauan Bangka Belitung
  '19': {
    designationShare: 0.1,
    migrantWorkerShare: 0.05,
    reportsPerMonth: 0.8,
    reportMix: {
      FOREIGN_NATIONAL_PRESENT: 35,
      SUSPECTED_TRAFFICKING: 3,
      SUSPECTED_SMUGGLING: 8,
      NON_PROCEDURAL_MIGRANT_WORKER: 5,
      REFUGEES: 12,
      PASSPORT_INFORMATION_REQUEST: 25,
      OTHER: 12,
    },
    completionRate: 0.68,
    followUpDays: 8,
  },
  // DKI Jakarta
  '31': {
    designationShare: 0.05,
    migrantWorkerShare: 0.03,
    reportsPerMonth: 1.1,
    reportMix: {
      FOREIGN_NATIONAL_PRESENT: 45,
      SUSPECTED_TRAFFICKING: 4,
      SUSPECTED_SMUGGLING: 2,
      NON_PROCEDURAL_MIGRANT_WORKER: 6,
      REFUGEES: 1,
      PASSPORT_INFORMATION_REQUEST: 35,
      OTHER: 7,
    },
    completionRate: 0.9,
    followUpDays: 4,
  },
};

export function provinceCharacter(provinceCode: string): ProvinceCharacter {
  return { ...generic, ...characters[provinceCode] };
}

export interface ScaleProfile {
  name: ScaleName;
  /** Provinces to load; null loads the whole country. */
  provinceCodes: readonly string[] | null;
  /** Overrides every province's designation share (national: ~20,000 of 83,762 villages). */
  designationShare: number | null;
  /** Multiplies every province's report rate. */
  reportRateFactor: number;
  membersPerTaskForce: readonly [min: number, max: number];
}

export const scaleProfiles: Record<ScaleName, ScaleProfile> = {
  demo: {
    name: 'demo',
    provinceCodes: ['53', '63', '19', '31'],
    designationShare: null,
    reportRateFactor: 1,
    membersPerTaskForce: [7, 12],
  },
  national: {
    name: 'national',
    provinceCodes: null,
    designationShare: 0.24,
    reportRateFactor: 18,
    membersPerTaskForce: [9, 13],
  },
};
