-- Rollup family "training": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month, 'Y' = year; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).
-- module_id 0 (rollupCodes.allModules) holds members present ('J'oined, 'L'eft) and fully trained ('T');
-- a module's id holds those trained in that module ('T', 'U'ntrained when they leave).

-- ─── Keeping the training rollup ───────────────────────────────────────────────────────────────
-- A member counts while present (joined_on until left_on) and while their designation is ACTIVE (each
-- span of designation_active_span, from its status history): within each such window, present from
-- its first day, fully trained from the day they completed the last of all modules (the first completed
-- attendance of each, by the session's date), trained in a module from its first completion. Each
-- becomes a +1 on the later of that day and the window's start, and a -1 on the window's end if it ends
-- after it. The figure at a date is the sum of the changes up to it.

-- Every member's changes, computed from the records (a view, so that one member's are found by id).
CREATE OR REPLACE VIEW member_training_event_source AS
SELECT m.id AS member_id, e.module_id, e.kind, e.day, e.present, e.completed,
       v.district_id, v.regency_id, v.province_id, g.variant::text AS variant
  FROM task_force_member m
  JOIN task_force tf ON tf.id = m.task_force_id
  JOIN designation g ON g.id = tf.designation_id
  JOIN village v ON v.id = g.village_id
  CROSS JOIN LATERAL (
    SELECT array_agg(done.module_id) AS modules, array_agg(done.done_on) AS done_on,
           CASE WHEN COUNT(*) = (SELECT COUNT(*) FROM training_module) THEN MAX(done.done_on) END AS trained_on
      FROM (SELECT a.module_id, MIN(s.held_on) AS done_on
              FROM training_attendance a JOIN training_session s ON s.id = a.session_id
             WHERE a.member_id = m.id AND a.completed
             GROUP BY a.module_id) done
  ) t
  -- The member's windows: present and the designation ACTIVE ([opens, closes), closes null: open).
  CROSS JOIN LATERAL (
    SELECT GREATEST(m.joined_on, s.first_day) AS opens,
           CASE WHEN m.left_on IS NULL THEN s.end_day WHEN s.end_day IS NULL THEN m.left_on
                ELSE LEAST(m.left_on, s.end_day) END AS closes
      FROM designation_active_span s WHERE s.designation_id = g.id
  ) w
  CROSS JOIN LATERAL (
    SELECT 0 AS module_id, 'J' AS kind, w.opens AS day, 1 AS present, 0 AS completed
    UNION ALL
    SELECT 0, 'L', w.closes, -1, 0 WHERE w.closes IS NOT NULL
    UNION ALL
    SELECT 0, 'T', GREATEST(w.opens, t.trained_on), 0, 1
     WHERE t.trained_on IS NOT NULL AND (w.closes IS NULL OR w.closes > GREATEST(w.opens, t.trained_on))
    UNION ALL
    SELECT 0, 'U', w.closes, 0, -1 WHERE t.trained_on IS NOT NULL AND w.closes > GREATEST(w.opens, t.trained_on)
    UNION ALL
    SELECT u.module_id, 'T', GREATEST(w.opens, u.done_on), 0, 1
      FROM unnest(t.modules, t.done_on) AS u(module_id, done_on)
     WHERE w.closes IS NULL OR w.closes > GREATEST(w.opens, u.done_on)
    UNION ALL
    SELECT u.module_id, 'U', w.closes, 0, -1
      FROM unnest(t.modules, t.done_on) AS u(module_id, done_on)
     WHERE w.closes > GREATEST(w.opens, u.done_on)
  ) e
 WHERE m.role <> 'IMMIGRATION_OFFICER' AND (w.closes IS NULL OR w.closes > w.opens);

-- Adds (+1) or takes back (-1) one member's stored changes in the rollup.
CREATE OR REPLACE FUNCTION training_rollup_apply(p_member INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO training_rollup AS x (grain, area_level, period_start, area_id, variant, module_id, present, completed)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, e.variant, e.module_id, SUM(p_sign * e.present), SUM(p_sign * e.completed)
    FROM member_training_event e
    CROSS JOIN LATERAL rollup_keys(e.day, e.province_id, e.regency_id, e.district_id) AS k
   WHERE e.member_id = p_member
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, area_level, period_start, area_id, variant, module_id)
  DO UPDATE SET present = x.present + EXCLUDED.present, completed = x.completed + EXCLUDED.completed;
$$;

