-- CreateTable
CREATE TABLE "completeness_day_rollup" (
    "area_level" CHAR(1) NOT NULL,
    "area_id" INTEGER NOT NULL,
    "variant_set" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "entered" INTEGER NOT NULL,
    "reporting" INTEGER NOT NULL,

    CONSTRAINT "completeness_day_rollup_pkey" PRIMARY KEY ("area_level","variant_set","day","area_id")
);

-- CreateTable
CREATE TABLE "village_completeness_day" (
    "village_id" INTEGER NOT NULL,
    "variant_set" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "entered" INTEGER NOT NULL,
    "reporting" INTEGER NOT NULL,
    "district_id" INTEGER NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,

    CONSTRAINT "village_completeness_day_pkey" PRIMARY KEY ("village_id","variant_set","day")
);

-- CreateTable
CREATE TABLE "village_month_first_report" (
    "village_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "first_day" DATE NOT NULL,

    CONSTRAINT "village_month_first_report_pkey" PRIMARY KEY ("village_id","month")
);

-- CreateIndex
CREATE INDEX "completeness_day_rollup_area_level_area_id_variant_set_day_idx" ON "completeness_day_rollup"("area_level", "area_id", "variant_set", "day");

-- Filled by the coverage family's rebuild once its file (with the functions that keep these tables) is
-- applied: the migrator runs it after the rollup files.
UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name = 'coverage';
