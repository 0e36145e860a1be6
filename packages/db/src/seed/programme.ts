// Phase 2 of the seed: the programme's records, one province at a time and one designation at a time,
// so that memory stays flat at national scale. The named events from the sources come first; synthetic
// designations fill each province up to its share, favouring the villages the programme prioritises.
import type { SqlExecutor } from '../sql.js';
import type { AreaIndex } from './areas.js';
import { dayOf, daysInMonth, isoDate, isoTimestamp, monthStarts, yearOf } from './calendar.js';
import {
  type DesignationStatus,
  FAR_FROM_OFFICE_KM,
  PROGRAMME_START,
  type ReportType,
  TRAINER_ROLE,
  type TaskForceRole,
} from '@binaan/domain';
import {
  referenceActivities,
  referenceDesignations,
  type ReferenceDesignation,
  type TrainingModuleCode,
  unnamedReferenceDesignations,
} from './programme-reference.js';
import type { SeededRandom } from './random.js';
import { pgArray, type RowWriter } from './row-writer.js';
import { type ProvinceCharacter, provinceCharacter, type ScaleProfile } from './scale.js';

export const SYNTHETIC_SOURCE = 'seed:synthetic';
/**
 * The submitter of synthetic reports (their idempotency keys are `seed-<id>`): who recorded their first
 * step, as the per-submitter migration derives it, so a database seeded before it and migrated has the
 * same rows as one seeded after.
 */
export const SYNTHETIC_SUBMITTER = SYNTHETIC_SOURCE;

interface VillageRow {
  id: number;
  code: string;
  name: string;
  kind: 'DESA' | 'KELURAHAN';
  regency_id: number;
  is_land_border: boolean;
  is_sea_border: boolean;
  is_migrant_worker_sending_area: boolean;
  distance_to_office_km: number;
}

type Variant = ReferenceDesignation['variant'];

interface PlannedDesignation {
  village: VillageRow;
  variant: Variant;
  office: { id: number; code: string };
  /** Day of inauguration, or null while planned. */
  inauguratedDay: number | null;
  year: number;
  selectionReasons: string[];
  /** True for designations named in the sources. */
  fromSources: boolean;
}

interface Counters {
  next(table: string): number;
}

export interface ProgrammeContext {
  sql: SqlExecutor;
  writer: RowWriter;
  random: SeededRandom;
  ids: Counters;
  areas: AreaIndex;
  scale: ProfileWithToday;
}

interface ProfileWithToday extends ScaleProfile {
  today: number;
}

interface WorkflowStep {
  from: string | null;
  to: string;
  at: string;
  by: string;
}

function selectionReasonsOf(village: VillageRow): string[] {
  const reasons: string[] = [];
  if (village.is_migrant_worker_sending_area) reasons.push('MIGRANT_WORKER_SENDING_AREA');
  if (village.is_land_border || village.is_sea_border) reasons.push('BORDER_AREA');
  if (village.distance_to_office_km > FAR_FROM_OFFICE_KM) reasons.push('FAR_FROM_OFFICE');
  return reasons;
}

function priorityWeight(village: VillageRow): number {
  return 1 + selectionReasonsOf(village).length * 2.5;
}

function variantFor(provinceCode: string, village: VillageRow): Variant {
  if (provinceCode === '19') return 'IMIGRASI_CORNER';
  return village.kind === 'KELURAHAN' ? 'KELURAHAN_BINAAN' : 'DESA_BINAAN';
}

/** Designations grow over time: later dates are more likely than early ones. */
function randomInaugurationDay(random: SeededRandom, today: number): number {
  const start = dayOf(PROGRAMME_START) + 7;
  return start + Math.floor(Math.pow(random.float(), 0.7) * (today - start));
}

async function villagesOf(sql: SqlExecutor, provinceId: number): Promise<VillageRow[]> {
  return sql.query<VillageRow>(
    `SELECT id, code, name, kind, regency_id, is_land_border, is_sea_border, is_migrant_worker_sending_area,
            distance_to_office_km
       FROM village WHERE province_id = $1 ORDER BY code`,
    [provinceId],
  );
}

