// The outbox's promise, searched over random schedules: whatever order a task force submits in, loses
// and regains signal, has an answer cut after the server committed, or reloads the app, the server ends
// with exactly the reports submitted on the phone, each once, and the phone shows every one received.
import { propertyRuns } from '@binaan/api/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enrolPhone, kanimVillage, phoneReports, rowsPerReference, typeReport } from './phone';
import { browserMissing, type RunningFieldApp, startFieldApp } from './support';

type Step = 'submit' | 'offline' | 'online' | 'cut' | 'reload';
const step = fc.constantFrom<Step>('submit', 'submit', 'offline', 'online', 'cut', 'reload');

describe.skipIf(browserMissing)(
  `the outbox under random schedules${browserMissing ? ` (skipped: ${browserMissing})` : ''}`,
  () => {
    let app: RunningFieldApp;
    let village: { code: string; name: string };

    beforeAll(async () => {
      app = await startFieldApp(inject('seededTemplate')!);
      village = await kanimVillage(app);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('ends with rows on the server = reports submitted: never a duplicate, never a loss', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (schedule) => {
          const { context, page } = await app.phone();
          try {
            await enrolPhone(app, page, village);
            let submitted = 0;
            for (const action of schedule) {
              if (action === 'submit') {
                submitted += 1;
                await typeReport(page, {
                  type: 'FOREIGN_NATIONAL_PRESENT',
                  description: `Laporan uji nomor ${submitted}: WNA terlihat di pelabuhan.`,
                  people: submitted,
                });
              } else if (action === 'offline') await context.setOffline(true);
              else if (action === 'online') await context.setOffline(false);
              else if (action === 'cut') app.proxy.cutNextSubmissions(1);
              else {
                await page.reload();
                await page.getByRole('heading', { name: new RegExp(village.name) }).waitFor();
              }
            }
            // Signal back for good: everything must arrive (a cut still armed is used up on the way).
            await context.setOffline(false);
            const deadline = Date.now() + 60_000;
            for (;;) {
              const shown = await phoneReports(page);
              if (shown.length === submitted && shown.every((report) => report.state === 'received')) break;
              if (Date.now() > deadline) throw new Error(`not all received: ${JSON.stringify(shown)}`);
              const sendNow = page.getByRole('button', { name: 'Kirim sekarang' });
              // The button re-renders as states change; a missed click is tried again on the next turn.
              if (await sendNow.isVisible()) await sendNow.click({ timeout: 2_000 }).catch(() => undefined);
              await page.waitForTimeout(500);
            }
            const references = (await phoneReports(page)).map((report) => report.reference);
            expect(new Set(references).size).toBe(submitted);
            const rows = await rowsPerReference(app, references);
            expect(rows.size).toBe(submitted);
            expect([...rows.values()].every((count) => count === 1)).toBe(true);
            // Nothing else from this phone reached the server.
            const [device] = await app.sql<{ n: number }>(
              `SELECT COUNT(*)::int AS n FROM village_report WHERE device_id = (SELECT MAX(id) FROM field_device)`,
            );
            expect(device!.n).toBe(submitted);
          } finally {
            await context.close();
            app.proxy.cutNextSubmissions(-Infinity);
            // A village has at most 20 phones: this one is done.
            await app.sql(`UPDATE field_device SET revoked_at = now() WHERE revoked_at IS NULL`);
          }
        }),
        { numRuns: propertyRuns(9), endOnFailure: true },
      );
    });
  },
);
