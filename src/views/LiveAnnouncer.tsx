import { useSelector } from '@xstate/react';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/**
 * The screen-reader voice of the session: a visually hidden polite live region holding the
 * session's last announcement (what changed, what the rules changed with it, the new price).
 */
export function LiveAnnouncer() {
  const actor = useConfiguratorActor();
  const announcement = useSelector(actor, (snapshot) => snapshot.context.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" aria-label="Announcements">
      {announcement}
    </div>
  );
}
