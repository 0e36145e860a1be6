-- DropIndex
DROP INDEX "village_report_submitted_at_idx";

-- CreateIndex
CREATE INDEX "village_report_submitted_at_village_id_idx" ON "village_report"("submitted_at", "village_id");
