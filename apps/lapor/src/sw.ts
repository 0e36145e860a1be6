// The field app's service worker: keeps the app shell (precached at install, so the app opens with no
// signal after the first visit), and sends the outbox when Background Sync says the network is back,
// even with the app closed. The precache list (self.__WB_MANIFEST) is written in by the build
// (vite.config.ts) from the files it emitted.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SYNC_TAG, syncOutbox } from './outbox/sync';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: { url: string; revision: string | null }[];
};
interface SyncEvent extends ExtendableEvent {
  tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every page of the app is its one index.html (it routes inside itself); GraphQL is never cached.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function tellPages(): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'outbox-changed' });
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    syncOutbox({ force: true }).then(async (outcome) => {
      await tellPages();
      // Still blocked: a rejected sync is retried by the browser later, with its own back-off.
      if (outcome.blocked && outcome.pending > 0 && !outcome.revoked) throw new Error('outbox still waiting');
    }),
  );
});
