// What the studio's editor offers and marks, on a real CodeMirror state (no DOM needed): the
// completions for what is being typed, read from the draft's vocabulary, and the diagnostics with
// their one-step fixes. Ids come from the shipped product, never written out here.
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProduct } from '../../src/domain/index.ts';
import { draftVocabulary, type Diagnostic } from '../../src/domain/studio/index.ts';
import { editorDiagnostics } from '../../src/views/staff/studio/editorDiagnostics.ts';
import { studioCompletions } from '../../src/views/staff/studio/studioCompletions.ts';

const loaded = loadProduct('models/sneaker/product.yaml', readFileSync('models/sneaker/product.yaml', 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const vocabulary = draftVocabulary(loaded.value);
const complete = studioCompletions(() => vocabulary);

/** The completions offered at the end of `text` (as if Ctrl-Space was pressed there). */
function offered(text: string): CompletionResult | null {
  const state = EditorState.create({ doc: text });
  return complete(new CompletionContext(state, text.length, true)) as CompletionResult | null;
}

describe('completion in the studio', () => {
  const attribute = vocabulary.attributes.find((candidate) => candidate.options.length > 1)!;

  it('offers the rule kinds after "kind:"', () => {
    const result = offered('  - id: x\n    kind: re');
    expect(result!.options.map((option) => option.label)).toEqual(vocabulary.ruleKinds.map((entry) => entry.kind));
    expect(result!.from).toBe('  - id: x\n    kind: '.length);
  });

  it('offers an attribute\'s own options, with their labels, after the attribute', () => {
    for (const text of [`    when: { ${attribute.id}: `, `    then: { ${attribute.id}: [${attribute.options[0]!.id}, `]) {
      const result = offered(text);
      expect(result!.options.map((option) => option.label)).toEqual(attribute.options.map((option) => option.id));
      expect(result!.options.map((option) => option.detail)).toEqual(attribute.options.map((option) => option.label));
    }
  });

  it('offers the attribute ids, with their names, where a key is typed', () => {
    const result = offered(`    when: { ${attribute.id.slice(0, 3)}`);
    const labels = result!.options.map((option) => option.label);
    expect(labels).toEqual(expect.arrayContaining(vocabulary.attributes.map((entry) => entry.id)));
    expect(result!.options.find((option) => option.label === attribute.id)!.detail).toBe(attribute.name);
  });

  it('offers nothing before the first draft has loaded', () => {
    const state = EditorState.create({ doc: 'kind: ' });
    expect(studioCompletions(() => null)(new CompletionContext(state, 6, true))).toBeNull();
  });
});

describe('the editor\'s diagnostics', () => {
  const base: Diagnostic = { file: 'rules/a.yaml', from: 4, to: 10, line: 1, column: 5, severity: 'error', code: 'load', message: 'unknown option "textle"', fix: 'did you mean "textile"?', ruleIds: [] };

  it('shows only its own file\'s, with the fix in the message and the typo\'s replacement as an action', () => {
    const shown = editorDiagnostics([base, { ...base, file: 'models/a/product.yaml' }, { ...base, edit: { from: 4, to: 10, insert: 'textile', label: 'Replace with "textile"' } }], 'rules/a.yaml', 100);
    expect(shown).toHaveLength(2);
    expect(shown[0]!.message).toContain('Fix: did you mean "textile"?');
    expect(shown[0]!.actions).toBeUndefined();
    expect(shown[1]!.actions!.map((action) => action.name)).toEqual(['Replace with "textile"']);
  });

  it('keeps a diagnostic of a longer text of a moment ago inside the text as it is now', () => {
    const [shown] = editorDiagnostics([{ ...base, from: 90, to: 120 }], 'rules/a.yaml', 95);
    expect(shown).toMatchObject({ from: 90, to: 95 });
    const [past] = editorDiagnostics([{ ...base, from: 200, to: 220 }], 'rules/a.yaml', 95);
    expect(past).toMatchObject({ from: 95, to: 95 });
  });
});
