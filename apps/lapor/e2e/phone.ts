// What a person does with the field app on a phone, and what the tests read back (the screen and the
// server's rows), shared by the browser test files.
import type { Page } from 'playwright-core';
import type { RunningFieldApp } from './support';

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
  // From the app already open (a second QR code), this changes only the hash; the app takes it.
  await page.goto(`${app.url}${enrolmentPath}`);
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
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
