import type { Diagnostic, Draft, DraftExampleOutcome, DraftVocabulary, RuleCard } from '../../../domain/studio/index.ts';
import type { CatalogEntry } from '../../../domain/index.ts';

// The messages between the studio page and its worker. Plain data only: they cross a
// postMessage (structured clone), so the design count travels as decimal text.

/** Check this draft; `id` grows with every request, so an answer says which draft it is about. */
export interface StudioCheckRequest {
  readonly type: 'check';
  readonly id: number;
  readonly draft: Draft;
  /**
   * CSV tables of the draft left out of `draft.tables`: their text is that of the last request
   * (the worker keeps it). A Renault-size draft's tables are 4 MB: copying them into every request
   * held the page's thread 40–50 ms a check.
   */
  readonly keptTables?: readonly string[];
}

/** What the checks found of a draft. */
export interface StudioCheckAnswer {
  readonly type: 'checked';
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The rules as cards; null while the rules file does not load. */
  readonly cards: readonly RuleCard[] | null;
  /** The ids to complete; null while the product file does not load. */
  readonly vocabulary: DraftVocabulary | null;
  /** How many designs the draft allows (decimal text: it may exceed 2^53); null while a file does not load. */
  readonly designs: string | null;
  /** The rules file's examples, run on the draft's rules; null while the rules file does not load. */
  readonly examples: readonly DraftExampleOutcome[] | null;
  /** The draft's rules version when it could be published as it is, else null. */
  readonly rulesVersion: string | null;
  /**
   * The draft as it would be published (product, rules and compiled diagram), when it could be,
   * else null: the try-it pane runs the configurator on it. Cloned with the answer (about 1 ms and
   * 85 kB for the sneaker) rather than rebuilt from the texts on the page's thread (17 ms and more).
   * The worker sends it once per rules version (a Renault-size entry takes the page's thread
   * 300 ms to receive); the checker (`createStudioChecker`) puts the one it last received back
   * into each answer of the same version, so answers passed on always carry it.
   */
  readonly entry: CatalogEntry | null;
  /**
   * Table rules of {@link StudioCheckAnswer.entry} sent without their rows (`rows: []`): their rows
   * are those of the same rule in the last entry sent, and the checker puts them back. A CSV table
   * of 50k rows takes longer to clone than the whole check; an edit elsewhere leaves it as it was.
   */
  readonly keptRows?: readonly string[];
  /** How long the check took, in milliseconds. */
  readonly millis: number;
}

/** The check itself failed (a bug, never a mistake in the draft: those are diagnostics). */
export interface StudioCheckFailure {
  readonly type: 'failed';
  readonly id: number;
  readonly message: string;
}

/** Anything the worker answers. */
export type StudioAnswer = StudioCheckAnswer | StudioCheckFailure;

/** One side of a message channel: the worker's global scope, a `Worker`, or a `MessagePort`. */
export interface StudioEndpoint<Incoming, Outgoing> {
  postMessage(message: Outgoing): void;
  onmessage: ((event: MessageEvent<Incoming>) => void) | null;
}
