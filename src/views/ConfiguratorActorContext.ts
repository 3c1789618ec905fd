import { useSelector } from '@xstate/react';
import { createContext, useContext } from 'react';
import type { Actor, ActorRefFrom } from 'xstate';
import { gallerySubmissionMachine, type checkoutMachine, type configuratorMachine } from '../machines/index.ts';

/** The running configurator session (one per page). */
export type ConfiguratorActor = Actor<typeof configuratorMachine>;

/** The session's checkout (its child actor): size, quantity, contact, address and the order. */
export type CheckoutActor = ActorRefFrom<typeof checkoutMachine>;

/** Carries the session actor to the components that read it with `useSelector`. */
export const ConfiguratorActorContext = createContext<ConfiguratorActor | null>(null);

/**
 * The gallery submission machine as the page connected it (`App` provides its `submitCandidate`
 * actor); without a page, the machine says the gallery is not connected.
 */
export const GallerySubmissionMachineContext = createContext<typeof gallerySubmissionMachine>(gallerySubmissionMachine);

/**
 * The session actor of the surrounding `<App>`. Read with `useSelector(actor, …)`, ask with
 * `snapshot.can(…)`, change with `actor.send(…)`.
 */
export function useConfiguratorActor(): ConfiguratorActor {
  const actor = useContext(ConfiguratorActorContext);
  if (!actor) throw new Error('[Atelier] useConfiguratorActor() needs a <ConfiguratorActorContext value={actor}> above it; render the component inside <App>.');
  return actor;
}

/** The session's checkout actor: read it with `useSelector(checkout, …)`; send the review's events to the session. */
export function useCheckoutActor(): CheckoutActor {
  return useSelector(useConfiguratorActor(), (snapshot) => snapshot.context.checkout);
}
