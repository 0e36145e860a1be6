// Real programme records: offices of the four provinces in scope, training modules, and the events in
// the source reports (shared/seeds) and in public reporting (shared/domain.md). Everything else the seed
// writes is synthetic and marked as such.

export interface OfficeReference {
  code: string;
  name: string;
  officeClass: 'CLASS_I_SPECIAL' | 'CLASS_I' | 'CLASS_II' | 'CLASS_III';
  hasCheckpoint: boolean;
  city: string;
  provinceCode: string;
  /** Kemendagri codes of the kabupaten/kota in its working area. */
  workingArea: string[];
}

export const regionalOffices: { provinceCode: string; name: string; city: string }[] = [
  { provinceCode: '53', name: 'Kantor Wilayah Nusa Tenggara Timur', city: 'Kupang' },
  { provinceCode: '63', name: 'Kantor Wilayah Kalimantan Selatan', city: 'Banjarmasin' },
  { provinceCode: '19', name: 'Kantor Wilayah Kepulauan Bangka Belitung', city: 'Pangkalpinang' },
  { provinceCode: '31', name: 'Kantor Wilayah DKI Jakarta', city: 'Jakarta' },
];

export const offices: OfficeReference[] = [
  // Nusa Tenggara Timur
  {
    code: 'KANIM-KUPANG',
    name: 'Kantor Imigrasi Kelas I TPI Kupang',
    officeClass: 'CLASS_I',
    hasCheckpoint: true,
    city: 'Kupang',
    provinceCode: '53',
    workingArea: ['53.71', '53.01', '53.02', '53.14', '53.20', '53.11', '53.12', '53.17', '53.18'],
  },
  {
    code: 'KANIM-ATAMBUA',
    name: 'Kantor Imigrasi Kelas II TPI Atambua',
    officeClass: 'CLASS_II',
    hasCheckpoint: true,
    city: 'Atambua',
    provinceCode: '53',
    workingArea: ['53.04', '53.21', '53.03'],
  },
  {
    code: 'KANIM-MAUMERE',
    name: 'Kantor Imigrasi Kelas II TPI Maumere',
    officeClass: 'CLASS_II',
    hasCheckpoint: true,
    city: 'Maumere',
    provinceCode: '53',
    workingArea: ['53.07', '53.06', '53.13', '53.05', '53.08'],
  },
  {
    code: 'KANIM-LABUAN-BAJO',
    name: 'Kantor Imigrasi Kelas II TPI Labuan Bajo',
    officeClass: 'CLASS_II',
    hasCheckpoint: true,
    city: 'Labuan Bajo',
    provinceCode: '53',
    workingArea: ['53.15', '53.10', '53.19', '53.09', '53.16'],
  },
  // Kalimantan Selatan
  {
    code: 'KANIM-BANJARMASIN',
    name: 'Kantor Imigrasi Kelas I TPI Banjarmasin',
    officeClass: 'CLASS_I',
    hasCheckpoint: true,
    city: 'Banjarmasin',
    provinceCode: '63',
    workingArea: ['63.71', '63.72', '63.01', '63.03', '63.04', '63.05', '63.06', '63.07', '63.08', '63.09', '63.11'],
  },
  {
    code: 'KANIM-BATULICIN',
    name: 'Kantor Imigrasi Kelas II TPI Batulicin',
    officeClass: 'CLASS_II',
    hasCheckpoint: true,
    city: 'Batulicin',
    provinceCode: '63',
    workingArea: ['63.10', '63.02'],
  },
  // Kepulauan Bangka Belitung
  {
    code: 'KANIM-PANGKALPINANG',
    name: 'Kantor Imigrasi Kelas I TPI Pangkalpinang',
    officeClass: 'CLASS_I',
    hasCheckpoint: true,
    city: 'Pangkalpinang',
    provinceCode: '19',
    workingArea: ['19.71', '19.01', '19.03', '19.04', '19.05'],
  },
  {
    code: 'KANIM-TANJUNG-PANDAN',
    name: 'Kantor Imigrasi Kelas II TPI Tanjung Pandan',
    officeClass: 'CLASS_II',
    hasCheckpoint: true,
    city: 'Tanjung Pandan',
    provinceCode: '19',
    workingArea: ['19.02', '19.06'],
  },
  // DKI Jakarta
  {
    code: 'KANIM-JAKARTA-PUSAT',
    name: 'Kantor Imigrasi Kelas I Non TPI Jakarta Pusat',
    officeClass: 'CLASS_I',
    hasCheckpoint: false,
    city: 'Jakarta Pusat',
    provinceCode: '31',
    workingArea: ['31.71'],
  },
  {
    code: 'KANIM-JAKARTA-UTARA',
    name: 'Kantor Imigrasi Kelas I Non TPI Jakarta Utara',
    officeClass: 'CLASS_I',
    hasCheckpoint: false,
    city: 'Jakarta Utara',
    provinceCode: '31',
    workingArea: ['31.72', '31.01'],
  },
  {
    code: 'KANIM-JAKARTA-BARAT',
    name: 'Kantor Imigrasi Kelas I Non TPI Jakarta Barat',
    officeClass: 'CLASS_I',
    hasCheckpoint: false,
    city: 'Jakarta Barat',
    provinceCode: '31',
    workingArea: ['31.73'],
  },
  {
    code: 'KANIM-JAKARTA-SELATAN',
    name: 'Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan',
    officeClass: 'CLASS_I_SPECIAL',
    hasCheckpoint: false,
    city: 'Jakarta Selatan',
    provinceCode: '31',
    workingArea: ['31.74'],
  },
  {
    code: 'KANIM-JAKARTA-TIMUR',
    name: 'Kantor Imigrasi Kelas I Non TPI Jakarta Timur',
    officeClass: 'CLASS_I',
    hasCheckpoint: false,
    city: 'Jakarta Timur',
    provinceCode: '31',
    workingArea: ['31.75'],
  },
];

