-- CreateIndex
CREATE INDEX "training_rollup_grain_area_level_module_id_period_start_idx" ON "training_rollup"("grain", "area_level", "module_id", "period_start");
