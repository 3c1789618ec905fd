import { useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import { staffPageActors, type StaffPageConnection, type StaffPageContext, type StaffPageMachine } from '../../machines/index.ts';

/** What a staff page renders of its machine: the context, and where the machine is. */
export interface StaffPageView<Query, Data, Outcome> extends StaffPageContext<Query, Data, Outcome> {
  /** The first answer for the query is on its way. */
  readonly loading: boolean;
  /** The data could not be loaded ("Try again" reloads). */
  readonly failed: boolean;
  /** A change is on its way: the page's forms and buttons wait. */
  readonly busy: boolean;
}

/**
 * A staff page's machine, connected once with the page's requests (the staff API client), and
 * its state as the page renders it. The connection is taken when the page appears: a page lives
 * within one signed-in session, so its CSRF token does not change under it.
 *
 * @example const { actor, view } = useStaffPage(accountsPage, { load: () => listAccounts(connection), change }, null);
 */
export function useStaffPage<Query, Data, Change, Outcome>(
  machine: StaffPageMachine<Query, Data, Change, Outcome>,
  connection: StaffPageConnection<Query, Data, Change, Outcome>,
  query: Query,
) {
  const [connected] = useState(() => machine.provide({ actors: staffPageActors(connection) }));
  const actor = useActorRef(connected, { input: { query } });
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const loading = useSelector(actor, (snapshot) => snapshot.hasTag('loading'));
  const failed = useSelector(actor, (snapshot) => snapshot.value === 'failed');
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const view: StaffPageView<Query, Data, Outcome> = { ...context, loading, failed, busy };
  return { actor, view };
}
