-- CreateIndex
CREATE INDEX "report_rollup_grain_area_level_area_id_period_start_idx" ON "report_rollup"("grain", "area_level", "area_id", "period_start");

-- CreateIndex
CREATE INDEX "training_rollup_grain_area_level_area_id_period_start_idx" ON "training_rollup"("grain", "area_level", "area_id", "period_start");
