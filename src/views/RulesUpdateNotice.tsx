import { useSelector } from '@xstate/react';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { StartingNotice } from './StartingNotice.tsx';

/**
 * What the shop's newly published rules changed in the customer's open design (the session's
 * `rulesUpdate`), shown above the options (kept in view while they scroll, on a wide screen)
 * until dismissed; a later update shows afresh. The live region (`LiveAnnouncer`) says it
 * politely, so the notice itself is not a live region.
 */
export function RulesUpdateNotice() {
  const actor = useConfiguratorActor();
  const update = useSelector(actor, (snapshot) => snapshot.context.rulesUpdate);
  if (!update) return null;
  return (
    <div className="rules-update">
      <StartingNotice key={update.rulesVersion} notice={update} live={false} />
    </div>
  );
}
