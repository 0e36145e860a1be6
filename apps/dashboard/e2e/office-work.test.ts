// An immigration office's daily work in the dashboard, in Chromium against the real API and database:
// the report inbox, a report taken from received to closed, two officers acting at once, and a record
// outside the office's area. What the screen says is checked against the database.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInIndonesia } from '@binaan/domain';
import { formatNumber } from '../src/lib/format';
import { browserMissing, outputDir, type RunningDashboard, screenshot, signIn, startDashboard } from './support';

if (browserMissing) console.warn(`End-to-end tests skipped: ${browserMissing}`);

const screenshots = `${outputDir}screenshots/`;
const KANIM = 'kanim.batulicin@binaan.test'; // Kanim Batulicin, whose area includes Kabupaten Kotabaru (WITA)
const KOTABARU = '63.02';

describe.skipIf(browserMissing !== null)("an immigration office's work in Chromium", () => {
  let dashboard: RunningDashboard;
  let contexts: BrowserContext[] = [];

  const officer = async (): Promise<Page> => {
    const context = await dashboard.browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'id-ID' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, dashboard.url, KANIM);
    return page;
  };

  /** A report as a village's channel sends it (the office's account may submit for its area). */
  let sent = 0;
  const villageReports = async (count: number) => {
    const { villages } = await dashboard.graphql(
      `{ villages(first: 1, filter: { area: { regencyCodes: ["${KOTABARU}"] }, designated: true }) { edges { node { code name } } } }`,
    );
    const village = villages.edges[0].node as { code: string; name: string };
    const reports: { id: string; village: typeof village }[] = [];
    for (let index = 0; index < count; index += 1) {
      sent += 1;
      const { submitVillageReport } = await dashboard.graphql(
        `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
          __typename ... on MutationSubmitVillageReportSuccess { data { report { id } } } } }`,
        {
          input: {
            source: 'test:office-work',
            clientReference: `E2E-${sent}`,
            villageCode: village.code,
            type: 'FOREIGN_NATIONAL_PRESENT',
            occurredOn: new Date().toISOString().slice(0, 10),
            peopleInvolved: 2,
            description: 'Dua orang asing menginap di rumah warga.',
          },
        },
        KANIM,
      );
      reports.push({ id: submitVillageReport.data.report.id, village });
    }
    return reports;
  };
  const steps = async (reportId: string) => {
    const { node } = await dashboard.graphql(
      `query($id: ID!) { node(id: $id) { ... on VillageReport { status transitions { toStatus note actionTaken agencies } } } }`,
      { id: reportId },
    );
    return node as { status: string; transitions: { toStatus: string }[] };
  };
  const openReportsOnReportsPage = async (page: Page) => {
    await page.goto(`${dashboard.url}/laporan?prov=63&kab=${KOTABARU}`);
    const panel = page.locator('section[aria-label^="Laporan terbuka"]');
    await panel.waitFor({ timeout: 20_000 });
    return (await panel.getAttribute('aria-label')) ?? '';
  };
  const openReport = async (page: Page, id: string) => {
    await page.goto(`${dashboard.url}/laporan/${encodeURIComponent(id)}`);
    await page.waitForSelector('h1, .empty-state', { timeout: 20_000 });
  };
  /** On a tablet held upright (820 px) every column of every table is in view, without scrolling sideways. */
  const expectTablesFitTablet = async (page: Page) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    const overflowing = await page
      .locator('.table-wrap')
      .evaluateAll((wraps) =>
        wraps
          .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
          .map((wrap) => `${wrap.querySelector('caption')?.textContent}: ${wrap.scrollWidth} > ${wrap.clientWidth}`),
      );
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 1366 });
  };
  const save = (page: Page) => page.click('#report-step button[type=submit]');
  const statusShown = (page: Page) => page.locator('[data-testid="report-status"]').textContent();

  beforeAll(async () => {
    dashboard = await startDashboard(inject('seededTemplate') ?? undefined);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await dashboard?.close();
  });

  it('lists the open reports of the office’s area, oldest first, with their age against the deadline', async () => {
    const page = await officer();
    await page.goto(`${dashboard.url}/kotak-masuk?kab=${KOTABARU}`);
    await page.waitForSelector('[data-testid="inbox-count"]', { state: 'attached', timeout: 20_000 });
    expect(await page.textContent('h1')).toBe('Kotak masuk laporan');
    const { reports } = await dashboard.graphql(
      `query($filter: VillageReportFilter!) { reports(first: 1, filter: $filter) { totalCount } }`,
      { filter: { area: { regencyCodes: [KOTABARU] }, open: true } },
    );
    expect(reports.totalCount).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="inbox-count"]')).toBe(String(reports.totalCount));
    const ages = await page.locator('tbody tr [data-urgency], tbody tr td:first-child').allTextContents();
    const days = ages.map((text) => Number(/^([\d.]+)/.exec(text)?.[1]?.replace(/\./g, '') ?? NaN));
    expect(days.length).toBeGreaterThan(1);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    // The colour says the same as the words: more than 7 days is overdue.
    const badges = await page
      .locator('tbody [data-urgency]')
      .evaluateAll((elements) =>
        elements.map((element) => ({ urgency: element.getAttribute('data-urgency'), text: element.textContent ?? '' })),
      );
    for (const badge of badges) {
      const age = Number(/^(\d+)/.exec(badge.text)![1]);
      expect(badge.urgency).toBe(age > 7 ? 'OVERDUE' : age >= 5 ? 'DUE_SOON' : 'ON_TIME');
    }
    // The status and the deadline included: the office works this list.
    await expectTablesFitTablet(page);
    // Filtering by status keeps only that status, in the URL too.
    await page.selectOption('select[name=status]', 'VERIFIED');
    await page.waitForURL(/status=VERIFIED/);
    const verified = await dashboard.graphql(
      `query($filter: VillageReportFilter!) { reports(first: 1, filter: $filter) { totalCount } }`,
      { filter: { area: { regencyCodes: [KOTABARU] }, statuses: ['VERIFIED'] } },
    );
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="inbox-count"]')?.textContent === String(count),
      verified.reports.totalCount,
    );
    const statuses = await page.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['Diverifikasi']));
    await screenshot(page, `${screenshots}kotak-masuk.png`, { fullPage: true });
  });

  it('takes a received report to closed, refusing a rejection without its reason, and the reports page’s counts move', async () => {
    const page = await officer();
    const [report] = await villageReports(1);
    const before = await openReportsOnReportsPage(page);
    await openReport(page, report!.id);
    expect(await statusShown(page)).toBe('Diterima');

    // A rejection without its reason: the message stands beside the field, focus goes to the summary.
    await page.check('input[name=toStatus][value=REJECTED]');
    await save(page);
    await page.waitForSelector('#report-step-note-error');
    expect(await page.textContent('#report-step-note-error')).toBe('Penolakan harus disertai alasannya.');
    expect(await page.getAttribute('#report-step-note', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-step-errors');
    expect((await steps(report!.id)).transitions).toHaveLength(1);
    await screenshot(page, `${screenshots}laporan-tolak-tanpa-alasan.png`, { fullPage: true });

    // Verify, follow up (with the action and the agencies), close: each with the keyboard or a tap.
    await page.check('input[name=toStatus][value=VERIFIED]');
    await page.fill('#report-step-note', 'Dicek ke lokasi bersama kepala desa.');
    await save(page);
    await page.waitForSelector('.form-saved');
    expect(await statusShown(page)).toBe('Diverifikasi');
    await page.check('input[name=toStatus][value=FOLLOWED_UP]');
    await page.fill('#report-step-actionTaken', 'Pemeriksaan izin tinggal di lokasi.');
    await page.check('label.choice:has-text("Polres") input');
    await page.fill('#report-step-otherAgencies', 'Satpol PP');
    await save(page);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-status"]')?.textContent === 'Ditindaklanjuti',
    );
    await page.check('input[name=toStatus][value=CLOSED]');
    await save(page);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-status"]')?.textContent === 'Selesai',
    );
    const timeline = await page.textContent('[data-testid="report-timeline"]');
    expect(timeline).toContain('Pemeriksaan izin tinggal di lokasi.');
    expect(timeline).toContain('Polres, Satpol PP');
    await screenshot(page, `${screenshots}laporan-selesai.png`, { fullPage: true });

    const stored = await steps(report!.id);
    expect(stored.status).toBe('CLOSED');
    expect(stored.transitions.map((step) => step.toStatus)).toEqual(['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP', 'CLOSED']);
    expect(stored.transitions[2]).toMatchObject({
      actionTaken: 'Pemeriksaan izin tinggal di lokasi.',
      agencies: ['Polres', 'Satpol PP'],
    });

    // The reports page counts one open report fewer, without a reload of the app.
    const count = (label: string) => Number(/\(([\d.]+)\)/.exec(label)![1]!.replace(/\./g, ''));
    const after = await openReportsOnReportsPage(page);
    expect(count(after)).toBe(count(before) - 1);
    expect(after).toContain(formatNumber(count(before) - 1, 'id'));

    // The village page shows the report's timeline too.
    await page.goto(`${dashboard.url}/desa/${report!.village.code}`);
    await page.waitForSelector('.panel');
    const row = page.locator(`tr:has(a[href="/laporan/${encodeURIComponent(report!.id)}"])`);
    await row.locator('summary').click();
    expect(await row.locator('[data-testid="report-timeline"]').textContent()).toContain('Pemeriksaan izin tinggal');
  });

  it('lets one of two officers verifying the same report win, and shows the other the report as it is now', async () => {
    const [report] = await villageReports(1);
    const first = await officer();
    const second = await officer();
    await openReport(first, report!.id);
    await openReport(second, report!.id);
    await first.check('input[name=toStatus][value=VERIFIED]');
    await second.check('input[name=toStatus][value=VERIFIED]');
    await second.fill('#report-step-note', 'Catatan petugas kedua.');
    await save(first);
    await first.waitForSelector('.form-saved');
    await save(second);
    await second.waitForSelector('[data-testid="report-step-errors"]');
    expect(await second.textContent('[data-testid="report-step-errors"]')).toContain(
      'Laporan ini sudah diubah orang lain sebelum Anda menyimpan. Keadaannya sekarang: Diverifikasi.',
    );
    expect(await statusShown(second)).toBe('Diverifikasi');
    // What the second officer typed is still there, and the next steps are the verified report's.
    expect(await second.inputValue('#report-step-note')).toBe('Catatan petugas kedua.');
    expect(
      await second
        .locator('input[name=toStatus]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(['FOLLOWED_UP', 'REJECTED']);
    await screenshot(second, `${screenshots}laporan-bentrok.png`, { fullPage: true });
    const stored = await steps(report!.id);
    expect(stored.transitions.map((step) => step.toStatus)).toEqual(['SUBMITTED', 'VERIFIED']);
  });

  it("starts a page's trail at the office's own area, not at a Nasional it cannot see", async () => {
    const page = await officer();
    await page.goto(`${dashboard.url}/cakupan`);
    const ownArea = (await page.textContent('[data-testid="signed-in"] small'))!.trim();
    expect(ownArea).not.toBe('');
    await page.waitForSelector('.breadcrumb [aria-current=page]');
    expect(await page.locator('.breadcrumb li').allTextContents()).toEqual([ownArea]);
    // One kabupaten/kota of its area: the trail goes straight there (its one province is no step).
    await page.goto(`${dashboard.url}/cakupan?prov=63&kab=${KOTABARU}`);
    await page.waitForSelector('.breadcrumb [aria-current=page]:has-text("Kotabaru")');
    expect(await page.locator('.breadcrumb li').allTextContents()).toEqual([ownArea, 'Kabupaten Kotabaru']);
  });

  it('finds a village by part of its name with the keyboard, showing kecamatan and kabupaten/kota; a code still works', async () => {
    const page = await officer();
    await page.goto(`${dashboard.url}/desa`);
    const box = page.getByRole('combobox', { name: 'Cari desa/kelurahan: nama atau kode' });
    await box.fill('timbur');
    await page.waitForSelector('[role=option]');
    const options = await page.locator('[role=option]').allTextContents();
    expect(options[0]).toContain('Gendang Timburu');
    expect(options[0]).toContain('Sungai Durian, Kabupaten Kotabaru · 63.02.15.2002');
    // The same search through the API, within the office's area, gives the same villages.
    const { villages } = await dashboard.graphql(
      `query($filter: VillageFilter!) { villages(first: 12, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
        edges { node { code } } } }`,
      { filter: { search: 'timbur', area: { regencyCodes: [KOTABARU] } } },
    );
    expect(options).toHaveLength(villages.edges.length);
    await screenshot(page, `${screenshots}desa-cari.png`, { fullPage: true });
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/desa\/63\.02\.15\.2002/);
    await page.waitForSelector('h1:has-text("Gendang Timburu")');

    await page.goto(`${dashboard.url}/desa`);
    await box.fill('63.02.15.2002');
    await box.press('Enter');
    await page.waitForURL(/\/desa\/63\.02\.15\.2002/);

    await page.goto(`${dashboard.url}/desa`);
    await box.fill('tidak ada desa bernama ini');
    expect(await page.textContent('[data-testid="village-search-status"]', { timeout: 10_000 })).toBeTruthy();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="village-search-status"]')?.textContent?.startsWith('Tidak ada desa'),
    );
  });

  it('designates a village (a future SK date refused beside its field first) and the coverage moves', async () => {
    const page = await officer();
    const designatedShown = async () => {
      await page.goto(`${dashboard.url}/ringkasan?prov=63&kab=${KOTABARU}`);
      await page.waitForSelector('[data-testid="designated-villages-value"]', { timeout: 20_000 });
      return Number((await page.textContent('[data-testid="designated-villages-value"]'))!.replace(/\./g, ''));
    };
    const before = await designatedShown();
    const { villages } = await dashboard.graphql(
      `{ villages(first: 1, filter: { area: { regencyCodes: ["${KOTABARU}"] }, designated: false, kind: DESA }) {
        edges { node { code name } } } }`,
    );
    const village = villages.edges[0].node as { code: string; name: string };
    const designations = async () =>
      (
        await dashboard.sql<{ status: string }>(
          `SELECT g.status::text AS status FROM designation g JOIN village v ON v.id = g.village_id WHERE v.code = $1`,
          [village.code],
        )
      ).map((row) => row.status);

    await page.goto(`${dashboard.url}/desa/${village.code}`);
    await page.waitForSelector('#designate');
    // Inaugurated, but without its date, and an SK dated in the future: both said at once, nothing written.
    await page.check('input[name=designate-status][value=ACTIVE]');
    await page.fill('#designate-decreeNumber', 'W.17.IMI.IMI.5-UM.01.01-0412');
    await page.fill('#designate-decreeDate', '2099-01-01');
    await page.click('#designate button[type=submit]');
    await page.waitForSelector('#designate-decreeDate-error');
    expect(await page.textContent('#designate-decreeDate-error')).toBe('Tanggal SK tidak boleh di masa depan.');
    expect(await page.textContent('#designate-inauguratedOn-error')).toBeTruthy();
    expect(await page.inputValue('#designate-decreeNumber')).toBe('W.17.IMI.IMI.5-UM.01.01-0412');
    expect(await designations()).toEqual([]);
    await screenshot(page, `${screenshots}desa-tetapkan-salah.png`, { fullPage: true });

    // The latest date the form allows is today in Kotabaru (WITA); the overview counts to today in WIB, which
    // is a day behind between 00:00 and 01:00 WITA. A date that has come in both zones shows at any hour.
    const villageToday = (await page.getAttribute('#designate-inauguratedOn', 'max'))!;
    const today = [villageToday, todayInIndonesia()].sort()[0]!;
    await page.fill('#designate-inauguratedOn', today);
    await page.fill('#designate-decreeDate', today);
    await page.click('#designate button[type=submit]');
    await page.waitForSelector('[data-testid="designation-history"]');
    expect(await designations()).toEqual(['ACTIVE']);
    expect(await page.textContent('[data-testid="designation-history"]')).toContain('Aktif');
    expect(await designatedShown()).toBe(before + 1);

    // The SK as a PDF: a 6 MB scan is refused beside the field before anything is sent; a real one is
    // kept, and downloads byte for byte.
    const documents = async () =>
      (
        await dashboard.sql<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM designation_document d JOIN designation g ON g.id = d.designation_id
            JOIN village v ON v.id = g.village_id WHERE v.code = $1`,
          [village.code],
        )
      )[0]!.n;
    const uploadForm = page.locator('form[aria-label="Unggah SK"]');
    await page.goto(`${dashboard.url}/desa/${village.code}`);
    await page.click('summary:has-text("Unggah SK")');
    await uploadForm.locator('input[type=file]').setInputFiles({
      name: 'sk-pindaian.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]),
    });
    await uploadForm.locator('button[type=submit]').click();
    await uploadForm.locator('.field-error').waitFor();
    expect(await uploadForm.locator('.field-error').textContent()).toBe('Berkas SK lebih besar dari 5 MB.');
    expect(await documents()).toBe(0);
    const decree = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    await uploadForm.locator('input[type=file]').setInputFiles({
      name: 'SK Desa Binaan.pdf',
      mimeType: 'application/pdf',
      buffer: decree,
    });
    await uploadForm.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid="decree-download"]');
    expect(await documents()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="decree-download"]'),
    ]);
    const saved = await download.path();
    expect(readFileSync(saved).equals(decree)).toBe(true);

    // Suspend it from today, with the reason: its history says so.
    await page.goto(`${dashboard.url}/desa/${village.code}`);
    await page.click('summary:has-text("Ubah status")');
    await page.check('input[value=SUSPENDED]');
    await page.fill('form[aria-label="Ubah status"] textarea', 'Gugus tugas belum terbentuk.');
    await page.click('form[aria-label="Ubah status"] button[type=submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="designation-history"]')?.textContent?.includes('Ditangguhkan'),
    );
    expect(await designations()).toEqual(['SUSPENDED']);
    await screenshot(page, `${screenshots}desa-ditangguhkan.png`, { fullPage: true });
  });

  it('records a training session (a date before a member joined refused beside the member first) and completion moves', async () => {
    // A current trainee of Kotabaru who lacks exactly one module: completing it completes their training.
    const [target] = await dashboard.sql<{
      code: string;
      full_name: string;
      joined_on: string;
      module_code: string;
      module_name: string;
    }>(
      `SELECT v.code, m.full_name, m.joined_on::text AS joined_on, tm.code AS module_code, tm.name AS module_name
         FROM task_force_member m
         JOIN task_force t ON t.id = m.task_force_id JOIN designation g ON g.id = t.designation_id
         JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
         JOIN training_module tm ON NOT EXISTS (
           SELECT 1 FROM training_attendance a WHERE a.member_id = m.id AND a.module_id = tm.id AND a.completed)
        WHERE r.code = $1 AND g.status = 'ACTIVE' AND m.left_on IS NULL AND m.role <> 'IMMIGRATION_OFFICER'
          AND m.joined_on > DATE '2023-09-01'
          AND (SELECT COUNT(DISTINCT a.module_id) FROM training_attendance a WHERE a.member_id = m.id AND a.completed)
              = (SELECT COUNT(*) FROM training_module) - 1
        ORDER BY m.id LIMIT 1`,
      [KOTABARU],
    );
    expect(target).toBeDefined();
    const completion = async () => {
      const { trainingCompletion } = await dashboard.graphql(
        `{ trainingCompletion(groupBy: REGENCY, filter: { area: { regencyCodes: ["${KOTABARU}"] } }) { total { completedAll { numerator rate } } } }`,
      );
      return trainingCompletion.total.completedAll as { numerator: number; rate: number };
    };
    const sessions = async () =>
      (await dashboard.sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM training_session'))[0]!.n;
    const before = await completion();
    const sessionsBefore = await sessions();

    const page = await officer();
    await page.goto(`${dashboard.url}/desa/${target!.code}`);
    await page.waitForSelector('#training-session');
    await page.check(`#training-session input[name=moduleCodes][value=${target!.module_code}]`);
    const mark = page.getByLabel(`${target!.full_name} · ${target!.module_name}`);
    await mark.selectOption('COMPLETED');
    const dayBefore = new Date(Date.parse(`${target!.joined_on}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.fill('#training-session-heldOn', dayBefore);
    await page.click('#training-session button[type=submit]');
    await page.waitForSelector('[data-testid="training-session-errors"]');
    const row = page.locator('.attendance-grid tr', { hasText: target!.full_name });
    expect(await row.locator('.field-error').textContent()).toContain('tidak');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'training-session-errors',
    );
    // What was typed stays: the module ticked, the member's mark, the date.
    expect(await mark.inputValue()).toBe('COMPLETED');
    expect(await sessions()).toBe(sessionsBefore);
    await screenshot(page, `${screenshots}pelatihan-salah.png`, { fullPage: true });

    await page.fill('#training-session-heldOn', (await page.getAttribute('#training-session-heldOn', 'max'))!);
    await page.click('#training-session button[type=submit]');
    await page.waitForSelector('#training-session .form-saved');
    expect(await sessions()).toBe(sessionsBefore + 1);
    const after = await completion();
    expect(after.numerator).toBe(before.numerator + 1);

    await page.goto(`${dashboard.url}/pelatihan?prov=63&kab=${KOTABARU}`);
    await page.waitForSelector('[data-testid="training-total"]');
    expect(await page.textContent('.lead')).toContain(formatNumber(after.numerator, 'id'));
  });

  it('adds a task-force member (a bad name refused beside its field first), then ends the membership', async () => {
    const [village] = await dashboard.sql<{ code: string }>(
      `SELECT v.code FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
        WHERE r.code = $1 AND g.status = 'ACTIVE' ORDER BY g.id DESC LIMIT 1`,
      [KOTABARU],
    );
    const members = async (name: string) =>
      dashboard.sql<{ left_on: string | null }>('SELECT left_on::text FROM task_force_member WHERE full_name = $1', [
        name,
      ]);
    const page = await officer();
    await page.goto(`${dashboard.url}/desa/${village!.code}`);
    await page.click('summary:has-text("Tambah anggota gugus tugas")');
    const form = page.locator('form[aria-label="Tambah anggota"]').first();
    const formId = (await form.getAttribute('id'))!;
    await form.locator('select[name=role]').selectOption('BABINSA');
    await form.locator('input[name=fullName]').fill('<Serda Yohanes>');
    await form.locator('input[name=phone]').fill('081355501234');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector(`#${formId}-fullName-error`);
    expect(await form.locator('input[name=phone]').inputValue()).toBe('081355501234');
    expect(await members('<Serda Yohanes>')).toEqual([]);

    await form.locator('input[name=fullName]').fill('Serda Yohanes Taek');
    await form.locator('button[type=submit]').click();
    await form.locator('.form-saved').waitFor();
    expect(await members('Serda Yohanes Taek')).toEqual([{ left_on: null }]);
    // The task force's four modules and its "change or end" actions, on a tablet too.
    await expectTablesFitTablet(page);

    const row = page.locator('tr', { hasText: 'Serda Yohanes Taek' });
    await row.locator('summary').click();
    const today = (await row.locator('input[name=leftOn]').getAttribute('max'))!;
    await row.locator('form[aria-label="Akhiri keanggotaan"] button[type=submit]').click();
    await page.locator('tr', { hasText: 'Serda Yohanes Taek' }).filter({ hasText: 'Sudah keluar' }).waitFor();
    expect(await members('Serda Yohanes Taek')).toEqual([{ left_on: today }]);
    await screenshot(page, `${screenshots}gugus-tugas.png`, { fullPage: true });
  });

  it('records a Timpora meeting: without topics refused beside the field, what was typed kept', async () => {
    const { villages } = await dashboard.graphql(
      `{ villages(first: 1, filter: { area: { regencyCodes: ["${KOTABARU}"] }, designated: true }) { edges { node { code } } } }`,
    );
    const code = villages.edges[0].node.code as string;
    const page = await officer();
    await page.goto(`${dashboard.url}/desa/${code}`);
    await page.waitForSelector('#activity');
    await page.selectOption('#activity-type', 'TIMPORA_MEETING');
    await page.fill('#activity-title', 'Rapat Timpora triwulan IV');
    await page.fill('#activity-attendeeCount', '18');
    await page.check('#activity input[value="Polres"]');
    await page.click('#activity button[type=submit]');
    await page.waitForSelector('#activity-topics-error');
    expect(await page.textContent('#activity-topics-error')).toBe('Rapat Timpora mencatat topik yang dibahas.');
    expect(await page.inputValue('#activity-title')).toBe('Rapat Timpora triwulan IV');

    await page.fill('#activity-topics', 'Tenaga kerja asing di perkebunan\nPengawasan pelabuhan rakyat');
    await page.click('#activity button[type=submit]');
    await page.waitForSelector('#activity .form-saved');
    const [stored] = await dashboard.sql<{ topics: string[]; agencies_present: string[] }>(
      `SELECT topics, agencies_present FROM activity WHERE title = 'Rapat Timpora triwulan IV'`,
    );
    expect(stored).toEqual({
      topics: ['Tenaga kerja asing di perkebunan', 'Pengawasan pelabuhan rakyat'],
      agencies_present: ['Polres'],
    });
  });

  it('lets a Kanwil set its kabupaten/kota targets (too many villages refused beside the field first); leadership sees attainment', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const context = await dashboard.browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'id-ID' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, dashboard.url, 'kanwil.ntt@binaan.test');
    await page.goto(`${dashboard.url}/rencana-kerja?prov=53&tahun=${year}`);
    await page.waitForSelector('#targets');
    const [kupang] = await dashboard.sql<{ name: string; villages: number }>(
      `SELECT r.name, (SELECT COUNT(*)::int FROM village v WHERE v.regency_id = r.id) AS villages FROM regency r WHERE r.code = '53.71'`,
    );
    const villagesField = page.getByLabel(`${kupang!.name} · Target desa ditetapkan`);
    const membersField = page.getByLabel(`${kupang!.name} · Target anggota dilatih`);
    // The two targets sit side by side in the row, each under its column's heading.
    const [villagesBox, membersBox, membersHeading] = await Promise.all([
      villagesField.boundingBox(),
      membersField.boundingBox(),
      page.locator('#targets thead th').nth(2).boundingBox(),
    ]);
    expect(Math.abs(villagesBox!.y - membersBox!.y)).toBeLessThan(2);
    expect(membersBox!.x).toBeGreaterThanOrEqual(membersHeading!.x - 1);
    await villagesField.fill(String(kupang!.villages + 1));
    await membersField.fill('30');
    await page.click('#targets button[type=submit]');
    await page.waitForSelector('[data-testid="targets-errors"]');
    const row = page.locator('#targets tr', { hasText: kupang!.name });
    expect(await row.locator('.field-error').textContent()).toContain(`hanya memiliki ${kupang!.villages}`);
    expect(await membersField.inputValue()).toBe('30');
    const targets = () =>
      dashboard.sql<{ villages: number; members: number }>(
        `SELECT t.villages_to_designate AS villages, t.members_to_train AS members FROM province_target t
           JOIN province p ON p.id = t.province_id WHERE p.code = '53' AND t.year = $1`,
        [year],
      );
    expect(await targets()).toEqual([]);
    await screenshot(page, `${screenshots}rencana-kerja-salah.png`, { fullPage: true });

    await villagesField.fill('3');
    await page.click('#targets button[type=submit]');
    await page.waitForSelector('#targets .form-saved');
    expect(await targets()).toEqual([{ villages: 3, members: 30 }]);

    // National leadership reads the same targets, with attainment beside them, and no form.
    const leader = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    contexts.push(leader);
    const reader = await leader.newPage();
    await signIn(reader, dashboard.url, 'pimpinan@binaan.test');
    await reader.goto(`${dashboard.url}/rencana-kerja?prov=53&tahun=${year}`);
    const line = reader.locator('table tr', { hasText: kupang!.name }).first();
    await line.waitFor();
    // Its cells: name, villages, the target of 3 villages, inaugurated, the target of 30 members, trained.
    const cells = await line.locator('td, th').allTextContents();
    expect(cells.slice(2, 5)).toEqual(['3', expect.stringMatching(/^0 · /), '30']);
    expect(await reader.locator('#targets').count()).toBe(0);
  });

  it('lets an administrator create a Kanim account that signs in, must change its password, and stops when disabled', async () => {
    const email = 'petugas.kotabaru@imigrasi.go.id';
    const adminContext = await dashboard.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      locale: 'id-ID',
    });
    contexts.push(adminContext);
    const admin = await adminContext.newPage();
    await signIn(admin, dashboard.url, 'admin@binaan.test');
    await admin.goto(`${dashboard.url}/pengguna`);
    await admin.waitForSelector('#create-user');
    // One bad input first: an email that already has an account, refused beside the field.
    await admin.fill('#create-user-email', 'kanim.batulicin@binaan.test');
    await admin.fill('#create-user-displayName', 'Petugas Kotabaru');
    await admin.selectOption('#create-user-role', 'IMMIGRATION_OFFICE');
    await admin.selectOption('#create-user-provinceCode', '63');
    await admin.locator('#create-user-officeCode option[value="KANIM-BATULICIN"]').waitFor({ state: 'attached' });
    await admin.selectOption('#create-user-officeCode', 'KANIM-BATULICIN');
    await admin.check('#create-user input[type=checkbox]');
    await admin.click('#create-user button[type=submit]');
    await admin.waitForSelector('#create-user-email-error');
    expect(await admin.textContent('#create-user-email-error')).toBe('Sudah ada akun dengan email ini.');
    expect(await admin.inputValue('#create-user-displayName')).toBe('Petugas Kotabaru');
    const accounts = async () =>
      dashboard.sql<{ must: boolean; disabled: boolean }>(
        'SELECT must_change_password AS must, disabled_at IS NOT NULL AS disabled FROM app_user WHERE email = $1',
        [email],
      );
    expect(await accounts()).toEqual([]);

    await admin.fill('#create-user-email', email);
    await admin.click('#create-user button[type=submit]');
    const temporaryPassword = (await admin.locator('[data-testid="temporary-password"]').textContent())!;
    expect(await accounts()).toEqual([{ must: true, disabled: false }]);

    // The new officer signs in with it and can do nothing until they choose their own password.
    const officerContext = await dashboard.browser.newContext({
      viewport: { width: 1024, height: 1366 },
      locale: 'id-ID',
    });
    contexts.push(officerContext);
    const officerPage = await officerContext.newPage();
    await signIn(officerPage, dashboard.url, email, temporaryPassword);
    await officerPage.waitForURL((url) => url.pathname === '/kata-sandi');
    expect(await officerPage.locator('nav a').count()).toBe(0);
    await officerPage.fill('#password-currentPassword', temporaryPassword);
    await officerPage.fill('#password-newPassword', 'binaan binaan binaan 2026');
    await officerPage.fill('#password-confirmation', 'binaan binaan binaan 2026');
    await officerPage.click('#password button[type=submit]');
    await officerPage.waitForSelector('#password-newPassword-error');
    await screenshot(officerPage, `${screenshots}kata-sandi-lemah.png`, { fullPage: true });
    const chosen = 'sampan biru berlabuh di muara sungai durian';
    await officerPage.fill('#password-newPassword', chosen);
    await officerPage.fill('#password-confirmation', chosen);
    await officerPage.click('#password button[type=submit]');
    await officerPage.waitForURL((url) => url.pathname === '/ringkasan');
    await officerPage.locator('nav a', { hasText: 'Kotak masuk' }).waitFor();
    expect(await accounts()).toEqual([{ must: false, disabled: false }]);

    // Disabled by the administrator: the officer's open page is signed out at its next request.
    await admin.fill('input[type=search]', 'petugas.kotabaru');
    const row = admin.locator('tr', { hasText: email });
    await row.locator('summary').first().click();
    // Moved to another office: the access changes from the officer's next request.
    const accessForm = row.locator('form[aria-label="Ubah peran atau kantor"]');
    await accessForm.locator('select[name=provinceCode]').selectOption('53');
    await accessForm.locator('select[name=officeCode] option[value="KANIM-KUPANG"]').waitFor({ state: 'attached' });
    await accessForm.locator('select[name=officeCode]').selectOption('KANIM-KUPANG');
    await accessForm.locator('button[type=submit]').click();
    await accessForm.locator('.form-saved').waitFor();
    const [moved] = await dashboard.sql<{ office: string }>(
      'SELECT o.code AS office FROM app_user u JOIN immigration_office o ON o.id = u.office_id WHERE u.email = $1',
      [email],
    );
    expect(moved).toEqual({ office: 'KANIM-KUPANG' });
    await row.locator('button', { hasText: 'Nonaktifkan' }).click();
    await row.getByText('Akun dinonaktifkan').waitFor();
    expect(await accounts()).toEqual([{ must: false, disabled: true }]);
    await screenshot(admin, `${screenshots}pengguna.png`, { fullPage: true });

    await officerPage.click('nav a:has-text("Kotak masuk")');
    await officerPage.waitForSelector('[data-testid="session-ended"]');
    expect(new URL(officerPage.url()).pathname).toBe('/masuk');
  });

  it('enrols a village phone for the field app with a one-time code and QR code, lists it, and revokes it', async () => {
    const [village] = await dashboard.sql<{ code: string }>(
      `SELECT v.code FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
        WHERE r.code = $1 AND g.status = 'ACTIVE' ORDER BY g.id LIMIT 1`,
      [KOTABARU],
    );
    const page = await officer();
    await page.goto(`${dashboard.url}/desa/${village!.code}`);
    await page.click('summary:has-text("Daftarkan ponsel")');
    await page.click('#enrol-device button[type=submit]');
    await page.waitForSelector('#enrol-device-label-error');
    await page.fill('#enrol-device-label', 'HP Sekdes');
    await page.click('#enrol-device button[type=submit]');
    const code = (await page.locator('[data-testid="enrolment-code"]').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.locator('img.qr').waitFor();
    expect(await page.getAttribute('img.qr', 'alt')).toContain(code);
    await screenshot(page.locator('.enrolment-code'), `${screenshots}ponsel-kode.png`);

    // The phone exchanges the code (the field app does this); the office sees it in the list.
    const { enrolDevice } = await dashboard.graphql(
      `mutation($code: String!) { enrolDevice(input: { code: $code }) { __typename ... on MutationEnrolDeviceSuccess { data { credential } } } }`,
      { code },
    );
    expect(enrolDevice.__typename).toBe('MutationEnrolDeviceSuccess');
    await page.reload();
    const row = page.locator('tr', { hasText: 'HP Sekdes' });
    await row.waitFor();
    await row.locator('summary:has-text("Cabut")').click();
    await row.locator('button.danger').click();
    await page.locator('tr', { hasText: 'HP Sekdes' }).filter({ hasText: 'Dicabut' }).waitFor();
    const [stored] = await dashboard.sql<{ revoked: boolean }>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM field_device WHERE label = 'HP Sekdes'`,
    );
    expect(stored).toEqual({ revoked: true });
    await screenshot(page, `${screenshots}ponsel-lapor.png`, { fullPage: true });
  });

  it('shows an early-warning signal on the overview and its page, and takes it to dismissed with a note', async () => {
    // Fifteen refugee reports in Kotabaru today, far above its usual week, and the signals computed.
    await dashboard.sql(
      `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type,
              occurred_on, submitted_at, people_involved, description, status, status_changed_at)
       SELECT 'test', 'test:signal', 'SIGNAL-' || n, v.id, v.regency_id, v.province_id, 'REFUGEES',
              (now() AT TIME ZONE 'Asia/Jakarta')::date, now(), 3, 'Rombongan pengungsi tiba di pantai.', 'SUBMITTED', now()
         FROM generate_series(1, 15) n,
              (SELECT id, regency_id, province_id FROM village WHERE code LIKE '${KOTABARU}.%' ORDER BY code LIMIT 1) v`,
    );
    const { computeSignals } = await dashboard.graphql(
      `mutation { computeSignals(input: { weeks: 1 }) { __typename ... on MutationComputeSignalsSuccess { data { ran } } } }`,
    );
    expect(computeSignals.data.ran).toBe(true);

    const page = await officer();
    await page.goto(`${dashboard.url}/ringkasan`);
    await page
      .locator('[data-testid=open-signals] li', { hasText: 'Kotabaru' })
      .filter({ hasText: 'Pengungsi' })
      .waitFor();
    await page.click('a:has-text("Lihat semua sinyal")');
    const row = page.locator('tr', { hasText: 'Kotabaru' }).filter({ hasText: 'Pengungsi' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Baru');

    await row.getByRole('button', { name: 'Tinjau' }).click();
    await page.getByRole('button', { name: 'Tandai sedang ditinjau' }).click();
    await page.getByText('Sinyal ditandai sedang ditinjau.').waitFor();
    await page.locator('tr', { hasText: 'Kotabaru' }).filter({ hasText: 'Sedang ditinjau' }).waitFor();

    // Dismissing without a note is refused beside the note, and nothing moves.
    await page
      .locator('tr', { hasText: 'Kotabaru' })
      .filter({ hasText: 'Pengungsi' })
      .getByRole('button', { name: 'Tinjau' })
      .click();
    await page.getByRole('button', { name: 'Tutup: tidak perlu tindakan' }).click();
    await page.locator('#signal-review-note-error').waitFor();
    expect(await page.textContent('#signal-review-note-error')).toBe('Tulis catatan paling sedikit 5 huruf.');
    const note = 'Satu rombongan dilaporkan oleh banyak warga; sudah ditangani Kanim.';
    await page.fill('#signal-review-note', note);
    await page.getByRole('button', { name: 'Tutup: tidak perlu tindakan' }).click();
    await page.getByText('Sinyal ditutup.').waitFor();
    await screenshot(page, `${screenshots}sinyal.png`, { fullPage: true });
    const stored = await dashboard.sql<{ status: string; note: string; version: number }>(
      `SELECT s.status::text AS status, s.note, s.version FROM signal s JOIN regency r ON r.id = s.regency_id
        WHERE r.code = '${KOTABARU}' AND s.type = 'REFUGEES' ORDER BY s.week_start DESC LIMIT 1`,
    );
    expect(stored).toEqual([{ status: 'DISMISSED', note, version: 3 }]);
    // Closed signals leave the open list, once the list has been fetched again after the confirmation.
    const openRow = page.locator('tr', { hasText: 'Kotabaru' }).filter({ hasText: 'Pengungsi' });
    await expect.poll(() => openRow.count(), { timeout: 10_000 }).toBe(0);
  });

  it('refuses a report outside the office’s area opened by its address, and changes nothing', async () => {
    const { reports } = await dashboard.graphql(
      `{ reports(first: 1, filter: { area: { provinceCodes: ["53"] }, statuses: [SUBMITTED] }) { edges { node { id } } } }`,
    );
    const outside = reports.edges[0].node.id as string;
    const before = await steps(outside);
    const page = await officer();
    await openReport(page, outside);
    expect(await page.textContent('.empty-state')).toBe('Laporan tidak ditemukan, atau di luar wilayah Anda.');
    expect(await page.locator('#report-step').count()).toBe(0);
    expect(await steps(outside)).toEqual(before);
  });
});
