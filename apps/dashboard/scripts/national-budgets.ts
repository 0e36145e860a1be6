// npm run budgets:national -w @binaan/dashboard: how long national leadership waits for each analytics
// page on the national dataset (the benchmark's database, seeded by `npm run bench`), first load in a
// fresh tab: from navigation until the page's panels are drawn and no request is left in flight. It
// measures and prints; it does not fail on a missed budget.
import { browserMissing, signIn, startDashboard } from '../e2e/support';
import { nationalPageRequests } from './page-requests';

const BUDGET_DRAWN_MS = 1500;
const RUNS = 3;
const url = process.env.BINAAN_BUDGETS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/binaan_bench';

if (browserMissing) throw new Error(`cannot measure in a browser: ${browserMissing}`);
const dashboard = await startDashboard({ url });
try {
  const context = await dashboard.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await signIn(await context.newPage(), dashboard.url, 'pimpinan@binaan.test');
  // The pages the benchmark measures on the API alone, here as a person sees them.
  const pages = [...new Set(nationalPageRequests().map((request) => request.page))].filter((page) =>
    page.startsWith('/'),
  );
  console.log(`\nNational dataset, national leadership, first load in a fresh tab (median of ${RUNS})\n`);
  for (const path of pages) {
    const runs: number[] = [];
    // One load first: the server's plans and caches warm, as they are for whoever opens it second.
    for (let run = 0; run <= RUNS; run += 1) {
      const fresh = await context.newPage();
      const started = Date.now();
      await fresh.goto(`${dashboard.url}${path}`);
      await fresh.waitForSelector('.panel, .empty-state', { timeout: 60_000 });
      await fresh.waitForLoadState('networkidle');
      if (run > 0) runs.push(Date.now() - started);
      await fresh.close();
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)]!;
    console.log(
      `${path.padEnd(22)} ${`${median} ms`.padStart(9)}   budget < ${BUDGET_DRAWN_MS} ms ${median < BUDGET_DRAWN_MS ? 'met' : 'MISSED'}   runs: ${runs.join(', ')} ms`,
    );
  }
} finally {
  await dashboard.close();
}