-- Recomputes one member: take back what they contributed, recompute from the records, add it again.
CREATE OR REPLACE FUNCTION training_rollup_refresh(p_member INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_rollup_apply(p_member, -1);
  DELETE FROM member_training_event WHERE member_id = p_member;
  INSERT INTO member_training_event (member_id, module_id, kind, day, present, completed, district_id, regency_id, province_id, variant)
  SELECT member_id, module_id, kind, day, present, completed, district_id, regency_id, province_id, variant
    FROM member_training_event_source WHERE member_id = p_member;
  PERFORM training_rollup_apply(p_member, 1);
END $$;

CREATE OR REPLACE FUNCTION task_force_member_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM training_rollup_refresh(OLD.id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.id <> OLD.id) THEN PERFORM training_rollup_refresh(NEW.id); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER task_force_member_training AFTER INSERT OR DELETE OR UPDATE OF id, task_force_id, role, joined_on, left_on
  ON task_force_member FOR EACH ROW EXECUTE FUNCTION task_force_member_training();

-- How many modules a member has completed, in any session (task_force_member.modules_completed): the
-- record lists' "has not completed every module" compares it with the curriculum's size.
CREATE OR REPLACE FUNCTION member_modules_completed_refresh(p_member INTEGER) RETURNS void LANGUAGE sql AS $$
  UPDATE task_force_member m SET modules_completed = c.modules
    FROM (SELECT COUNT(DISTINCT a.module_id)::int AS modules FROM training_attendance a
           WHERE a.member_id = p_member AND a.completed) c
   WHERE m.id = p_member AND m.modules_completed <> c.modules;
$$;

CREATE OR REPLACE FUNCTION training_attendance_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM training_rollup_refresh(OLD.member_id);
    PERFORM member_modules_completed_refresh(OLD.member_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.member_id <> OLD.member_id) THEN
    PERFORM training_rollup_refresh(NEW.member_id);
    PERFORM member_modules_completed_refresh(NEW.member_id);
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER training_attendance_training AFTER INSERT OR DELETE OR UPDATE OF session_id, member_id, module_id, completed
  ON training_attendance FOR EACH ROW EXECUTE FUNCTION training_attendance_training();

CREATE OR REPLACE FUNCTION training_session_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_rollup_refresh(member_id) FROM (SELECT DISTINCT member_id FROM training_attendance WHERE session_id = NEW.id) members;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER training_session_training AFTER UPDATE OF held_on ON training_session
  FOR EACH ROW WHEN (OLD.held_on IS DISTINCT FROM NEW.held_on) EXECUTE FUNCTION training_session_training();

-- A designation's status history, variant and village decide when and where its members count.
CREATE OR REPLACE FUNCTION designation_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_rollup_refresh(m.id) FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id WHERE tf.designation_id = NEW.id;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_training AFTER UPDATE OF variant, village_id ON designation
  FOR EACH ROW EXECUTE FUNCTION designation_training();

CREATE OR REPLACE FUNCTION designation_status_change_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM training_rollup_refresh(m.id) FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id
      WHERE tf.designation_id = OLD.designation_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.designation_id <> OLD.designation_id) THEN
    PERFORM training_rollup_refresh(m.id) FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id
      WHERE tf.designation_id = NEW.designation_id;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_status_change_training AFTER INSERT OR DELETE OR UPDATE
  ON designation_status_change FOR EACH ROW EXECUTE FUNCTION designation_status_change_training();

CREATE OR REPLACE FUNCTION task_force_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_rollup_refresh(m.id) FROM task_force_member m WHERE m.task_force_id = NEW.id;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER task_force_training AFTER UPDATE OF designation_id ON task_force
  FOR EACH ROW EXECUTE FUNCTION task_force_training();

-- "All modules" changes meaning when the curriculum does: recount everyone.
CREATE OR REPLACE FUNCTION training_module_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_training_rollups();
  RETURN NULL;
END $$;

-- Recomputes the whole training rollup from the records: after a bulk load, and to check it.
CREATE OR REPLACE FUNCTION rebuild_training_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_force_member m SET modules_completed = COALESCE(c.modules, 0)
    FROM task_force_member m2
    LEFT JOIN (SELECT member_id, COUNT(DISTINCT module_id)::int AS modules
                 FROM training_attendance WHERE completed GROUP BY member_id) c ON c.member_id = m2.id
   WHERE m2.id = m.id AND m.modules_completed <> COALESCE(c.modules, 0);
  DELETE FROM training_rollup;
  DELETE FROM member_training_event;
  INSERT INTO member_training_event (member_id, module_id, kind, day, present, completed, district_id, regency_id, province_id, variant)
  SELECT member_id, module_id, kind, day, present, completed, district_id, regency_id, province_id, variant
    FROM member_training_event_source;
  INSERT INTO training_rollup (grain, area_level, period_start, area_id, variant, module_id, present, completed)
  SELECT k.grain, k.area_level, k.period_start, k.area_id, e.variant, e.module_id, SUM(e.present), SUM(e.completed)
    FROM member_training_event e
    CROSS JOIN LATERAL rollup_keys(e.day, e.province_id, e.regency_id, e.district_id) AS k
   GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

CREATE OR REPLACE TRIGGER training_module_training AFTER INSERT OR DELETE ON training_module
  FOR EACH STATEMENT EXECUTE FUNCTION training_module_training();
