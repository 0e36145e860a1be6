// The phone's storage: IndexedDB (through idb), shared by the page and the service worker, so a report
// typed offline survives a reload, a closed tab and a restarted phone.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Enrolment, OutboxReport } from './model';

interface LaporDB extends DBSchema {
  enrolment: { key: 'current'; value: Enrolment };
  reports: { key: string; value: OutboxReport; indexes: { createdAt: string } };
}

const DATABASE = 'binaan-lapor';
let opened: Promise<IDBPDatabase<LaporDB>> | null = null;

function database(): Promise<IDBPDatabase<LaporDB>> {
  opened ??= openDB<LaporDB>(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore('enrolment');
      db.createObjectStore('reports', { keyPath: 'clientReference' }).createIndex('createdAt', 'createdAt');
    },
  });
  return opened;
}

export const store = {
  async enrolment(): Promise<Enrolment | null> {
    return (await (await database()).get('enrolment', 'current')) ?? null;
  },
  async saveEnrolment(enrolment: Enrolment): Promise<void> {
    await (await database()).put('enrolment', enrolment, 'current');
  },
  /** Every report, oldest first (the order they are sent in). */
  async reports(): Promise<OutboxReport[]> {
    return (await database()).getAllFromIndex('reports', 'createdAt');
  },
  async report(clientReference: string): Promise<OutboxReport | null> {
    return (await (await database()).get('reports', clientReference)) ?? null;
  },
  async put(report: OutboxReport): Promise<void> {
    await (await database()).put('reports', report);
  },
  /** Replaces one report by another in one transaction (an edited refused report gets a new reference). */
  async replace(oldReference: string, report: OutboxReport): Promise<void> {
    const tx = (await database()).transaction('reports', 'readwrite');
    await Promise.all([tx.store.delete(oldReference), tx.store.put(report), tx.done]);
  },
  async discard(clientReference: string): Promise<void> {
    await (await database()).delete('reports', clientReference);
  },
};
