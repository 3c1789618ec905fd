import type { DraftExampleOutcome } from '../../../domain/studio/index.ts';
import './studioPanels.css';

/** Props of {@link ExamplesPanel}. */
export interface ExamplesPanelProps {
  /** The draft's examples as last run; null while the rules file does not load (or before the first check). */
  readonly examples: readonly DraftExampleOutcome[] | null;
  /** Whether a check has answered yet. */
  readonly checked: boolean;
  /** Moves the rules editor's cursor to an example. */
  readonly onGoTo: (example: DraftExampleOutcome) => void;
}

/**
 * The rules file's `examples:`, run on the draft as it is typed: a summary, then each example with
 * a Pass or Fail badge; a failing one says what it expects and what the rules do instead (the rule
 * that refuses it, the price it got and how it adds up), with a button to its line.
 */
export function ExamplesPanel({ examples, checked, onGoTo }: ExamplesPanelProps) {
  return (
    <section aria-labelledby="studio-examples" className="studio-examples">
      <h2 id="studio-examples">Examples</h2>
      {examples === null ? (
        <p className="staff-loading">{checked ? 'The rules file does not load yet: fix the problems to run its examples.' : 'Running the examples…'}</p>
      ) : examples.length === 0 ? (
        <p className="studio-examples__none">
          The rules file has no examples. Write them under <code>examples:</code> to check what the rules must allow or refuse, a price or a lead time.
        </p>
      ) : (
        <>
          <p className="studio-examples__summary">{summary(examples)}</p>
          <ul className="studio-examples__list">
            {[...examples].sort((a, b) => Number(a.passed) - Number(b.passed) || a.from - b.from).map((example) => (
              <li key={example.name} className={`studio-example studio-example--${example.passed ? 'pass' : 'fail'}`}>
                <p className="studio-example__head">
                  <span className={`staff-badge studio-example__badge studio-example__badge--${example.passed ? 'pass' : 'fail'}`}>{example.passed ? 'Pass' : 'Fail'}</span>
                  <span className="studio-example__name">{example.name}</span>
                </p>
                {!example.passed && (
                  <>
                    <p className="studio-example__why">Expected {example.expected}.</p>
                    <p className="studio-example__why">Got: {example.actual}.</p>
                  </>
                )}
                <button type="button" className="button button--secondary button--small" onClick={() => onGoTo(example)}>
                  Go to line {example.line}<span className="sr-only"> (example “{example.name}”)</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function summary(examples: readonly DraftExampleOutcome[]): string {
  const failed = examples.filter((example) => !example.passed).length;
  if (failed === 0) return `All ${examples.length} ${examples.length === 1 ? 'example passes' : 'examples pass'}.`;
  return `${failed} of ${examples.length} ${examples.length === 1 ? 'example fails' : 'examples fail'}: the rules do not do what they say.`;
}
