-- The report totals (report_total_rollup, report_status_total) are now written by the reports family's
-- report_rollup_apply, in one pass after the rollup rows, instead of by a row trigger on report_rollup:
-- one statement per table instead of nine per report (bench/README.md). Their rows do not change, so
-- nothing is rebuilt; the family "report-totals" is gone, its rebuild now part of rebuild_report_rollups.
DROP TRIGGER IF EXISTS report_rollup_total ON report_rollup;
DROP FUNCTION IF EXISTS report_rollup_total();
DROP FUNCTION IF EXISTS rebuild_report_totals();
-- A rebuild of the totals that was asked for and not yet done is now one of the reports family.
UPDATE _binaan_rollups SET rebuild_requested = true
 WHERE name = 'reports' AND EXISTS (SELECT 1 FROM _binaan_rollups WHERE name = 'report-totals' AND rebuild_requested);
DELETE FROM _binaan_rollups WHERE name = 'report-totals';
