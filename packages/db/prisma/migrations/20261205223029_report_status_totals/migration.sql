-- CreateTable
CREATE TABLE "report_status_total" (
    "area_level" CHAR(1) NOT NULL,
    "area_id" INTEGER NOT NULL,
    "variant" TEXT NOT NULL,
    "type" "report_type" NOT NULL,
    "status" "report_status" NOT NULL,
    "reports" INTEGER NOT NULL,
    "followed_up" INTEGER NOT NULL,

    CONSTRAINT "report_status_total_pkey" PRIMARY KEY ("area_level","area_id","variant","type","status")
);

-- Filled by the report-totals rebuild once its file keeps this table: the migrator runs it after the
-- rollup files.
UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name = 'report-totals';
