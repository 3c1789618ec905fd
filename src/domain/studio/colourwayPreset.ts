import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { compileRules } from '../engine/index.ts';
import { checkChoice, loadProduct, type AttributeId, type OptionId, type Product } from '../product/index.ts';
import { loadRules, type ReadTable } from '../rules/index.ts';
import { contentEnd, indentAt, nextLineStart, refuse, scalarText, yamlScalar, type TextStep } from './yamlEdits.ts';

/**
 * An approved customer design made a named colourway of the catalogue: a preset appended to the
 * `presets:` list of a product.yaml text, as a text edit that keeps every other character (the
 * merchandiser's comments, blank lines and order), checked by the engine before it is written.
 */

/** The colourway to add: its name and the design's choices, with where it came from. */
export interface NewColourway {
  /** What customers read on the colourway button, e.g. "Forest Runner". */
  readonly name: string;
  /** One line under it (may be empty). */
  readonly description?: string;
  /** The design's choices, attribute → option (a complete design, or the choices that make it). */
  readonly choices: Readonly<Record<AttributeId, OptionId>>;
  /** Who designed it, as they asked to be credited ("co-created by …"); absent or empty: no credit line. */
  readonly credit?: string;
  /** The design it came from, e.g. `candidate:cnd_…`, so the colourway links back to its candidate. */
  readonly from?: string;
  /** The preset id; absent: made from the name ({@link presetIdOf}). */
  readonly id?: string;
}

/** The product's files as a draft holds them. */
export interface ColourwaySources {
  readonly productFile: string;
  readonly productText: string;
  readonly rulesFile: string;
  readonly rulesText: string;
  /** Reads the CSV tables the rules file names. */
  readonly readTable?: ReadTable;
}

/** The edited product text and the id of the preset it gained, or why it was refused and what to do. */
export type ColourwayEdit =
  | { readonly ok: true; readonly text: string; readonly presetId: string }
  | { readonly ok: false; readonly message: string };

/**
 * A preset id from a colourway's name: lower case ASCII letters and digits joined by `-`.
 *
 * @example presetIdOf('Forêt Runner (v2)') // 'foret-runner-v2'
 */
export function presetIdOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/**
 * Adds a colourway to a product.yaml text as a preset, once the engine has checked it is a valid
 * design under the product's rules. Refused, with what to do, when the files do not load, a
 * choice names an attribute or option the product lacks, the design breaks a rule (named), or
 * the id is taken.
 *
 * @example addColourwayPreset(sources, { name: 'Forest Runner', choices, credit: 'Ada', from: 'candidate:cnd_1' })
 * // { ok: true, presetId: 'forest-runner', text: '…presets:\n  …\n  - id: forest-runner\n    name: Forest Runner\n…' }
 */
export function addColourwayPreset(sources: ColourwaySources, colourway: NewColourway): ColourwayEdit {
  const name = colourway.name.trim();
  if (name === '') return refuse('the colourway has no name: give it the name customers will read, e.g. "Forest Runner"');
  const id = colourway.id ?? presetIdOf(name);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return refuse(`"${name}" makes no preset id (letters or digits are needed): give the colourway a name with some`);
  const product = loadProduct(sources.productFile, sources.productText);
  if (!product.ok) return refuse(`the product file does not load (${firstProblem(product.problems)}): fix it in the studio first`);
  if (product.value.presets.some((preset) => preset.id === id)) return refuse(`the product has a colourway "${id}" already: give this one another name`);
  const choiceProblem = unknownChoice(product.value, colourway.choices);
  if (choiceProblem) return refuse(choiceProblem);
  const ruleSet = loadRules(product.value, sources.rulesFile, sources.rulesText, { readTable: sources.readTable });
  if (!ruleSet.ok) return refuse(`the rules file does not load (${firstProblem(ruleSet.problems)}): fix it in the studio first`);
  const space = compileRules(product.value, ruleSet.value);
  if (!space.isConsistent(colourway.choices)) {
    const broken = space.constraints.filter((constraint) => !space.isConsistentUnder([constraint.ruleId], colourway.choices)).map((constraint) => `"${constraint.ruleId}" (${constraint.message})`);
    return refuse(`the design is not valid under the product's rules${broken.length > 0 ? `: it breaks ${[...new Set(broken)].join(', ')}` : ''}; change the design, or relax the rule in the studio`);
  }
  const step = appendPreset(sources.productText, presetLines(product.value, { ...colourway, name, id }));
  if (!step.ok) return step;
  // The edit must read back as the preset meant: anything else is a bug of this file, not the caller's.
  const edited = loadProduct(sources.productFile, step.text);
  const added = edited.ok ? edited.value.presets.find((preset) => preset.id === id) : undefined;
  if (!added || Object.keys(added.choices).length !== Object.keys(colourway.choices).length) {
    throw new Error(`[Atelier] the preset "${id}" added to ${sources.productFile} does not read back (${edited.ok ? 'choices differ' : firstProblem(edited.problems)})`);
  }
  return { ok: true, text: step.text, presetId: id };
}

