// Prisma `where` fragments that keep every read inside the caller's kabupaten/kota. Root connections,
// relation fields and node(id) lookups all add them, so an out-of-area record is simply not there.
import type { Prisma } from '@binaan/db';
import type { Permissions } from './permissions.js';

const regencyIn = (permissions: Permissions) => ({ in: [...(permissions.regencyIds ?? [])] });

export const scopeWhere = {
  village(permissions: Permissions): Prisma.VillageWhereInput {
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
  designation(permissions: Permissions): Prisma.DesignationWhereInput {
    return permissions.regencyIds ? { village: { regencyId: regencyIn(permissions) } } : {};
  },
  taskForce(permissions: Permissions): Prisma.TaskForceWhereInput {
    return permissions.regencyIds ? { designation: scopeWhere.designation(permissions) } : {};
  },
  member(permissions: Permissions): Prisma.TaskForceMemberWhereInput {
    return permissions.regencyIds ? { taskForce: scopeWhere.taskForce(permissions) } : {};
  },
  trainingSession(permissions: Permissions): Prisma.TrainingSessionWhereInput {
    if (!permissions.regencyIds) return {};
    return {
      OR: [
        { village: { regencyId: regencyIn(permissions) } },
        { villageId: null, office: { workingAreas: { some: { regencyId: regencyIn(permissions) } } } },
      ],
    };
  },
  attendance(permissions: Permissions): Prisma.TrainingAttendanceWhereInput {
    return permissions.regencyIds ? { member: scopeWhere.member(permissions) } : {};
  },
  activity(permissions: Permissions): Prisma.ActivityWhereInput {
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
  report(permissions: Permissions): Prisma.VillageReportWhereInput {
    return permissions.regencyIds ? { regencyId: regencyIn(permissions) } : {};
  },
};
