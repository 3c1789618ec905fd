import { createContext, useContext } from 'react';
import type { Actor } from 'xstate';
import type { configuratorMachine } from '../machines/index.ts';

/** The running configurator session (one per page). */
export type ConfiguratorActor = Actor<typeof configuratorMachine>;

/** Carries the session actor to the components that read it with `useSelector`. */
export const ConfiguratorActorContext = createContext<ConfiguratorActor | null>(null);

/**
 * The session actor of the surrounding `<App>`. Read with `useSelector(actor, …)`, ask with
 * `snapshot.can(…)`, change with `actor.send(…)`.
 */
export function useConfiguratorActor(): ConfiguratorActor {
  const actor = useContext(ConfiguratorActorContext);
  if (!actor) throw new Error('[Atelier] useConfiguratorActor() needs a <ConfiguratorActorContext value={actor}> above it; render the component inside <App>.');
  return actor;
}
