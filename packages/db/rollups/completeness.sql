-- Rollup family "completeness": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).

-- ─── Keeping the completeness rollup ───────────────────────────────────────────────────────────────
-- Completeness asks, per month: which villages were designated and active on at least one of its days
-- (by the status history: designation_active_span), and which of them sent a report in it. Read from the
-- designations and the per-village monthly report counts, that was a scan of every designation and a
-- probe per village, nationally; this rollup holds both per area, kept by triggers in the writing
-- transaction. With a report-type filter the analytics still read the per-type counts
-- (village_month_report).

-- Every village's spans of months designated and active per set of variants, merged where they touch,
-- as +1 the first month and -1 the month after the last (none for a span without end).
CREATE OR REPLACE VIEW village_activity_event_source AS
WITH spans AS (
  SELECT s.village_id, vs.variant_set, date_trunc('month', s.first_day)::date AS first_month,
         COALESCE(date_trunc('month', s.end_day - 1)::date, 'infinity'::date) AS last_month
    FROM designation_active_span s
    CROSS JOIN LATERAL generate_series(1, (1 << cardinality(enum_range(NULL::"programme_variant"))) - 1) AS vs(variant_set)
   WHERE vs.variant_set & variant_bit(s.variant) <> 0
), starts AS (
  -- A span starts a new island unless an earlier one reaches the month before it.
  SELECT village_id, variant_set, first_month, last_month,
         CASE WHEN first_month <= (MAX(last_month) OVER earlier + interval '1 month')::date THEN 0 ELSE 1 END AS starts
    FROM spans WHERE last_month >= first_month
  WINDOW earlier AS (PARTITION BY village_id, variant_set ORDER BY first_month, last_month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), islands AS (
  SELECT village_id, variant_set, MIN(first_month) AS first_month, MAX(last_month) AS last_month
    FROM (SELECT *, SUM(starts) OVER (PARTITION BY village_id, variant_set ORDER BY first_month, last_month) AS island FROM starts) numbered
   GROUP BY village_id, variant_set, island
)
SELECT i.village_id, i.variant_set, e.month, SUM(e.change)::int AS change, v.district_id, v.regency_id, v.province_id
  FROM islands i
  JOIN village v ON v.id = i.village_id
  CROSS JOIN LATERAL (VALUES (i.first_month, 1), ((i.last_month + interval '1 month')::date, -1)) AS e(month, change)
 WHERE e.month <> 'infinity'
 GROUP BY i.village_id, i.variant_set, e.month, v.district_id, v.regency_id, v.province_id;

-- Adds (+1) or takes back (-1) one village's stored contributions: its spans, and each month it reported
-- in, once per set of variants it was designated under that month.
CREATE OR REPLACE FUNCTION completeness_rollup_apply(p_village INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO completeness_rollup AS x (area_level, area_id, variant_set, month, designated_change, reporting)
  SELECT k.area_level, k.area_id, c.variant_set, c.month, SUM(c.designated_change) * p_sign, SUM(c.reporting) * p_sign
    FROM (
      SELECT e.variant_set, e.month, e.change AS designated_change, 0 AS reporting, e.province_id, e.regency_id, e.district_id
        FROM village_activity_event e WHERE e.village_id = p_village
      UNION ALL
      SELECT e.variant_set, rm.month, 0, 1, MIN(e.province_id), MIN(e.regency_id), MIN(e.district_id)
        FROM village_reported_month rm JOIN village_activity_event e ON e.village_id = rm.village_id AND e.month <= rm.month
       WHERE rm.village_id = p_village
       GROUP BY e.variant_set, rm.month HAVING SUM(e.change) > 0
    ) c
    CROSS JOIN LATERAL (VALUES ('P', c.province_id), ('R', c.regency_id), ('D', c.district_id)) AS k(area_level, area_id)
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (area_level, variant_set, month, area_id)
  DO UPDATE SET designated_change = x.designated_change + EXCLUDED.designated_change, reporting = x.reporting + EXCLUDED.reporting;
$$;

-- Recomputes one village: take back what it contributed, recompute from its records, add it again.
CREATE OR REPLACE FUNCTION completeness_refresh(p_village INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM completeness_rollup_apply(p_village, -1);
  DELETE FROM village_activity_event WHERE village_id = p_village;
  INSERT INTO village_activity_event (village_id, variant_set, month, change, district_id, regency_id, province_id)
  SELECT village_id, variant_set, month, change, district_id, regency_id, province_id
    FROM village_activity_event_source WHERE village_id = p_village;
  DELETE FROM village_reported_month WHERE village_id = p_village;
  INSERT INTO village_reported_month (village_id, month)
  SELECT DISTINCT village_id, month FROM village_month_report WHERE village_id = p_village AND reports > 0;
  PERFORM completeness_rollup_apply(p_village, 1);
END $$;

-- A village-month that starts or stops having reports. Concurrent reports of one village race on the
-- village_reported_month row: only the transaction that inserts (or deletes) it counts the change.
CREATE OR REPLACE FUNCTION completeness_reported_month(p_village INTEGER, p_month DATE) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_sign INTEGER;
  v_rows INTEGER;
BEGIN
  IF EXISTS (SELECT 1 FROM village_month_report WHERE village_id = p_village AND month = p_month AND reports > 0) THEN
    INSERT INTO village_reported_month (village_id, month) VALUES (p_village, p_month) ON CONFLICT DO NOTHING;
    v_sign := 1;
  ELSE
    DELETE FROM village_reported_month WHERE village_id = p_village AND month = p_month;
    v_sign := -1;
  END IF;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows = 0 THEN RETURN; END IF;
  INSERT INTO completeness_rollup AS x (area_level, area_id, variant_set, month, designated_change, reporting)
  SELECT k.area_level, k.area_id, e.variant_set, p_month, 0, v_sign
    FROM (SELECT variant_set, MIN(province_id) AS province_id, MIN(regency_id) AS regency_id, MIN(district_id) AS district_id
            FROM village_activity_event WHERE village_id = p_village AND month <= p_month
           GROUP BY variant_set HAVING SUM(change) > 0) e
    CROSS JOIN LATERAL (VALUES ('P', e.province_id), ('R', e.regency_id), ('D', e.district_id)) AS k(area_level, area_id)
  ON CONFLICT (area_level, variant_set, month, area_id) DO UPDATE SET reporting = x.reporting + EXCLUDED.reporting;
END $$;

CREATE OR REPLACE FUNCTION village_month_report_completeness() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM completeness_reported_month(OLD.village_id, OLD.month); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.village_id <> OLD.village_id OR NEW.month <> OLD.month) THEN
    PERFORM completeness_reported_month(NEW.village_id, NEW.month);
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_month_report_completeness AFTER INSERT OR DELETE OR UPDATE ON village_month_report
  FOR EACH ROW EXECUTE FUNCTION village_month_report_completeness();

CREATE OR REPLACE FUNCTION designation_completeness() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM completeness_refresh(OLD.village_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.village_id <> OLD.village_id) THEN PERFORM completeness_refresh(NEW.village_id); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_completeness AFTER INSERT OR DELETE OR UPDATE OF village_id, variant, status, inaugurated_on, status_changed_at
  ON designation FOR EACH ROW EXECUTE FUNCTION designation_completeness();

-- A change to a designation's history recounts its village (also one that leaves its current status).
CREATE OR REPLACE FUNCTION designation_status_change_completeness() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM completeness_refresh(g.village_id) FROM designation g WHERE g.id = OLD.designation_id; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM completeness_refresh(g.village_id) FROM designation g WHERE g.id = NEW.designation_id; END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_status_change_completeness AFTER INSERT OR DELETE OR UPDATE
  ON designation_status_change FOR EACH ROW EXECUTE FUNCTION designation_status_change_completeness();

-- A village moved to another kecamatan: its contributions move with it.
CREATE OR REPLACE FUNCTION village_completeness() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM completeness_refresh(NEW.id);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_completeness AFTER UPDATE OF province_id, regency_id, district_id ON village
  FOR EACH ROW EXECUTE FUNCTION village_completeness();

-- Recomputes the rollup from the records: after a bulk load (after rebuild_report_rollups), and to check it.
CREATE OR REPLACE FUNCTION rebuild_completeness_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM completeness_rollup;
  DELETE FROM village_activity_event;
  DELETE FROM village_reported_month;
  INSERT INTO village_activity_event (village_id, variant_set, month, change, district_id, regency_id, province_id)
  SELECT village_id, variant_set, month, change, district_id, regency_id, province_id FROM village_activity_event_source;
  INSERT INTO village_reported_month (village_id, month)
  SELECT DISTINCT village_id, month FROM village_month_report WHERE reports > 0;
  INSERT INTO completeness_rollup (area_level, area_id, variant_set, month, designated_change, reporting)
  SELECT k.area_level, k.area_id, c.variant_set, c.month, SUM(c.designated_change), SUM(c.reporting)
    FROM (
      SELECT e.variant_set, e.month, e.change AS designated_change, 0 AS reporting, e.province_id, e.regency_id, e.district_id
        FROM village_activity_event e
      UNION ALL
      SELECT e.variant_set, rm.month, 0, 1, e.province_id, e.regency_id, e.district_id
        FROM village_reported_month rm JOIN village_activity_event e ON e.village_id = rm.village_id AND e.month <= rm.month
       GROUP BY e.village_id, e.variant_set, rm.month, e.province_id, e.regency_id, e.district_id HAVING SUM(e.change) > 0
    ) c
    CROSS JOIN LATERAL (VALUES ('P', c.province_id), ('R', c.regency_id), ('D', c.district_id)) AS k(area_level, area_id)
   GROUP BY 1, 2, 3, 4;
END $$;