export const trainingModules = [
  {
    code: 'PASSPORT_MPASPOR',
    name: 'Prosedur paspor dan aplikasi M-Paspor',
    description: 'Syarat dan alur permohonan paspor, pendaftaran kuota lewat M-Paspor.',
  },
  {
    code: 'TPPO_NONPROCEDURAL_MIGRATION',
    name: 'Pencegahan TPPO dan PMI non-prosedural',
    description: 'Mengenali modus perdagangan orang dan keberangkatan pekerja migran di luar jalur resmi.',
  },
  {
    code: 'FOREIGN_NATIONAL_REPORTING',
    name: 'Pelaporan keberadaan orang asing',
    description: 'Deteksi dini dan cara melaporkan warga negara asing di desa.',
  },
  {
    code: 'REFUGEE_HANDLING',
    name: 'Penanganan pengungsi',
    description: 'Langkah awal dan pihak yang dihubungi bila ada pengungsi atau orang asing terdampar.',
  },
] as const;

export type TrainingModuleCode = (typeof trainingModules)[number]['code'];

/**
 * What the sources say about particular villages, applied over the synthetic attributes: the Gendang
 * Timburu report is about preventing non-procedural migration from the village, and Oinlasi lies in
 * Timor Tengah Selatan, one of NTT's main migrant-worker sending areas.
 */
export const referenceVillageAttributes: Record<string, { isMigrantWorkerSendingArea?: boolean }> = {
  '63.02.15.2002': { isMigrantWorkerSendingArea: true },
  '53.02.02.2008': { isMigrantWorkerSendingArea: true },
};

/** Regencies on the land border with Timor-Leste. */
export const landBorderRegencies = new Set(['53.01', '53.03', '53.04', '53.21']);

export type ReferenceDesignation = {
  villageCode: string;
  variant: 'DESA_BINAAN' | 'KELURAHAN_BINAAN' | 'IMIGRASI_CORNER';
  officeCode: string;
  year: number;
  /** ISO date; null while planned. */
  inauguratedOn: string | null;
};

/** Designations named in the sources. */
export const referenceDesignations: ReferenceDesignation[] = [
  {
    // Desa Gendang Timburu, Kec. Sungai Durian, Kab. Kotabaru: inaugurated 3 May 2024 (seed report).
    villageCode: '63.02.15.2002',
    variant: 'DESA_BINAAN',
    officeCode: 'KANIM-BATULICIN',
    year: 2024,
    inauguratedOn: '2024-05-03',
  },
  {
    // Desa Oinlasi, Kec. Mollo Selatan, Kab. Timor Tengah Selatan: designated at a Timpora meeting, 19 Sept 2024.
    villageCode: '53.02.02.2008',
    variant: 'DESA_BINAAN',
    officeCode: 'KANIM-KUPANG',
    year: 2024,
    inauguratedOn: '2024-09-19',
  },
];

export interface ReferenceActivity {
  type: 'SOCIALISATION' | 'COUNSELLING' | 'COORDINATION_MEETING' | 'TIMPORA_MEETING' | 'TASK_STRENGTHENING_VISIT';
  title: string;
  heldOn: string;
  place: string;
  regencyCode: string;
  villageCode: string | null;
  officeCode: string;
  agenciesPresent: string[];
  attendeeCount: number;
  description: string;
}