function planDesignations(ctx: ProgrammeContext, provinceCode: string, villages: VillageRow[]): PlannedDesignation[] {
  const { random, areas, scale } = ctx;
  const character = provinceCharacter(provinceCode);
  const byCode = new Map(villages.map((village) => [village.code, village]));
  const officeOf = (village: VillageRow) => areas.officeByRegencyId.get(village.regency_id)!;
  const planned = new Map<number, PlannedDesignation>();
  const plan = (village: VillageRow, inauguratedDay: number | null, fromSources: boolean, variant?: Variant) => {
    if (planned.has(village.id)) return;
    planned.set(village.id, {
      village,
      variant: variant ?? variantFor(provinceCode, village),
      office: officeOf(village),
      inauguratedDay,
      year: inauguratedDay === null ? yearOf(scale.today) : yearOf(inauguratedDay),
      selectionReasons: selectionReasonsOf(village),
      fromSources,
    });
  };

  for (const reference of referenceDesignations) {
    const village = byCode.get(reference.villageCode);
    if (!village) continue;
    plan(village, reference.inauguratedOn ? dayOf(reference.inauguratedOn) : null, true, reference.variant);
  }
  for (const reference of unnamedReferenceDesignations) {
    const candidates = villages.filter(
      (village) =>
        village.code.startsWith(`${reference.regencyCode}.`) && village.kind === 'DESA' && !planned.has(village.id),
    );
    for (const village of random.weightedSample(candidates, priorityWeight, reference.count)) {
      plan(village, dayOf(reference.inauguratedOn), true);
    }
  }
  // Kelurahan Binaan is planned for every kelurahan of Jakarta Pusat (seed report, 12 June 2024).
  if (provinceCode === '31') {
    for (const village of villages.filter((village) => village.code.startsWith('31.71.'))) {
      const inaugurated = random.chance(0.7) ? dayOf('2024-06-12') + random.int(14, 500) : null;
      plan(village, inaugurated !== null && inaugurated <= scale.today ? inaugurated : null, false);
    }
  }

  const share = scale.designationShare ?? character.designationShare;
  const wanted = Math.max(planned.size, Math.round(villages.length * share));
  const candidates = villages.filter((village) => !planned.has(village.id));
  for (const village of random.weightedSample(candidates, priorityWeight, wanted - planned.size)) {
    const day = randomInaugurationDay(random, scale.today);
    // Some of this year's selections are not inaugurated yet.
    const stillPlanned = yearOf(day) === yearOf(scale.today) && random.chance(0.25);
    plan(village, stillPlanned ? null : day, false);
  }
  return [...planned.values()].sort((a, b) => a.village.code.localeCompare(b.village.code));
}

const reportDescriptions: Record<ReportType, string[]> = {
  FOREIGN_NATIONAL_PRESENT: [
    'Warga melihat orang asing menginap di rumah penduduk tanpa lapor ke desa.',
    'Beberapa pekerja asing tinggal di mess perusahaan dekat desa.',
    'Orang asing berkunjung beberapa hari, belum diketahui izin tinggalnya.',
  ],
  SUSPECTED_TRAFFICKING: [
    'Perekrut tak dikenal menawarkan kerja ke luar negeri tanpa biaya kepada pemuda desa.',
    'Keluarga kehilangan kontak dengan anggota yang diberangkatkan oleh calo.',
  ],
  SUSPECTED_SMUGGLING: [
    'Perahu tanpa identitas terlihat menurunkan penumpang pada malam hari.',
    'Ada rencana penyeberangan orang lewat jalur tidak resmi.',
  ],
  NON_PROCEDURAL_MIGRANT_WORKER: [
    'Warga berangkat bekerja ke luar negeri memakai visa kunjungan.',
    'Calon PMI berangkat tanpa melalui dinas tenaga kerja.',
  ],
  REFUGEES: [
    'Rombongan pengungsi terdampar di pantai dan ditampung sementara oleh warga.',
    'Pengungsi dari penampungan terlihat berpindah ke desa.',
  ],
  PASSPORT_INFORMATION_REQUEST: [
    'Warga menanyakan syarat paspor dan cara mendapat kuota di M-Paspor.',
    'Perangkat desa membantu warga mengisi permohonan paspor di M-Paspor.',
  ],
  OTHER: ['Pertanyaan umum tentang layanan keimigrasian.', 'Laporan kegiatan gugus tugas bulan ini.'],
};

