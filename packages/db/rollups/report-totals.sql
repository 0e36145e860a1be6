-- Rollup family "report-totals": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).

-- ─── Keeping the totals ────────────────────────────────────────────────────────────────────────────
-- Derived from report_rollup in the same transaction: whatever changes a rollup row (the report
-- triggers, a rebuild) changes its total by the same amount. `rejected` counts the reports of REJECTED
-- rows (the follow-up rate's denominator leaves them out). report_status_total sums the month rows over
-- all time, keeping the variant, type and status: what a figure with no period reads.
--
-- Kept once per statement, from the rows it changed (its transition tables), not once per row: a
-- report's six rollup rows are one statement, so its totals are one trigger call instead of six, and
-- 200 reports' rollups took about 30 % less time (bench/README.md). Each statement also locks the totals
-- it changes in key order, which statements writing many reports at once will need.
CREATE OR REPLACE FUNCTION report_rollup_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch reads only the transition tables its event has: what the rows add, less what they held.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
    SELECT grain, period_start, area_level, area_id, SUM(reports), SUM(followed_up),
           COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0)
      FROM new_rows GROUP BY grain, area_level, period_start, area_id ORDER BY grain, area_level, period_start, area_id
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                  rejected = t.rejected + EXCLUDED.rejected;
    INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
    SELECT area_level, area_id, variant, type, status, SUM(reports), SUM(followed_up)
      FROM new_rows WHERE grain = 'M'
     GROUP BY area_level, area_id, variant, type, status ORDER BY area_level, area_id, variant, type, status
    ON CONFLICT (area_level, area_id, variant, type, status)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
    SELECT grain, period_start, area_level, area_id, -SUM(reports), -SUM(followed_up),
           -COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0)
      FROM old_rows GROUP BY grain, area_level, period_start, area_id ORDER BY grain, area_level, period_start, area_id
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                  rejected = t.rejected + EXCLUDED.rejected;
    INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
    SELECT area_level, area_id, variant, type, status, -SUM(reports), -SUM(followed_up)
      FROM old_rows WHERE grain = 'M'
     GROUP BY area_level, area_id, variant, type, status ORDER BY area_level, area_id, variant, type, status
    ON CONFLICT (area_level, area_id, variant, type, status)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  ELSE
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
    SELECT grain, period_start, area_level, area_id, SUM(reports), SUM(followed_up),
           COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0)
      FROM (SELECT grain, period_start, area_level, area_id, status, reports, followed_up FROM new_rows
            UNION ALL
            SELECT grain, period_start, area_level, area_id, status, -reports, -followed_up FROM old_rows) AS change
     GROUP BY grain, area_level, period_start, area_id ORDER BY grain, area_level, period_start, area_id
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                  rejected = t.rejected + EXCLUDED.rejected;
    INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
    SELECT area_level, area_id, variant, type, status, SUM(reports), SUM(followed_up)
      FROM (SELECT area_level, area_id, variant, type, status, reports, followed_up FROM new_rows WHERE grain = 'M'
            UNION ALL
            SELECT area_level, area_id, variant, type, status, -reports, -followed_up FROM old_rows WHERE grain = 'M') AS change
     GROUP BY area_level, area_id, variant, type, status ORDER BY area_level, area_id, variant, type, status
    ON CONFLICT (area_level, area_id, variant, type, status)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER report_rollup_totals_insert AFTER INSERT
  ON report_rollup REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_totals();
CREATE OR REPLACE TRIGGER report_rollup_totals_update AFTER UPDATE
  ON report_rollup REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_totals();
CREATE OR REPLACE TRIGGER report_rollup_totals_delete AFTER DELETE
  ON report_rollup REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_totals();

-- Recomputes the totals from report_rollup: after a bulk load (which loads that with triggers off).
CREATE OR REPLACE FUNCTION rebuild_report_totals() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_total_rollup;
  INSERT INTO report_total_rollup (grain, period_start, area_level, area_id, reports, followed_up, rejected)
  SELECT grain, period_start, area_level, area_id, SUM(reports), SUM(followed_up),
         COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0)
    FROM report_rollup GROUP BY grain, period_start, area_level, area_id;
  DELETE FROM report_status_total;
  INSERT INTO report_status_total (area_level, area_id, variant, type, status, reports, followed_up)
  SELECT area_level, area_id, variant, type, status, SUM(reports), SUM(followed_up)
    FROM report_rollup WHERE grain = 'M' GROUP BY area_level, area_id, variant, type, status;
$$;
