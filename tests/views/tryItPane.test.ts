// What the try-it pane adds to the customer's configurator, on the real sneaker files: an
// unavailable option's accessible description names the rules that decide it only when the pane
// asks (a customer page reads exactly as before), and "Add this design as an example" writes the
// design tried into the rules file as an example that passes on the draft it was tried on.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileRules, loadProduct, type Choice, type OptionStatus } from '../../src/domain/index.ts';
import { runRuleExamples } from '../../src/domain/catalog/index.ts';
import { loadRuleExamples, loadRules } from '../../src/domain/rules/index.ts';
import { addExampleText, checkDraft, decidingRulesText, type Draft } from '../../src/domain/studio/index.ts';
import { configuratorMachine } from '../../src/machines/index.ts';
import { OptionRadio } from '../../src/views/OptionRadio.tsx';
import { RuleExplanationContext } from '../../src/views/RuleExplanationContext.ts';
import { exampleFromTry, minimalEdit } from '../../src/views/staff/studio/tryItExample.ts';

const draft: Draft = {
  product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') },
  rules: { file: 'rules/sneaker.rules.yaml', text: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
};
const entry = checkDraft(draft).entry!;
const space = compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled });

/** A session with one choice made that leaves some option of another attribute unavailable. */
function sessionWithUnavailable() {
  for (const attribute of entry.product.attributes) {
    for (const option of space.domains({}).get(attribute.id)!) {
      const choice: Choice = { attribute: attribute.id, option };
      const actor = createActor(configuratorMachine, { input: { entry, space, choices: [choice] } }).start();
      const summary = actor.getSnapshot().context.summary;
      for (const status of summary.attributes.values()) {
        const unavailable = status.options.find((candidate) => !candidate.available && candidate.explanation && candidate.explanation.rules.length > 0);
        if (unavailable && status.attribute.id !== attribute.id) return { actor, attribute: status.attribute, status: unavailable };
      }
    }
  }
  throw new Error('no choice of the sneaker makes an option unavailable');
}

function radio(status: OptionStatus, attributeId: string, explain: ((explanation: NonNullable<OptionStatus['explanation']>) => string) | null, kind: 'colour' | 'material' | 'choice') {
  const element = createElement(OptionRadio, { attributeId, kind, status, checked: false, onSelect: () => {} });
  return renderToStaticMarkup(explain === undefined ? element : createElement(RuleExplanationContext, { value: explain }, element));
}

/** The text of the element the radio's aria-describedby names. */
function description(html: string): string {
  const id = /aria-describedby="([^"]+)"/.exec(html)![1]!;
  const start = html.indexOf(`id="${id}"`);
  const after = html.slice(html.indexOf('>', start) + 1);
  // The reason span holds at most one nested span: read up to the reason's own closing tag.
  const nested = after.indexOf('<span');
  const close = after.indexOf('</span>');
  const end = nested >= 0 && nested < close ? after.indexOf('</span>', close + 1) : close;
  return after.slice(0, end).replace(/<[^>]+>/g, '').replace(/&#x27;/g, '\'');
}

describe('an unavailable option in the try-it pane', () => {
  const { attribute, status } = sessionWithUnavailable();

  it('reads exactly as on a customer page while "Why unavailable" is off', () => {
    const customer = renderToStaticMarkup(createElement(OptionRadio, { attributeId: attribute.id, kind: attribute.kind, status, checked: false, onSelect: () => {} }));
    expect(radio(status, attribute.id, null, attribute.kind)).toBe(customer);
    expect(description(customer)).toBe(status.reason);
  });

  it('names the deciding rules in its accessible description when it is on', () => {
    const explain = (explanation: NonNullable<OptionStatus['explanation']>) => decidingRulesText(entry.product, entry.ruleSet, explanation);
    const html = radio(status, attribute.id, explain, attribute.kind);
    const said = description(html);
    expect(said.startsWith(status.reason!)).toBe(true);
    for (const rule of status.explanation!.rules) expect(said).toContain(rule.ruleId);
    expect(said).toContain('Decided by');
  });
});

describe('adding the tried design as an example', () => {
  it('writes an example that passes on the draft, and a second one under another name', () => {
    const { actor } = sessionWithUnavailable();
    const context = actor.getSnapshot().context;
    const example = exampleFromTry(context, draft.rules.text);
    const edit = minimalEdit(draft.rules.text, addExampleText(draft.rules.text, example));
    const text = draft.rules.text.slice(0, edit.from) + edit.insert + draft.rules.text.slice(edit.to);
    expect(text).toBe(addExampleText(draft.rules.text, example));
    expect(edit.insert.length).toBeLessThan(text.length / 4);

    const product = loadProduct(draft.product.file, draft.product.text);
    if (!product.ok) throw new Error('the product does not load');
    const ruleSet = loadRules(product.value, draft.rules.file, text);
    if (!ruleSet.ok) throw new Error(ruleSet.problems.map((problem) => problem.message).join('; '));
    const examples = loadRuleExamples(product.value, ruleSet.value, draft.rules.file, text);
    if (!examples.ok) throw new Error('the examples do not load');
    const added = examples.value.find((candidate) => candidate.name === example.name)!;
    expect(added.design).toEqual(context.summary.resolved.assignment);
    expect(added.expect).toEqual({ kind: 'valid' });
    const [outcome] = runRuleExamples(compileRules(product.value, ruleSet.value), ruleSet.value, [added]);
    expect(outcome!.passed).toBe(true);

    expect(exampleFromTry(context, text).name).toBe(`${example.name} (2)`);
  });
});