/** What an office did on a follow-up, by report type, and who took part: the timeline's detail. */
const followUpByType: Record<ReportType, { action: string; agencies: string[] }> = {
  FOREIGN_NATIONAL_PRESENT: {
    action: 'Pemeriksaan dokumen dan izin tinggal di lokasi.',
    agencies: ['Bhabinkamtibmas'],
  },
  SUSPECTED_TRAFFICKING: {
    action: 'Keterangan keluarga diambil; kasus diteruskan ke penyidik.',
    agencies: ['Polres', 'BP3MI'],
  },
  SUSPECTED_SMUGGLING: { action: 'Patroli bersama di titik penyeberangan.', agencies: ['Polres', 'Babinsa'] },
  NON_PROCEDURAL_MIGRANT_WORKER: {
    action: 'Calon pekerja diarahkan ke jalur resmi.',
    agencies: ['Dinas Tenaga Kerja', 'BP3MI'],
  },
  REFUGEES: { action: 'Pendataan dan koordinasi penampungan.', agencies: ['Pemerintah Kecamatan', 'Polres'] },
  PASSPORT_INFORMATION_REQUEST: { action: 'Warga dibantu mengajukan permohonan paspor.', agencies: [] },
  OTHER: { action: 'Informasi disampaikan kepada perangkat desa.', agencies: ['Pemerintah Desa'] },
};
const rejectionReason = 'Tidak dapat diverifikasi: keterangan tidak cukup untuk ditindaklanjuti.';

const peopleInvolvedRange: Record<ReportType, [number, number]> = {
  FOREIGN_NATIONAL_PRESENT: [1, 4],
  SUSPECTED_TRAFFICKING: [1, 6],
  SUSPECTED_SMUGGLING: [2, 15],
  NON_PROCEDURAL_MIGRANT_WORKER: [1, 5],
  REFUGEES: [5, 60],
  PASSPORT_INFORMATION_REQUEST: [1, 3],
  OTHER: [1, 2],
};

const agencyPool = [
  'Pemerintah Desa',
  'Pemerintah Kecamatan',
  'Babinsa',
  'Bhabinkamtibmas',
  'Dinas Tenaga Kerja',
  'BP3MI',
  'Dinas Kependudukan dan Pencatatan Sipil',
];

const sessionPlans: { startAfterDays: [number, number]; modules: TrainingModuleCode[] }[] = [
  { startAfterDays: [0, 30], modules: ['PASSPORT_MPASPOR', 'TPPO_NONPROCEDURAL_MIGRATION'] },
  { startAfterDays: [60, 180], modules: ['FOREIGN_NATIONAL_REPORTING', 'REFUGEE_HANDLING'] },
  {
    startAfterDays: [240, 420],
    modules: ['PASSPORT_MPASPOR', 'TPPO_NONPROCEDURAL_MIGRATION', 'FOREIGN_NATIONAL_REPORTING', 'REFUGEE_HANDLING'],
  },
];

/** Why a designation was suspended or ended, as an office would record it. */
const statusReasons = {
  SUSPENDED: [
    'Satgas tidak aktif setelah pergantian kepala desa.',
    'Kegiatan dihentikan sementara menunggu SK baru.',
    'Petugas pembina dimutasi; menunggu penunjukan pengganti.',
  ],
  ENDED: ['Desa digabung dengan desa lain.', 'Evaluasi tahunan: tujuan program tercapai.'],
} as const;

class ProvinceGenerator {
  private readonly character: ProvinceCharacter;
  private readonly today: number;
  private readonly reporterNames: string[];
  /** Designated count per regency id and year, for the work-plan targets. */
  readonly designatedByRegencyYear = new Map<number, Map<number, number>>();

  constructor(
    private readonly ctx: ProgrammeContext,
    provinceCode: string,
    private readonly provinceId: number,
  ) {
    this.character = provinceCharacter(provinceCode);
    this.today = ctx.scale.today;
    this.reporterNames = Array.from({ length: 200 }, () => ctx.random.faker.person.fullName());
  }

