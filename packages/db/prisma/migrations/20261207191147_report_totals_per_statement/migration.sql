-- The report totals are kept per statement from now on (rollups/report-totals.sql makes the new
-- triggers after the migrations): the row trigger that kept them goes, so no change is counted twice.
DROP TRIGGER IF EXISTS "report_rollup_total" ON "report_rollup";
DROP FUNCTION IF EXISTS report_rollup_total();
