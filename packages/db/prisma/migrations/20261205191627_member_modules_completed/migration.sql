-- AlterTable
ALTER TABLE "task_force_member" ADD COLUMN     "modules_completed" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "task_force_member_joined_on_idx" ON "task_force_member"("joined_on");

-- The members' counts so far; the training rollup's triggers keep them from here on (rollups/training.sql).
UPDATE "task_force_member" m
   SET "modules_completed" = c.modules
  FROM (SELECT member_id, COUNT(DISTINCT module_id)::int AS modules
          FROM "training_attendance" WHERE completed GROUP BY member_id) c
 WHERE c.member_id = m.id;
