// @vitest-environment jsdom
// The studio editor's language features wired to a real CodeMirror view: hover docs of the id
// under a position, F12 to its definition in the product file, and an option removed from the
// product file fixed from the lint tooltip or the problems list in one undoable step. The domain
// answers (tests/domain/studioLanguage.test.ts); these prove the editor asks it and applies what it says.
import { history, undo } from '@codemirror/commands';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, runScopeHandlers } from '@codemirror/view';
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProduct } from '../../src/domain/index.ts';
import { checkDraft, draftVocabulary, ruleCards, type Draft, type DraftVocabulary } from '../../src/domain/studio/index.ts';
import { DiagnosticList } from '../../src/views/staff/studio/DiagnosticList.tsx';
import { editorDiagnostics } from '../../src/views/staff/studio/editorDiagnostics.ts';
import { studioLanguageExtensions } from '../../src/views/staff/studio/studioLanguageExtensions.ts';
import { createStudioLanguage, type StudioLanguageInput } from '../../src/views/staff/studio/useStudioLanguage.ts';

const files = { rules: 'rules/sneaker.rules.yaml', product: 'models/sneaker/product.yaml' };
const shipped: Draft = { product: { file: files.product, text: readFileSync(files.product, 'utf8') }, rules: { file: files.rules, text: readFileSync(files.rules, 'utf8') } };
const schemas = { rules: JSON.parse(readFileSync('public/schemas/rules.schema.json', 'utf8')) as unknown, product: JSON.parse(readFileSync('public/schemas/product.schema.json', 'utf8')) as unknown };

function vocabularyOf(productText: string): DraftVocabulary {
  const product = loadProduct(files.product, productText);
  if (!product.ok) throw new Error(JSON.stringify(product.problems));
  return draftVocabulary(product.value);
}

const asOpened = vocabularyOf(shipped.product.text);

/** The studio's two texts and where "the product file" was opened, as the workbench holds them. */
function studio(draft: Draft) {
  const texts = { [files.rules]: draft.rules.text, [files.product]: draft.product.text };
  const opened: number[] = [];
  const check = checkDraft(draft);
  const vocabulary = vocabularyOf(draft.product.text);
  const input: StudioLanguageInput = {
    files,
    text: (file) => texts[file]!,
    vocabulary: () => vocabulary,
    cards: check.product && check.ruleSet ? ruleCards(check.product, check.ruleSet, check.diagnostics) : null,
    openProductAt: (offset) => opened.push(offset),
  };
  return { texts, opened, check, language: createStudioLanguage({ input: () => input, schemas: () => schemas, before: () => asOpened }) };
}

const views: EditorView[] = [];
afterEach(() => views.splice(0).forEach((view) => view.destroy()));
function editor(doc: string, extensions: Extension = []): EditorView {
  const view = new EditorView({ parent: document.body, state: EditorState.create({ doc, extensions: [history(), extensions] }) });
  views.push(view);
  return view;
}

