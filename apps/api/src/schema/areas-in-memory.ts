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
