import type { Database } from '@binaan/db';

export interface Context {
  db: Database;
  /** Who is acting, recorded on every write. Until sign-in exists every caller is `api:anonymous`. */
  actor: string;
  /** When this request started: the "data per" time of every aggregate it returns. */
  requestedAt: Date;
}

export function createContext(db: Database): Context {
  return { db, actor: 'api:anonymous', requestedAt: new Date() };
}
