import { describe, expect, it } from 'vitest';
import {
  areaCodeExamples,
  areaCodeFormats,
  canMoveReport,
  FOLLOW_UP_DEADLINE_DAYS,
  FOLLOW_UP_DUE_SOON_DAYS,
  followUpUrgency,
  reportStepRequires,
  isOpenReportStatus,
  reportStatuses,
  taskForceRoles,
  timeZoneOfArea,
  todayInArea,
  todayInIndonesia,
  traineeRoles,
} from '../src/index.js';

describe('time zones', () => {
  it('puts each of the source reports’ provinces in its zone', () => {
    expect(timeZoneOfArea('31')).toBe('WIB'); // DKI Jakarta
    expect(timeZoneOfArea('19.01')).toBe('WIB'); // Bangka Belitung
    expect(timeZoneOfArea('53.18.01.2001')).toBe('WITA'); // NTT
    expect(timeZoneOfArea('63.02')).toBe('WITA'); // Kalimantan Selatan
    expect(timeZoneOfArea('61')).toBe('WIB'); // Kalimantan Barat
    expect(timeZoneOfArea('94.01')).toBe('WIT'); // Papua Tengah
  });
  it('gives a village its own date while WIB is still on the day before', () => {
    const halfPastFourUtc = new Date('2026-12-04T16:30:00Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(todayInIndonesia(halfPastFourUtc)).toBe('2026-12-04');
    expect(todayInArea('53.18.01.2001', halfPastFourUtc)).toBe('2026-12-05');
    expect(todayInArea('91.01', halfPastFourUtc)).toBe('2026-12-05');
    expect(todayInArea('31.71', halfPastFourUtc)).toBe('2026-12-04');
  });
});

describe('the report workflow', () => {
  it('goes submitted → verified → followed up → closed, or to rejected before follow-up', () => {
    expect(canMoveReport('SUBMITTED', 'VERIFIED')).toBe(true);
    expect(canMoveReport('VERIFIED', 'REJECTED')).toBe(true);
    expect(canMoveReport('FOLLOWED_UP', 'REJECTED')).toBe(false);
    expect(canMoveReport('SUBMITTED', 'CLOSED')).toBe(false);
    expect(reportStatuses.filter(isOpenReportStatus)).toEqual(['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP']);
  });
  it('ends in closed or rejected: nothing leaves them', () => {
    for (const to of reportStatuses) {
      expect(canMoveReport('CLOSED', to)).toBe(false);
      expect(canMoveReport('REJECTED', to)).toBe(false);
    }
  });
});

describe('the rest of the vocabulary', () => {
  it('trains every task-force role but the immigration officer, who gives the training', () => {
    expect(traineeRoles).toHaveLength(taskForceRoles.length - 1);
    expect(traineeRoles).not.toContain('IMMIGRATION_OFFICER');
  });
  it('gives examples that fit their own code formats', () => {
    for (const [level, format] of Object.entries(areaCodeFormats)) {
      expect(areaCodeExamples[level as keyof typeof areaCodeExamples]).toMatch(format);
    }
    expect('53.18.1').not.toMatch(areaCodeFormats.DISTRICT);
  });
});

describe('the follow-up deadline', () => {
  it('counts a report not yet followed up as on time, due soon, then overdue', () => {
    expect(followUpUrgency('SUBMITTED', 0)).toBe('ON_TIME');
    expect(followUpUrgency('SUBMITTED', FOLLOW_UP_DUE_SOON_DAYS - 1)).toBe('ON_TIME');
    expect(followUpUrgency('VERIFIED', FOLLOW_UP_DUE_SOON_DAYS)).toBe('DUE_SOON');
    expect(followUpUrgency('VERIFIED', FOLLOW_UP_DEADLINE_DAYS)).toBe('DUE_SOON');
    expect(followUpUrgency('SUBMITTED', FOLLOW_UP_DEADLINE_DAYS + 1)).toBe('OVERDUE');
  });
  it('has nothing due once a report is followed up, closed or rejected', () => {
    for (const status of ['FOLLOWED_UP', 'CLOSED', 'REJECTED'] as const) {
      expect(followUpUrgency(status, 100)).toBeNull();
    }
  });
  it('asks a reason only of a rejection and the action only of a follow-up', () => {
    const needs = reportStatuses.map((status) => [status, reportStepRequires[status]] as const);
    expect(needs.filter(([, need]) => need.reason).map(([status]) => status)).toEqual(['REJECTED']);
    expect(needs.filter(([, need]) => need.actionTaken).map(([status]) => status)).toEqual(['FOLLOWED_UP']);
  });
});
