// When the page syncs the outbox: at start, when the network comes back (the `online` event), when the
// person saves or presses "Kirim sekarang", and otherwise at the next report's back-off time. While
// reports wait, it also asks the browser for a Background Sync, so the service worker sends them when
// signal returns even after the app is closed (Chromium; other browsers rely on the page).
import { SYNC_TAG, syncOutbox, type SyncOutcome } from './sync';

/** How often the page asks about received reports the office may have moved, while it is open. */
const STATUS_POLL_MS = 60_000;

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

export interface OutboxScheduler {
  /** Sync now; `force` also sends reports still in their back-off. */
  kick(force?: boolean): void;
  stop(): void;
}

export function startOutbox(onChange: (outcome: SyncOutcome | null) => void): OutboxScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again: boolean | null = null;

  const schedule = (outcome: SyncOutcome) => {
    clearTimeout(timer);
    if (outcome.revoked) return;
    if (outcome.pending > 0) {
      void requestBackgroundSync();
      const wait = Math.max(1_000, (outcome.nextAttemptAt ?? Date.now()) - Date.now());
      timer = setTimeout(() => kick(false), wait);
    } else {
      timer = setTimeout(() => kick(false), STATUS_POLL_MS);
    }
  };

  const kick = (force = false) => {
    // One sync at a time in the page; a kick during one runs once more after it.
    if (running) {
      again = (again ?? false) || force;
      return;
    }
    running = syncOutbox({ force })
      .then(
        (outcome) => {
          onChange(outcome);
          schedule(outcome);
        },
        () => onChange(null),
      )
      .finally(() => {
        running = null;
        if (again !== null) {
          const force = again;
          again = null;
          kick(force);
        }
      });
  };

  const online = () => kick(true);
  const fromWorker = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'outbox-changed') onChange(null);
  };
  window.addEventListener('online', online);
  navigator.serviceWorker?.addEventListener('message', fromWorker);
  kick(false);
  return {
    kick,
    stop() {
      clearTimeout(timer);
      window.removeEventListener('online', online);
      navigator.serviceWorker?.removeEventListener('message', fromWorker);
    },
  };
}

async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.ready) as
      (ServiceWorkerRegistration & SyncRegistration) | undefined;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // Not offered (or refused): the page's own timer and the online event still send.
  }
}
