import { memo, startTransition, useEffect, useId, useRef, useState } from 'react';
import { compileRules, type CatalogEntry, type Explanation, type SessionFacts } from '../../../domain/index.ts';
import { addExampleText, decidingRulesText, type DiagnosticEdit } from '../../../domain/studio/index.ts';
import { carryDesignToDraft } from '../../../machines/index.ts';
import { App } from '../../App.tsx';
import type { ConfiguratorActor } from '../../ConfiguratorActorContext.ts';
import type { StartingDesign } from '../../startingDesign.ts';
import { exampleFromTry, minimalEdit } from './tryItExample.ts';
import type { StudioCheckAnswer } from './studioProtocol.ts';
import './tryIt.css';

/** Props of {@link TryItPane}. */
export interface TryItPaneProps {
  /** The worker's newest answer about the draft (its `entry` when the draft could be published). */
  readonly answer: StudioCheckAnswer | null;
  /** Edits the rules file's text as it is now (in its editor): "Add this design as an example" writes there. */
  readonly onRulesEdit: (edit: (text: string) => DiagnosticEdit) => void;
}

/** The draft the configurator runs on, and the design it started from. */
interface Trial {
  readonly entry: CatalogEntry;
  readonly space: ReturnType<typeof compileRules>;
  readonly start: StartingDesign;
  readonly facts: SessionFacts;
  /** Grows with every draft taken up: the configurator is mounted afresh for each. */
  readonly key: number;
}

// What a customer's page is compiled with today; unknown facts (the region) never hide an option.
const todaysFacts = (): SessionFacts => ({ date: new Date().toISOString().slice(0, 10) });

// Rendered again only when the draft tried changes, not with every check of the draft.
const TriedConfigurator = memo(App);

/**
 * Tries the draft in the customer's configurator (`App`, the same components and engine), shown
 * and hidden by a button. Each new draft that could be published replaces the one tried, the
 * design carried to it choice by choice as an open customer session is when rules are published,
 * with what changed said above the options; while the draft has errors the last good one stays.
 * "Why unavailable" adds to each unavailable option the rules that decide it; "Add this design as
 * an example" writes the design into the rules file's `examples:` as one that must stay valid.
 * No order, sharing or gallery from here (`App`'s `tryIt`). The 2D illustration by default, so the
 * editor beside it never waits for a WebGL frame; "3D preview" shows the customer's 3D preview.
 */
export function TryItPane({ answer, onRulesEdit }: TryItPaneProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [explain, setExplain] = useState(false);
  const [threeD, setThreeD] = useState(false);
  const [trial, setTrial] = useState<Trial | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const session = useRef<ConfiguratorActor | null>(null);
  const latest = answer?.entry ?? null;
  const behind = answer !== null && latest === null;

  // A new publishable draft: carry the design tried so far to it (or start one, the first time).
  // As a transition: mounting the configurator afresh is interruptible, so keys typed meanwhile
  // reach the editor first.
  useEffect(() => {
    if (!open || !latest) return;
    startTransition(() => setTrial((before) => {
      if (before && before.entry.rulesVersion === latest.rulesVersion) return before;
      const current = session.current?.getSnapshot().context;
      if (before && current) {
        const { input, notice } = carryDesignToDraft(current, latest);
        return { entry: latest, space: input.space, start: { choices: input.choices, ...(input.startedFrom ? { startedFrom: input.startedFrom } : {}), notice }, facts: input.facts ?? before.facts, key: before.key + 1 };
      }
      const facts = todaysFacts();
      return { entry: latest, space: compileRules(latest.product, latest.ruleSet, { artifact: latest.compiled, facts }), start: { choices: [] }, facts, key: (before?.key ?? 0) + 1 };
    }));
  }, [open, latest]);

  const addExample = () => {
    const context = session.current?.getSnapshot().context;
    if (!context) return;
    onRulesEdit((before) => {
      const example = exampleFromTry(context, before);
      setAdded(example.name);
      return { ...minimalEdit(before, addExampleText(before, example)), label: 'Add this design as an example' };
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="try-it">
      <div className="try-it__bar">
        <h2 id={`${id}-heading`}>Try it</h2>
        <button type="button" className="staff-button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {open ? 'Hide the configurator' : 'Try the draft in the configurator'}
        </button>
      </div>
      <div id={`${id}-body`} hidden={!open} className="try-it__body">
        {open && (
          <>
            <p className="try-it__status" role="status">
              {!trial
                ? behind ? 'The draft has errors: fix them to try it.' : 'Reading the draft…'
                : behind ? `The draft has errors: you are trying the last draft without them (rules version ${trial.entry.rulesVersion}).` : `Trying the draft (rules version ${trial.entry.rulesVersion}). No orders, sharing or gallery from here.`}
            </p>
            <div className="try-it__tools">
              <label className="try-it__toggle">
                <input type="checkbox" checked={explain} onChange={(event) => setExplain(event.target.checked)} />
                Why unavailable: name the rules that decide each unavailable option
              </label>
              <label className="try-it__toggle">
                <input type="checkbox" checked={threeD} onChange={(event) => setThreeD(event.target.checked)} />
                3D preview, as customers see it (off: the 2D drawing, lighter beside the editor)
              </label>
              <button type="button" className="staff-button" disabled={!trial} onClick={addExample}>Add this design as an example</button>
              {added && <p role="status" className="try-it__added">Added to the rules file&apos;s examples as &ldquo;{added}&rdquo;: it must stay valid.</p>}
            </div>
            {trial && (
              <div className="try-it__stage">
                <TriedConfigurator key={trial.key} entry={trial.entry} space={trial.space} facts={trial.facts} start={trial.start} tryIt threeD={threeD} sessionRef={session} {...(explain ? { explainRules } : {})} />
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function explainRules(explanation: Explanation, entry: CatalogEntry): string {
  return decidingRulesText(entry.product, entry.ruleSet, explanation);
}
