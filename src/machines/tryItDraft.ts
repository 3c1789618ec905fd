import type { CatalogEntry } from '../domain/index.ts';
import { adoptRulesVersion, factsOf, type RulesUpdateNotice } from './rulesUpdate.ts';
import type { SessionContext, SessionInput } from './sessionContext.ts';

/** A try-it session carried to a newer draft: the new session's input, and what changed. */
export interface DraftCarry {
  /** Start the new session from this: the draft's entry and compiled rules, the design carried choice by choice. */
  readonly input: SessionInput & Required<Pick<SessionInput, 'space' | 'choices'>>;
  /** What the draft changed in the design tried so far, for the merchandiser. */
  readonly notice: RulesUpdateNotice;
}

/**
 * Carries the design tried in the studio's try-it pane to a newer draft of the rules, exactly as
 * an open customer session is carried to newly published rules (`adoptRulesVersion`: each choice
 * kept when the draft still allows it, the rest said in words), and returns the input of the
 * session that continues on the draft. The session is started afresh, so the undo history starts
 * again, as it does for a customer.
 *
 * @example
 * const { input, notice } = carryDesignToDraft(actor.getSnapshot().context, answer.entry);
 */
export function carryDesignToDraft(context: SessionContext, entry: CatalogEntry): DraftCarry {
  const adopted = adoptRulesVersion(context, entry);
  const present = adopted.history!.present;
  const update = adopted.rulesUpdate!;
  const changed = update.tone === 'warning';
  return {
    input: {
      entry, space: adopted.space!, choices: present.choices,
      ...(present.startedFrom && Object.keys(present.startedFrom).length > 0 ? { startedFrom: present.startedFrom } : {}),
      ...factsOf(context.facts),
    },
    notice: { ...update, title: changed ? 'The new draft changed this design' : 'The new draft kept this design as it was' },
  };
}
