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

-- ─── Keeping the member roster counts ──────────────────────────────────────────────────────────
-- member_roster_count: every member as they are now, once per level of the area of their task force's
-- village, by role, still a member or not, and modules completed. No dates: the member lists filter on
-- what is true today, and their total count adds these rows up instead of counting 200,000 members.

-- Adds (+1) or takes back (-1) one member of a village in these areas, in this state.
CREATE OR REPLACE FUNCTION member_roster_apply(p_province INTEGER, p_regency INTEGER, p_district INTEGER,
  p_role "task_force_role", p_current BOOLEAN, p_modules INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO member_roster_count AS x (area_level, area_id, role, current, modules_completed, members)
  VALUES ('P', p_province, p_role, p_current, p_modules, p_sign), ('R', p_regency, p_role, p_current, p_modules, p_sign),
         ('D', p_district, p_role, p_current, p_modules, p_sign)
  ON CONFLICT (area_level, area_id, role, current, modules_completed) DO UPDATE SET members = x.members + EXCLUDED.members;
$$;

-- One member row as it was (OLD, -1) or is (NEW, +1), in the areas of its task force's village now.
CREATE OR REPLACE FUNCTION member_roster_apply_row(p_member "task_force_member", p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  SELECT member_roster_apply(v.province_id, v.regency_id, v.district_id, p_member.role, p_member.left_on IS NULL,
                             p_member.modules_completed, p_sign)
    FROM task_force tf JOIN designation g ON g.id = tf.designation_id JOIN village v ON v.id = g.village_id
   WHERE tf.id = p_member.task_force_id;
$$;

CREATE OR REPLACE FUNCTION task_force_member_roster() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM member_roster_apply_row(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM member_roster_apply_row(NEW, 1); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER task_force_member_roster AFTER INSERT OR DELETE OR UPDATE OF task_force_id, role, left_on, modules_completed
  ON task_force_member FOR EACH ROW EXECUTE FUNCTION task_force_member_roster();

-- The members of a task force that moved to another designation, or of a designation that moved to
-- another village, or of a village that moved to another kecamatan: counted where they were, then where
-- they are (old and new area ids).
CREATE OR REPLACE FUNCTION member_roster_move(p_members INTEGER[], p_from_village "village", p_to_village "village")
RETURNS void LANGUAGE sql AS $$
  SELECT member_roster_apply(p_from_village.province_id, p_from_village.regency_id, p_from_village.district_id,
                             m.role, m.left_on IS NULL, m.modules_completed, -1),
         member_roster_apply(p_to_village.province_id, p_to_village.regency_id, p_to_village.district_id,
                             m.role, m.left_on IS NULL, m.modules_completed, 1)
    FROM task_force_member m WHERE m.id = ANY(p_members);
$$;

CREATE OR REPLACE FUNCTION task_force_roster() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_roster_move(ARRAY(SELECT m.id FROM task_force_member m WHERE m.task_force_id = NEW.id),
    (SELECT v FROM designation g JOIN village v ON v.id = g.village_id WHERE g.id = OLD.designation_id),
    (SELECT v FROM designation g JOIN village v ON v.id = g.village_id WHERE g.id = NEW.designation_id));
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER task_force_roster AFTER UPDATE OF designation_id ON task_force
  FOR EACH ROW WHEN (OLD.designation_id IS DISTINCT FROM NEW.designation_id) EXECUTE FUNCTION task_force_roster();

CREATE OR REPLACE FUNCTION designation_roster() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_roster_move(
    ARRAY(SELECT m.id FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id WHERE tf.designation_id = NEW.id),
    (SELECT v FROM village v WHERE v.id = OLD.village_id), (SELECT v FROM village v WHERE v.id = NEW.village_id));
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER designation_roster AFTER UPDATE OF village_id ON designation
  FOR EACH ROW WHEN (OLD.village_id IS DISTINCT FROM NEW.village_id) EXECUTE FUNCTION designation_roster();

-- A village that moves to another kecamatan (a decree re-drawing the areas) takes its members' counts
-- with it, in both rollups.
CREATE OR REPLACE FUNCTION village_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_roster_move(
    ARRAY(SELECT m.id FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id
            JOIN designation g ON g.id = tf.designation_id WHERE g.village_id = NEW.id), OLD, NEW);
  PERFORM training_rollup_refresh(m.id) FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id
    JOIN designation g ON g.id = tf.designation_id WHERE g.village_id = NEW.id;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_training AFTER UPDATE OF province_id, regency_id, district_id ON village
  FOR EACH ROW WHEN ((OLD.province_id, OLD.regency_id, OLD.district_id) IS DISTINCT FROM (NEW.province_id, NEW.regency_id, NEW.district_id))
  EXECUTE FUNCTION village_training();

-- "All modules" changes meaning when the curriculum does: recount everyone.
CREATE OR REPLACE FUNCTION training_module_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_training_rollups();
  RETURN NULL;
END $$;

-- Recomputes the whole training rollup from the records: after a bulk load, and to check it.
CREATE OR REPLACE FUNCTION rebuild_training_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The roster's counts are rebuilt from the members below: its trigger would only count each changed
  -- member once more, row by row (after a national seed, the family took 3 min with it, 25 s without).
  -- Writes to the members wait for this transaction meanwhile (the ALTER's lock): none goes uncounted.
  ALTER TABLE task_force_member DISABLE TRIGGER task_force_member_roster;
  UPDATE task_force_member m SET modules_completed = COALESCE(c.modules, 0)
    FROM task_force_member m2
    LEFT JOIN (SELECT member_id, COUNT(DISTINCT module_id)::int AS modules
                 FROM training_attendance WHERE completed GROUP BY member_id) c ON c.member_id = m2.id
   WHERE m2.id = m.id AND m.modules_completed <> COALESCE(c.modules, 0);
  ALTER TABLE task_force_member ENABLE TRIGGER task_force_member_roster;
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
  -- After the counts of modules above.
  DELETE FROM member_roster_count;
  INSERT INTO member_roster_count (area_level, area_id, role, current, modules_completed, members)
  SELECT k.area_level, k.area_id, m.role, m.left_on IS NULL, m.modules_completed, COUNT(*)
    FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id
    JOIN designation g ON g.id = tf.designation_id JOIN village v ON v.id = g.village_id
    CROSS JOIN LATERAL (VALUES ('P', v.province_id), ('R', v.regency_id), ('D', v.district_id)) AS k(area_level, area_id)
   GROUP BY 1, 2, 3, 4, 5;
END $$;

CREATE OR REPLACE TRIGGER training_module_training AFTER INSERT OR DELETE ON training_module
  FOR EACH STATEMENT EXECUTE FUNCTION training_module_training();
