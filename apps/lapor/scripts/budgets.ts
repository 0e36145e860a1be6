// npm run budgets -w @binaan/lapor: measures the field app's budgets and prints them.
//   1. the shell's JavaScript (gzipped) that the first load needs, from Vite's manifest (budget 80 KB);
//   2. time to interactive under Chromium's "Slow 3G" emulation (DevTools protocol: 2,000 ms round
//      trip, 50 KB/s each way) with the CPU slowed 4× like a low-end phone: the first visit (nothing
//      cached: the enrolment form ready) and a reopened app (from the service worker: the report form
//      ready);
//   3. on the same Slow 3G, from "Simpan dan kirim" to the report shown as received.
// "Interactive" is when the screen's first form control exists and accepts input: the app is rendered
// by its own script, so that is also when its code has run. It measures; it does not fail on a missed
// budget (the tests guard behaviour, this prints the figures).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { enrolPhone, kanimVillage, typeReport, waitForStates } from '../e2e/phone';
import { initialFiles } from '@binaan/api/testing';
import { browserMissing, buildFieldApp, outputDir, startFieldApp } from '../e2e/support';

const BUDGET_SHELL_KB = 80;
const BUDGET_FIRST_VISIT_MS = 10_000;
const BUDGET_REOPEN_MS = 2_000;
const RUNS = 3;

/** Chromium DevTools' "Slow 3G" preset. */
const SLOW_3G = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;

if (browserMissing) throw new Error(`cannot measure in a browser: ${browserMissing}`);
const dist = `${outputDir}budgets-dist/`;
await buildFieldApp(dist);

const sizes = [...initialFiles(dist), { file: 'sw.js', gzip: gzipSync(readFileSync(`${dist}sw.js`)).length }];
const shellJs = sizes
  .filter((entry) => entry.file.endsWith('.js') && entry.file !== 'sw.js')
  .reduce((sum, entry) => sum + entry.gzip, 0);

/** Records, inside the page, when the first of these controls appears (ms since navigation start). */
async function recordReady(context: BrowserContext) {
  // As text: tsx names inner functions with a helper the page does not have.
  await context.addInitScript(`
    const observer = new MutationObserver(() => {
      const control = document.querySelector('#kode, #type');
      if (control && !control.disabled) {
        window.readyAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  `);
}

async function slowPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

const readyAt = async (page: Page) => {
  await page.waitForFunction('window.readyAt !== undefined', null, { timeout: 60_000 });
  return Math.round((await page.evaluate('window.readyAt')) as number);
};

const app = await startFieldApp(undefined, dist);
const firstVisit: number[] = [];
const reopen: number[] = [];
const sendToReceived: number[] = [];
try {
  const village = await kanimVillage(app);
  for (let run = 0; run < RUNS; run += 1) {
    const { context, page } = await app.phone();
    await recordReady(context);
    await slowPhone(page);
    await page.goto(`${app.url}/lapor/`);
    firstVisit.push(await readyAt(page));
    // Enrol (on the same slow network), then reopen the app as a person does the next day.
    await enrolPhone(app, page, village);
    const again = await context.newPage();
    await slowPhone(again);
    await again.goto(`${app.url}/lapor/`);
    reopen.push(await readyAt(again));
    await page.close();
    const started = Date.now();
    await typeReport(again, {
      type: 'FOREIGN_NATIONAL_PRESENT',
      description: 'Pengukuran: WNA terlihat di dermaga desa.',
      people: 1,
    });
    await waitForStates(again, 'received', 1, 60_000);
    sendToReceived.push(Date.now() - started);
    await context.close();
    await app.sql(`UPDATE field_device SET revoked_at = now() WHERE revoked_at IS NULL`);
  }
} finally {
  await app.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (label: string, value: string, budget: string, ok: boolean | null) =>
  console.log(
    `${label.padEnd(52)} ${value.padStart(10)}   ${budget ? `budget ${budget.padEnd(10)}` : ''.padEnd(17)} ${ok === null ? '' : ok ? 'met' : 'MISSED'}`,
  );
console.log(
  `\nField app budgets (local build; Slow 3G = ${SLOW_3G.latency} ms RTT, 50 KB/s; CPU ${CPU_SLOWDOWN}× slower)\n`,
);
line(
  'shell JavaScript, gzipped',
  `${(shellJs / 1024).toFixed(1)} KB`,
  `< ${BUDGET_SHELL_KB} KB`,
  shellJs / 1024 < BUDGET_SHELL_KB,
);
for (const entry of sizes) {
  const note = entry.file === 'sw.js' ? '  (service worker, not part of the shell)' : '';
  console.log(`  ${entry.file.padEnd(40)} ${(entry.gzip / 1024).toFixed(1).padStart(8)} KB gz${note}`);
}
line(
  `Slow 3G: first visit interactive (median of ${RUNS})`,
  `${median(firstVisit)} ms`,
  `< ${BUDGET_FIRST_VISIT_MS} ms`,
  median(firstVisit) < BUDGET_FIRST_VISIT_MS,
);
console.log(`  runs: ${firstVisit.join(', ')} ms`);
line(
  `Slow 3G: reopened app interactive (median of ${RUNS})`,
  `${median(reopen)} ms`,
  `< ${BUDGET_REOPEN_MS} ms`,
  median(reopen) < BUDGET_REOPEN_MS,
);
console.log(`  runs: ${reopen.join(', ')} ms`);
line(`Slow 3G: saved → shown received (median of ${RUNS})`, `${median(sendToReceived)} ms`, '', null);
console.log(`  runs: ${sendToReceived.join(', ')} ms`);
