import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import { createDesignDocument, type DesignDocument } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/** The session's current design as its canonical design document (what orders and the gallery receive). */
export function useDesignDocument(): DesignDocument {
  const actor = useConfiguratorActor();
  const entry = useSelector(actor, (snapshot) => snapshot.context.entry);
  const assignment = useSelector(actor, (snapshot) => snapshot.context.summary.resolved.assignment);
  const choices = useSelector(actor, (snapshot) => snapshot.context.history.present.choices);
  return useMemo(
    () => createDesignDocument(entry.product.id, entry.rulesVersion, assignment, choices.map((choice) => choice.attribute)),
    [entry, assignment, choices],
  );
}
