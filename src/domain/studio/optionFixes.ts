import { isPair, type Node } from 'yaml';
import type { Diagnostic, DiagnosticEdit } from './checkDraft.ts';
import { readPath, symbolAt, type DraftFileKind } from './draftSymbols.ts';
import type { DraftVocabulary } from './draftVocabulary.ts';
import { definitionIn } from './symbolDefinition.ts';
import { outlineNear, scalarAt, type OutlineLink, type YamlOutline } from './yamlOutline.ts';

/** What {@link optionFixes} reads: the diagnostic, the text of its file and the product file as they are now, and the labels the options had. */
export interface OptionFixInput {
  readonly diagnostic: Diagnostic;
  /** Which file the diagnostic is in, and its text now. */
  readonly file: DraftFileKind;
  readonly text: string;
  /** The product file's text now (which options remain). */
  readonly productText: string;
  /** The product's ids and labels before the option went (as the file was opened): a removed option's label. */
  readonly before: DraftVocabulary | null;
  /** The product's ids and labels now (the last product file that loaded). */
  readonly now: DraftVocabulary | null;
}

// How alike two labels must be for one to stand in for the other ("Optic white" and "White").
const SIMILAR_LABELS = 0.5;

/**
 * The one-click fixes of an option that a rule, an example or a preset names but the product file
 * no longer defines (`"cork" is not an option of "midsole.material"`), beyond a typo's "did you
 * mean": "Use <a remaining option with a similar label> instead" and "Remove "cork" from rule
 * sole-pairing" (the row, the list item or the condition that names it; the whole rule when
 * nothing of it would be left, the whole example, or the preset's choice). Each is a text edit
 * of the diagnostic's file. Empty for any other diagnostic.
 */
export function optionFixes(input: OptionFixInput): DiagnosticEdit[] {
  const { diagnostic, file, text } = input;
  if (diagnostic.code !== 'load' || diagnostic.severity !== 'error') return [];
  const symbol = symbolAt(file, text, diagnostic.from);
  if (symbol?.kind !== 'option' || !diagnostic.message.endsWith(`"${symbol.option}" is not an option of "${symbol.attribute}"`)) return [];
  const replacement = similarOption(input, symbol.attribute, symbol.option);
  const removal = removalEdit(file, text, diagnostic.from, symbol.option);
  return [
    ...(replacement && replacement.id !== diagnostic.edit?.insert ? [{ from: symbol.from, to: symbol.to, insert: replacement.id, label: `Use ${replacement.label} (${replacement.id}) instead` }] : []),
    ...(removal ? [removal] : []),
  ];
}

/** The remaining option of the attribute whose label is most like the removed one's, if one is alike enough. */
function similarOption(input: OptionFixInput, attributeId: string, removed: string): { readonly id: string; readonly label: string } | undefined {
  const label = [input.before, input.now].flatMap((vocabulary) => vocabulary?.attributes ?? []).find((entry) => entry.id === attributeId)?.options.find((option) => option.id === removed)?.label;
  const options = (input.now ?? input.before)?.attributes.find((entry) => entry.id === attributeId)?.options ?? [];
  if (label === undefined) return undefined;
  let best: { readonly id: string; readonly label: string; readonly score: number } | undefined;
  for (const option of options) {
    // The vocabulary is of the last product that loaded: it may still hold the removed option.
    if (option.id === removed || definitionIn(input.productText, { kind: 'option', attribute: attributeId, option: option.id }) === undefined) continue;
    const score = labelSimilarity(label, option.label);
    if (score >= SIMILAR_LABELS && (!best || score > best.score)) best = { id: option.id, label: option.label, score };
  }
  return best;
}

/**
 * How alike two labels are, 0 to 1: the share of words they have in common, or how few letters
 * differ (edit distance over the longer), whichever is higher. Case and punctuation aside.
 */