describe('hover and go to definition in the rules file', () => {
  const { language, opened } = studio(shipped);
  const text = shipped.rules.text;
  // The first option a condition names (`when: { <attribute>: <option> }`), found by asking.
  const offset = [...text.matchAll(/when: \{ [\w.]+: (\w[\w-]*)/g)].map((match) => match.index + match[0].length - 1).find((at) => language.describe(files.rules, text, at)?.symbol.kind === 'option')!;

  it('describes the option under a position with its label, and knows its definition in the product file', () => {
    const info = language.describe(files.rules, text, offset)!;
    if (info.symbol.kind !== 'option') throw new Error('an option');
    const option = vocabularyOf(shipped.product.text).attributes.find((attribute) => attribute.id === (info.symbol.kind === 'option' ? info.symbol.attribute : ''))!.options.find((entry) => info.symbol.kind === 'option' && entry.id === info.symbol.option)!;
    expect(info.doc!.title).toContain(option.label);
    expect(shipped.product.text.slice(info.definition!.from, info.definition!.to)).toBe(option.id);
  });

  it('opens the product file at the definition on F12 from the cursor, and not where no id is', () => {
    const view = editor(text, studioLanguageExtensions(files.rules, () => language));
    view.dispatch({ selection: { anchor: offset } });
    opened.length = 0;
    expect(runScopeHandlers(view, new KeyboardEvent('keydown', { key: 'F12' }), 'editor')).toBe(true);
    expect(opened).toEqual([language.describe(files.rules, text, offset)!.definition!.from]);
    view.dispatch({ selection: { anchor: text.indexOf('message:') + 'message: '.length + 2 } });
    expect(runScopeHandlers(view, new KeyboardEvent('keydown', { key: 'F12' }), 'editor')).toBe(false);
    expect(opened).toHaveLength(1);
  });
});

describe('in the product file', () => {
  const { language } = studio(shipped);
  const text = shipped.product.text;
  const preset = shipped.product.text.indexOf('\npresets:');

  it('goes from a preset\'s choice to the option\'s definition, and offers nothing to go to on a definition itself', () => {
    // The first choice of a preset with choices: `<attribute>: <option>` on its own line.
    const choice = /\n {6}([\w]+\.[\w]+): ([\w-]+)\n/.exec(text.slice(preset))!;
    const at = preset + choice.index + choice[0].indexOf(': ') + 3;
    const info = language.describe(files.product, text, at)!;
    expect(info.symbol).toMatchObject({ kind: 'option', attribute: choice[1], option: choice[2] });
    expect(text.slice(info.definition!.from, info.definition!.to)).toBe(choice[2]);
    const onDefinition = language.describe(files.product, text, info.definition!.from + 1)!;
    expect(onDefinition.doc).not.toBeNull();
    expect(onDefinition.definition).toBeUndefined();
  });

  it('describes a key of the product file from the product schema', () => {
    const info = language.describe(files.product, text, preset + 3)!;
    expect(info.symbol).toMatchObject({ kind: 'key', key: 'presets' });
    expect(info.doc!.lines).toEqual([(schemas.product as { properties: { presets: { description: string } } }).properties.presets.description]);
  });
});

describe('fixing an option removed from the product file', () => {
  // The first material option a rule names in a `when:`, removed from the product's materials and parts.
  const probe = studio(shipped);
  const named = [...shipped.rules.text.matchAll(/when: \{ (\w+)\.material: (\w[\w-]*) \}/g)].map((match) => match[2]!)
    .find((id) => !vocabularyOf(shipped.product.text).attributes.some((attribute) => attribute.kind === 'material' && attribute.options.length === 1 && attribute.options[0]!.id === id) && probe.check.product!.presets.every((preset) => !Object.values(preset.choices).includes(id)))!;
  const productText = shipped.product.text
    .replace(new RegExp(`\\n  ${named}:\\n(    .*\\n)+`), '\n')
    .replace(new RegExp(`(materials: \\[[^\\]]*?)(, ${named}(?=[,\\]])|${named}, )`, 'g'), '$1');
  const draft: Draft = { ...shipped, product: { ...shipped.product, text: productText } };

  it('offers "Remove … from rule" in the problems list and as the lint tooltip\'s action, which edits the text in one undoable step', () => {
    const { language, check } = studio(draft);
    const error = check.diagnostics.find((diagnostic) => diagnostic.file === files.rules && diagnostic.message.includes(`"${named}" is not an option of`))!;
    expect(error).toBeDefined();
    const fixes = language.fixesOf(error);
    const removal = fixes.at(-1)!;
    expect(removal.label).toMatch(/^Remove /);

    const shown = renderToStaticMarkup(createElement(DiagnosticList, { diagnostics: [error], fileNames: {}, onGoTo: () => {}, onFix: () => {}, fixesOf: language.fixesOf }));
    for (const fix of fixes) expect(shown).toContain(fix.label.replace(/"/g, '&quot;'));

    const view = editor(draft.rules.text);
    const [shownInEditor] = editorDiagnostics([error], files.rules, view.state.doc.length, language.fixesOf);
    expect(shownInEditor!.actions!.map((action) => action.name)).toEqual(fixes.map((fix) => fix.label));
    shownInEditor!.actions!.at(-1)!.apply(view, shownInEditor!.from, shownInEditor!.to);
    const fixed = view.state.doc.toString();
    expect(fixed).toBe(draft.rules.text.slice(0, removal.from) + draft.rules.text.slice(removal.to));
    expect(checkDraft({ ...draft, rules: { ...draft.rules, text: fixed } }).diagnostics.filter((diagnostic) => diagnostic.code === 'load').length)
      .toBeLessThan(check.diagnostics.filter((diagnostic) => diagnostic.code === 'load').length);
    undo(view);
    expect(view.state.doc.toString()).toBe(draft.rules.text);
  });

  it('applies a fix where the option is now when the text above it changed since the check', () => {
    const { language, check } = studio(draft);
    const error = check.diagnostics.find((diagnostic) => diagnostic.file === files.rules && diagnostic.message.includes(`"${named}" is not an option of`))!;
    const [shownInEditor] = editorDiagnostics([error], files.rules, draft.rules.text.length, language.fixesOf);
    const view = editor(`# a new first line\n${draft.rules.text}`);
    const moved = '# a new first line\n'.length;
    shownInEditor!.actions!.at(-1)!.apply(view, shownInEditor!.from + moved, shownInEditor!.to + moved);
    const removal = language.fixesOf(error).at(-1)!;
    expect(view.state.doc.toString()).toBe(`# a new first line\n${draft.rules.text.slice(0, removal.from)}${draft.rules.text.slice(removal.to)}`);
  });
});
