-- DropIndex
DROP INDEX "village_report_submitted_at_idx";

-- CreateIndex
CREATE INDEX "village_report_submitted_at_village_id_followed_up_at_idx" ON "village_report"("submitted_at", "village_id", "followed_up_at");
