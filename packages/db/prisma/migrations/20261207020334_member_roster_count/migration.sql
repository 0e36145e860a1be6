-- CreateTable
CREATE TABLE "member_roster_count" (
    "area_level" CHAR(1) NOT NULL,
    "area_id" INTEGER NOT NULL,
    "role" "task_force_role" NOT NULL,
    "current" BOOLEAN NOT NULL,
    "modules_completed" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "member_roster_count_pkey" PRIMARY KEY ("area_level","area_id","role","current","modules_completed")
);

-- Filled by the training family's rebuild once its file keeps this table: the migrator runs it after the
-- rollup files.
UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name = 'training';
