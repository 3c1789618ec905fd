// A combinations rule may keep its rows in a CSV file beside the rules file (`rows: { csv: … }`):
// the same meaning as rows written inline, every problem in the CSV at the CSV's line and column,
// and the files reached only through the reader the caller gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, loadProduct, loadRules, type Product, type Problem } from '../../src/domain/index.ts';
import { DraftCheckCache, checkDraft } from '../../src/domain/studio/index.ts';
import { BruteForce } from './support/bruteForce.ts';
import { PRODUCT, PRODUCT_FILE, RULES_FILE } from './support/examplesMini.ts';

const product: Product = (() => {
  const loaded = loadProduct(PRODUCT_FILE, PRODUCT);
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return loaded.value;
})();

const TABLE_FILE = 'rules/mini.pairs.csv';

/** A rules file with one table over `attributes`, its rows given as YAML (`rows`) text. */
function rulesWith(kind: 'allowed-combinations' | 'forbidden-combinations', attributes: readonly string[], rows: string): string {
  return `product: mini
rules:
  - id: pairs
    kind: ${kind}
    message: Only these pairs are made.
    attributes: [${attributes.join(', ')}]
    rows: ${rows}
`;
}

const csvRules = (kind: 'allowed-combinations' | 'forbidden-combinations' = 'allowed-combinations', attributes: readonly string[] = ['toe.colour', 'heel.colour']) =>
  rulesWith(kind, attributes, '{ csv: mini.pairs.csv }');

function load(rules: string, tables: Record<string, string> = {}) {
  return loadRules(product, RULES_FILE, rules, { readTable: (name) => tables[name] });
}

function problemsOf(rules: string, tables: Record<string, string>): readonly Problem[] {
  const loaded = load(rules, tables);
  expect(loaded.ok).toBe(false);
  return loaded.ok ? [] : loaded.problems;
}

const where = (problem: Problem) => `${problem.location?.file}:${problem.location?.line}:${problem.location?.column}`;

