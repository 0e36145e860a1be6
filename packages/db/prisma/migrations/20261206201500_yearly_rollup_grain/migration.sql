-- The coverage and training rollups gain year rows (grain 'Y', keyed by rollup_keys()): a figure at a day
-- then sums a few dozen rows per area instead of every month since the programme began. No table changes;
-- the families' rebuilds add the rows once their new files are applied (the migrator runs them after the
-- rollup files).
UPDATE "_binaan_rollups" SET rebuild_requested = true WHERE name IN ('coverage', 'training');
