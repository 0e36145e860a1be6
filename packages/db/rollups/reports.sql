-- Rollup family "reports": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).
-- variant '' is a report whose village has no designation (the rollup key cannot be NULL).
--
-- Its tables: report_rollup (per day or month, area, variant, type and status), village_month_report,
-- and two totals of report_rollup written beside it: report_total_rollup (per day or month and area
-- alone; `rejected` counts the REJECTED reports, which the follow-up rate leaves out) and
-- report_status_total (the month rows summed over all time: what a figure with no period reads).

-- ─── Keeping the rollups ───────────────────────────────────────────────────────────────────────
-- Triggers, not application code, so that every write path (API, scripts, psql) keeps them in the
-- same transaction. Days and months are counted in WIB (Asia/Jakarta), as the analytics count them.

-- ─── One order for the locks ──────────────────────────────────────────────────────────────────
-- A report's rollup rows are shared with every report of its area, day, type and status, their totals
-- with every report of its area and day. A new or removed report moves one set of rows, locking each
-- row and then its total in one order that every such write follows. A status change moves two: it
-- takes back its rows of one status (locking them and the totals) and then adds rows of the next. Two
-- changes of the same day going opposite ways (received -> verified, verified -> followed up) took
-- the same rows in crossing orders, and PostgreSQL failed one to break the deadlock (118 deadlocks in
-- 240 changes made 16 at a time; apps/api/test/write-conflicts.test.ts makes 96). So a change first
-- takes one lock per province and month it touches, in one order, before any rollup row: changes there
-- queue on it instead of meeting halfway. New reports do not take it: one set of rows in the common
-- order cannot close a cycle, and queueing every submission of a province on it cost the bench's
-- submissions (one province) about a quarter of their throughput (bench/README.md).
CREATE OR REPLACE FUNCTION report_rollup_lock_areas(p_keys TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_key TEXT;
BEGIN
  FOREACH v_key IN ARRAY ARRAY(SELECT DISTINCT k FROM unnest(p_keys) AS k ORDER BY 1) LOOP
    PERFORM pg_advisory_xact_lock(hashtext('report_rollup'), hashtext(v_key));
  END LOOP;
END $$;

-- The key of a report's province and month (WIB), as report_rollup_lock_areas takes it.
CREATE OR REPLACE FUNCTION report_rollup_area_key(p_province INTEGER, p_submitted_at TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql STABLE AS $$
  SELECT p_province || ':' || date_trunc('month', p_submitted_at AT TIME ZONE 'Asia/Jakarta')::date;
$$;

CREATE OR REPLACE FUNCTION village_report_rollup_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollup_lock_areas(ARRAY[report_rollup_area_key(OLD.province_id, OLD.submitted_at),
                                         report_rollup_area_key(NEW.province_id, NEW.submitted_at)]);
  RETURN NEW;
END $$;

-- Before the row is written, so before any AFTER trigger of the change takes a rollup row.
CREATE OR REPLACE TRIGGER village_report_rollup_lock
  BEFORE UPDATE OF village_id, regency_id, province_id, designation_id, type, status, submitted_at, followed_up_at
  ON "village_report" FOR EACH ROW EXECUTE FUNCTION village_report_rollup_lock();

-- A report's contribution (+1 or -1) to every rollup row it belongs to; `variant` is its designation's.
CREATE OR REPLACE FUNCTION report_rollup_apply(r "village_report", p_sign INTEGER, p_variant TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_district INTEGER;
  v_variant TEXT := COALESCE(p_variant, '');
  v_day DATE := (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date;
  v_month DATE := date_trunc('month', (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date)::date;
  v_followed INTEGER := CASE WHEN r.followed_up_at IS NULL THEN 0 ELSE p_sign END;
  v_rejected INTEGER := CASE WHEN r.status = 'REJECTED' THEN p_sign ELSE 0 END;
BEGIN
  SELECT v.district_id INTO v_district FROM "village" v WHERE v.id = r.village_id;
  INSERT INTO "report_rollup" AS x (grain, period_start, area_level, area_id, variant, type, status, reports, followed_up)
  VALUES ('D', v_day, 'P', r.province_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('D', v_day, 'R', r.regency_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('D', v_day, 'D', v_district, v_variant, r.type, r.status, p_sign, v_followed),
         ('M', v_month, 'P', r.province_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('M', v_month, 'R', r.regency_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('M', v_month, 'D', v_district, v_variant, r.type, r.status, p_sign, v_followed)
  ON CONFLICT (grain, area_level, period_start, area_id, variant, type, status)
  DO UPDATE SET reports = x.reports + EXCLUDED.reports, followed_up = x.followed_up + EXCLUDED.followed_up;
  -- The same amounts into the totals, in one pass after the rows above and in the same order, so that
  -- every write locks its rollup rows first and their totals second. A row trigger on report_rollup
  -- kept them until 7 December: six firings and nine statements per report (bench/README.md).
  INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up, rejected)
  VALUES ('D', v_day, 'P', r.province_id, p_sign, v_followed, v_rejected),
         ('D', v_day, 'R', r.regency_id, p_sign, v_followed, v_rejected),
         ('D', v_day, 'D', v_district, p_sign, v_followed, v_rejected),
         ('M', v_month, 'P', r.province_id, p_sign, v_followed, v_rejected),
         ('M', v_month, 'R', r.regency_id, p_sign, v_followed, v_rejected),
         ('M', v_month, 'D', v_district, p_sign, v_followed, v_rejected)
  ON CONFLICT (grain, area_level, period_start, area_id)
  DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up,
                rejected = t.rejected + EXCLUDED.rejected;
  INSERT INTO report_status_total AS t (area_level, area_id, variant, type, status, reports, followed_up)
  VALUES ('P', r.province_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('R', r.regency_id, v_variant, r.type, r.status, p_sign, v_followed),
         ('D', v_district, v_variant, r.type, r.status, p_sign, v_followed)
  ON CONFLICT (area_level, area_id, variant, type, status)
  DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  INSERT INTO "village_month_report" AS x (month, village_id, type, reports)
  VALUES (v_month, r.village_id, r.type, p_sign)
  ON CONFLICT (month, village_id, type) DO UPDATE SET reports = x.reports + EXCLUDED.reports;
END $$;

CREATE OR REPLACE FUNCTION village_report_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_rollup_apply(OLD, -1, (SELECT g.variant::text FROM "designation" g WHERE g.id = OLD.designation_id));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM report_rollup_apply(NEW, 1, (SELECT g.variant::text FROM "designation" g WHERE g.id = NEW.designation_id));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER village_report_rollup
  AFTER INSERT OR DELETE OR UPDATE OF village_id, regency_id, province_id, designation_id, type, status, submitted_at, followed_up_at
  ON "village_report" FOR EACH ROW EXECUTE FUNCTION village_report_rollup();

-- The first FOLLOWED_UP transition stamps the report, which moves it into the followed-up counts.
CREATE OR REPLACE FUNCTION report_followed_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.to_status = 'FOLLOWED_UP' THEN
    UPDATE "village_report" SET followed_up_at = NEW.changed_at
     WHERE id = NEW.report_id AND (followed_up_at IS NULL OR followed_up_at > NEW.changed_at);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_followed_up AFTER INSERT ON "report_status_transition"
  FOR EACH ROW EXECUTE FUNCTION report_followed_up();

-- A designation's variant is part of its reports' rollup key: move them when it changes.
CREATE OR REPLACE FUNCTION designation_variant_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r "village_report";
BEGIN
  -- Every province and month its reports touch, first and in one order, as a report's own write does.
  PERFORM report_rollup_lock_areas(ARRAY(
    SELECT report_rollup_area_key(x.province_id, x.submitted_at) FROM "village_report" x WHERE x.designation_id = NEW.id));
  FOR r IN SELECT * FROM "village_report" WHERE designation_id = NEW.id LOOP
    PERFORM report_rollup_apply(r, -1, OLD.variant::text);
    PERFORM report_rollup_apply(r, 1, NEW.variant::text);
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER designation_variant_rollup AFTER UPDATE OF variant ON "designation"
  FOR EACH ROW WHEN (OLD.variant IS DISTINCT FROM NEW.variant) EXECUTE FUNCTION designation_variant_rollup();

-- Recomputes every rollup from the reports: after a bulk load with the triggers off, and to check them.
CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_level CHAR(1);
BEGIN
  DELETE FROM "report_rollup";
  DELETE FROM "village_month_report";
  -- Each insert in primary-key order: the key's index then grows at its right edge instead of taking
  -- millions of rows at random places (the national kecamatan days into an empty table: 87 s in hash
  -- order, 44 s in key order; bench/README.md).
  INSERT INTO "report_rollup" (grain, period_start, area_level, area_id, variant, type, status, reports, followed_up)
  SELECT 'D', (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date, 'D', v.district_id, COALESCE(g.variant::text, ''), r.type, r.status,
         COUNT(*), COUNT(r.followed_up_at)
    FROM "village_report" r JOIN "village" v ON v.id = r.village_id LEFT JOIN "designation" g ON g.id = r.designation_id
   GROUP BY 2, 4, 5, 6, 7
   ORDER BY 2, 4, 5, 6, 7;
  INSERT INTO "report_rollup" (grain, period_start, area_level, area_id, variant, type, status, reports, followed_up)
  SELECT 'D', x.period_start, 'R', d.regency_id, x.variant, x.type, x.status, SUM(x.reports), SUM(x.followed_up)
    FROM "report_rollup" x JOIN "district" d ON d.id = x.area_id
   WHERE x.grain = 'D' AND x.area_level = 'D'
   GROUP BY 2, 4, 5, 6, 7
   ORDER BY 2, 4, 5, 6, 7;
  INSERT INTO "report_rollup" (grain, period_start, area_level, area_id, variant, type, status, reports, followed_up)
  SELECT 'D', x.period_start, 'P', d.province_id, x.variant, x.type, x.status, SUM(x.reports), SUM(x.followed_up)
    FROM "report_rollup" x JOIN "regency" d ON d.id = x.area_id
   WHERE x.grain = 'D' AND x.area_level = 'R'
   GROUP BY 2, 4, 5, 6, 7
   ORDER BY 2, 4, 5, 6, 7;
  -- Months level by level, provinces first: a level's month rows then lie together on disk. Written in one
  -- statement, a province's months were spread over 23,222 pages of the national table, and the
  -- dashboard's first load read them all (290 ms from disk); level by level, 807 pages (42 ms), for the
  -- same time to rebuild (bench/README.md).
  FOREACH v_level IN ARRAY ARRAY['P', 'R', 'D'] LOOP
    INSERT INTO "report_rollup" (grain, period_start, area_level, area_id, variant, type, status, reports, followed_up)
    SELECT 'M', date_trunc('month', x.period_start)::date, x.area_level, x.area_id, x.variant, x.type, x.status, SUM(x.reports), SUM(x.followed_up)
      FROM "report_rollup" x
     WHERE x.grain = 'D' AND x.area_level = v_level
     GROUP BY 2, 3, 4, 5, 6, 7
     ORDER BY 2, 4, 5, 6, 7;
  END LOOP;
  INSERT INTO "village_month_report" (month, village_id, type, reports)
  SELECT date_trunc('month', (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date)::date, r.village_id, r.type, COUNT(*)
    FROM "village_report" r
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3;
  -- The totals, from the rows just written.
  DELETE FROM report_total_rollup;
  INSERT INTO report_total_rollup (grain, period_start, area_level, area_id, reports, followed_up, rejected)
  SELECT grain, period_start, area_level, area_id, SUM(reports), SUM(followed_up),
         COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0)
    FROM report_rollup GROUP BY grain, period_start, area_level, area_id;
  DELETE FROM report_status_total;
  INSERT INTO report_status_total (area_level, area_id, variant, type, status, reports, followed_up)
  SELECT area_level, area_id, variant, type, status, SUM(reports), SUM(followed_up)
    FROM report_rollup WHERE grain = 'M' GROUP BY area_level, area_id, variant, type, status;
END $$;