  private phone(): string {
    return `08${this.ctx.random.int(11, 59)}${String(this.ctx.random.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  async designation(plan: PlannedDesignation): Promise<void> {
    const { writer, random, ids } = this.ctx;
    const { village } = plan;
    const id = ids.next('designation');
    let status: DesignationStatus = plan.inauguratedDay === null ? 'PLANNED' : 'ACTIVE';
    let statusChangedDay =
      plan.inauguratedDay ?? Math.min(this.today, dayOf(`${plan.year}-01-15`) + random.int(0, 200));
    let activeUntil = this.today;
    if (plan.inauguratedDay !== null && !plan.fromSources && this.today - plan.inauguratedDay > 365) {
      const roll = random.float();
      if (roll < 0.06) {
        status = roll < 0.02 ? 'ENDED' : 'SUSPENDED';
        statusChangedDay = plan.inauguratedDay + random.int(200, this.today - plan.inauguratedDay);
        activeUntil = statusChangedDay;
      }
    }
    const createdDay = Math.min(statusChangedDay, plan.inauguratedDay ?? statusChangedDay) - 30;
    const decreeNumber =
      plan.inauguratedDay === null ? null : `SK/${plan.office.code}/${plan.year}/${String(id).padStart(4, '0')}`;
    const officerName = random.faker.person.fullName();
    const statusChangedAt = isoTimestamp(statusChangedDay, random.float());
    const createdAt = isoTimestamp(createdDay, random.float());
    await writer.add('designation', {
      id,
      village_id: village.id,
      variant: plan.variant,
      office_id: plan.office.id,
      year: plan.year,
      status,
      inaugurated_on: plan.inauguratedDay === null ? null : isoDate(plan.inauguratedDay),
      status_changed_at: statusChangedAt,
      decree_number: decreeNumber,
      // The decree comes two weeks before the inauguration it orders (no extra random draw: the demo
      // figures stay as they were).
      decree_date: plan.inauguratedDay === null ? null : isoDate(Math.max(createdDay, plan.inauguratedDay - 14)),
      officer_name: officerName,
      selection_reasons: pgArray(plan.selectionReasons),
      created_at: createdAt,
    });
    await this.statusHistory(id, plan, status, { statusChangedDay, statusChangedAt, createdDay, createdAt });
    const byYear = this.designatedByRegencyYear.get(village.regency_id) ?? new Map<number, number>();
    byYear.set(plan.year, (byYear.get(plan.year) ?? 0) + 1);
    this.designatedByRegencyYear.set(village.regency_id, byYear);

    if (plan.inauguratedDay === null) return;
    const members = await this.taskForce(id, plan.inauguratedDay, officerName);
    await this.trainings(plan, members);
    await this.activities(plan, activeUntil);
    await this.reports(plan, id, activeUntil);
  }

  /**
   * The designation's history: planned when recorded, ACTIVE from its inauguration, then suspended or
   * ended. Recorded at the designation's own times, and drawing nothing from the random sequence, so the
   * rest of the demo data is what it was before the history existed.
   */
  private async statusHistory(
    designationId: number,
    plan: PlannedDesignation,
    status: DesignationStatus,
    times: { statusChangedDay: number; statusChangedAt: string; createdDay: number; createdAt: string },
  ): Promise<void> {
    const { writer, ids } = this.ctx;
    const recordedBy = `officer:${plan.office.code}`;
    const steps: {
      from: DesignationStatus | null;
      to: DesignationStatus;
      day: number;
      at: string;
      reason: string | null;
    }[] = [{ from: null, to: 'PLANNED', day: times.createdDay, at: times.createdAt, reason: null }];
    if (plan.inauguratedDay !== null) {
      const at = status === 'ACTIVE' ? times.statusChangedAt : isoTimestamp(plan.inauguratedDay, 0.4);
      steps.push({ from: 'PLANNED', to: 'ACTIVE', day: plan.inauguratedDay, at, reason: null });
    }
    if (status === 'SUSPENDED' || status === 'ENDED') {
      const reasons = statusReasons[status];
      const reason = reasons[designationId % reasons.length]!;
      steps.push({ from: 'ACTIVE', to: status, day: times.statusChangedDay, at: times.statusChangedAt, reason });
    }
    for (const step of steps) {
      await writer.add('designation_status_change', {
        id: ids.next('designation_status_change'),
        designation_id: designationId,
        from_status: step.from,
        to_status: step.to,
        effective_on: isoDate(step.day),
        recorded_at: step.at,
        recorded_by: recordedBy,
        reason: step.reason,
      });
    }
  }

  private async taskForce(designationId: number, formedDay: number, officerName: string): Promise<number[]> {
    const { writer, random, ids, scale } = this.ctx;
    const taskForceId = ids.next('task_force');
    await writer.add('task_force', {
      id: taskForceId,
      designation_id: designationId,
      formed_on: isoDate(formedDay),
      decree_number: null,
    });
    const [min, max] = scale.membersPerTaskForce;
    const size = random.int(min, max);
    const roles: TaskForceRole[] = ['VILLAGE_HEAD', 'VILLAGE_SECRETARY', 'BABINSA', 'BHABINKAMTIBMAS', TRAINER_ROLE];
    while (roles.length < size) roles.push(random.chance(0.7) ? 'VILLAGE_OFFICIAL' : 'COMMUNITY_FIGURE');
    const trainees: number[] = [];
    for (const role of roles) {
      const id = ids.next('task_force_member');
      const trainee = role !== TRAINER_ROLE;
      const left = trainee && random.chance(0.04) && this.today - formedDay > 120;
      await writer.add('task_force_member', {
        id,
        task_force_id: taskForceId,
        role,
        full_name: trainee ? random.faker.person.fullName() : officerName,
        phone: this.phone(),
        is_synthetic: true,
        joined_on: isoDate(formedDay),
        left_on: left ? isoDate(formedDay + random.int(90, this.today - formedDay)) : null,
      });
      if (trainee) trainees.push(id);
    }
    return trainees;
  }

  private async trainings(plan: PlannedDesignation, members: number[]): Promise<void> {
    const { writer, random, ids, areas } = this.ctx;
    for (const session of sessionPlans) {
      const day = plan.inauguratedDay! + random.int(...session.startAfterDays);
      if (day > this.today) break;
      const sessionId = ids.next('training_session');
      await writer.add('training_session', {
        id: sessionId,
        office_id: plan.office.id,
        held_on: isoDate(day),
        place: `Balai Desa ${plan.village.name}`,
        village_id: plan.village.id,
      });
      for (const code of session.modules) {
        const moduleId = areas.moduleIdByCode.get(code)!;
        await writer.add('training_session_module', { session_id: sessionId, module_id: moduleId });
        for (const memberId of members) {
          if (!random.chance(0.85)) continue;
          await writer.add('training_attendance', {
            id: ids.next('training_attendance'),
            session_id: sessionId,
            member_id: memberId,
            module_id: moduleId,
            attended: true,
            completed: random.chance(this.character.completionRate),
          });
        }
      }
    }
  }

  private async activities(plan: PlannedDesignation, activeUntil: number): Promise<void> {
    const { random } = this.ctx;
    const start = plan.inauguratedDay!;
    // The sources describe their own inauguration events; the rest get a synthetic one.
    if (!referenceActivities.some((activity) => activity.villageCode === plan.village.code)) {
      await this.activity(plan, 'SOCIALISATION', `Peresmian dan sosialisasi ${this.label(plan)}`, start);
    }
    const years = Math.max(0, (activeUntil - start) / 365);
    const count = random.poisson(1.6 * years);
    for (let index = 0; index < count; index += 1) {
      const type = random.weighted({
        COUNSELLING: 3,
        SOCIALISATION: 2,
        TASK_STRENGTHENING_VISIT: 3,
        COORDINATION_MEETING: 1,
      });
      const titles = {
        COUNSELLING: `Penyuluhan keimigrasian di ${plan.village.name}`,
        SOCIALISATION: `Sosialisasi M-Paspor di ${plan.village.name}`,
        TASK_STRENGTHENING_VISIT: `Penguatan gugus tugas ${this.label(plan)}`,
        COORDINATION_MEETING: `Rapat koordinasi gugus tugas ${plan.village.name}`,
      };
      await this.activity(plan, type, titles[type], start + random.int(7, Math.max(7, activeUntil - start)));
    }
  }

  private label(plan: PlannedDesignation): string {
    const names: Record<Variant, string> = {
      DESA_BINAAN: 'Desa Binaan Imigrasi',
      KELURAHAN_BINAAN: 'Kelurahan Binaan',
      IMIGRASI_CORNER: 'Imigrasi Corner',
    };
    return `${names[plan.variant]} ${plan.village.name}`;
  }

  private async activity(plan: PlannedDesignation, type: string, title: string, day: number): Promise<void> {
    const { writer, random, ids } = this.ctx;
    if (day > this.today) return;
    const agencies = agencyPool.filter(() => random.chance(0.4));
    await writer.add('activity', {
      id: ids.next('activity'),
      type,
      title,
      held_on: isoDate(day),
      place:
        plan.village.kind === 'KELURAHAN' ? `Kantor Kelurahan ${plan.village.name}` : `Balai Desa ${plan.village.name}`,
      village_id: plan.village.id,
      regency_id: plan.village.regency_id,
      province_id: this.provinceId,
      office_id: plan.office.id,
      agencies_present: pgArray(agencies.length > 0 ? agencies : ['Pemerintah Desa']),
      attendee_count: random.int(12, 80),
      description: null,
    });
  }

  private async reports(plan: PlannedDesignation, designationId: number, activeUntil: number): Promise<void> {
    const { writer, random, ids, scale } = this.ctx;
    const villageFactor = 0.4 + random.float() * 1.2;
    const meanPerMonth = this.character.reportsPerMonth * scale.reportRateFactor * villageFactor;
    const start = plan.inauguratedDay!;
    for (const [monthIndex, monthStart] of monthStarts(start, activeUntil).entries()) {
      // Villages take a few months to start reporting at full rate.
      const rampUp = Math.min(1, 0.4 + monthIndex * 0.25);
      const count = random.poisson(meanPerMonth * rampUp);
      for (let index = 0; index < count; index += 1) {
        const day = monthStart + random.int(0, daysInMonth(monthStart) - 1);
        if (day < start || day > activeUntil) continue;
        const type = random.weighted(this.character.reportMix);
        const reportId = ids.next('village_report');
        const submittedAt = isoTimestamp(day, random.float());
        const steps = this.reportWorkflow(plan, day, submittedAt);
        const last = steps[steps.length - 1]!;
        const [minPeople, maxPeople] = peopleInvolvedRange[type];
        const named = random.chance(0.6);
        await writer.add('village_report', {
          id: reportId,
          submitter: SYNTHETIC_SUBMITTER,
          source: SYNTHETIC_SOURCE,
          client_reference: `seed-${reportId}`,
          village_id: plan.village.id,
          regency_id: plan.village.regency_id,
          province_id: this.provinceId,
          designation_id: designationId,
          type,
          occurred_on: isoDate(day - Math.floor(random.exponential(2))),
          submitted_at: submittedAt,
          people_involved: random.int(minPeople, maxPeople),
          description: random.pick(reportDescriptions[type]),
          reporter_name: named ? random.pick(this.reporterNames) : null,
          reporter_phone: named ? this.phone() : null,
          status: last.to,
          status_changed_at: last.at,
          followed_up_at: steps.find((step) => step.to === 'FOLLOWED_UP')?.at ?? null,
        });
        for (const step of steps) {
          await writer.add('report_status_transition', {
            id: ids.next('report_status_transition'),
            report_id: reportId,
            from_status: step.from,
            to_status: step.to,
            changed_at: step.at,
            changed_by: step.by,
            note: step.to === 'REJECTED' ? rejectionReason : null,
            action_taken: step.to === 'FOLLOWED_UP' ? followUpByType[type].action : null,
            agencies: pgArray(step.to === 'FOLLOWED_UP' ? followUpByType[type].agencies : []),
          });
        }
      }
    }
  }

  /** Walks a report through the workflow as far as the time between submission and today allows. */
  private reportWorkflow(plan: PlannedDesignation, submittedDay: number, submittedAt: string): WorkflowStep[] {
    const { random } = this.ctx;
    const officer = `officer:${plan.office.code}`;
    const steps: WorkflowStep[] = [{ from: null, to: 'SUBMITTED', at: submittedAt, by: SYNTHETIC_SOURCE }];
    let day = submittedDay;
    const advance = (meanDays: number) => {
      day += Math.max(0, Math.round(random.exponential(meanDays)));
      return day <= this.today ? isoTimestamp(day, random.float()) : null;
    };
    const verifiedAt = advance(1.5);
    if (verifiedAt) {
      const rejected = random.chance(0.06);
      steps.push({ from: 'SUBMITTED', to: rejected ? 'REJECTED' : 'VERIFIED', at: verifiedAt, by: officer });
      if (!rejected && random.chance(0.93)) {
        const followedUpAt = advance(this.character.followUpDays);
        if (followedUpAt) {
          steps.push({ from: 'VERIFIED', to: 'FOLLOWED_UP', at: followedUpAt, by: officer });
          const closedAt = random.chance(0.85) ? advance(10) : null;
          if (closedAt) steps.push({ from: 'FOLLOWED_UP', to: 'CLOSED', at: closedAt, by: officer });
        }
      }
    }
    // Timestamps within a day are random; keep each step at or after the previous one.
    for (let index = 1; index < steps.length; index += 1) {
      if (steps[index]!.at < steps[index - 1]!.at) steps[index]!.at = steps[index - 1]!.at;
    }
    return steps;
  }

  /** The work plan: yearly targets per kabupaten/kota, summed into the province's target. */
  async targets(regencyIds: number[]): Promise<void> {
    const { writer, random, ids } = this.ctx;
    const firstYear = yearOf(dayOf(PROGRAMME_START));
    for (let year = firstYear; year <= yearOf(this.today); year += 1) {
      let provinceVillages = 0;
      for (const regencyId of regencyIds) {
        const designated = this.designatedByRegencyYear.get(regencyId)?.get(year) ?? 0;
        // Plans are a little ambitious, and sometimes name a kabupaten that then designates nobody.
        const target =
          designated > 0 ? Math.ceil(designated * (1 + random.float() * 0.5)) : random.chance(0.15) ? 1 : 0;
        if (target === 0) continue;
        provinceVillages += target;
        await writer.add('regency_target', {
          id: ids.next('regency_target'),
          regency_id: regencyId,
          year,
          villages_to_designate: target,
          members_to_train: target * 9,
        });
      }
      if (provinceVillages === 0) continue;
      await writer.add('province_target', {
        id: ids.next('province_target'),
        province_id: this.provinceId,
        year,
        villages_to_designate: provinceVillages,
        members_to_train: provinceVillages * 9,
      });
    }
  }
}

async function writeReferenceActivities(ctx: ProgrammeContext): Promise<void> {
  const { writer, ids, areas, sql } = ctx;
  for (const activity of referenceActivities) {
    const regencyId = areas.regencyIdByCode.get(activity.regencyCode);
    const officeId = areas.officeIdByCode.get(activity.officeCode);
    if (regencyId === undefined || officeId === undefined) continue;
    const [village] = activity.villageCode
      ? await sql.query<{ id: number }>('SELECT id FROM village WHERE code = $1', [activity.villageCode])
      : [];
    await writer.add('activity', {
      id: ids.next('activity'),
      type: activity.type,
      title: activity.title,
      held_on: activity.heldOn,
      place: activity.place,
      village_id: village?.id ?? null,
      regency_id: regencyId,
      province_id: areas.provinceIdByCode.get(activity.regencyCode.slice(0, 2))!,
      office_id: officeId,
      agencies_present: pgArray(activity.agenciesPresent),
      attendee_count: activity.attendeeCount,
      description: activity.description,
    });
  }
}

export async function writeProgramme(
  ctx: ProgrammeContext,
  onProvince: (provinceCode: string, index: number, total: number) => void,
): Promise<void> {
  const provinceCodes = [...ctx.areas.provinceCodes].sort();
  for (const [index, provinceCode] of provinceCodes.entries()) {
    onProvince(provinceCode, index, provinceCodes.length);
    const provinceId = ctx.areas.provinceIdByCode.get(provinceCode)!;
    const villages = await villagesOf(ctx.sql, provinceId);
    const generator = new ProvinceGenerator(ctx, provinceCode, provinceId);
    for (const plan of planDesignations(ctx, provinceCode, villages)) await generator.designation(plan);
    const regencyIds = [...new Set(villages.map((village) => village.regency_id))].sort((a, b) => a - b);
    await generator.targets(regencyIds);
  }
  await writeReferenceActivities(ctx);
  await ctx.writer.flush();
}
