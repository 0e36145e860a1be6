// The field app on a phone in real Chromium against the real API: enrolment by the office's link,
// reports typed without signal that survive a reload and go exactly once when signal returns, a
// connection cut after the server committed, and a revoked phone. Network conditions are Chromium's
// own emulation (DevTools protocol, through Playwright's setOffline).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  enrolPhone,
  kanimVillage,
  phoneReports,
  rowsPerReference,
  type TypedReport,
  typeReport,
  waitForStates,
} from './phone';
import { browserMissing, outputDir, type RunningFieldApp, screenshot, startFieldApp } from './support';

describe.skipIf(browserMissing)(`field app in Chromium${browserMissing ? ` (skipped: ${browserMissing})` : ''}`, () => {
  let app: RunningFieldApp;
  let village: { code: string; name: string };

  beforeAll(async () => {
    app = await startFieldApp(inject('seededTemplate')!);
    village = await kanimVillage(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps three reports typed offline through a reload, and sends each exactly once when signal returns', async () => {
    const { context, page } = await app.phone();
    await enrolPhone(app, page, village);

    // A report with nothing chosen is refused on the phone, beside the field, and nothing is stored.
    await page.getByRole('button', { name: 'Simpan dan kirim' }).click();
    await page.locator('#type-problem').waitFor();
    expect(await page.locator('#type-problem').textContent()).toBe('Pilih jenis laporan.');
    expect(await phoneReports(page)).toEqual([]);

    await context.setOffline(true);
    const typed: TypedReport[] = [
      { type: 'FOREIGN_NATIONAL_PRESENT', description: 'Dua WNA menginap di rumah warga dekat dermaga.', people: 2 },
      {
        type: 'NON_PROCEDURAL_MIGRANT_WORKER',
        description: 'Warga berangkat kerja ke Malaysia tanpa dokumen.',
        people: 1,
      },
      { type: 'PASSPORT_INFORMATION_REQUEST', description: 'Warga bertanya syarat membuat paspor.', people: 3 },
    ];
    for (const report of typed) await typeReport(page, report);
    await waitForStates(page, 'waiting', 3);
    expect(await page.getByRole('status').first().textContent()).toContain('Tanpa sinyal');
    const references = (await phoneReports(page)).map((report) => report.reference);
    expect((await rowsPerReference(app, references)).size).toBe(0);
    // The service worker is asked to send them when the network returns, even with the app closed.
    const tags = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
        sync: { getTags(): Promise<string[]> };
      };
      return registration.sync.getTags();
    });
    expect(tags).toContain('lapor-outbox');

    // The app opens with no signal (its service worker) and still holds them.
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(village.name) }).waitFor();
    await waitForStates(page, 'waiting', 3);
    await screenshot(page, `${outputDir}offline-waiting.png`, { fullPage: true });

    await context.setOffline(false);
    await waitForStates(page, 'received', 3);
    const rows = await rowsPerReference(app, references);
    expect([...rows.values()]).toEqual([1, 1, 1]);
    // The phone shows the server's number for each.
    const ids = await app.sql<{ id: number; client_reference: string; description: string }>(
      `SELECT id, client_reference, description FROM village_report WHERE client_reference = ANY($1)`,
      [references],
    );
    for (const shown of await phoneReports(page)) {
      const row = ids.find((id) => id.client_reference === shown.reference)!;
      expect(shown.text).toContain(`Laporan no. ${row.id}`);
    }
    expect(ids.map((row) => row.description).sort()).toEqual(typed.map((report) => report.description).sort());

    // The office verifies one; the phone shows it the next time it asks (here: when reopened).
    const verified = ids[0]!;
    const reportId = Buffer.from(`VillageReport:${verified.id}`).toString('base64');
    await app.graphql(
      `mutation($id: ID!) { transitionReportStatus(input: { reportId: $id, toStatus: VERIFIED }) { __typename } }`,
      { id: reportId },
    );
    await page.reload();
    await page.waitForFunction(
      (reference) =>
        document.querySelector(`li[data-reference="${reference}"]`)?.getAttribute('data-status') === 'VERIFIED',
      verified.client_reference,
    );
    const shownVerified = (await phoneReports(page)).find((report) => report.reference === verified.client_reference)!;
    expect(shownVerified.text).toContain('Diverifikasi kantor');
    await context.close();
  });

  it('resends a report whose answer was cut after the server committed, and the server keeps one row', async () => {
    const { context, page } = await app.phone();
    await enrolPhone(app, page, village);
    app.proxy.cutNextSubmissions(1);
    await typeReport(page, { type: 'REFUGEES', description: 'Satu keluarga pengungsi tiba dengan perahu.', people: 4 });
    const [report] = await phoneReports(page);
    await expect.poll(() => app.proxy.cut, { timeout: 10_000 }).toContain(report!.reference);
    // Committed on the server already, though the phone does not know: it sends again by itself (its
    // back-off timer, or Background Sync in the service worker) and learns it was received.
    expect((await rowsPerReference(app, [report!.reference])).get(report!.reference)).toBe(1);
    await waitForStates(page, 'received', 1);
    expect(app.proxy.submitted.filter((reference) => reference === report!.reference).length).toBeGreaterThanOrEqual(2);
    expect((await rowsPerReference(app, [report!.reference])).get(report!.reference)).toBe(1);
    await context.close();
  });

  it('says clearly when the office revoked the phone, keeps its reports, and sends them after a new enrolment', async () => {
    const { context, page } = await app.phone();
    await enrolPhone(app, page, village);
    await typeReport(page, { type: 'OTHER', description: 'Sosialisasi keimigrasian di balai desa.', people: 30 });
    await waitForStates(page, 'received', 1);
    const devices = await app.graphql(`query($v: String!) { fieldDevices(villageCode: $v) { id revokedAt } }`, {
      v: village.code,
    });
    const live = devices.fieldDevices.find((device: { revokedAt: string | null }) => !device.revokedAt);
    await app.graphql(`mutation($id: ID!) { revokeFieldDevice(input: { deviceId: $id }) { __typename } }`, {
      id: live.id,
    });

    await typeReport(page, {
      type: 'FOREIGN_NATIONAL_PRESENT',
      description: 'WNA memotret pos lintas batas.',
      people: 1,
    });
    await page.getByRole('alert').filter({ hasText: 'Laporan yang belum terkirim tetap tersimpan' }).waitFor();
    expect(await page.locator('.notice--warning').textContent()).toContain(
      'Ponsel ini sudah dicabut oleh kantor imigrasi',
    );
    await waitForStates(page, 'refused', 1);
    const refused = (await phoneReports(page)).find((report) => report.state === 'refused')!;
    expect(refused.text).toContain('sudah dicabut');
    expect((await rowsPerReference(app, [refused.reference])).size).toBe(0);

    // A report saved after the revocation is refused at once, for the same reason.
    await typeReport(page, { type: 'OTHER', description: 'Catatan yang akan dibuang dari ponsel.', people: 1 });
    await waitForStates(page, 'refused', 2);

    // Still there after a reload, until the person discards one.
    await page.reload();
    await waitForStates(page, 'refused', 2);
    const [discarded] = await phoneReports(page);
    const item = page.locator(`li[data-reference="${discarded!.reference}"]`);
    await item.getByRole('button', { name: 'Buang' }).click();
    await item.getByRole('button', { name: 'Ya, buang' }).click();
    await waitForStates(page, 'refused', 1);

    // With a new code from the office the phone enrols again, and the kept report goes once resent.
    await page.getByRole('button', { name: 'Daftarkan lagi dengan kode baru' }).click();
    await enrolPhone(app, page, village);
    await page.locator(`li[data-reference="${refused.reference}"]`).getByRole('button', { name: 'Ubah' }).click();
    await page.getByRole('button', { name: 'Simpan perubahan dan kirim' }).click();
    await waitForStates(page, 'received', 2);
    const rows = await app.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM village_report WHERE description = $1`, [
      'WNA memotret pos lintas batas.',
    ]);
    expect(rows[0]!.n).toBe(1);
    expect((await phoneReports(page)).length).toBe(2);
    await context.close();
  });

  it('shows why the server refused a report beside the field, and sends it once edited', async () => {
    const { context, page } = await app.phone();
    // The phone's clock runs a day ahead (it happens): its "today" is tomorrow in the village, which
    // the phone accepts and the server, knowing the village's real date, refuses.
    await page.clock.setFixedTime(new Date(Date.now() + 24 * 3_600_000));
    await enrolPhone(app, page, village);
    const description = 'Tiga WNA bekerja di kebun sawit tanpa izin.';
    await typeReport(page, { type: 'FOREIGN_NATIONAL_PRESENT', description, people: 3 });
    await waitForStates(page, 'refused', 1);
    const [refused] = await phoneReports(page);
    expect(refused!.text).toContain('Tidak terkirim');
    expect((await rowsPerReference(app, [refused!.reference])).size).toBe(0);

    const item = page.locator(`li[data-reference="${refused!.reference}"]`);
    await item.getByRole('button', { name: 'Ubah' }).click();
    await page.getByRole('heading', { name: 'Ubah laporan yang ditolak' }).waitFor();
    // The server's reason beside the date, and what was typed kept.
    await page.locator('#occurredOn-problem').waitFor();
    expect(await page.locator('#occurredOn-problem').textContent()).toMatch(/^Tanggal (kejadian harus|tidak boleh)/);
    expect(await page.inputValue('#description')).toBe(description);
    await screenshot(page, `${outputDir}refused-edit.png`);
    const villageToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date());
    await page.fill('#occurredOn', villageToday);
    await page.getByRole('button', { name: 'Simpan perubahan dan kirim' }).click();
    await waitForStates(page, 'received', 1);
    const rows = await app.sql<{ occurred_on: string; n: number }>(
      `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, COUNT(*)::int AS n FROM village_report
        WHERE description = $1 GROUP BY occurred_on`,
      [description],
    );
    expect(rows).toEqual([{ occurred_on: villageToday, n: 1 }]);
    await context.close();
  });
});
