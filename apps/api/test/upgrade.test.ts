// Upgrading a database that is in use: the migration that made idempotency keys per submitter
// (20261205032823_report_submitter) run on a populated database, reports sent through the API included.
// The database is put back into its shape before that migration (the reverse of its statements), migrated
// again, and must keep every report, give each the
// submitter the API itself would record, and let a retry find its report as before.
import { migrate, rollupFamilies } from '@binaan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const SUBMITTER_MIGRATION = '20261205032823_report_submitter';

const submit = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
  ... on MutationSubmitVillageReportSuccess { data { created report { id } } } ... on Error { message } } }`;

/** village_report's columns and indexes, to compare two databases' shapes. */
async function reportTableShape(api: { db: SeededApi['db'] }) {
  const columns = await api.db.sql.query<{ column_name: string; is_nullable: string; data_type: string }>(
    `SELECT column_name, is_nullable, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'village_report' ORDER BY column_name`,
  );
  const indexes = await api.db.sql.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'village_report' ORDER BY indexname`,
  );
  return { columns, indexes: indexes.map((index) => index.indexdef) };
}

const ALL_REPORTS = `SELECT id, source, client_reference, village_id, type, occurred_on::text, submitted_at::text,
  people_involved, description, reporter_name, reporter_phone, status, submitter
  FROM village_report ORDER BY id`;

describe('upgrading a populated database to per-submitter idempotency keys', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('keeps every report, backfills the submitter the API would record, and retries still find their report', async () => {
    const [village] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 1`,
    );
    const [nttVillage] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '53.18' ORDER BY v.code LIMIT 1`,
    );
    const input = (clientReference: string, villageCode: string) => ({
      source: 'app:desa-lapor',
      clientReference,
      villageCode,
      type: 'OTHER',
      occurredOn: '2026-11-20',
      peopleInvolved: 2,
      description: 'Laporan sebelum pemutakhiran.',
    });
    // Sent before the upgrade by an office's officer, an office's token and a regional office's user.
    const token = await api.issueToken('kanim', ['REPORTS_SUBMIT'], 'KANIM-BATULICIN');
    const senders = [
      { as: 'kanim' as const, reference: 'UPGRADE-OFFICER', village: village!.code },
      { as: { token }, reference: 'UPGRADE-TOKEN', village: village!.code },
      { as: 'kanwil' as const, reference: 'UPGRADE-REGIONAL', village: nttVillage!.code },
    ];
    const sentIds: string[] = [];
    for (const sender of senders) {
      const result = await api.graphql(submit, { input: input(sender.reference, sender.village) }, sender.as);
      sentIds.push(result.data!.submitVillageReport.data.report.id);
    }
    const before = await api.db.sql.query<Record<string, unknown>>(ALL_REPORTS);
    expect(before.length).toBeGreaterThan(1000);

    // Back to the shape before the migration: its statements reversed.
    const current = await reportTableShape(api);
    await api.db.sql.exec(`
      DROP INDEX "village_report_submitter_source_client_reference_key";
      ALTER TABLE "village_report" DROP COLUMN "submitter";
      CREATE UNIQUE INDEX "village_report_source_client_reference_key"
        ON "village_report"("source", "client_reference");
      DELETE FROM "_binaan_migrations" WHERE name = '${SUBMITTER_MIGRATION}';
    `);
    const earlier = await reportTableShape(api);
    expect(earlier.columns).toEqual(current.columns.filter((column) => column.column_name !== 'submitter'));
    expect(earlier.indexes).toContain(
      'CREATE UNIQUE INDEX village_report_source_client_reference_key ON public.village_report USING btree (source, client_reference)',
    );

    const upgrade = await migrate(api.db.sql);
    expect(upgrade.applied).toEqual([SUBMITTER_MIGRATION]);
    expect(await reportTableShape(api)).toEqual(current);
    // Every report is still there, unchanged, with the submitter the API recorded when it took it.
    expect(await api.db.sql.query<Record<string, unknown>>(ALL_REPORTS)).toEqual(before);

    // A retry after the upgrade finds the report sent before it; nothing new is written.
    for (const [index, sender] of senders.entries()) {
      const retry = await api.graphql(submit, { input: input(sender.reference, sender.village) }, sender.as);
      expect(retry.data!.submitVillageReport.data).toEqual({ created: false, report: { id: sentIds[index] } });
    }
    const [{ count }] = (await api.db.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM village_report',
    )) as [{ count: number }];
    expect(count).toBe(before.length);
  });
});

