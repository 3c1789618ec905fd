import type { Draft, DraftExampleOutcome } from '../../../domain/studio/index.ts';
import { ExamplesPanel } from './ExamplesPanel.tsx';
import { ImpactPanel } from './ImpactPanel.tsx';
import type { StudioCheckAnswer } from './studioProtocol.ts';

/** Props of {@link StudioSidePanels}. */
export interface StudioSidePanelsProps {
  /** The worker's newest answer about the draft. */
  readonly answer: StudioCheckAnswer | null;
  /** The draft as it is in the editors now. */
  readonly draft: () => Draft;
  /** Moves the rules editor's cursor to a character offset. */
  readonly onGoTo: (offset: number) => void;
}

/** Beside the rule cards: the draft's examples run live, and its comparison with the published version. */
export function StudioSidePanels({ answer, draft, onGoTo }: StudioSidePanelsProps) {
  return (
    <>
      <ExamplesPanel examples={answer?.examples ?? null} checked={answer !== null} onGoTo={(example: DraftExampleOutcome) => onGoTo(example.from)} />
      <ImpactPanel draft={draft} checkId={answer?.id ?? null} loads={answer !== null && answer.cards !== null} />
    </>
  );
}