describe('rows kept in a CSV file beside the rules file', () => {
  it('reads the rows in the order of the rule\'s attributes, whatever the header\'s order, options by id or label', () => {
    const loaded = load(csvRules(), { 'mini.pairs.csv': 'heel.colour;TOE.COLOUR\nblack;White\n"White";black\nblack;white\n' });
    expect(loaded.ok).toBe(true);
    const rule = loaded.ok ? loaded.value.rules[0] : undefined;
    expect(rule).toMatchObject({ kind: 'allowed-combinations', attributes: ['toe.colour', 'heel.colour'], rows: [['white', 'black'], ['black', 'white']] });
  });

  it('compiles to the same designs as the same rows written inline (random tables, brute force as referee)', () => {
    const scopes = [['toe.colour', 'heel.colour'], ['toe.material', 'heel.material', 'cut.fit'], ['cut.fit', 'toe.colour']] as const;
    const optionsOf = (id: string) => product.attributes.find((attribute) => attribute.id === id)!.options.map((option) => option.id);
    const tableArb = fc.constantFrom(...scopes).chain((scope) => fc.record({
      scope: fc.constant(scope),
      kind: fc.constantFrom('allowed-combinations' as const, 'forbidden-combinations' as const),
      rows: fc.array(fc.tuple(...scope.map((id) => fc.constantFrom(...optionsOf(id)))), { minLength: 1, maxLength: 8 }),
      useLabels: fc.boolean(),
    }));
    fc.assert(fc.property(tableArb, ({ scope, kind, rows, useLabels }) => {
      const inline = load(rulesWith(kind, scope, `[${rows.map((row) => `[${row.join(', ')}]`).join(', ')}]`));
      const labelOf = (id: string, option: string) => product.attributes.find((attribute) => attribute.id === id)!.options.find((candidate) => candidate.id === option)!.label;
      const csv = `${scope.join(',')}\n${rows.map((row) => row.map((option, column) => (useLabels ? labelOf(scope[column]!, option) : option)).join(',')).join('\n')}\n`;
      const fromCsv = load(rulesWith(kind, scope, '{ csv: mini.pairs.csv }'), { 'mini.pairs.csv': csv });
      if (!inline.ok || !fromCsv.ok) throw new Error('both forms load');
      const count = compileRules(product, fromCsv.value).count({});
      expect(count).toBe(compileRules(product, inline.value).count({}));
      expect(count).toBe(new BruteForce(product, inline.value).count({}));
    }), { numRuns: 60 });
  });

  it('puts an unknown option at its line and column of the CSV, with a did-you-mean', () => {
    const problems = problemsOf(csvRules(), { 'mini.pairs.csv': 'toe.colour,heel.colour\nwhite,black\nblack,whte\n' });
    expect(problems).toHaveLength(1);
    expect(where(problems[0]!)).toBe(`${TABLE_FILE}:3:7`);
    expect(problems[0]!.message).toBe('unknown option "whte" of "heel.colour"');
    expect(problems[0]!.hint).toContain('did you mean "white"');
  });

  it('reports every bad cell, a row of the wrong length and a header that does not name the rule\'s attributes', () => {
    const cells = problemsOf(csvRules(), { 'mini.pairs.csv': 'toe.colour,heel.colour\ngold,black\nwhite\nblack,silver\n' });
    expect(cells.map(where)).toEqual([`${TABLE_FILE}:2:1`, `${TABLE_FILE}:3:1`, `${TABLE_FILE}:4:7`]);
    expect(cells[1]!.message).toBe('the row has 1 cell, the header 2');
    const header = problemsOf(csvRules(), { 'mini.pairs.csv': 'toe.colour,heel.color\nwhite,black\n' });
    expect(header.map(where)).toEqual([`${TABLE_FILE}:1:12`]);
    expect(header[0]!.hint).toContain('did you mean "heel.colour"');
    const syntax = problemsOf(csvRules(), { 'mini.pairs.csv': 'toe.colour,heel.colour\n"white,black\n' });
    expect(syntax.map(where)).toEqual([`${TABLE_FILE}:2:1`]);
  });

  it('says so at the rules file\'s node when the table file is missing, badly named or not given a reader', () => {
    const missing = problemsOf(csvRules(), {});
    expect(missing[0]!.message).toBe('the table file "mini.pairs.csv" is not there');
    expect(missing[0]!.location).toMatchObject({ file: RULES_FILE, line: 7, column: 18 });
    const outside = problemsOf(rulesWith('allowed-combinations', ['toe.colour', 'heel.colour'], '{ csv: ../secrets.csv }'), { '../secrets.csv': 'toe.colour,heel.colour\nwhite,black\n' });
    expect(outside[0]!.message).toContain('is not the name of a CSV file beside the rules file');
    const noReader = loadRules(product, RULES_FILE, csvRules());
    expect(noReader.ok).toBe(false);
    const typo = problemsOf(rulesWith('allowed-combinations', ['toe.colour', 'heel.colour'], '{ cvs: mini.pairs.csv }'), {});
    expect(typo[0]!.message).toBe('unknown key "cvs" in "rows"');
  });

  it('refuses a header with no rows, as an inline table with no rows is refused', () => {
    const problems = problemsOf(csvRules('forbidden-combinations'), { 'mini.pairs.csv': 'toe.colour,heel.colour\n' });
    expect(problems[0]!.message).toBe('the table file has a header but no rows');
  });
});