describe('upgrading a populated database to designation history', () => {
  const HISTORY_MIGRATION = '20261205053320_designation_history';
  const LATER_MIGRATION = '20261205060906_report_totals_rejected';
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('backfills every designation’s history from what it recorded, and rebuilds the figures from it', async () => {
    const designationsBefore = await api.db.sql.query<Record<string, unknown>>(
      `SELECT id, status::text, inaugurated_on::text, status_changed_at::text FROM designation ORDER BY id`,
    );
    // Back to the shape before the two migrations (their statements reversed; the rollup files are applied
    // again, as on a database that never had them).
    await api.db.sql.exec(`
      DROP TABLE "designation_status_change" CASCADE;
      DELETE FROM "village_designation_event";
      ALTER TABLE "village_designation_event" DROP CONSTRAINT "village_designation_event_pkey", DROP COLUMN "change",
        ADD CONSTRAINT "village_designation_event_pkey" PRIMARY KEY ("village_id", "variant_set");
      DELETE FROM "member_training_event";
      ALTER TABLE "member_training_event" DROP CONSTRAINT "member_training_event_pkey",
        ADD CONSTRAINT "member_training_event_pkey" PRIMARY KEY ("member_id", "module_id", "kind");
      ALTER TABLE "report_total_rollup" DROP COLUMN "rejected";
      DELETE FROM "_binaan_migrations" WHERE name IN ('${HISTORY_MIGRATION}', '${LATER_MIGRATION}');
      DELETE FROM "_binaan_rollups";
    `);

    const upgrade = await migrate(api.db.sql);
    expect(upgrade.applied).toEqual([HISTORY_MIGRATION, LATER_MIGRATION]);
    // The designations are as they were: nothing rewrote them.
    expect(
      await api.db.sql.query(
        `SELECT id, status::text, inaugurated_on::text, status_changed_at::text FROM designation ORDER BY id`,
      ),
    ).toEqual(designationsBefore);
    // Each has a history whose latest status is its status, whose first ACTIVE day is its inauguration,
    // and a suspension or end takes effect on the day of its last change where the village is.
    const mismatches = await api.db.sql.query<{ id: number }>(
      `WITH h AS (
         SELECT c.designation_id,
                (array_agg(c.to_status ORDER BY c.effective_on DESC, c.id DESC))[1] AS latest,
                MIN(c.effective_on) FILTER (WHERE c.to_status = 'ACTIVE') AS first_active,
                MAX(c.effective_on) AS last_day
           FROM designation_status_change c GROUP BY c.designation_id)
       SELECT g.id FROM designation g
         JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
         LEFT JOIN h ON h.designation_id = g.id
        WHERE h.latest IS DISTINCT FROM g.status
           OR h.first_active IS DISTINCT FROM g.inaugurated_on
           OR (g.status IN ('SUSPENDED', 'ENDED') AND h.last_day <> GREATEST(g.inaugurated_on,
                 (g.status_changed_at AT TIME ZONE CASE WHEN p.code IN ('53', '63') THEN 'Asia/Makassar' ELSE 'Asia/Jakarta' END)::date))`,
    );
    expect(mismatches).toEqual([]);
    const [{ suspended }] = (await api.db.sql.query<{ suspended: number }>(
      `SELECT COUNT(*)::int AS suspended FROM designation WHERE status IN ('SUSPENDED', 'ENDED')`,
    )) as [{ suspended: number }];
    expect(suspended).toBeGreaterThan(0);

    // The rollups were rebuilt from the history: coverage on a past day is the villages active that day.
    const result = await api.graphql(
      `{ coverage(groupBy: PROVINCE, filter: { period: { from: "2025-01-01", to: "2025-06-30" } }) { total { designatedVillages } } }`,
    );
    const [{ active }] = (await api.db.sql.query<{ active: number }>(
      `WITH in_force AS (
         SELECT DISTINCT ON (c.designation_id) c.designation_id, c.to_status FROM designation_status_change c
          WHERE c.effective_on <= DATE '2025-06-30' ORDER BY c.designation_id, c.effective_on DESC, c.id DESC)
       SELECT COUNT(DISTINCT g.village_id)::int AS active FROM in_force s JOIN designation g ON g.id = s.designation_id
        WHERE s.to_status = 'ACTIVE'`,
    )) as [{ active: number }];
    expect(result.data!.coverage.total.designatedVillages).toBe(active);
    for (const family of rollupFamilies) {
      const [row] = await api.db.sql.query<{ rebuild_requested: boolean }>(
        `SELECT rebuild_requested FROM _binaan_rollups WHERE name = $1`,
        [family.name],
      );
      expect(row, family.name).toEqual({ rebuild_requested: false });
    }
  });
});
