// The 38 provinces and 514 kabupaten/kota, held in memory. They change only by a Home Affairs decree,
// which reaches the database by a migration or a re-seed, never by the API. A page of villages named its
// kabupaten/kota and province with two more queries per page (436 against 742 pages/s without them, on
// the national dataset); from memory they cost none. Held for a few minutes, so that a re-seeded
// database is seen without a restart.
import type { Database } from '@binaan/db';

const HELD_MS = 5 * 60_000;

type Province = Awaited<ReturnType<Database['prisma']['province']['findMany']>>[number];
type Regency = Awaited<ReturnType<Database['prisma']['regency']['findMany']>>[number];

interface Held {
  loadedAt: number;
  areas: Promise<{ provinces: Map<number, Province>; regencies: Map<number, Regency> }>;
}

const heldPerDatabase = new WeakMap<Database, Held>();

function held(db: Database): Held['areas'] {
  const current = heldPerDatabase.get(db);
  if (current && Date.now() - current.loadedAt < HELD_MS) return current.areas;
  const areas = Promise.all([db.prisma.province.findMany(), db.prisma.regency.findMany()]).then(
    ([provinces, regencies]) => ({
      provinces: new Map(provinces.map((province) => [province.id, province])),
      regencies: new Map(regencies.map((regency) => [regency.id, regency])),
    }),
  );
  // A failed load is not kept: the next request tries again (unless a newer load has replaced it).
  areas.catch(() => {
    if (heldPerDatabase.get(db)?.areas === areas) heldPerDatabase.delete(db);
  });
  heldPerDatabase.set(db, { loadedAt: Date.now(), areas });
  return areas;
}

/** A province by id (one added since the areas were loaded is read from the database). */
export async function provinceById(db: Database, id: number): Promise<Province> {
  return (await held(db)).provinces.get(id) ?? db.prisma.province.findUniqueOrThrow({ where: { id } });
}

/** A kabupaten/kota by id (one added since the areas were loaded is read from the database). */
export async function regencyById(db: Database, id: number): Promise<Regency> {
  return (await held(db)).regencies.get(id) ?? db.prisma.regency.findUniqueOrThrow({ where: { id } });
}
