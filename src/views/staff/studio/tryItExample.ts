import { attributeById, optionById } from '../../../domain/index.ts';
import type { SessionContext } from '../../../machines/index.ts';

/** How many of the merchandiser's choices an example's name lists before "and N more". */
const NAMED = 3;

/** An example for the rules file: the design tried, which must stay valid. */
export interface TriedExample {
  readonly name: string;
  readonly design: Record<string, string>;
  readonly expect: { readonly kind: 'valid' };
}

/**
 * The try-it design as a "must be valid" example: every value of the design as it stands (not
 * only the choices made, so the example pins exactly what was tried), named after the choices
 * made ("tried: Toe cap material Patent leather, Vamp colour Black"), with a number added when the
 * rules file already has that name (names are unique there).
 */
export function exampleFromTry(context: SessionContext, rulesText: string): TriedExample {
  const product = context.entry.product;
  const choices = context.history.present.choices;
  const said = choices.slice(0, NAMED).map((choice) => {
    const attribute = attributeById(product, choice.attribute);
    return `${context.summary.attributes.get(choice.attribute)?.displayName ?? attribute.label} ${optionById(attribute, choice.option).label}`;
  });
  const more = choices.length > NAMED ? ` and ${choices.length - NAMED} more` : '';
  const base = choices.length === 0 ? 'tried: the suggested design' : `tried: ${said.join(', ')}${more}`;
  let name = base;
  for (let n = 2; rulesText.includes(name); n += 1) name = `${base} (${n})`;
  return { name, design: { ...context.summary.resolved.assignment }, expect: { kind: 'valid' } };
}

/**
 * The one replacement that turns `before` into `after` (the text between their common start and
 * end), so the editor keeps its undo history, marks and scroll position around an insertion.
 */
export function minimalEdit(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
