-- Rollup family "report-totals": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).

-- ─── Keeping the totals ────────────────────────────────────────────────────────────────────────────
-- Derived from report_rollup, row by row in the same transaction: whatever changes a rollup row (the
-- report triggers, a rebuild) changes its total by the same amount. `rejected` counts the reports of
-- REJECTED rows (the follow-up rate's denominator leaves them out). report_status_total sums the month rows
-- over all time, keeping the variant, type and status: what a figure with no period reads.
CREATE OR REPLACE FUNCTION report_rollup_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
    VALUES (OLD.grain, OLD.period_start, OLD.area_level, OLD.area_id, -OLD.reports, -OLD.followed_up,
            CASE WHEN OLD.status = 'REJECTED' THEN -OLD.reports ELSE 0 END)
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                  rejected = t.rejected + EXCLUDED.rejected;
    IF OLD.grain = 'M' THEN
      INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
      VALUES (OLD.area_level, OLD.area_id, OLD.variant, OLD.type, OLD.status, -OLD.reports, -OLD.followed_up)
      ON CONFLICT (area_level, area_id, variant, type, status)
      DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
    VALUES (NEW.grain, NEW.period_start, NEW.area_level, NEW.area_id, NEW.reports, NEW.followed_up,
            CASE WHEN NEW.status = 'REJECTED' THEN NEW.reports ELSE 0 END)
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                  rejected = t.rejected + EXCLUDED.rejected;
    IF NEW.grain = 'M' THEN
      INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
      VALUES (NEW.area_level, NEW.area_id, NEW.variant, NEW.type, NEW.status, NEW.reports, NEW.followed_up)
      ON CONFLICT (area_level, area_id, variant, type, status)
      DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER report_rollup_total AFTER INSERT OR DELETE OR UPDATE OF grain, period_start, area_level, area_id, variant, type, status, reports, followed_up
  ON report_rollup FOR EACH ROW EXECUTE FUNCTION report_rollup_total();

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
