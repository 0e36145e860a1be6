-- Rollup family "coverage": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month, 'Y' = year; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).

-- ─── Keeping the coverage rollups ─────────────────────────────────────────────────────────────────
-- Coverage counts villages that had an ACTIVE designation (optionally of some variants only) on a day,
-- by the status in force that day (designation_status_change), so a suspension today leaves every
-- earlier figure as it was. Target attainment counts designations past PLANNED by inauguration date and
-- programme year. Both were read from the designations (a scan of all of them, joined to their villages,
-- nationally); these tables hold them per area and day or month as changes (+1 the day a village's span
-- of coverage starts, -1 the day it ends), kept by triggers in the writing transaction. The figure on a
-- day is the sum of the changes up to it. A designation past PLANNED without a date (written outside the
-- API) is dated 'infinity' in the inauguration counts: counted only when the period has no end.

-- The rollup rows a change on `p_day` in a kecamatan lands in: that day, its month and its year, for the
-- kecamatan, its kabupaten/kota and its province. A figure at a day sums whole years, then the months of
-- its year, then the days of its month (analytics/rollups.ts): a few dozen rows per area, however many
-- years the programme has run.
CREATE OR REPLACE FUNCTION rollup_keys(p_day DATE, p_province INTEGER, p_regency INTEGER, p_district INTEGER)
RETURNS TABLE (grain TEXT, area_level TEXT, period_start DATE, area_id INTEGER) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  VALUES ('D', 'P', p_day, p_province), ('D', 'R', p_day, p_regency), ('D', 'D', p_day, p_district),
         ('M', 'P', date_trunc('month', p_day)::date, p_province), ('M', 'R', date_trunc('month', p_day)::date, p_regency),
         ('M', 'D', date_trunc('month', p_day)::date, p_district),
         ('Y', 'P', date_trunc('year', p_day)::date, p_province), ('Y', 'R', date_trunc('year', p_day)::date, p_regency),
         ('Y', 'D', date_trunc('year', p_day)::date, p_district)
$$;

-- A variant's bit: 1 << its position in the enum, so that adding a value keeps the existing bits.
CREATE OR REPLACE FUNCTION variant_bit(p_variant "programme_variant") RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 1 << (array_position(enum_range(NULL::"programme_variant"), p_variant) - 1)
$$;

-- The bit set of a list of variant names (null or empty: every variant), as the analytics filter gives it.
CREATE OR REPLACE FUNCTION variant_set(p_variants TEXT[]) RETURNS INTEGER LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_variants IS NULL OR cardinality(p_variants) = 0
              THEN (1 << cardinality(enum_range(NULL::"programme_variant"))) - 1
              ELSE (SELECT bit_or(variant_bit(v::"programme_variant")) FROM unnest(p_variants) AS v) END
$$;

-- When each designation was ACTIVE, from its status history: spans of days [first_day, end_day), end_day
-- being the day the next status took effect (null: ACTIVE still). Of several changes effective on one
-- day, the last recorded is in force. The one definition the coverage, completeness and training
-- rollups (and the analytics that read records) share.
CREATE OR REPLACE VIEW designation_active_span AS
WITH in_force AS (
  SELECT DISTINCT ON (c.designation_id, c.effective_on) c.designation_id, c.effective_on, c.to_status
    FROM designation_status_change c
   ORDER BY c.designation_id, c.effective_on, c.id DESC
), spans AS (
  SELECT designation_id, effective_on, to_status,
         LEAD(effective_on) OVER (PARTITION BY designation_id ORDER BY effective_on) AS end_day
    FROM in_force
)
SELECT g.id AS designation_id, g.village_id, g.variant, s.effective_on AS first_day, s.end_day
  FROM spans s JOIN designation g ON g.id = s.designation_id
 WHERE s.to_status = 'ACTIVE';

