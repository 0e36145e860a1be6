// How the mutation tests check a refusal: a typed error in the payload, naming its field, and nothing
// changed in any table a mutation writes (a fingerprint of each, before and after).
import { expect } from 'vitest';
import type { Caller, SeededApi } from './seeded-api.js';

/** Relay global ids as Pothos writes them: base64 of `Type:id`. */
export const encodeId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
export const decodeId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

const WRITTEN_TABLES = [
  'designation',
  'designation_status_change',
  'audit_log',
  'task_force',
  'task_force_member',
  'training_session',
  'training_session_module',
  'training_attendance',
  'activity',
  'village_report',
  'report_status_transition',
  'regency_target',
  'province_target',
  'device_enrolment',
  'field_device',
  'app_user',
  'signal',
  'signal_run',
];

/** Columns that record use rather than change (a credential's last contact): left out of the fingerprint. */
const USE_COLUMNS: Record<string, string> = {
  field_device: '(t.id, t.village_id, t.enrolment_id, t.label, t.token_hash, t.revoked_at)',
};

export async function fingerprint(api: SeededApi): Promise<Record<string, string>> {
  const parts = await Promise.all(
    WRITTEN_TABLES.map(async (table) => {
      const row_ = USE_COLUMNS[table] ?? 't';
      const [row] = await api.db.sql.query<{ digest: string }>(
        `SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(${row_}::text, ',' ORDER BY ${row_}::text)), '') AS digest FROM ${table} t`,
      );
      return [table, row!.digest] as const;
    }),
  );
  return Object.fromEntries(parts);
}

export const ERROR_FIELDS = `__typename ... on Error { message } ... on InputValidationError { issues { path message } }
  ... on NotFoundError { path } ... on ConflictError { path } ... on ForbiddenError { path }`;

/** The paths a refusal names: each issue's, or the error's own. */
export const refusedPaths = (payload: { issues?: { path: string[] }[]; path?: string[] }) =>
  payload.issues ? payload.issues.map((issue) => issue.path) : [payload.path];

/**
 * Sends a mutation expected to fail, as `as` (default the Kanim demo user), and checks that it returned
 * `typename` naming `path`, and wrote nothing.
 */
export async function expectRefused(
  api: SeededApi,
  mutation: string,
  field: string,
  variables: Record<string, unknown>,
  typename: string,
  path?: string[],
  as: Caller = 'kanim',
) {
  const before = await fingerprint(api);
  const result = await api.graphql(mutation, variables, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = result.data![field];
  expect(payload.__typename, JSON.stringify(payload)).toBe(typename);
  expect(payload.message.length).toBeGreaterThan(0);
  if (path) expect(refusedPaths(payload)).toContainEqual(path);
  expect(await fingerprint(api)).toEqual(before);
  return payload;
}
