-- Designations get a history of status changes, as reports have transitions: who, when, the day each took
-- effect and why. Figures for a past date count the status in force that day, so suspending a village
-- today no longer rewrites what was counted before. The history is backfilled from what exists: PLANNED
-- from the day the designation was recorded, ACTIVE from its inauguration, and SUSPENDED or ENDED from
-- the day of its last status change, in the village's own time zone.
-- The coverage, completeness and training rollups read the history: their rows are rebuilt by the
-- migrator after it applies their new files (rebuild_requested below).

-- The old rows (one day per village) are rebuilt in the new shape (+1/-1 per span); the view that
-- computes them gains a column, which CREATE OR REPLACE in rollups/coverage.sql cannot add.
DELETE FROM "village_designation_event";
DROP VIEW IF EXISTS "village_designation_event_source";

-- AlterTable
ALTER TABLE "village_designation_event" DROP CONSTRAINT "village_designation_event_pkey",
ADD COLUMN     "change" INTEGER NOT NULL,
ADD CONSTRAINT "village_designation_event_pkey" PRIMARY KEY ("village_id", "variant_set", "day");

-- A member now counts once per span of their designation being ACTIVE (rebuilt below, as above).
DELETE FROM "member_training_event";
ALTER TABLE "member_training_event" DROP CONSTRAINT "member_training_event_pkey",
ADD CONSTRAINT "member_training_event_pkey" PRIMARY KEY ("member_id", "module_id", "kind", "day");

-- CreateTable
CREATE TABLE "designation_status_change" (
    "id" SERIAL NOT NULL,
    "designation_id" INTEGER NOT NULL,
    "from_status" "designation_status",
    "to_status" "designation_status" NOT NULL,
    "effective_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" TEXT NOT NULL,
    "reason" TEXT,

    CONSTRAINT "designation_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "designation_status_change_designation_id_effective_on_idx" ON "designation_status_change"("designation_id", "effective_on");

-- AddForeignKey
ALTER TABLE "designation_status_change" ADD CONSTRAINT "designation_status_change_designation_id_fkey" FOREIGN KEY ("designation_id") REFERENCES "designation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill. The zone of each village's province (as @binaan/domain's timeZoneOfArea has it today).
WITH g AS (
  SELECT d.*, (CASE WHEN left(p.code, 2) IN ('81', '82', '91', '92', '93', '94', '95', '96') THEN 'Asia/Jayapura'
                    WHEN left(p.code, 2) IN ('51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76') THEN 'Asia/Makassar'
                    ELSE 'Asia/Jakarta' END) AS zone
    FROM "designation" d JOIN "village" v ON v.id = d.village_id JOIN "province" p ON p.id = v.province_id
), planned AS (
  SELECT g.*, LEAST((g.created_at AT TIME ZONE g.zone)::date, COALESCE(g.inaugurated_on, 'infinity'::date)) AS planned_on FROM g
)
INSERT INTO "designation_status_change" (designation_id, from_status, to_status, effective_on, recorded_at, recorded_by, reason)
SELECT id, from_status, to_status, effective_on, recorded_at, 'migration', NULL
  FROM (
    SELECT id, 1 AS step, NULL::designation_status AS from_status, 'PLANNED'::designation_status AS to_status,
           planned_on AS effective_on, created_at AS recorded_at
      FROM planned WHERE inaugurated_on IS NULL OR planned_on < inaugurated_on
    UNION ALL
    SELECT id, 2, CASE WHEN planned_on < inaugurated_on THEN 'PLANNED'::designation_status END, 'ACTIVE', inaugurated_on,
           CASE WHEN status = 'ACTIVE' THEN status_changed_at ELSE created_at END
      FROM planned WHERE inaugurated_on IS NOT NULL AND status <> 'PLANNED'
    UNION ALL
    SELECT id, 3, CASE WHEN inaugurated_on IS NOT NULL THEN 'ACTIVE'::designation_status ELSE 'PLANNED' END, status,
           GREATEST((status_changed_at AT TIME ZONE zone)::date, COALESCE(inaugurated_on, planned_on)), status_changed_at
      FROM planned WHERE status IN ('SUSPENDED', 'ENDED')
  ) steps
 ORDER BY id, step;

UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name IN ('coverage', 'completeness', 'training');
