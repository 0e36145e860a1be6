// The 38 provinces and 514 kabupaten/kota, held in memory. They change only by a Home Affairs decree,
// which reaches the database by a migration or a re-seed, never by the API. A page of villages named its
// kabupaten/kota and province with two more queries per page (436 against 742 pages/s without them, on
// the national dataset); from memory they cost none. Held for a few minutes, so that a re-seeded
// database is seen without a restart.
import type { Database } from '@binaan/db';

const HELD_MS = 5 * 60_000;

type Province = Awaited<ReturnType<Database['prisma']['province']['findMany']>>[number];
type Regency = Awaited<ReturnType<Database['prisma']['regency']['findMany']>>[number];

interface Areas {
  provinces: Map<number, Province>;
  regencies: Map<number, Regency>;
}

interface Held {
  loadedAt: number;
  areas: Promise<Areas>;
  /** Set once loaded: rows are then answered without a promise, so graphql-js completes a page of
   * villages synchronously instead of awaiting two promises per row. */
  loaded?: Areas;
}

const heldPerDatabase = new WeakMap<Database, Held>();

function held(db: Database): Held {
  const current = heldPerDatabase.get(db);
  if (current && Date.now() - current.loadedAt < HELD_MS) return current;
  const next: Held = {
    loadedAt: Date.now(),
    areas: Promise.all([db.prisma.province.findMany(), db.prisma.regency.findMany()]).then(
      ([provinces, regencies]) => ({
        provinces: new Map(provinces.map((province) => [province.id, province])),
        regencies: new Map(regencies.map((regency) => [regency.id, regency])),
      }),
    ),
  };
  next.areas.then(
    (areas) => {
      next.loaded = areas;
    },
    // A failed load is not kept: the next request tries again (unless a newer load has replaced it).
    () => {
      if (heldPerDatabase.get(db) === next) heldPerDatabase.delete(db);
    },
  );
  // Until the new load is in, rows are still answered from the previous one.
  if (current?.loaded) next.loaded = current.loaded;
  heldPerDatabase.set(db, next);
  return next;
}

type AreaOf<Kind extends keyof Areas> = Areas[Kind] extends Map<number, infer Area> ? Area : never;

/** An area by id from memory; one added since the areas were loaded is read from the database. */
function byId<Kind extends keyof Areas>(
  db: Database,
  kind: Kind,
  id: number,
  read: () => Promise<AreaOf<Kind>>,
): AreaOf<Kind> | Promise<AreaOf<Kind>> {
  const areas = held(db);
  const known = areas.loaded?.[kind].get(id) as AreaOf<Kind> | undefined;
  if (known) return known;
  return areas.areas.then((loaded) => (loaded[kind].get(id) as AreaOf<Kind> | undefined) ?? read());
}

export const provinceById = (db: Database, id: number) =>
  byId(db, 'provinces', id, () => db.prisma.province.findUniqueOrThrow({ where: { id } }));

export const regencyById = (db: Database, id: number) =>
  byId(db, 'regencies', id, () => db.prisma.regency.findUniqueOrThrow({ where: { id } }));

// ─── The villages reports are submitted for ─────────────────────────────────────────────────────────
// A submission needs its village's id, kabupaten/kota and province before it writes (who may submit for
// it, and what the report records). Read per submission, that was one round trip of two: remembered, a
// submission is one statement (bench/README.md, 7 December: 711 → 821 submissions/s). A decree can move a
// village to another kabupaten/kota while it is remembered, so the write itself checks that the village
// is still where it was remembered, and writes nothing otherwise (schema/report.ts); nothing stale is
// ever recorded, and a refusal for where the village was is checked again against where it is.

/** Where a village is: what a report submitted for it records, and what decides who may submit it. */
export interface VillagePlace {
  id: number;
  code: string;
  regencyId: number;
  provinceId: number;
}

/** More than Indonesia's 83,762 villages. Codes that match no village are never kept. */
const MAX_REMEMBERED_VILLAGES = 100_000;

interface Remembered {
  place: VillagePlace;
  readAt: number;
}

const villagesPerDatabase = new WeakMap<Database, Map<string, Remembered>>();

function rememberedVillages(db: Database): Map<string, Remembered> {
  let villages = villagesPerDatabase.get(db);
  if (!villages) villagesPerDatabase.set(db, (villages = new Map()));
  return villages;
}

/** The village as read for an earlier submission, at most a few minutes ago; undefined if it was not. */
export function rememberedVillage(db: Database, code: string): VillagePlace | undefined {
  const remembered = rememberedVillages(db).get(code);
  return remembered && Date.now() - remembered.readAt < HELD_MS ? remembered.place : undefined;
}

/** The village as the database has it now (and remembered from now on); undefined if no village has the code. */
export async function villageNow(db: Database, code: string): Promise<VillagePlace | undefined> {
  const [place] = await db.sql.query<VillagePlace>(
    'SELECT id, code, regency_id AS "regencyId", province_id AS "provinceId" FROM village WHERE code = $1',
    [code],
    { reusePlan: true },
  );
  const villages = rememberedVillages(db);
  if (!place) {
    villages.delete(code);
    return undefined;
  }
  if (villages.size >= MAX_REMEMBERED_VILLAGES) villages.clear();
  villages.set(code, { place, readAt: Date.now() });
  return place;
}
