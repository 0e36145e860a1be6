// Prisma `where` fragments that keep every read inside the caller's kabupaten/kota. Root connections,
// relation fields and node(id) lookups all add them, so an out-of-area record is simply not there.
import type { Prisma } from '@binaan/db';
import type { Permissions } from './permissions.js';

const regencyIn = (permissions: Permissions) => ({ in: [...(permissions.regencyIds ?? [])] });

/** No row at all: for callers who may not read records (e.g. a submit-only token). */
const NOTHING = { id: -1 };

/** Records the caller may read: none without the permission, else those in their area. */
export const scopeWhere = {
  village(permissions: Permissions): Prisma.VillageWhereInput {
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
  designation(permissions: Permissions): Prisma.DesignationWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { village: { regencyId: regencyIn(permissions) } } : {};
  },
  taskForce(permissions: Permissions): Prisma.TaskForceWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { designation: scopeWhere.designation(permissions) } : {};
  },
  member(permissions: Permissions): Prisma.TaskForceMemberWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { taskForce: scopeWhere.taskForce(permissions) } : {};
  },
  trainingSession(permissions: Permissions): Prisma.TrainingSessionWhereInput {
    if (!permissions.readRecords) return NOTHING;
    if (!permissions.regencyIds) return {};
    return {
      OR: [
        { village: { regencyId: regencyIn(permissions) } },
        { villageId: null, office: { workingAreas: { some: { regencyId: regencyIn(permissions) } } } },
      ],
    };
  },
  attendance(permissions: Permissions): Prisma.TrainingAttendanceWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { member: scopeWhere.member(permissions) } : {};
  },
  activity(permissions: Permissions): Prisma.ActivityWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
  report(permissions: Permissions): Prisma.VillageReportWhereInput {
    if (!permissions.readRecords) return NOTHING;
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
};
