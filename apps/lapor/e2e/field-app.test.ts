// The field app on a phone in real Chromium against the real API: enrolment by the office's link,
// reports typed without signal that survive a reload and go exactly once when signal returns, a
// connection cut after the server committed, and a revoked phone. Network conditions are Chromium's
// own emulation (DevTools protocol, through Playwright's setOffline).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserMissing, outputDir, type RunningFieldApp, startFieldApp } from './support';

const ENROLMENT = `mutation($input: CreateDeviceEnrolmentInput!) { createDeviceEnrolment(input: $input) {
  __typename ... on MutationCreateDeviceEnrolmentSuccess { data { code enrolmentPath } } } }`;

export interface TypedReport {
  type: string;
  description: string;
  people: number;
}

/** A designated village of Kanim Batulicin (Kotabaru, WITA) and its name. */
export async function kanimVillage(app: RunningFieldApp): Promise<{ code: string; name: string }> {
  const data = await app.graphql(
    `{ designations(first: 1, filter: { area: { regencyCodes: ["63.02"] }, statuses: [ACTIVE] }) { edges { node { village { code name } } } } }`,
  );
  return data.designations.edges[0].node.village;
}

/** The office makes a code; the phone opens the QR code's link and enrols; the service worker takes over. */
export async function enrolPhone(app: RunningFieldApp, page: Page, village: { code: string; name: string }) {
  const made = await app.graphql(ENROLMENT, { input: { villageCode: village.code, label: 'HP Sekdes' } });
  const { enrolmentPath } = made.createDeviceEnrolment.data as { enrolmentPath: string };
  await page.goto(`${app.url}${enrolmentPath}`);
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  await page.getByRole('heading', { name: new RegExp(village.name) }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

export async function typeReport(page: Page, report: TypedReport) {
  await page.selectOption('#type', report.type);
  await page.fill('#peopleInvolved', String(report.people));
  await page.fill('#description', report.description);
  await page.getByRole('button', { name: 'Simpan dan kirim' }).click();
  await page.getByText('Laporan tersimpan di ponsel').waitFor();
}

/** What the phone shows: each report's reference and state, newest first. */
export const phoneReports = (page: Page) =>
  page.$$eval('li[data-reference]', (items) =>
    items.map((item) => ({
      reference: (item as HTMLElement).dataset.reference!,
      state: (item as HTMLElement).dataset.state!,
      text: item.textContent ?? '',
    })),
  );

export async function waitForStates(page: Page, state: string, count: number, timeout = 30_000) {
  await page.waitForFunction(
    ([wanted, n]) => document.querySelectorAll(`li[data-state="${wanted}"]`).length === n,
    [state, count] as const,
    { timeout },
  );
}

/** Rows on the server per client reference (a duplicate would show as 2). */
export async function rowsPerReference(app: RunningFieldApp, references: string[]): Promise<Map<string, number>> {
  const rows = await app.sql<{ client_reference: string; n: number }>(
    `SELECT client_reference, COUNT(*)::int AS n FROM village_report WHERE client_reference = ANY($1) GROUP BY client_reference`,
    [references],
  );
  return new Map(rows.map((row) => [row.client_reference, row.n]));
}

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

    // The app opens with no signal (its service worker) and still holds them.
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(village.name) }).waitFor();
    await waitForStates(page, 'waiting', 3);
    await page.screenshot({ path: `${outputDir}offline-waiting.png`, fullPage: true });

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

  it('says clearly when the office revoked the phone, and keeps its reports until they are discarded', async () => {
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

    // Still there after a reload, until the person discards it.
    await page.reload();
    await waitForStates(page, 'refused', 1);
    const item = page.locator(`li[data-reference="${refused.reference}"]`);
    await item.getByRole('button', { name: 'Buang' }).click();
    await item.getByRole('button', { name: 'Ya, buang' }).click();
    await waitForStates(page, 'refused', 0);
    await context.close();
  });
});
