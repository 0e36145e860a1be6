// A running API service for tests: listening on a free port on loopback, with no dashboard, no trusted
// documents, no response cache (tests write behind the API's back) and silent logs unless a test asks.
import type { Database } from '@binaan/db';
import { createLogger } from '../../src/observability/logger.js';
import { type Service, type ServiceOptions, startService } from '../../src/service.js';

export function startTestService(db: Database, options: Partial<Omit<ServiceOptions, 'db'>> = {}): Promise<Service> {
  return startService({
    port: 0,
    host: '127.0.0.1',
    production: false,
    dashboardDir: null,
    trustedDocuments: null,
    logger: createLogger({ level: 'silent' }),
    responseCacheTtlMs: 0,
    ...options,
    db,
  });
}

/** Production mode with no trusted documents: only callers with an API token may run anything. */
export const asApplicationsSeeIt = { production: true, trustedDocuments: { manifest: {}, enforce: true } } as const;
