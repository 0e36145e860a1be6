-- Offices edit and end task-force members and a Kanwil sets its work-plan targets from the dashboard: a
-- version on each guards against two officers overwriting each other. A Timpora meeting records its topics.

-- AlterTable
ALTER TABLE "activity" ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "regency_target" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "task_force_member" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