/** Activities reported in the sources (facts only; the wording is ours). */
export const referenceActivities: ReferenceActivity[] = [
  {
    type: 'SOCIALISATION',
    title: 'Sosialisasi rencana Imigrasi Corner di Bangka Selatan',
    heldOn: '2024-01-12',
    place: 'Kantor Diskominfo Kabupaten Bangka Selatan',
    regencyCode: '19.03',
    villageCode: null,
    officeCode: 'KANIM-PANGKALPINANG',
    agenciesPresent: ['Kanwil Kepulauan Bangka Belitung', 'Diskominfo Kabupaten Bangka Selatan'],
    attendeeCount: 20,
    description: 'Rencana pojok layanan keimigrasian di tingkat desa dan kecamatan, termasuk pendaftaran orang asing.',
  },
  {
    type: 'TASK_STRENGTHENING_VISIT',
    title: 'Peresmian dan penguatan tugas Desa Binaan Imigrasi Gendang Timburu',
    heldOn: '2024-05-03',
    place: 'Balai Desa Gendang Timburu',
    regencyCode: '63.02',
    villageCode: '63.02.15.2002',
    officeCode: 'KANIM-BATULICIN',
    agenciesPresent: ['Pemerintah Kabupaten Kotabaru', 'Pemerintah Desa Gendang Timburu'],
    attendeeCount: 45,
    description:
      'Peresmian oleh Sekretaris Daerah; pelatihan perangkat desa tentang paspor, M-Paspor dan bahaya migrasi non-prosedural.',
  },
  {
    type: 'COORDINATION_MEETING',
    title: 'Kunjungan koordinasi Kelurahan Binaan Jakarta Pusat',
    heldOn: '2024-06-12',
    place: 'Kantor Pemerintah Kota Administrasi Jakarta Pusat',
    regencyCode: '31.71',
    villageCode: null,
    officeCode: 'KANIM-JAKARTA-PUSAT',
    agenciesPresent: ['Pemerintah Kota Jakarta Pusat', 'Kejaksaan Negeri Jakarta Pusat', 'Kodim 0501', 'Bea dan Cukai'],
    attendeeCount: 30,
    description: 'Mendorong kelurahan binaan di setiap kelurahan Jakarta Pusat untuk mencegah TPPO dan TPPM.',
  },
  {
    type: 'TIMPORA_MEETING',
    title: 'Rapat Timpora dan implementasi Desa Binaan Imigrasi Sumba Barat Daya',
    heldOn: '2024-06-25',
    place: 'Hotel Sinar Tambolaka',
    regencyCode: '53.18',
    villageCode: null,
    officeCode: 'KANIM-KUPANG',
    agenciesPresent: ['Pemerintah Kabupaten Sumba Barat Daya', 'TNI', 'POLRI'],
    attendeeCount: 40,
    description: 'Pengawasan orang asing; pencegahan PMI non-prosedural dan TPPO.',
  },
  {
    type: 'TIMPORA_MEETING',
    title: 'Rapat Timpora dan penetapan Desa Binaan Imigrasi Oinlasi',
    heldOn: '2024-09-19',
    place: 'Desa Oinlasi',
    regencyCode: '53.02',
    villageCode: '53.02.02.2008',
    officeCode: 'KANIM-KUPANG',
    agenciesPresent: ['Pemerintah Kabupaten Timor Tengah Selatan', 'TNI', 'POLRI'],
    attendeeCount: 35,
    description: 'Penetapan desa binaan bersamaan dengan rapat Tim Pengawasan Orang Asing.',
  },
  {
    type: 'TIMPORA_MEETING',
    title: 'Rapat Timpora dan penetapan lima Desa Binaan Imigrasi di Rote Ndao',
    heldOn: '2025-07-24',
    place: "Ba'a, Rote Ndao",
    regencyCode: '53.14',
    villageCode: null,
    officeCode: 'KANIM-KUPANG',
    agenciesPresent: ['Pemerintah Kabupaten Rote Ndao', 'TNI', 'POLRI'],
    attendeeCount: 50,
    description: 'Lima desa ditetapkan sebagai desa binaan imigrasi.',
  },
];

/** Designations on a date the sources name, in villages they do not name (chosen by the generator). */
export const unnamedReferenceDesignations = [
  // Timpora meeting in Tambolaka, 25 June 2024: desa binaan implemented in Sumba Barat Daya. The report
  // gives no number of villages; three is our assumption.
  { regencyCode: '53.18', count: 3, officeCode: 'KANIM-KUPANG', inauguratedOn: '2024-06-25' },
  // Timpora meeting in Rote Ndao, 24 July 2025: five villages.
  { regencyCode: '53.14', count: 5, officeCode: 'KANIM-KUPANG', inauguratedOn: '2025-07-24' },
] as const;
