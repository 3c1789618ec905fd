import { useEffect } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { configuratorMachine } from '../machines/index.ts';

/** How often an open, visible page asks the shop whether it published new rules. */
export const CATALOG_CHECK_INTERVAL_MS = 60_000;

/**
 * Asks the session to check for newly published rules (`catalog.check`) every minute while the
 * page is visible, and at once when it is shown again (another tab, a phone woken up). The session
 * decides what a new version means; this hook only keeps time.
 */
export function useCatalogWatch(actor: ActorRefFrom<typeof configuratorMachine>, intervalMs = CATALOG_CHECK_INTERVAL_MS): void {
  useEffect(() => {
    const check = () => {
      if (document.visibilityState === 'visible') actor.send({ type: 'catalog.check' });
    };
    const timer = window.setInterval(check, intervalMs);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [actor, intervalMs]);
}
