import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftVocabulary, RuleCard } from '../../../domain/studio/index.ts';
import { startStudioChecker, type StudioChecker } from './studioChecker.ts';
import type { StudioCheckAnswer } from './studioProtocol.ts';

/**
 * How long typing must pause before the draft is checked. A Renault-size check takes 200–400 ms of
 * the worker's time (npm run bench:studio), so a shorter pause leaves room for it within a second.
 */
export const CHECK_DELAY_MS = 150;

/** The checks of a draft being edited, as the studio shows them. */
export interface DraftCheckState {
  /** The newest answer; null until the first one. */
  readonly answer: StudioCheckAnswer | null;
  /** The cards of the last draft whose rules loaded (kept while a typo stops them loading). */
  readonly cards: readonly RuleCard[] | null;
  /** Whether {@link DraftCheckState.cards} are of an earlier draft than the one shown. */
  readonly cardsStale: boolean;
  /** A change is waiting for its check. */
  readonly checking: boolean;
  /** Why the worker could not check (a bug, not a mistake in the draft). */
  readonly failure: string | null;
}

/**
 * Checks a draft in the studio's worker: `schedule` after each change (the check runs once typing
 * pauses for {@link CHECK_DELAY_MS}), `checkNow` at once. The vocabulary for completion is read
 * from a ref, so completion never waits for a render.
 */
export function useDraftCheck() {
  const [state, setState] = useState<DraftCheckState>({ answer: null, cards: null, cardsStale: false, checking: true, failure: null });
  const vocabulary = useRef<DraftVocabulary | null>(null);
  const checker = useRef<StudioChecker | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    checker.current = startStudioChecker((answer) => {
      if (answer.type === 'failed') {
        setState((before) => ({ ...before, checking: timer.current !== undefined, failure: answer.message }));
        return;
      }
      if (answer.vocabulary) vocabulary.current = answer.vocabulary;
      setState((before) => ({
        answer,
        cards: answer.cards ?? before.cards,
        cardsStale: answer.cards === null && before.cards !== null,
        checking: timer.current !== undefined,
        failure: null,
      }));
    });
    return () => {
      clearTimeout(timer.current);
      checker.current?.dispose();
      checker.current = null;
    };
  }, []);

  const checkNow = useCallback((draft: Draft) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setState((before) => (before.checking ? before : { ...before, checking: true }));
    checker.current?.check(draft);
  }, []);

  const schedule = useCallback((draft: () => Draft) => {
    clearTimeout(timer.current);
    setState((before) => (before.checking ? before : { ...before, checking: true }));
    timer.current = setTimeout(() => {
      timer.current = undefined;
      checker.current?.check(draft());
    }, CHECK_DELAY_MS);
  }, []);

  const readVocabulary = useCallback(() => vocabulary.current, []);
  return { ...state, checkNow, schedule, vocabulary: readVocabulary };
}