-- Every village's contributions, computed from the designations' spans (a view, so one village's are
-- found by id): per set of variants, +1 the day it goes from no ACTIVE designation of them to one, -1
-- the day it goes back to none.
CREATE OR REPLACE VIEW village_designation_event_source AS
WITH deltas AS (
  SELECT s.village_id, vs.variant_set, e.day, SUM(e.change)::int AS change
    FROM designation_active_span s
    CROSS JOIN LATERAL generate_series(1, (1 << cardinality(enum_range(NULL::"programme_variant"))) - 1) AS vs(variant_set)
    CROSS JOIN LATERAL (VALUES (s.first_day, 1), (s.end_day, -1)) AS e(day, change)
   WHERE vs.variant_set & variant_bit(s.variant) <> 0 AND e.day IS NOT NULL
   GROUP BY 1, 2, 3
), running AS (
  SELECT d.*, SUM(d.change) OVER (PARTITION BY d.village_id, d.variant_set ORDER BY d.day) AS active FROM deltas d
)
SELECT r.village_id, r.variant_set, r.day, CASE WHEN r.active > 0 THEN 1 ELSE -1 END AS change,
       v.district_id, v.regency_id, v.province_id
  FROM running r JOIN village v ON v.id = r.village_id
 WHERE (r.active > 0) <> (r.active - r.change > 0);

-- Adds (+1) or takes back (-1) one village's stored contributions.
CREATE OR REPLACE FUNCTION designated_village_rollup_apply(p_village INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO designated_village_rollup AS x (grain, area_level, period_start, area_id, variant_set, villages)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, e.variant_set, SUM(p_sign * e.change)
    FROM village_designation_event e
    CROSS JOIN LATERAL rollup_keys(e.day, e.province_id, e.regency_id, e.district_id) AS k
   WHERE e.village_id = p_village
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, area_level, area_id, variant_set, period_start)
  DO UPDATE SET villages = x.villages + EXCLUDED.villages;
$$;