function firstProblem(problems: readonly { readonly message: string; readonly location?: { readonly line: number; readonly column: number } }[]): string {
  const [first] = problems;
  if (!first) return 'no detail';
  return `${first.location ? `line ${first.location.line}, column ${first.location.column}: ` : ''}${first.message}${problems.length > 1 ? ` and ${problems.length - 1} more` : ''}`;
}

function unknownChoice(product: Product, choices: Readonly<Record<AttributeId, OptionId>>): string | undefined {
  for (const [attributeId, optionId] of Object.entries(choices)) {
    const problem = checkChoice(product.attributes, attributeId, optionId);
    if (problem) return `${problem.message}: ${problem.hint}`;
  }
  return undefined;
}

/** The preset's lines without indentation, its choices in the product's attribute order. */
function presetLines(product: Product, colourway: NewColourway & { readonly id: string }): string[] {
  const choices = product.attributes.filter((attribute) => colourway.choices[attribute.id] !== undefined).map((attribute) => `  ${attribute.id}: ${yamlScalar(colourway.choices[attribute.id]!)}`);
  return [
    `id: ${yamlScalar(colourway.id)}`,
    `name: ${yamlScalar(colourway.name)}`,
    ...(colourway.description?.trim() ? [`description: ${yamlScalar(colourway.description.trim())}`] : []),
    ...(colourway.credit?.trim() ? [`credit: ${yamlScalar(colourway.credit.trim())}`] : []),
    ...(colourway.from?.trim() ? [`from: ${yamlScalar(colourway.from.trim())}`] : []),
    ...(choices.length > 0 ? ['choices:', ...choices] : ['choices: {}']),
  ];
}

/** Appends a block list item after the last preset (or starts `presets:` at the end of the file). */
function appendPreset(text: string, lines: readonly string[]): TextStep {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return refuse('the product file is not valid YAML as it is: fix the problems the studio lists first');
  const presets = document.contents.get('presets', true) as Node | undefined;
  const block = (dash: string) => lines.map((line, index) => `${index === 0 ? dash : ' '.repeat(dash.length)}${line}`).join('\n');
  if (presets === undefined || (isSeq(presets) && presets.flow && presets.items.length === 0)) {
    if (presets !== undefined) {
      // `presets: []`: the empty list becomes the block list holding the new preset.
      const [from, to] = presets.range!;
      return { ok: true, text: `${text.slice(0, from).trimEnd()}\n${block('  - ')}${text.slice(to)}` };
    }
    const end = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
    return { ok: true, text: `${end}presets:\n${block('  - ')}\n` };
  }
  if (!isSeq(presets) || presets.flow) return refuse('the product file\'s "presets:" is not a list written one under another: write it as a block list ("- id: …") first');
  const last = presets.items.at(-1) as Node;
  if (!isMap(last) || scalarText(last.get('id', true)) === undefined) return refuse('the last entry of "presets:" is not a preset with an id: fix it in the text first');
  const at = nextLineStart(text, contentEnd(text, last));
  const before = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { ok: true, text: `${text.slice(0, at)}${before}${block(indentAt(text, last.range![0]))}\n${text.slice(at)}` };
}
