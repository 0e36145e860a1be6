// npm run budgets -w @binaan/dashboard: measures the dashboard's budgets and prints them.
//   1. initial JavaScript (gzipped) that the first page load needs, from Vite's manifest;
//   2. time until the overview's first chart is visible, on a local build against the embedded database;
//   3. GraphQL round trips each page needs.
// It measures; it does not fail on a missed budget (CI runs the tests, this reports the figures).
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { fileURLToPath } from 'node:url';
import { initialFiles } from '@binaan/api/testing';
import { browserMissing, signIn, startDashboard } from '../e2e/support';

const BUDGET_INITIAL_KB = 250;
const BUDGET_FIRST_CHART_MS = 1500;
const BUDGET_ROUND_TRIPS = 2;

const dashboard = await startDashboard();
try {
  const dist = new URL('../test-output/e2e-dist/', import.meta.url);
  const sizes = initialFiles(fileURLToPath(dist));
  const initialJs = sizes.filter((entry) => entry.file.endsWith('.js')).reduce((sum, entry) => sum + entry.gzip, 0);

  if (browserMissing) throw new Error(`cannot measure in a browser: ${browserMissing}`);
  // Measured as a signed-in leader: one browser context keeps the session cookie for every page.
  const context = await dashboard.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${dashboard.url}/masuk`);
  await page.fill('input[type=email]', 'pimpinan@binaan.test');
  await page.fill('input[type=password]', DEFAULT_DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/ringkasan/);
  const pages = [
    '/ringkasan',
    '/cakupan?prov=53',
    '/laporan?prov=53',
    '/sinyal',
    '/peta',
    '/peta?prov=53',
    '/pelatihan',
    '/rencana-kerja?prov=53',
    '/desa/63.02.15.2002',
  ];
  // The first page after sign-in also warms the server (resolvers compiled, PGlite's caches filled).
  await page.waitForSelector('.recharts-bar-rectangle path', { timeout: 30_000 });

  const firstChart: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const fresh = await context.newPage();
    const started = Date.now();
    await fresh.goto(`${dashboard.url}/ringkasan`);
    await fresh.waitForSelector('.recharts-bar-rectangle path', { timeout: 30_000 });
    firstChart.push(Date.now() - started);
    await fresh.close();
  }
  firstChart.sort((a, b) => a - b);

  // The map at its heaviest: all 514 kabupaten/kota, drawn from a fresh page (its code and TopoJSON
  // fetched, the shapes projected and coloured).
  const mapDrawn: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const fresh = await context.newPage();
    const started = Date.now();
    await fresh.goto(`${dashboard.url}/peta?tingkat=kab`);
    await fresh.waitForFunction('document.querySelectorAll("svg.choropleth path[data-code]").length >= 514', null, {
      timeout: 30_000,
    });
    mapDrawn.push(Date.now() - started);
    await fresh.close();
  }
  mapDrawn.sort((a, b) => a - b);

  // The offices' work pages, measured as an immigration office (the inbox and one of its reports).
  const office = await dashboard.browser.newContext({ viewport: { width: 1024, height: 1366 } });
  await signIn(await office.newPage(), dashboard.url, 'kanim.batulicin@binaan.test');
  const { reports } = await dashboard.graphql(
    `{ reports(first: 1, filter: { area: { regencyCodes: ["63.02"] }, open: true }) { edges { node { id } } } }`,
  );
  // With the forms: the village page of a designated village in its area (task force, training, activity).
  const officePages = [
    '/kotak-masuk',
    `/laporan/${encodeURIComponent(reports.edges[0].node.id as string)}`,
    '/desa/63.02.15.2002',
  ];
  // The accounts page, as an administrator.
  const admin = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(await admin.newPage(), dashboard.url, 'admin@binaan.test');

  const roundTrips: { page: string; requests: number }[] = [];
  for (const [path, signedIn] of [
    ...pages.map((path) => [path, context] as const),
    ...officePages.map((path) => [path, office] as const),
    ['/pengguna', admin] as const,
  ]) {
    const fresh = await signedIn.newPage();
    let requests = 0;
    fresh.on('request', (request) => {
      if (request.url().endsWith('/graphql')) requests += 1;
    });
    await fresh.goto(`${dashboard.url}${path}`);
    await fresh.waitForSelector('.panel, .empty-state', { timeout: 30_000 });
    await fresh.waitForLoadState('networkidle');
    roundTrips.push({ page: path, requests });
    await fresh.close();
  }

  const median = firstChart[Math.floor(firstChart.length / 2)]!;
  const line = (label: string, value: string, budget: string, ok: boolean) =>
    console.log(`${label.padEnd(44)} ${value.padStart(10)}   budget ${budget.padEnd(9)} ${ok ? 'met' : 'MISSED'}`);
  console.log('\nDashboard budgets (local build, embedded database)\n');
  line(
    'initial JavaScript, gzipped',
    `${(initialJs / 1024).toFixed(1)} KB`,
    `< ${BUDGET_INITIAL_KB} KB`,
    initialJs / 1024 < BUDGET_INITIAL_KB,
  );
  for (const entry of sizes)
    console.log(`  ${entry.file.padEnd(40)} ${(entry.gzip / 1024).toFixed(1).padStart(8)} KB gz`);
  line(
    'overview: first chart visible (median of 5)',
    `${median} ms`,
    `< ${BUDGET_FIRST_CHART_MS} ms`,
    median < BUDGET_FIRST_CHART_MS,
  );
  console.log(`  runs: ${firstChart.join(', ')} ms`);
  const mapMedian = mapDrawn[Math.floor(mapDrawn.length / 2)]!;
  line(
    'map: 514 kabupaten/kota drawn (median of 3)',
    `${mapMedian} ms`,
    `< ${BUDGET_FIRST_CHART_MS} ms`,
    mapMedian < BUDGET_FIRST_CHART_MS,
  );
  console.log(`  runs: ${mapDrawn.join(', ')} ms`);
  for (const entry of roundTrips) {
    line(
      `GraphQL round trips: ${entry.page}`,
      String(entry.requests),
      `<= ${BUDGET_ROUND_TRIPS}`,
      entry.requests <= BUDGET_ROUND_TRIPS,
    );
  }
} finally {
  await dashboard.close();
}