-- Recomputes one village: take back what it contributed, recompute from its designations, add it again.
CREATE OR REPLACE FUNCTION designated_village_refresh(p_village INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM designated_village_rollup_apply(p_village, -1);
  DELETE FROM village_designation_event WHERE village_id = p_village;
  INSERT INTO village_designation_event (village_id, variant_set, day, change, district_id, regency_id, province_id)
  SELECT village_id, variant_set, day, change, district_id, regency_id, province_id
    FROM village_designation_event_source WHERE village_id = p_village;
  PERFORM designated_village_rollup_apply(p_village, 1);
  PERFORM completeness_day_refresh(p_village);
END $$;

-- ─── Completeness over a month's first days ───────────────────────────────────────────────────────
-- "This month so far" (and the same days of the month before) counts the villages ACTIVE on at least one
-- of the days and, of those, the ones that reported on one of them (analytics/completeness.ts). From the
-- records that was 150 ms nationally per period. Over days 1..d of a month M: the designated villages
-- are those ACTIVE on M's 1st (designated_village_rollup up to that day) plus those that entered after
-- it, by day d (`entered`); the reporting ones are those whose first day both ACTIVE and having reported
-- in M is at most d (`reporting`). Both come from this family's per-village events and each month's first
-- report day, so they are kept here.

-- One village's rows: per set of variants, the day it entered a month it was not ACTIVE on the 1st of
-- (its first change after the 1st is +1), and for each month it reported in, the later of its first
-- report day and its first day ACTIVE in the month (the 1st if ACTIVE then).
CREATE OR REPLACE FUNCTION village_completeness_day_source(p_village INTEGER)
RETURNS SETOF village_completeness_day LANGUAGE sql STABLE AS $$
  WITH events AS (
    SELECT e.variant_set, e.day, e.change, date_trunc('month', e.day)::date AS month
      FROM village_designation_event e WHERE e.village_id = p_village
  ), first_changes AS (
    SELECT DISTINCT ON (variant_set, month) variant_set, month, day, change
      FROM events WHERE day > month ORDER BY variant_set, month, day
  ), active_from AS (
    SELECT s.variant_set, f.first_day,
           CASE WHEN (SELECT COALESCE(SUM(e.change), 0) FROM events e WHERE e.variant_set = s.variant_set AND e.day <= f.month) > 0
                THEN f.month
                ELSE (SELECT c.day FROM first_changes c WHERE c.variant_set = s.variant_set AND c.month = f.month AND c.change = 1)
           END AS day
      FROM (SELECT DISTINCT variant_set FROM events) s
      CROSS JOIN village_month_first_report f
     WHERE f.village_id = p_village
  )
  SELECT p_village, c.variant_set, c.day, SUM(c.entered)::int, SUM(c.reporting)::int, v.district_id, v.regency_id, v.province_id
    FROM (SELECT variant_set, day, 1 AS entered, 0 AS reporting FROM first_changes WHERE change = 1
          UNION ALL
          SELECT variant_set, GREATEST(first_day, day), 0, 1 FROM active_from WHERE day IS NOT NULL) c
    JOIN village v ON v.id = p_village
   GROUP BY c.variant_set, c.day, v.district_id, v.regency_id, v.province_id
$$;

-- Adds (+1) or takes back (-1) one village's stored rows.
CREATE OR REPLACE FUNCTION completeness_day_rollup_apply(p_village INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO completeness_day_rollup AS x (area_level, area_id, variant_set, day, entered, reporting)
  SELECT k.area_level, k.area_id, c.variant_set, c.day, SUM(c.entered) * p_sign, SUM(c.reporting) * p_sign
    FROM village_completeness_day c
    CROSS JOIN LATERAL (VALUES ('P', c.province_id), ('R', c.regency_id), ('D', c.district_id)) AS k(area_level, area_id)
   WHERE c.village_id = p_village
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (area_level, variant_set, day, area_id)
  DO UPDATE SET entered = x.entered + EXCLUDED.entered, reporting = x.reporting + EXCLUDED.reporting;
$$;

-- One transaction at a time per village: two writes of one village (reports of two months, a report and
-- a status change) would otherwise both take back the rows the first of them already took back. Each
-- statement after the lock sees what the one before committed.
CREATE OR REPLACE FUNCTION completeness_day_refresh(p_village INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('completeness_day_refresh'), p_village);
  PERFORM completeness_day_rollup_apply(p_village, -1);
  DELETE FROM village_completeness_day WHERE village_id = p_village;
  INSERT INTO village_completeness_day SELECT * FROM village_completeness_day_source(p_village);
  PERFORM completeness_day_rollup_apply(p_village, 1);
END $$;

-- A village's first report day in a month, recounted from its reports; the village's rows follow if it
-- changed.
CREATE OR REPLACE FUNCTION village_month_first_report_sync(p_village INTEGER, p_month DATE) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_first DATE;
BEGIN
  SELECT MIN((r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date) INTO v_first
    FROM village_report r
   WHERE r.village_id = p_village
     AND r.submitted_at >= (p_month::timestamp AT TIME ZONE 'Asia/Jakarta')
     AND r.submitted_at < ((p_month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Jakarta');
  IF v_first IS NOT DISTINCT FROM (SELECT first_day FROM village_month_first_report WHERE village_id = p_village AND month = p_month) THEN
    RETURN;
  END IF;
  DELETE FROM village_month_first_report WHERE village_id = p_village AND month = p_month;
  IF v_first IS NOT NULL THEN
    INSERT INTO village_month_first_report (village_id, month, first_day) VALUES (p_village, p_month, v_first);
  END IF;
  PERFORM completeness_day_refresh(p_village);
END $$;

-- A new report moves its month's first day only if it is earlier (most do not: nothing else to do); a
-- report taken back or moved recounts its month.
CREATE OR REPLACE FUNCTION village_report_completeness_day() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_day DATE;
  v_rows INTEGER;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM village_month_first_report_sync(OLD.village_id, date_trunc('month', (OLD.submitted_at AT TIME ZONE 'Asia/Jakarta')::date)::date);
  END IF;
  IF TG_OP = 'INSERT' THEN
    v_day := (NEW.submitted_at AT TIME ZONE 'Asia/Jakarta')::date;
    INSERT INTO village_month_first_report AS x (village_id, month, first_day)
    VALUES (NEW.village_id, date_trunc('month', v_day)::date, v_day)
    ON CONFLICT (village_id, month) DO UPDATE SET first_day = EXCLUDED.first_day WHERE x.first_day > EXCLUDED.first_day;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows > 0 THEN PERFORM completeness_day_refresh(NEW.village_id); END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM village_month_first_report_sync(NEW.village_id, date_trunc('month', (NEW.submitted_at AT TIME ZONE 'Asia/Jakarta')::date)::date);
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_report_completeness_day AFTER INSERT OR DELETE OR UPDATE OF village_id, submitted_at
  ON village_report FOR EACH ROW EXECUTE FUNCTION village_report_completeness_day();

-- One designation's +1 or -1 in the inauguration counts (nothing while PLANNED).
CREATE OR REPLACE FUNCTION inauguration_rollup_apply(g "designation", p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO inauguration_rollup AS x (grain, area_level, period_start, area_id, variant, year, designations)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, g.variant::text, g.year, p_sign
    FROM village v
    CROSS JOIN LATERAL rollup_keys(COALESCE(g.inaugurated_on, 'infinity'), v.province_id, v.regency_id, v.district_id) AS k
   WHERE v.id = g.village_id AND g.status <> 'PLANNED'
  ON CONFLICT (grain, area_level, area_id, period_start, variant, year)
  DO UPDATE SET designations = x.designations + EXCLUDED.designations;
$$;

CREATE OR REPLACE FUNCTION designation_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM inauguration_rollup_apply(OLD, -1);
    PERFORM designated_village_refresh(OLD.village_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM inauguration_rollup_apply(NEW, 1);
    IF TG_OP = 'INSERT' OR NEW.village_id <> OLD.village_id THEN PERFORM designated_village_refresh(NEW.village_id); END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_coverage AFTER INSERT OR DELETE OR UPDATE OF village_id, variant, year, status, inaugurated_on
  ON designation FOR EACH ROW EXECUTE FUNCTION designation_coverage();

-- The designation's own status, inauguration day and time of the last change follow its history, whoever
-- writes it (the API, a migration, SQL): the status in force on the latest effective day, the first day
-- it was ACTIVE, the latest recording. Its update fires the triggers above.
CREATE OR REPLACE FUNCTION designation_status_sync(p_designation INTEGER) RETURNS void LANGUAGE sql AS $$
  UPDATE designation g SET status = h.status, inaugurated_on = h.inaugurated_on, status_changed_at = h.changed_at
    FROM (SELECT (array_agg(c.to_status ORDER BY c.effective_on DESC, c.id DESC))[1] AS status,
                 MIN(c.effective_on) FILTER (WHERE c.to_status = 'ACTIVE') AS inaugurated_on,
                 MAX(c.recorded_at) AS changed_at
            FROM designation_status_change c WHERE c.designation_id = p_designation) h
   WHERE g.id = p_designation AND h.status IS NOT NULL
     AND (g.status, g.inaugurated_on, g.status_changed_at) IS DISTINCT FROM (h.status, h.inaugurated_on, h.changed_at);
$$;

-- A change to the history (also one back-dated between earlier changes, which leaves the designation's
-- current status as it was) recounts the village.
CREATE OR REPLACE FUNCTION designation_status_change_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM designation_status_sync(OLD.designation_id);
    PERFORM designated_village_refresh(g.village_id) FROM designation g WHERE g.id = OLD.designation_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM designation_status_sync(NEW.designation_id);
    PERFORM designated_village_refresh(g.village_id) FROM designation g WHERE g.id = NEW.designation_id;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_status_change_coverage AFTER INSERT OR DELETE OR UPDATE
  ON designation_status_change FOR EACH ROW EXECUTE FUNCTION designation_status_change_coverage();

-- A village moved to another kecamatan takes its designations' counts along.
CREATE OR REPLACE FUNCTION village_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g "designation";
BEGIN
  FOR g IN SELECT * FROM designation WHERE village_id = NEW.id LOOP
    -- The counts keyed by OLD's areas: apply against a village row that still has them.
    INSERT INTO inauguration_rollup AS x (grain, area_level, period_start, area_id, variant, year, designations)
    SELECT k.grain, k.area_level, k.period_start, k.area_id, g.variant::text, g.year, -1
      FROM rollup_keys(COALESCE(g.inaugurated_on, 'infinity'), OLD.province_id, OLD.regency_id, OLD.district_id) AS k
     WHERE g.status <> 'PLANNED'
    ON CONFLICT (grain, area_level, area_id, period_start, variant, year)
    DO UPDATE SET designations = x.designations + EXCLUDED.designations;
    PERFORM inauguration_rollup_apply(g, 1);
  END LOOP;
  PERFORM designated_village_refresh(NEW.id);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_coverage AFTER UPDATE OF province_id, regency_id, district_id ON village
  FOR EACH ROW EXECUTE FUNCTION village_coverage();

-- Recomputes them all from the records: after a bulk load, and to check them.
CREATE OR REPLACE FUNCTION rebuild_coverage_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM designated_village_rollup;
  DELETE FROM village_designation_event;
  DELETE FROM inauguration_rollup;
  INSERT INTO village_designation_event (village_id, variant_set, day, change, district_id, regency_id, province_id)
  SELECT village_id, variant_set, day, change, district_id, regency_id, province_id FROM village_designation_event_source;
  INSERT INTO designated_village_rollup (grain, area_level, period_start, area_id, variant_set, villages)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, e.variant_set, SUM(e.change)
    FROM village_designation_event e
    CROSS JOIN LATERAL rollup_keys(e.day, e.province_id, e.regency_id, e.district_id) AS k
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO inauguration_rollup (grain, area_level, period_start, area_id, variant, year, designations)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, g.variant::text, g.year, COUNT(*)
    FROM designation g
    JOIN village v ON v.id = g.village_id
    CROSS JOIN LATERAL rollup_keys(COALESCE(g.inaugurated_on, 'infinity'), v.province_id, v.regency_id, v.district_id) AS k
   WHERE g.status <> 'PLANNED'
   GROUP BY 1, 2, 3, 4, 5, 6;
  DELETE FROM completeness_day_rollup;
  DELETE FROM village_completeness_day;
  DELETE FROM village_month_first_report;
  INSERT INTO village_month_first_report (village_id, month, first_day)
  SELECT village_id, date_trunc('month', day)::date, MIN(day)
    FROM (SELECT village_id, (submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS day FROM village_report) r
   GROUP BY 1, 2;
  INSERT INTO village_completeness_day
  SELECT c.* FROM (SELECT DISTINCT village_id FROM village_designation_event) v
   CROSS JOIN LATERAL village_completeness_day_source(v.village_id) c;
  INSERT INTO completeness_day_rollup (area_level, area_id, variant_set, day, entered, reporting)
  SELECT k.area_level, k.area_id, c.variant_set, c.day, SUM(c.entered), SUM(c.reporting)
    FROM village_completeness_day c
    CROSS JOIN LATERAL (VALUES ('P', c.province_id), ('R', c.regency_id), ('D', c.district_id)) AS k(area_level, area_id)
   GROUP BY 1, 2, 3, 4;
END $$;
