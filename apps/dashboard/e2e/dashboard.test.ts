// The dashboard as a person uses it, in a real browser against the real API and database. Its printouts,
// and with BINAAN_SCREENSHOTS=on screenshots of every page, go to apps/dashboard/test-output/screenshots/.
// Without Chromium these tests are reported as skipped, with the reason.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANALYTICS_PAGES, openingQuery } from '../src/app/opening-queries';
import { defaultPeriod, periodRange } from '../src/lib/filters/url-filters';
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { formatNumber, formatPercent } from '../src/lib/format';
import { browserMissing, outputDir, type RunningDashboard, screenshot, startDashboard } from './support';

if (browserMissing) console.warn(`End-to-end tests skipped: ${browserMissing}`);

const screenshots = `${outputDir}screenshots/`;

describe.skipIf(browserMissing !== null)('the dashboard in Chromium', () => {
  let dashboard: RunningDashboard;
  let page: Page;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dashboard = await startDashboard(inject('seededTemplate') ?? undefined);
    const context = await dashboard.browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
      locale: 'id-ID',
    });
    page = await context.newPage();
    page.on('console', (message) => {
      // Warnings too: React Router warns when a first load would show a blank page.
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await dashboard?.close();
  });

  const signIn = async (target: Page, email: string, password = DEFAULT_DEMO_PASSWORD) => {
    await target.goto(`${dashboard.url}/masuk`);
    await target.fill('input[type=email]', email);
    await target.fill('input[type=password]', password);
    await target.click('button[type=submit]');
  };

  const open = async (path: string) => {
    await page.goto(`${dashboard.url}${path}`);
    await page.waitForSelector('.panel, .empty-state', { timeout: 20_000 });
  };
  const text = async (selector: string) => (await page.textContent(selector))?.trim() ?? '';
  /** A point of the shape that the shape itself receives (islands and bays make its box's centre unsafe). */
  const pointInside = (code: string, target: Page = page) =>
    target.evaluate((wanted) => {
      const shape = document.querySelector(`svg.choropleth path[data-code="${wanted}"]`)!;
      const box = shape.getBoundingClientRect();
      for (let row = 1; row < 20; row++)
        for (let column = 1; column < 20; column++) {
          const x = box.left + (box.width * column) / 20;
          const y = box.top + (box.height * row) / 20;
          if (document.elementFromPoint(x, y) === shape) return { x, y };
        }
      throw new Error(`no point of ${wanted} can be clicked`);
    }, code);

  /** Per chart with a category axis: its labels, and how many overlap the one above (wrapped names). */
  const categoryLabels = async () => {
    await page.waitForSelector('.recharts-yAxis-tick-labels text');
    return page.$$eval('.recharts-wrapper', (charts) =>
      charts
        .map((chart) => {
          const boxes = [...chart.querySelectorAll('.recharts-yAxis-tick-labels text')]
            .map((label) => label.getBoundingClientRect())
            .sort((a, b) => a.top - b.top);
          const overlapping = boxes.filter((box, index) => index > 0 && box.top < boxes[index - 1]!.bottom - 1);
          return { labels: boxes.length, overlapping: overlapping.length };
        })
        .filter((chart) => chart.labels > 0),
    );
  };

  it('asks for sign-in first, and refuses a wrong password', async () => {
    await page.goto(`${dashboard.url}/ringkasan?period=2026`);
    await page.waitForURL(/\/masuk\?next=/);
    await page.fill('input[type=email]', 'pimpinan@binaan.test');
    await page.fill('input[type=password]', 'not-the-password');
    await page.click('button[type=submit]');
    expect(await page.textContent('[role=alert]')).toBe('Email atau kata sandi salah.');
    await screenshot(page, `${screenshots}masuk.png`);
    await page.fill('input[type=password]', DEFAULT_DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/ringkasan\?period=2026/);
    expect(await text('[data-testid="signed-in"]')).toContain('Pimpinan Nasional (demo)');
  });

  it('opens on the overview in Bahasa Indonesia, with the headline figures the API returns', async () => {
    await open('/');
    expect(new URL(page.url()).pathname).toBe('/ringkasan');
    expect(await text('h1')).toBe('Ringkasan program');
    const range = periodRange(defaultPeriod());
    const { overview } = await dashboard.graphql(
      `query($filter: AnalyticsFilter!) { overview(filter: $filter) { designatedVillages { current }
        reports { current } coverage { current { numerator denominator rate } } membersFullyTrained { current { rate } } } }`,
      { filter: { area: { provinceCodes: null, regencyCodes: null }, variants: null, period: range } },
    );
    expect(await text('[data-testid="designated-villages-value"]')).toBe(
      formatNumber(overview.designatedVillages.current, 'id'),
    );
    expect(await text('[data-testid="reports-value"]')).toBe(formatNumber(overview.reports.current, 'id'));
    expect(await text('[data-testid="coverage-value"]')).toBe(formatPercent(overview.coverage.current.rate, 'id'));
    expect(await text('[data-testid="coverage"] .figure-parts')).toBe(
      `${formatNumber(overview.coverage.current.numerator, 'id')} dari ${formatNumber(overview.coverage.current.denominator, 'id')}`,
    );
    expect(await text('[data-testid="trained-value"]')).toBe(
      formatPercent(overview.membersFullyTrained.current.rate, 'id'),
    );
    expect(await text('main .data-time')).toMatch(/^Data per .+WIB$/);
    // Every legend label can be read against the white panel (WCAG AA: 4.5:1); the swatch beside it
    // carries the series' colour, yellow included.
    await page.waitForSelector('.recharts-legend-item-text');
    const contrasts = await page.$$eval('.recharts-legend-item-text', (labels) =>
      labels.map((label) => {
        const inner = label.firstElementChild ?? label;
        const [r, g, b] = getComputedStyle(inner)
          .color.match(/\d+/g)!
          .slice(0, 3)
          .map((part) => {
            const channel = Number(part) / 255;
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
          });
        const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        return { label: label.textContent, contrast: 1.05 / (luminance + 0.05) };
      }),
    );
    expect(contrasts.length).toBeGreaterThan(3);
    expect(contrasts.filter((legend) => legend.contrast < 4.5)).toEqual([]);
    // This month so far is not over: the page says what it compares, and that the figures may change.
    expect(await text('[data-testid="period-compared"]')).toMatch(
      /^Periode .+, dibandingkan dengan .+ \(hari yang sama\)\. Periode belum berakhir: angka masih dapat berubah\.$/,
    );
    expect(await page.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    await screenshot(page, `${screenshots}ringkasan.png`, { fullPage: true });
  });

  it('asks for a page’s figures once, without waiting for the page’s code', async () => {
    const operationOf = (body: string | null) => (JSON.parse(body ?? '{}') as { operationName?: string }).operationName;
    const chunks = /\/assets\/(?!index-)[^/]+\.js$/;
    for (const path of ANALYTICS_PAGES) {
      const { query } = openingQuery(path, new URLSearchParams(), null);
      const expected = query.definitions.find((definition) => definition.kind === 'OperationDefinition')?.name?.value;
      const fresh = await page.context().newPage();
      const operations: (string | undefined)[] = [];
      fresh.on('request', (request) => {
        if (request.url().endsWith('/graphql')) operations.push(operationOf(request.postData()));
      });
      // The page's code held back: its query is sent all the same (the router starts it).
      const held: Route[] = [];
      let holding = true;
      await fresh.route(chunks, (route) => (holding ? held.push(route) : route.continue()));
      await Promise.all([
        fresh.waitForRequest(
          (request) => request.url().endsWith('/graphql') && operationOf(request.postData()) === expected,
        ),
        fresh.goto(`${dashboard.url}${path}`),
      ]);
      expect(held.length, path).toBeGreaterThan(0);
      // Then the code arrives and the page draws: the frame's request and the page's, no third (the page's
      // hook asks for what the router started).
      holding = false;
      await Promise.all(held.map((route) => route.continue()));
      await fresh.waitForSelector('.panel, .empty-state', { timeout: 20_000 });
      await fresh.waitForLoadState('networkidle');
      expect(operations.sort(), path).toEqual(['Shell', expected].sort());
      await fresh.close();
    }
  });

  it('changes the URL and the figures when a filter changes, and the back button undoes it', async () => {
    await open('/ringkasan?period=2025');
    const national = await text('[data-testid="designated-villages-value"]');
    await page.click('.provinces summary');
    await page.getByRole('checkbox', { name: 'Nusa Tenggara Timur' }).click();
    await page.waitForURL(/prov=53/);
    await page.waitForFunction(
      (previous) =>
        document.querySelector('[data-testid="designated-villages-value"]')?.textContent?.trim() !== previous,
      national,
    );
    const { overview } = await dashboard.graphql(
      `{ overview(filter: { area: { provinceCodes: ["53"] }, period: { from: "2025-01-01", to: "2025-12-31" } }) { designatedVillages { current } } }`,
    );
    expect(await text('[data-testid="designated-villages-value"]')).toBe(
      formatNumber(overview.designatedVillages.current, 'id'),
    );
    expect(new URL(page.url()).searchParams.get('period')).toBe('2025');
    // Several provinces at once: the figures add up.
    await page.getByRole('checkbox', { name: 'Kalimantan Selatan' }).click();
    await page.waitForURL(/prov=53%2C63|prov=53,63/);
    const { overview: both } = await dashboard.graphql(
      `{ overview(filter: { area: { provinceCodes: ["53", "63"] }, period: { from: "2025-01-01", to: "2025-12-31" } }) { designatedVillages { current } } }`,
    );
    await page.waitForFunction(
      (value) => document.querySelector('[data-testid="designated-villages-value"]')?.textContent?.trim() === value,
      formatNumber(both.designatedVillages.current, 'id'),
    );
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('prov') === '53');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('prov'));
    await page.waitForFunction(
      (value) => document.querySelector('[data-testid="designated-villages-value"]')?.textContent?.trim() === value,
      national,
    );
  });

  it('drills down from a province to a kabupaten/kota to a village', async () => {
    await open('/cakupan?period=2026');
    expect(await text('h1')).toBe('Cakupan program');
    await page.getByRole('button', { name: 'Rinci Nusa Tenggara Timur' }).click();
    await page.waitForURL(/prov=53/);
    await page.getByRole('button', { name: 'Rinci Kabupaten Sumba Barat Daya' }).waitFor();
    const regencyRows = await page.locator('table').first().locator('tbody tr').count();
    expect(regencyRows).toBe(22);
    await page.locator('.recharts-bar-rectangle path').first().hover();
    await page.waitForSelector('.recharts-tooltip-wrapper li');
    expect(await text('.recharts-tooltip-wrapper li')).toMatch(/\d+ dari \d/);
    await screenshot(page, `${screenshots}cakupan.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Rinci Kabupaten Sumba Barat Daya' }).click();
    await page.waitForURL(/kab=53\.18/);
    await page.waitForFunction(
      () => document.querySelectorAll('main table')[0]?.querySelectorAll('tbody tr').length === 11,
    );
    expect(await page.locator('.breadcrumb').textContent()).toContain('Kabupaten Sumba Barat Daya');
    const village = page.locator('main table').nth(1).locator('tbody tr a').first();
    const villageName = (await village.textContent())?.trim();
    await village.click();
    await page.waitForURL(/\/desa\/53\.18\.\d{2}\.\d{4}/);
    await page.waitForFunction((name) => document.querySelector('h1')?.textContent?.includes(name), villageName!);
    expect(await text('h1')).toContain(villageName!);
    expect(await text('.breadcrumb-line')).toContain('Kabupaten Sumba Barat Daya');
  });

  it('shows a village with its designation, task force, training, activities and reports', async () => {
    await open('/desa/63.02.15.2002');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Gendang Timburu'));
    expect(await text('h1')).toContain('Gendang Timburu');
    const body = (await page.textContent('main')) ?? '';
    expect(body).toContain('Kantor Imigrasi Kelas II TPI Batulicin');
    expect(body).toContain('3 Mei 2024');
    expect(body).toContain('Gugus tugas');
    expect(body).toContain('Kepala desa');
    await screenshot(page, `${screenshots}desa.png`, { fullPage: true });
  });

  it('downloads a CSV with the rows on screen and the filters in its name', async () => {
    await open('/cakupan?prov=63&period=2026');
    await page.getByRole('button', { name: 'Rinci Kabupaten Kotabaru' }).waitFor();
    const screenRows = await page.locator('main table').first().locator('tbody tr').allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('binaan_cakupan_regency_prov-63_2026.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(screenRows.length + 1);
    expect(csv[0]).toMatch(
      /^Kode,Kabupaten\/kota,Desa\/kelurahan,Desa binaan,Cakupan,Target,Capaian target,Proyeksi penetapan 31 Des$/,
    );
    const kotabaru = csv.find((line) => line.startsWith('63.02,'));
    expect(kotabaru).toContain('Kabupaten Kotabaru');
    // The forecast to 31 December, with its interval, from forecastToTarget.
    const { forecastToTarget } = await dashboard.graphql(
      `{ forecastToTarget(groupBy: REGENCY, year: 2026, filter: { area: { provinceCodes: ["63"] } }) { area { code } designations { projected low high } } }`,
    );
    const projected = forecastToTarget.find(
      (row: { area: { code: string } }) => row.area.code === '63.02',
    ).designations;
    expect(kotabaru).toContain(`≈ ${Math.round(projected.projected)} (${projected.low}–${projected.high})`);
    expect(screenRows.some((row) => row.includes('Kabupaten Kotabaru'))).toBe(true);
  });

  it('switches to English and back', async () => {
    await open('/laporan?prov=53&period=2026');
    expect(await text('h1')).toBe('Laporan per kabupaten/kota');
    await screenshot(page, `${screenshots}laporan.png`, { fullPage: true });
    await page.selectOption('select[aria-label="Bahasa"]', 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Reports per regency/city');
    expect(await text('nav a.active')).toBe('Reports');
    await screenshot(page, `${screenshots}reports-en.png`, { fullPage: true });
    await page.selectOption('select[aria-label="Language"]', 'id');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Laporan per kabupaten/kota');
  });

  it('shows reports per province nationally, and drills down to a province’s kabupaten/kota', async () => {
    await open('/laporan?period=2026');
    expect(await text('h1')).toBe('Laporan per provinsi');
    const { reportStats } = await dashboard.graphql(
      `{ reportStats(groupBy: [PROVINCE], filter: { period: { from: "2026-01-01", to: "2026-12-31" } }) {
        rows { province { name } reports } } }`,
    );
    const panel = page.locator('section[aria-label="Laporan per provinsi menurut jenis"]');
    await panel.locator('summary').click();
    const names = await panel.locator('tbody tr td:first-child').allTextContents();
    expect([...names].sort()).toEqual(
      (reportStats.rows as { province: { name: string } }[]).map((row) => row.province.name).sort(),
    );
    await panel.getByRole('button', { name: 'Rinci Nusa Tenggara Timur' }).click();
    await page.waitForURL(/prov=53/);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Laporan per kabupaten/kota');
    expect(await text('.breadcrumb [aria-current=page]')).toBe('Nusa Tenggara Timur');
    // One bar per kabupaten/kota with reports that year (up to 22; the demo data is drawn afresh each day,
    // and one may have none), some of whose names take two lines: each fits its bar. The heading follows
    // the address at once; the charts follow when the province's figures arrive, so wait for them.
    const { reportStats: ntt } = await dashboard.graphql(
      `{ reportStats(groupBy: [REGENCY], filter: { area: { provinceCodes: ["53"] }, period: { from: "2026-01-01", to: "2026-12-31" } }) {
        rows { regency { code } } } }`,
    );
    const regencies = (ntt.rows as unknown[]).length;
    expect(regencies).toBeGreaterThan(15);
    await expect.poll(async () => (await categoryLabels()).map((chart) => chart.labels)).toContain(regencies);
    const charts = await categoryLabels();
    expect(charts.filter((chart) => chart.overlapping > 0)).toEqual([]);
  });

  it('shows training completion and the members still missing modules', async () => {
    await open('/pelatihan?period=2026');
    expect(await text('h1')).toBe('Penyelesaian pelatihan');
    const { trainingCompletion } = await dashboard.graphql(
      `{ trainingCompletion(filter: { period: { from: "2026-01-01", to: "2026-12-31" } }) { total { completedAll { rate } } } }`,
    );
    expect(await text('[data-testid="training-total"]')).toBe(
      formatPercent(trainingCompletion.total.completedAll.rate, 'id'),
    );
    // Each bar's label fits its band as the axis wraps it: a module's name takes three lines.
    const charts = await categoryLabels();
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(charts.filter((chart) => chart.overlapping > 0)).toEqual([]);
    await screenshot(page, `${screenshots}pelatihan.png`, { fullPage: true });
  });

  it('says why a chart is empty instead of drawing a blank one', async () => {
    await open('/laporan?period=2023-01');
    expect(await text('.empty-state')).toBe('Tidak ada laporan pada periode ini.');
  });

  it('lays out a briefing page for print, with the filters and the data time', async () => {
    await open('/ringkasan?prov=53&period=2026-Q3');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.filter-bar')).toBe(false);
    expect(await page.isVisible('.applied-filters')).toBe(true);
    expect(await text('.applied-filters')).toContain('Provinsi: Nusa Tenggara Timur');
    expect(await text('.applied-filters')).toContain('2026-Q3');
    expect(await page.isVisible('main .data-time')).toBe(true);
    await page.pdf({ path: `${screenshots}ringkasan-cetak.pdf`, format: 'A4', landscape: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('fits a tablet screen, every column of every table in view', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    // NTT's 22 kabupaten/kota: the widest tables are its eight report types and its four modules.
    for (const path of [
      '/cakupan?prov=53&period=2026',
      '/laporan?prov=53&period=2026',
      '/pelatihan?prov=53&period=2026',
    ]) {
      await open(path);
      const overflow = await page.evaluate(() => {
        for (const table of document.querySelectorAll('details')) table.open = true;
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          tables: [...document.querySelectorAll('.table-wrap')]
            .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
            .map((wrap) => `${wrap.querySelector('caption')?.textContent}: ${wrap.scrollWidth} > ${wrap.clientWidth}`),
        };
      });
      expect(overflow, path).toEqual({ page: 0, tables: [] });
      if (path.startsWith('/cakupan')) await screenshot(page, `${screenshots}cakupan-tablet.png`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('shows an immigration office only its own area, with names it may see', async () => {
    const context = await dashboard.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const kanim = await context.newPage();
    await signIn(kanim, 'kanim.batulicin@binaan.test');
    await kanim.waitForURL(/\/ringkasan/);
    await kanim.click('.provinces summary');
    expect(await kanim.locator('.provinces li').allTextContents()).toEqual(['Kalimantan Selatan']);
    const regencyOptions = await kanim
      .locator('select:near(:text("Kabupaten/kota"))')
      .first()
      .locator('option')
      .allTextContents();
    expect(regencyOptions).toEqual(['Semua kabupaten/kota', 'Kabupaten Kotabaru', 'Kabupaten Tanah Bumbu']);
    // Its whole area lies in one province, so its pages start there: a row per kabupaten/kota of its
    // own, not one row for the province. The overview's charts too, with the API's figures.
    const coverage = kanim.locator('section[aria-label="Cakupan per kabupaten/kota"]');
    await coverage.locator('summary').click();
    const { coverage: byRegency } = await dashboard.graphql(
      `query($filter: AnalyticsFilter!) { coverage(groupBy: REGENCY, filter: $filter) {
        rows { area { name } coverage { rate } } } }`,
      {
        filter: {
          area: { provinceCodes: ['63'], regencyCodes: null },
          variants: null,
          period: periodRange(defaultPeriod()),
        },
      },
      'kanim.batulicin@binaan.test',
    );
    const shown = await coverage.locator('tbody tr').allTextContents();
    expect(shown).toHaveLength(2);
    for (const row of byRegency.rows as { area: { name: string }; coverage: { rate: number } }[]) {
      expect(shown.find((line) => line.startsWith(row.area.name))).toContain(formatPercent(row.coverage.rate, 'id'));
    }
    expect(await kanim.locator('section[aria-label="Penyelesaian pelatihan per kabupaten/kota"]').count()).toBe(1);
    // A bar opens the coverage page one level down; so does a name in the table, from the keyboard.
    await coverage.locator('.recharts-bar-rectangle path').last().click();
    await kanim.waitForURL(/\/cakupan\?.*kab=63\.\d{2}/);
    expect(new URL(kanim.url()).searchParams.get('prov')).toBe('63');
    await kanim.goBack();
    await coverage.locator('summary').focus();
    await kanim.keyboard.press('Enter');
    await coverage.getByRole('button', { name: 'Rinci Kabupaten Tanah Bumbu' }).focus();
    await kanim.keyboard.press('Enter');
    await kanim.waitForURL(/\/cakupan\?.*kab=63\.10/);
    await kanim.goto(`${dashboard.url}/cakupan?period=2026`);
    await kanim.waitForSelector('main table tbody tr');
    const rows = await kanim.locator('main table').first().locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    for (const [index, [code, name]] of [
      ['63.02', 'Kabupaten Kotabaru'],
      ['63.10', 'Kabupaten Tanah Bumbu'],
    ].entries()) {
      const { villages } = await dashboard.graphql(
        `{ villages(first: 1, filter: { area: { regencyCodes: ["${code}"] } }) { totalCount } }`,
      );
      expect(rows[index]).toContain(name);
      expect(rows[index]).toContain(formatNumber(villages.totalCount, 'id'));
    }
    // Its priority list stays inside its working area too.
    const priorityRegencies = await kanim
      .locator('main table')
      .nth(1)
      .locator('tbody tr td:nth-child(4)')
      .allTextContents();
    expect(priorityRegencies.length).toBeGreaterThan(0);
    expect(priorityRegencies.filter((name) => !['Kabupaten Kotabaru', 'Kabupaten Tanah Bumbu'].includes(name))).toEqual(
      [],
    );
    await kanim.goto(`${dashboard.url}/pelatihan?period=2026`);
    await kanim.waitForSelector('th:text("Nama")');
    await screenshot(kanim, `${screenshots}pelatihan-kanim.png`, { fullPage: false });
    await kanim.goto(`${dashboard.url}/laporan?period=2026`);
    expect(await kanim.textContent('h1')).toBe('Laporan per kabupaten/kota');
    // Its work plan: its own kabupaten/kota, not the province's others with figures it cannot see.
    await kanim.goto(`${dashboard.url}/rencana-kerja`);
    await kanim.waitForSelector('main table tbody tr');
    expect(await kanim.locator('main table tbody tr td:first-child').allTextContents()).toEqual([
      'Kabupaten Kotabaru',
      'Kabupaten Tanah Bumbu',
    ]);
    // The map opens on its province's kabupaten/kota: its own have figures; a neighbour outside its area
    // is grey, and a click on it only says there are none.
    await kanim.goto(`${dashboard.url}/peta?period=2026`);
    await kanim.waitForSelector('svg.choropleth path[data-code="63.02"]');
    const noData = await kanim.getAttribute('[data-testid=map-legend] li:not([data-from])', 'data-colour');
    expect(await kanim.getAttribute('svg.choropleth path[data-code="63.02"]', 'fill')).not.toBe(noData);
    expect(await kanim.getAttribute('svg.choropleth path[data-code="63.01"]', 'fill')).toBe(noData);
    const elsewhere = await pointInside('63.01', kanim);
    await kanim.mouse.click(elsewhere.x, elsewhere.y);
    await kanim.getByText('Tidak ada angka untuk wilayah ini').waitFor();
    expect(new URL(kanim.url()).searchParams.get('kab')).toBeNull();
    await context.close();
  });

  it('issues an API token once, which an application then uses with its own query, and revokes it', async () => {
    await page.goto(`${dashboard.url}/token`);
    await page.waitForSelector('h1:text("Token API")');
    expect(await page.locator('.filter-bar').count()).toBe(0);
    await page.fill('input[placeholder="mis. Analisis BPS 2026"]', 'Uji ujung ke ujung');
    await page.check('label:has-text("Membaca catatan") input');
    await page.click('button:text("Terbitkan")');
    const secret = (await page.locator('[data-testid=token-secret]').textContent()) ?? '';
    expect(secret).toMatch(/^bnn_t_/);
    await screenshot(page, `${screenshots}token.png`, { fullPage: true });

    // The API enforces trusted documents for the dashboard, yet an application with this token may send its own.
    const asApplication = () =>
      fetch(`${dashboard.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${secret}`,
          'x-binaan-client': 'e2e-application',
        },
        body: JSON.stringify({ query: '{ coverage(groupBy: PROVINCE) { total { villages } } }' }),
      }).then((response) => response.json());
    expect((await asApplication()).data.coverage.total.villages).toBe(6118);

    const row = page.locator('main table tbody tr', { hasText: 'Uji ujung ke ujung' });
    await row.locator('button:text("Cabut")').click();
    await page
      .locator('main table tbody tr', { hasText: 'Uji ujung ke ujung' })
      .locator('td:text("Dicabut")')
      .waitFor();
    const afterRevoke = await asApplication();
    expect(afterRevoke.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('the map', () => {
    const shapeCodes = () =>
      page
        .locator('svg.choropleth path[data-code]')
        .evaluateAll((paths) => paths.map((path) => path.getAttribute('data-code')!));
    const legend = () =>
      page.locator('[data-testid=map-legend] li[data-from]').evaluateAll((items) =>
        items.map((item) => ({
          from: Number(item.getAttribute('data-from')),
          to: Number(item.getAttribute('data-to')),
          colour: item.getAttribute('data-colour')!,
        })),
      );

    it('has exactly one shape for every kabupaten/kota code in the database', async () => {
      await open('/peta?tingkat=kab&period=2026');
      await page.waitForSelector('svg.choropleth path[data-code]');
      const drawn = await shapeCodes();
      const stored = (await dashboard.sql<{ code: string }>('SELECT code FROM regency ORDER BY code')).map(
        (row) => row.code,
      );
      // The demo holds the four provinces' kabupaten/kota; the map draws the whole country's 514.
      expect(stored.length).toBeGreaterThan(0);
      expect(drawn).toHaveLength(514);
      expect(stored.filter((code) => drawn.filter((shape) => shape === code).length !== 1)).toEqual([]);
      await screenshot(page, `${screenshots}peta-kabupaten.png`, { fullPage: true });
    });

    it('colours a kabupaten/kota by its coverage, as the legend says', async () => {
      await open('/peta?prov=53&period=2026');
      await page.waitForSelector('svg.choropleth path[data-code="53.01"]');
      const { coverage } = await dashboard.graphql(
        `{ coverage(groupBy: REGENCY, filter: { area: { provinceCodes: ["53"] }, period: { from: "2026-01-01", to: "2026-12-31" } }) {
          rows { area { code } coverage { rate } } } }`,
      );
      const rates = (coverage.rows as { area: { code: string }; coverage: { rate: number | null } }[])
        .map((row) => ({ code: row.area.code, rate: row.coverage.rate ?? 0 }))
        .sort((a, b) => b.rate - a.rate);
      expect((await shapeCodes()).sort()).toEqual(rates.map((row) => row.code).sort());
      const classes = await legend();
      expect(classes.length).toBeGreaterThan(2);
      const colourOf = (rate: number) =>
        (rate <= 0 ? classes[0] : classes.find((item, index) => index > 0 && rate <= item.to + 1e-12))!.colour;
      const fill = (code: string) => page.getAttribute(`svg.choropleth path[data-code="${code}"]`, 'fill');
      // The best-covered and a least-covered kabupaten/kota: different classes, each its own colour.
      const [highest] = rates;
      const lowest = rates[rates.length - 1]!;
      expect(highest!.rate).toBeGreaterThan(lowest.rate);
      expect(await fill(highest!.code)).toBe(colourOf(highest!.rate));
      expect(await fill(lowest.code)).toBe(colourOf(lowest.rate));
      expect(colourOf(highest!.rate)).not.toBe(colourOf(lowest.rate));

      // Keyboard focus, reached with Tab, shows the same figures as hovering would.
      await page.focus('input[name=map-level], input[name=map-measure][value=sinyal]');
      let focused: string | null = null;
      for (let step = 0; step < 40 && focused !== highest!.code; step++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
      }
      expect(focused).toBe(highest!.code);
      const details = page.locator('[data-testid=map-details]');
      expect(await details.locator('[data-figure=cakupan]').textContent()).toContain(
        formatPercent(highest!.rate, 'id'),
      );
      await screenshot(page, `${screenshots}peta-fokus.png`, { fullPage: true });
      // Enter drills down to the kabupaten/kota: chosen, outlined, with the way to its kecamatan.
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`kab=${highest!.code.replace('.', '\\.')}`));
      await details.locator('a:has-text("Cakupan per kecamatan")').waitFor();
    });

    it('drills down from the country to a province with a click, and prints with its table', async () => {
      // A province code no shape has (a mistyped link) says so instead of loading for ever.
      await open('/peta?prov=99&period=2026');
      expect(await text('.empty-state')).toBe(
        'Tidak ada wilayah untuk pilihan ini. Pilih provinsi lain atau kembali ke Nasional.',
      );
      await open('/peta?period=2026');
      await page.waitForSelector('svg.choropleth path[data-code="53"]');
      expect((await shapeCodes()).length).toBe(38);
      const point = await pointInside('53');
      await page.mouse.move(point.x, point.y);
      await page.locator('[data-testid=map-details] h3:has-text("Nusa Tenggara Timur")').waitFor();
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/prov=53/);
      await page.waitForFunction(() => {
        const codes = [...document.querySelectorAll('svg.choropleth path[data-code]')].map((path) =>
          path.getAttribute('data-code'),
        );
        return codes.length > 0 && codes.every((code) => code?.startsWith('53.'));
      });
      expect(await text('.breadcrumb [aria-current=page]')).toBe('Nusa Tenggara Timur');

      // Open signals colour the map orange; the table below has a row per kabupaten/kota.
      await page.click('label:has-text("Sinyal dini terbuka")');
      await page.waitForURL(/ukuran=sinyal/);
      const rows = await page.locator('main table tbody tr').count();
      expect(rows).toBe((await shapeCodes()).length);
      // On a tablet the figures go under the map, and nothing runs off the side.
      await page.setViewportSize({ width: 820, height: 1180 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      await screenshot(page, `${screenshots}peta-tablet.png`);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('svg.choropleth')).toBe(true);
      expect(await page.isVisible('[data-testid=map-legend]')).toBe(true);
      expect(await page.isVisible('main table')).toBe(true);
      expect(await page.isVisible('.map-controls')).toBe(false);
      await page.pdf({ path: `${screenshots}peta-cetak.pdf`, format: 'A4', landscape: true });
      await page.emulateMedia({ media: 'screen' });
    });

    it('on a touch screen shows an area’s figures at the first tap and drills down at the second', async () => {
      const context = await dashboard.browser.newContext({
        viewport: { width: 1024, height: 1366 },
        hasTouch: true,
        locale: 'id-ID',
      });
      const tablet = await context.newPage();
      try {
        await signIn(tablet, 'pimpinan@binaan.test');
        await tablet.waitForURL(/\/ringkasan/);
        await tablet.goto(`${dashboard.url}/peta?period=2026`);
        await tablet.waitForSelector('svg.choropleth path[data-code="63"]');
        const point = await pointInside('63', tablet);
        await tablet.touchscreen.tap(point.x, point.y);
        await tablet.locator('[data-testid=map-details] h3:has-text("Kalimantan Selatan")').waitFor();
        expect(new URL(tablet.url()).searchParams.get('prov')).toBeNull();
        await tablet.touchscreen.tap(point.x, point.y);
        await tablet.waitForURL(/prov=63/);
      } finally {
        await context.close();
      }
    });
  });

  it('loaded every page without errors or warnings in the browser console', () => {
    expect(consoleProblems.join('\n')).toBe('');
  });
});
