import { createContext, useContext } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { staffSessionMachine } from '../../machines/index.ts';

/** The staff session's actor. */
export type StaffSessionActor = ActorRefFrom<typeof staffSessionMachine>;

/** The one staff session actor of the page, created by `StaffApp`. */
export const StaffSessionActorContext = createContext<StaffSessionActor | null>(null);

/** The staff session's actor; only inside `StaffApp`. */
export function useStaffSessionActor(): StaffSessionActor {
  const actor = useContext(StaffSessionActorContext);
  if (!actor) throw new Error('[Atelier] useStaffSessionActor() is used outside <StaffApp>, which provides the staff session.');
  return actor;
}
