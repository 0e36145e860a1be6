// npm run budgets:national -w @binaan/dashboard: how long national leadership waits for each analytics
// page on the national dataset (the benchmark's database, seeded by `npm run bench`), first load in a
// fresh tab: from navigation until the page last changed, once its panels are drawn and no request is
// left in flight. "Quiet" is when the browser also saw 500 ms without a request (Playwright's
// networkidle): the same load plus that wait, printed beside it. It measures and prints; it does not
// fail on a missed budget.
import { browserMissing, signIn, startDashboard } from '../e2e/support';
import { nationalPageRequests } from './page-requests';

const BUDGET_DRAWN_MS = 1500;

interface Timeline {
  scripts: number;
  requests: number;
  firstRequest: number;
  answered: number;
}
const RUNS = 3;
const url = process.env.BINAAN_BUDGETS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/binaan_bench';

if (browserMissing) throw new Error(`cannot measure in a browser: ${browserMissing}`);
const dashboard = await startDashboard({ url });
try {
  const context = await dashboard.browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The page's own clock (ms since navigation started) at its last change to the document.
  // A string, not a function: tsx's compiled functions call a helper the page does not have.
  await context.addInitScript(`
    new MutationObserver(() => { window.lastChangeMs = performance.now(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });`);
  await signIn(await context.newPage(), dashboard.url, 'pimpinan@binaan.test');
  // The pages the benchmark measures on the API alone, here as a person sees them.
  const pages = [...new Set(nationalPageRequests().map((request) => request.page))].filter((page) =>
    page.startsWith('/'),
  );
  console.log(`\nNational dataset, national leadership, first load in a fresh tab (median of ${RUNS})\n`);
  for (const path of pages) {
    const runs: number[] = [];
    const quiet: number[] = [];
    const timelines: Timeline[] = [];
    // One load first: the server's plans and caches warm, as they are for whoever opens it second.
    for (let run = 0; run <= RUNS; run += 1) {
      const fresh = await context.newPage();
      const started = Date.now();
      await fresh.goto(`${dashboard.url}${path}`);
      await fresh.waitForSelector('.panel, .empty-state', { timeout: 60_000 });
      await fresh.waitForLoadState('networkidle');
      const lastChange = await fresh.evaluate(() => (window as unknown as { lastChangeMs: number }).lastChangeMs);
      // Where the wait went: the page's code, then its API requests (ms since navigation started).
      const timeline = await fresh.evaluate(`(() => {
        const resources = performance.getEntriesByType('resource');
        const scripts = resources.filter((entry) => entry.initiatorType === 'script' || /\\.js$/.test(entry.name));
        const api = resources.filter((entry) => entry.name.includes('/graphql'));
        const end = (entries) => Math.round(Math.max(0, ...entries.map((entry) => entry.responseEnd)));
        return { scripts: end(scripts), requests: api.length,
          firstRequest: Math.round(Math.min(...api.map((entry) => entry.startTime))), answered: end(api) };
      })()`);
      if (run > 0) {
        runs.push(Math.round(lastChange));
        quiet.push(Date.now() - started);
        timelines.push(timeline as Timeline);
      }
      await fresh.close();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const drawn = median(runs);
    console.log(
      `${path.padEnd(22)} ${`${drawn} ms`.padStart(9)}   budget < ${BUDGET_DRAWN_MS} ms ${drawn < BUDGET_DRAWN_MS ? 'met' : 'MISSED'}   runs: ${runs.join(', ')} ms   quiet: ${median(quiet)} ms`,
    );
    const at = (key: keyof Timeline) => median(timelines.map((timeline) => timeline[key]));
    console.log(
      `${''.padEnd(22)} code loaded ${at('scripts')} ms, ${at('requests')} API requests from ${at('firstRequest')} ms, last answered ${at('answered')} ms, then drawing`,
    );
  }
} finally {
  await dashboard.close();
}
