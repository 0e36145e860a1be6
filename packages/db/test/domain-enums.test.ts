// The database's enums and @binaan/domain's lists are one vocabulary: a value added to one and not the
// other fails the type check (the Same<> lines) and this test (the order and the values).
import * as domain from '@binaan/domain';
import { describe, expect, it } from 'vitest';
import * as prisma from '../src/generated/prisma/client.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType = <_ extends true>() => undefined;

sameType<Same<prisma.ReportType, domain.ReportType>>();
sameType<Same<prisma.ReportStatus, domain.ReportStatus>>();
sameType<Same<prisma.ProgrammeVariant, domain.ProgrammeVariant>>();
sameType<Same<prisma.DesignationStatus, domain.DesignationStatus>>();
sameType<Same<prisma.SelectionReason, domain.SelectionReason>>();
sameType<Same<prisma.TaskForceRole, domain.TaskForceRole>>();
sameType<Same<prisma.ActivityType, domain.ActivityType>>();
sameType<Same<prisma.OfficeClass, domain.OfficeClass>>();
sameType<Same<prisma.RegencyKind, domain.RegencyKind>>();
sameType<Same<prisma.VillageKind, domain.VillageKind>>();
sameType<Same<prisma.UserRole, domain.UserRole>>();
sameType<Same<prisma.SignalStatus, domain.SignalStatus>>();

describe('the database enums are the domain vocabulary', () => {
  it.each([
    ['ReportType', prisma.ReportType, domain.reportTypes],
    ['ReportStatus', prisma.ReportStatus, domain.reportStatuses],
    ['ProgrammeVariant', prisma.ProgrammeVariant, domain.programmeVariants],
    ['DesignationStatus', prisma.DesignationStatus, domain.designationStatuses],
    ['SelectionReason', prisma.SelectionReason, domain.selectionReasons],
    ['TaskForceRole', prisma.TaskForceRole, domain.taskForceRoles],
    ['ActivityType', prisma.ActivityType, domain.activityTypes],
    ['OfficeClass', prisma.OfficeClass, domain.officeClasses],
    ['RegencyKind', prisma.RegencyKind, domain.regencyKinds],
    ['VillageKind', prisma.VillageKind, domain.villageKinds],
    ['UserRole', prisma.UserRole, domain.userRoles],
    ['SignalStatus', prisma.SignalStatus, domain.signalStatuses],
  ] as const)('%s has the same values in the same order', (_name, databaseEnum, domainList) => {
    expect(Object.values(databaseEnum)).toEqual([...domainList]);
  });
});
