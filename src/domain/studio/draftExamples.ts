import { runRuleExamples } from '../catalog/index.ts';
import { loadRuleExamples, type ExampleExpectation } from '../rules/index.ts';
import type { Draft, DraftCheck } from './checkDraft.ts';
import { offsetOf } from './textRange.ts';

/** One of the rules file's examples as the studio shows it: passed or not, and why, and where it is written. */
export interface DraftExampleOutcome {
  readonly name: string;
  readonly passed: boolean;
  /** What the example expects, in words: `the choices to be refused by rule "logo-contrast"`. */
  readonly expected: string;
  /** What the engine found, in words: the rules that refuse the choices, the price or lead time and how it adds up. */
  readonly actual: string;
  readonly expect: ExampleExpectation['kind'];
  /** The example's choices, by attribute. */
  readonly design: Readonly<Record<string, string>>;
  /** Where the example starts in the rules file: 1-based line and column, and the character offset. */
  readonly line: number;
  readonly column: number;
  readonly from: number;
}

/**
 * Runs the draft's `examples:` (as `npm run rules -- test` runs a rules file's) on the rules its
 * check compiled: undefined while the rules file does not load, an empty list when it has no
 * examples. Never compiles again, so it costs only the examples' own work.
 *
 * @example
 * const check = checkDraft(draft);
 * runDraftExamples(draft, check)?.filter((example) => !example.passed);
 */
export function runDraftExamples(draft: Draft, check: DraftCheck): readonly DraftExampleOutcome[] | undefined {
  if (!check.product || !check.ruleSet || !check.space) return undefined;
  const examples = loadRuleExamples(check.product, check.ruleSet, draft.rules.file, draft.rules.text);
  // loadRules already refused a broken example, so a rules set that loaded has examples that load.
  if (!examples.ok) return undefined;
  return runRuleExamples(check.space, check.ruleSet, examples.value).map((outcome) => {
    const { line, column } = outcome.example.source;
    return {
      name: outcome.example.name,
      passed: outcome.passed,
      expected: outcome.expected,
      actual: outcome.actual,
      expect: outcome.example.expect.kind,
      design: outcome.example.design,
      line,
      column,
      from: offsetOf(draft.rules.text, line, column),
    };
  });
}
