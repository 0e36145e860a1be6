// One property-test harness for every rollup family (packages/db/rollups/): after random sequences of
// writes to the records, a family's figures equal the same figures counted from the records, and the
// rows its triggers kept equal what its rebuild function (from the registry) computes.
import { type RollupFamilyName, rollupFamilies } from '@binaan/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyRuns } from './property-depth.js';
import { createSeededApi, type SeededApi } from './seeded-api.js';

/** The seeded API under test, with the two ways these tests read the database. */
export interface RollupProbe {
  readonly api: SeededApi;
  /** A query's `line` column, sorted here rather than by the database's collation, so both sides order alike. */
  lines(query: string, params?: unknown[]): Promise<string[]>;
  /** A query's `id` column, in the query's order. */
  ids(query: string, params?: unknown[]): Promise<number[]>;
}

/** Hundreds of writes, each followed by recounts: more than an ordinary test's minute on a busy machine. */
const PROPERTY_TIMEOUT_MS = 240_000;

/** How many writes one generated sequence holds. */
const MIN_STEPS = 5;
const MAX_STEPS = 25;

/** The element a generated number points at, wrapping around. */
export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export interface RollupPropertySpec<Write> {
  /** The families under test; their rebuild functions come from the registry, in its order. */
  families: readonly RollupFamilyName[];
  /** The rows the triggers keep, as text lines (`SELECT … AS line`). */
  kept: string;
  /** One random write to the records, and how to apply it. */
  write: fc.Arbitrary<Write>;
  apply(write: Write): Promise<void>;
  /** What holds after the seed's bulk build and after every sequence of writes. */
  invariant: { title: string; check(): Promise<void> };
  /** Sequences of writes to try in a deep run (a quick run tries fewer; see property-depth.ts). */
  runs: number;
  /** Further tests on the same database, after the writes. */
  more?(): void;
}

/** `makeSpec` gets the probe, whose `api` is there once the tests run (not while they are collected). */
export function describeRollupProperty<Write>(
  name: string,
  makeSpec: (probe: RollupProbe) => RollupPropertySpec<Write>,
): void {
  describe(name, () => {
    let api: SeededApi | undefined;
    let writes = 0;
    const probe: RollupProbe = {
      get api() {
        if (!api) throw new Error('the seeded API is not set up yet');
        return api;
      },
      lines: async (query, params = []) =>
        (await probe.api.db.sql.query<{ line: string }>(query, params)).map((row) => row.line).sort(),
      ids: async (query, params = []) =>
        (await probe.api.db.sql.query<{ id: number }>(query, params)).map((row) => row.id),
    };
    const spec = makeSpec(probe);

    beforeAll(async () => {
      api = await createSeededApi();
    });
    afterAll(async () => {
      await api?.dispose();
      console.log(`${name}: ${writes} writes applied`);
    });

    it(
      spec.invariant.title,
      async () => {
        await spec.invariant.check();
        await fc.assert(
          fc.asyncProperty(fc.array(spec.write, { minLength: MIN_STEPS, maxLength: MAX_STEPS }), async (steps) => {
            for (const step of steps) {
              writes += 1;
              await spec.apply(step);
            }
            await spec.invariant.check();
          }),
          { numRuns: propertyRuns(spec.runs) },
        );
        // Every sequence ran to its end: the property was tried, not skipped.
        expect(writes).toBeGreaterThanOrEqual(MIN_STEPS * propertyRuns(spec.runs));
      },
      PROPERTY_TIMEOUT_MS,
    );

    const rebuilds = rollupFamilies
      .filter((family) => spec.families.includes(family.name))
      .map((family) => family.rebuild);
    it(`keeps what ${rebuilds.map((rebuild) => `${rebuild}()`).join(' then ')} computes`, async () => {
      expect(rebuilds).toHaveLength(spec.families.length);
      const kept = await probe.lines(spec.kept);
      expect(kept.length).toBeGreaterThan(0);
      for (const rebuild of rebuilds) {
        await probe.api.db.sql.exec(`SELECT ${rebuild}()`);
        expect(await probe.lines(spec.kept), `after ${rebuild}()`).toEqual(kept);
      }
    });

    spec.more?.();
  });
}
