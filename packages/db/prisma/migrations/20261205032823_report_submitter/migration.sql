-- Idempotency keys become per submitter: (submitter, source, client_reference) instead of a global
-- (source, client_reference), so one office can neither block nor detect another's references.
-- Existing rows keep their reports: the submitter is read from who recorded each report's SUBMITTED
-- step (an office's user or token becomes `office:<id>`); synthetic rows become `seed`.

-- DropIndex
DROP INDEX "village_report_source_client_reference_key";

-- AlterTable
ALTER TABLE "village_report" ADD COLUMN     "submitter" TEXT;

UPDATE "village_report" r
   SET "submitter" = COALESCE(
     (SELECT CASE
               WHEN t."changed_by" LIKE 'token:%' THEN COALESCE('office:' || tok."office_id", t."changed_by")
               WHEN t."changed_by" LIKE 'user:%' THEN COALESCE('office:' || u."office_id", t."changed_by")
               ELSE t."changed_by"
             END
        FROM "report_status_transition" t
        LEFT JOIN "api_token" tok ON t."changed_by" = 'token:' || tok."id"
        LEFT JOIN "app_user" u ON t."changed_by" = 'user:' || u."id"
       WHERE t."report_id" = r."id" AND t."to_status" = 'SUBMITTED'
       ORDER BY t."changed_at", t."id"
       LIMIT 1),
     'seed');

ALTER TABLE "village_report" ALTER COLUMN "submitter" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "village_report_submitter_source_client_reference_key" ON "village_report"("submitter", "source", "client_reference");