describe('a draft whose rules name a CSV table', () => {
  it('checks the table from the draft and marks a problem at its cell in the table file', () => {
    const tables = { 'mini.pairs.csv': 'toe.colour,heel.colour\nwhite,black\nblack,whte\n' };
    const check = checkDraft({ product: { file: PRODUCT_FILE, text: PRODUCT }, rules: { file: RULES_FILE, text: csvRules() }, tables });
    const diagnostic = check.diagnostics.find((candidate) => candidate.file === TABLE_FILE);
    expect(diagnostic).toMatchObject({ line: 3, column: 7, code: 'load' });
    expect(tables['mini.pairs.csv'].slice(diagnostic!.from, diagnostic!.to)).toBe('whte');
    expect(diagnostic!.edit).toMatchObject({ insert: 'white' });
  });

  it('counts the designs the table allows', () => {
    const tables = { 'mini.pairs.csv': 'toe.colour,heel.colour\nwhite,black\nblack,white\n' };
    const check = checkDraft({ product: { file: PRODUCT_FILE, text: PRODUCT }, rules: { file: RULES_FILE, text: csvRules() }, tables });
    const inline = checkDraft({ product: { file: PRODUCT_FILE, text: PRODUCT }, rules: { file: RULES_FILE, text: rulesWith('allowed-combinations', ['toe.colour', 'heel.colour'], '[[white, black], [black, white]]') } });
    expect(check.counts?.designs).toBeGreaterThan(0n);
    expect(check.counts?.designs).toBe(inline.counts?.designs);
  });
});

describe('checking a draft again after an edit, with the cache of the previous check', () => {
  // A suede toe needs a suede heel, and a suede heel is never made: the suede toe is dead.
  const rules = `product: mini
# the heel is leather only
rules:
  - id: suede-pair
    kind: requires
    message: A suede toe is stitched to a suede heel.
    when: { toe.material: suede }
    then: { heel.material: suede }
  - id: pairs
    kind: allowed-combinations
    message: Only these pairs are made.
    attributes: [toe.colour, heel.colour]
    rows: { csv: mini.pairs.csv }
  - id: no-suede-heel
    kind: excludes
    message: The heel is leather only.
    when: { cut.fit: [regular, slim] }
    excludes: { heel.material: suede }
`;
  const tables = { 'mini.pairs.csv': 'toe.colour,heel.colour\nwhite,black\nblack,white\n' };
  const draft = { product: { file: PRODUCT_FILE, text: PRODUCT }, rules: { file: RULES_FILE, text: rules }, tables };
  const edits: readonly [string, (text: string) => string][] = [
    ['a line added above every rule (nothing compiles again; every finding moves down)', (text) => text.replace('# the heel', '# edited\n# the heel')],
    ['spaces typed inside a rule', (text) => text.replace('when: { toe.material: suede }', 'when: {  toe.material: suede }')],
    ['a rule\'s message changed', (text) => text.replace('leather only.', 'leather only!')],
    ['a rule that frees the option', (text) => text.replace('[regular, slim]', 'slim')],
    ['a typo', (text) => text.replace('heel.material: suede }\n', 'heel.material: sued }\n')],
  ];

  it.each(edits)('finds what a fresh check finds after %s', (_, edit) => {
    const cache = new DraftCheckCache();
    const first = checkDraft(draft, cache);
    expect(first.diagnostics.some((diagnostic) => diagnostic.code === 'dead-option')).toBe(true);
    const edited = { ...draft, rules: { ...draft.rules, text: edit(rules) } };
    const cached = checkDraft(edited, cache);
    const fresh = checkDraft(edited);
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.counts).toEqual(fresh.counts);
    expect(cached.entry?.rulesVersion).toBe(fresh.entry?.rulesVersion);
  });

  it('says a rule\'s new message in the compiled rules after only the message changed', () => {
    const cache = new DraftCheckCache();
    checkDraft(draft, cache);
    const edited = checkDraft({ ...draft, rules: { ...draft.rules, text: rules.replace('leather only.', 'never suede.') } }, cache);
    expect(edited.space?.constraints.find((constraint) => constraint.ruleId === 'no-suede-heel')?.message).toBe('The heel is never suede.');
  });

  it('reads a table again when its text changes', () => {
    const cache = new DraftCheckCache();
    const before = checkDraft(draft, cache);
    const after = checkDraft({ ...draft, tables: { 'mini.pairs.csv': `${tables['mini.pairs.csv']}white,white\n` } }, cache);
    expect(after.counts!.designs).toBeGreaterThan(before.counts!.designs);
  });
});
