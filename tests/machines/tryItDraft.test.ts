// The studio's try-it pane carries the design being tried to each newer draft, as an open customer
// session is carried to newly published rules. Drafts are the shipped sneaker files edited as a
// merchandiser would, checked by the studio's own checkDraft; the options and rules used are read
// from the files, never written out here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { attributeDisplayName, compileRules, summariseDesign, toAssignment, type CatalogEntry, type Choice } from '../../src/domain/index.ts';
import { checkDraft, decidingRules, decidingRulesText, ruleSentence, type Draft } from '../../src/domain/studio/index.ts';
import { carryDesignToDraft, configuratorMachine } from '../../src/machines/index.ts';

const shipped: Draft = {
  product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') },
  rules: { file: 'rules/sneaker.rules.yaml', text: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
};

function entryOf(draft: Draft): CatalogEntry {
  const check = checkDraft(draft);
  if (!check.entry) throw new Error(`the draft cannot be tried: ${check.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
  return check.entry;
}

const base = entryOf(shipped);
const baseSpace = compileRules(base.product, base.ruleSet, { artifact: base.compiled });

/** Two choices of different colour attributes, each away from the suggested design and possible together. */
function twoChoices(): [Choice, Choice] {
  const open = baseSpace.domains({});
  const colours = base.product.attributes.filter((attribute) => attribute.kind === 'colour' && open.get(attribute.id)!.length >= 3);
  const [a, b] = [colours[0]!, colours.at(-1)!];
  const suggested = summariseDesign(base, baseSpace, []).resolved.assignment;
  const first: Choice = { attribute: a.id, option: open.get(a.id)!.find((option) => option !== suggested[a.id])! };
  const then = baseSpace.domains(toAssignment([first])).get(b.id)!;
  return [first, { attribute: b.id, option: then.find((option) => option !== suggested[b.id])! }];
}

const RULE_ID = 'tried-pair-never-together';

/** The shipped rules with one rule added first: `first` excludes `second`. Returns the draft and the line the rule starts on. */
function draftForbidding(first: Choice, second: Choice): { draft: Draft; line: number } {
  const marker = 'rules:\n';
  const at = shipped.rules.text.indexOf(marker) + marker.length;
  const rule = `  - id: ${RULE_ID}\n    kind: excludes\n    message: These two are not made together.\n    when: { ${first.attribute}: ${first.option} }\n    excludes: { ${second.attribute}: ${second.option} }\n\n`;
  const text = shipped.rules.text.slice(0, at) + rule + shipped.rules.text.slice(at);
  return { draft: { ...shipped, rules: { ...shipped.rules, text } }, line: shipped.rules.text.slice(0, at).split('\n').length };
}

function sessionWith(entry: CatalogEntry, choices: readonly Choice[]) {
  const actor = createActor(configuratorMachine, { input: { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) } }).start();
  for (const choice of choices) actor.send({ type: 'option.select', ...choice });
  return actor;
}

describe('carrying the try-it design to a newer draft', () => {
  const [first, second] = twoChoices();

  it('keeps every choice the new draft still allows, and says nothing changed', () => {
    // Only a message changes: a new rules version that allows the same designs.
    const text = shipped.rules.text.replace(/message: ([^\n]+)/, 'message: $1 (reworded)');
    const reworded = entryOf({ ...shipped, rules: { ...shipped.rules, text } });
    expect(reworded.rulesVersion).not.toBe(base.rulesVersion);
    const actor = sessionWith(base, [first, second]);

    const { input, notice } = carryDesignToDraft(actor.getSnapshot().context, reworded);
    expect(input.entry).toBe(reworded);
    expect(input.choices).toEqual([first, second]);
    expect(notice).toMatchObject({ tone: 'info', title: 'The new draft kept this design as it was', rulesVersion: reworded.rulesVersion });
  });

  it('drops a choice the new draft forbids, keeps the rest, and names what changed', () => {
    const { draft } = draftForbidding(first, second);
    const forbidding = entryOf(draft);
    const actor = sessionWith(base, [first, second]);

    const { input, notice } = carryDesignToDraft(actor.getSnapshot().context, forbidding);
    expect(input.space.isConsistent(toAssignment(input.choices))).toBe(true);
    const kept = input.choices.filter((choice) => [first, second].some((made) => made.attribute === choice.attribute && made.option === choice.option));
    expect(kept).toHaveLength(1);
    const dropped = kept[0]!.attribute === first.attribute ? second : first;
    expect(notice.tone).toBe('warning');
    expect(notice.title).toBe('The new draft changed this design');
    const name = attributeDisplayName(forbidding.product, forbidding.product.attributes.find((attribute) => attribute.id === dropped.attribute)!);
    expect(notice.lines.join(' ')).toContain(name);
  });

  it('starts the next session from the carried design, on the draft', () => {
    const { draft } = draftForbidding(first, second);
    const forbidding = entryOf(draft);
    const { input } = carryDesignToDraft(sessionWith(base, [first]).getSnapshot().context, forbidding);
    const next = createActor(configuratorMachine, { input }).start();
    const { context } = next.getSnapshot();
    expect(context.entry.rulesVersion).toBe(forbidding.rulesVersion);
    expect(context.history.present.choices).toEqual([first]);
    // The new rule holds in the continued session: the second option is now unavailable.
    const status = context.summary.attributes.get(second.attribute)!.options.find((option) => option.option.id === second.option)!;
    expect(status.available).toBe(false);
  });
});

describe('why an option is unavailable, in the try-it pane', () => {
  const [first, second] = twoChoices();

  it('names the rule that decides it, with its line and its sentence', () => {
    const { draft, line } = draftForbidding(first, second);
    const forbidding = entryOf(draft);
    const space = compileRules(forbidding.product, forbidding.ruleSet, { artifact: forbidding.compiled });
    const status = summariseDesign(forbidding, space, [first]).attributes.get(second.attribute)!.options.find((option) => option.option.id === second.option)!;
    const rule = forbidding.ruleSet.rules.find((candidate) => candidate.id === RULE_ID)!;

    expect(decidingRules(forbidding.product, forbidding.ruleSet, status.explanation!)).toEqual([
      { ruleId: RULE_ID, line, sentence: ruleSentence(rule, forbidding.product), implicit: false },
    ]);
    expect(decidingRulesText(forbidding.product, forbidding.ruleSet, status.explanation!)).toBe(`Decided by rule ${RULE_ID} (line ${line}): ${ruleSentence(rule, forbidding.product)}`);
  });

  it('cites, for every unavailable option of the shipped rules, rules written at the line it gives or the product file', () => {
    const lines = shipped.rules.text.split('\n');
    const ids = new Set(base.ruleSet.rules.map((rule) => rule.id));
    let unavailable = 0;
    for (const choices of [[], [first], [first, second]]) {
      for (const attribute of summariseDesign(base, baseSpace, choices).attributes.values()) {
        for (const status of attribute.options.filter((option) => !option.available)) {
          unavailable += 1;
          for (const rule of decidingRules(base.product, base.ruleSet, status.explanation!)) {
            if (rule.implicit) {
              expect(ids.has(rule.ruleId)).toBe(false);
              continue;
            }
            expect(lines[rule.line! - 1]).toContain(rule.ruleId);
          }
        }
      }
    }
    expect(unavailable).toBeGreaterThan(0);
  });
});
