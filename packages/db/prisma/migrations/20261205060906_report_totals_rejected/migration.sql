-- The follow-up rate leaves rejected reports out of its denominator (a rejected report is never followed
-- up). The totals keep how many of their reports are REJECTED; the migrator rebuilds them from
-- report_rollup once rollups/report-totals.sql counts the new column.

-- AlterTable
ALTER TABLE "report_total_rollup" ADD COLUMN     "rejected" INTEGER NOT NULL DEFAULT 0;

UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name = 'report-totals';
