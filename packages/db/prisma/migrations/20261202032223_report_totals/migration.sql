-- CreateTable
CREATE TABLE "report_total_rollup" (
    "grain" CHAR(1) NOT NULL,
    "period_start" DATE NOT NULL,
    "area_level" CHAR(1) NOT NULL,
    "area_id" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    "followed_up" INTEGER NOT NULL,

    CONSTRAINT "report_total_rollup_pkey" PRIMARY KEY ("grain","area_level","period_start","area_id")
);

-- CreateIndex
CREATE INDEX "report_total_rollup_grain_area_level_area_id_period_start_idx" ON "report_total_rollup"("grain", "area_level", "area_id", "period_start");

-- ─── Keeping the totals ────────────────────────────────────────────────────────────────────────────
-- Derived from report_rollup, row by row in the same transaction: whatever changes a rollup row (the
-- report triggers, a rebuild) changes its total by the same amount.
CREATE FUNCTION report_rollup_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up)
    VALUES (OLD.grain, OLD.period_start, OLD.area_level, OLD.area_id, -OLD.reports, -OLD.followed_up)
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_total_rollup AS t (grain, period_start, area_level, area_id, reports, followed_up)
    VALUES (NEW.grain, NEW.period_start, NEW.area_level, NEW.area_id, NEW.reports, NEW.followed_up)
    ON CONFLICT (grain, area_level, period_start, area_id)
    DO UPDATE SET reports = t.reports + EXCLUDED.reports, followed_up = t.followed_up + EXCLUDED.followed_up;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_rollup_total AFTER INSERT OR DELETE OR UPDATE OF grain, period_start, area_level, area_id, reports, followed_up
  ON report_rollup FOR EACH ROW EXECUTE FUNCTION report_rollup_total();

-- Recomputes the totals from report_rollup: after a bulk load (which loads that with triggers off).
CREATE FUNCTION rebuild_report_totals() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_total_rollup;
  INSERT INTO report_total_rollup (grain, period_start, area_level, area_id, reports, followed_up)
  SELECT grain, period_start, area_level, area_id, SUM(reports), SUM(followed_up)
    FROM report_rollup GROUP BY grain, period_start, area_level, area_id;
$$;

SELECT rebuild_report_totals();
ANALYZE report_total_rollup;