export function labelSimilarity(a: string, b: string): number {
  const words = (label: string) => label.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const left = new Set(words(a));
  const right = new Set(words(b));
  const shared = [...left].filter((word) => right.has(word)).length;
  const overlap = shared / Math.max(left.size, right.size, 1);
  const x = words(a).join(' ');
  const y = words(b).join(' ');
  const letters = 1 - editDistance(x, y) / Math.max(x.length, y.length, 1);
  return Math.max(overlap, letters);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The edit that removes the option at `offset` from what names it: from a list of several, the
 * item; from a table, its row; else the condition, and upwards while nothing would be left (a
 * rule's `when:` left empty removes the rule). In an example, the example; in a preset, the choice.
 */
function removalEdit(file: DraftFileKind, text: string, offset: number, option: string): DiagnosticEdit | undefined {
  const outline = outlineNear(text, offset);
  const scalar = scalarAt(outline, offset);
  if (!scalar || scalar.isKey) return undefined;
  const { path, links } = scalar;
  const [top, index] = path;
  if (typeof index !== 'number') return undefined;
  const name = (field: string) => String(readPath(outline.data, [top!, index, field]) ?? `${index + 1}`);
  if (file === 'product') {
    // A preset's choice: without it the attribute takes its default.
    return top === 'presets' ? removeEntry(outline, links[links.length - 1]!, `Remove "${option}" from preset ${name('id')}`) : undefined;
  }
  if (top === 'examples') return removeEntry(outline, links[1]!, `Remove example "${name('name')}"`);
  if (top !== 'rules') return undefined;
  const rule = name('id');
  // links: [rules:, the rule, its key, …]; a row of a table is the entry under `rows:`.
  let level = path[2] === 'rows' ? 3 : links.length - 1;
  while (level > 2 && links[level]!.collection.items.length <= 1) level--;
  if (level <= 2) return removeEntry(outline, links[1]!, `Remove rule ${rule}`);
  return removeEntry(outline, links[level]!, path[2] === 'rows' && level === 3 ? `Remove the row with "${option}" from rule ${rule}` : `Remove "${option}" from rule ${rule}`);
}

/** The edit deleting one entry of a list or map, with its comma in a flow collection and its whole lines in a block one. */
function removeEntry(outline: YamlOutline, link: OutlineLink, label: string): DiagnosticEdit | undefined {
  const { text, base } = outline;
  const items = link.collection.items as unknown[];
  const extent = (item: unknown): readonly [number, number] | undefined => {
    if (isPair(item)) {
      const start = (item.key as Node | null)?.range?.[0];
      const end = ((item.value as Node | null)?.range ?? (item.key as Node | null)?.range)?.[1];
      return start === undefined || end === undefined ? undefined : [start + base, end + base];
    }
    const range = (item as Node | null)?.range;
    return range ? [range[0] + base, range[1] + base] : undefined;
  };
  const own = extent(items[link.index]);
  if (!own) return undefined;
  if (link.collection.flow) {
    const next = extent(items[link.index + 1]);
    const previous = extent(items[link.index - 1]);
    const range = next ? { from: own[0], to: next[0] } : previous ? { from: previous[1], to: own[1] } : { from: own[0], to: own[1] };
    return { ...range, insert: '', label };
  }
  const lineStart = text.lastIndexOf('\n', own[0] - 1) + 1;
  // A key on a "- " line starts the list item's map: its lines cannot go alone.
  if (!(isPair(items[link.index]) ? /^[ \t]*$/ : /^[ \t]*-[ \t]+$/).test(text.slice(lineStart, own[0]))) return undefined;
  const last = text[own[1] - 1] === '\n' ? own[1] - 1 : own[1];
  const lineEnd = text.indexOf('\n', last);
  let to = lineEnd < 0 ? text.length : lineEnd + 1;
  // Between two blank lines (rules set apart), keep one.
  const before = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
  const after = /^[ \t]*\n/.exec(text.slice(to));
  if (after && (lineStart === 0 || before.trim() === '')) to += after[0].length;
  return { from: lineStart, to, insert: '', label };
}
