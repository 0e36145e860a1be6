-- Rollup family "area-village-counts": its current functions, triggers and views. The tables are made by migrations;
-- this file is applied after them whenever it changes (CREATE OR REPLACE only), and registered in
-- src/rollups.ts. Row codes: grain 'D' = day, 'M' = month; area_level 'P' = province, 'R' =
-- kabupaten/kota, 'D' = kecamatan (rollupCodes in src/rollups.ts names them for TypeScript).

-- A village's +1 or -1 in the counts of its province, kabupaten/kota and kecamatan.
CREATE OR REPLACE FUNCTION area_village_count_apply(p_province INTEGER, p_regency INTEGER, p_district INTEGER, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO area_village_count AS x (area_level, area_id, villages)
  VALUES ('P', p_province, p_sign), ('R', p_regency, p_sign), ('D', p_district, p_sign)
  ON CONFLICT (area_level, area_id) DO UPDATE SET villages = x.villages + EXCLUDED.villages;
$$;

CREATE OR REPLACE FUNCTION village_area_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM area_village_count_apply(OLD.province_id, OLD.regency_id, OLD.district_id, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM area_village_count_apply(NEW.province_id, NEW.regency_id, NEW.district_id, 1); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER village_area_count AFTER INSERT OR DELETE OR UPDATE OF province_id, regency_id, district_id
  ON village FOR EACH ROW EXECUTE FUNCTION village_area_count();

-- Recounts from the villages: after a bulk load, and to check the counts.
CREATE OR REPLACE FUNCTION rebuild_area_village_counts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM area_village_count;
  INSERT INTO area_village_count (area_level, area_id, villages)
  SELECT 'P', province_id, COUNT(*) FROM village GROUP BY province_id
  UNION ALL SELECT 'R', regency_id, COUNT(*) FROM village GROUP BY regency_id
  UNION ALL SELECT 'D', district_id, COUNT(*) FROM village GROUP BY district_id;
$$;
