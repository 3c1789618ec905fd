// The studio's examples and comparison panels, rendered from real answers: the examples run on a
// draft by the domain, the comparison computed by the server's own function over a stored order.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/index.ts';
import { checkDraft, runDraftExamples, type Draft } from '../../src/domain/studio/index.ts';
import { compareDraft } from '../../src/server/rulesImpact.ts';
import type { StudioImpact } from '../../src/views/api/staffClient.ts';
import { ExamplesPanel } from '../../src/views/staff/studio/ExamplesPanel.tsx';
import { ImpactReport } from '../../src/views/staff/studio/ImpactPanel.tsx';

const draft: Draft = {
  product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') },
  rules: { file: 'rules/sneaker.rules.yaml', text: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
};
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('the examples panel', () => {
  it('says why a failing example fails and offers its line, and lists the passing ones', () => {
    // A base price one euro higher: every price example fails, saying what the design costs now.
    const loosened = { ...draft, product: { ...draft.product, text: draft.product.text.replace(/^basePrice: ([\d.]+)/m, (_, price: string) => `basePrice: ${(Number(price) + 1).toFixed(2)}`) } };
    const examples = runDraftExamples(loosened, checkDraft(loosened))!;
    const failing = examples.filter((example) => !example.passed);
    expect(failing.length).toBeGreaterThan(0);
    const shown = text(renderToStaticMarkup(createElement(ExamplesPanel, { examples, checked: true, onGoTo: () => {} })));
    expect(shown).toContain(`${failing.length} of ${examples.length} examples fail`);
    for (const example of failing) {
      expect(shown).toContain(`Fail ${example.name}`);
      expect(shown).toContain(`Got: ${example.actual}`);
      expect(shown).toContain(`Go to line ${example.line}`);
    }
    expect(shown.split('Pass ').length - 1).toBe(examples.length - failing.length);
  });

  it('says the rules file must load first, and what examples are for when it has none', () => {
    expect(text(renderToStaticMarkup(createElement(ExamplesPanel, { examples: null, checked: true, onGoTo: () => {} })))).toContain('does not load yet');
    expect(text(renderToStaticMarkup(createElement(ExamplesPanel, { examples: [], checked: true, onGoTo: () => {} })))).toContain('no examples');
  });
});

describe('the comparison with the published version', () => {
  it('names the options lost by their labels, the changed rule, and the refused order with its value and rule', async () => {
    const entry = checkDraft(draft).entry!;
    // No sole pairing with a crepe outsole is made any more: crepe is lost.
    const rules = draft.rules.text.replace(/^ {6}- \[[a-z-]+, crepe\]\n/gm, '');
    expect(rules).not.toBe(draft.rules.text);
    const order = { id: 'o1', orderNumber: 'ATL-000042', createdAt: '2026-11-20T10:00:00Z', productId: 'sneaker', rulesVersion: entry.rulesVersion, choices: { 'midsole.material': 'cork', 'outsole.material': 'crepe' }, total: 26_200, currency: 'EUR' };
    const comparison = await compareDraft({ published: entry, draft: { ...draft, rules: { ...draft.rules, text: rules } }, designs: { orders: [order], candidates: [] }, days: 90, now: '2026-11-25T12:00:00Z' });
    if (!comparison.ok) throw new Error(JSON.stringify(comparison.problems));
    const shown = text(renderToStaticMarkup(createElement(ImpactReport, { impact: comparison.impact as StudioImpact })));
    const outsole = entry.product.attributes.find((attribute) => attribute.id === 'outsole.material')!;
    expect(shown).toContain(`${comparison.impact.names.attributes['outsole.material']} : no longer possible: ${outsole.options.find((option) => option.id === 'crepe')!.label}`);
    expect(shown).toContain('Changed sole-pairing');
    expect(shown).toContain('1 of 1 order would be refused as it is, worth €262.00');
    expect(shown).toContain(`ATL-000042 ${formatMoney(26_200, 'EUR')}`);
    expect(shown).toContain('refused by sole-pairing');
    expect(shown).toContain('No gallery designs stored');
  });
});
