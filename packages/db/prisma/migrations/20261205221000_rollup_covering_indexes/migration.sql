-- The overview sums every area's rollup rows up to a day. Read through these indexes alone (they hold the
-- counts), the rows no longer cost a visit to each table page they are spread over (npm run
-- explain:overview -w @binaan/bench: 34 -> 21 ms for the overview's statements, nationally).

-- DropIndex
DROP INDEX "designated_village_rollup_grain_area_level_variant_set_peri_idx";

-- DropIndex
DROP INDEX "inauguration_rollup_grain_area_level_period_start_idx";

-- DropIndex
DROP INDEX "training_rollup_grain_area_level_module_id_period_start_idx";

-- CreateIndex
CREATE INDEX "designated_village_rollup_grain_area_level_variant_set_peri_idx" ON "designated_village_rollup"("grain", "area_level", "variant_set", "period_start", "area_id", "villages");

-- CreateIndex
CREATE INDEX "inauguration_rollup_grain_area_level_period_start_area_id_v_idx" ON "inauguration_rollup"("grain", "area_level", "period_start", "area_id", "variant", "year", "designations");

-- CreateIndex
CREATE INDEX "training_rollup_grain_area_level_module_id_period_start_are_idx" ON "training_rollup"("grain", "area_level", "module_id", "period_start", "area_id", "variant", "present", "completed");
