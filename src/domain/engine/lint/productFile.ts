import type { OptionDef, Product } from '../../product/index.ts';
import type { RuleSet } from '../../rules/index.ts';
import type { DocumentPath } from '../../shared/index.ts';
import { severityOf, type LintFinding, type LintLocator } from './lintFinding.ts';

/** A palette entry as the product file declares it. */
interface Declared {
  readonly id: string;
  readonly code: string;
  readonly retired: boolean;
  /** Where its `code:` is written. */
  readonly path: DocumentPath;
}

/**
 * Mistakes in the product file that no rule shows:
 * - **duplicate-code**: two colours, two materials, or two options of one choice with the same
 *   fulfilment code (the factory could not tell them apart). Options of different choices may
 *   share a code (every print zone's "screen print" is PM-SCR);
 * - **unused-colour** / **unused-material**: declared in `colours:` / `materials:` but offered by
 *   no part (nor, for a colour, by a personal text field). Retired entries are never reported.
 * Materials no part uses are seen only in the file itself (`sources.product`).
 */
export function productFileFindings(product: Product, ruleSet: RuleSet | undefined, locator: LintLocator, strict: boolean): LintFinding[] {
  const data = locator.productData;
  const colours = declared(data?.colours, 'colours') ?? (product.colours ?? []).map((option) => fromOption(option, ['colours', option.id, 'code']));
  const materials = declared(data?.materials, 'materials')
    ?? unique(product.attributes.filter((attribute) => attribute.kind === 'material').flatMap((attribute) => attribute.options)).map((option) => fromOption(option, ['materials', option.id, 'code']));
  const findings = [
    ...duplicateCodes(colours, 'colour', locator, strict),
    ...duplicateCodes(materials, 'material', locator, strict),
  ];
  for (const attribute of product.attributes) {
    if (attribute.kind !== 'choice') continue;
    const path = choicePath(data, attribute.partId, attribute.id.slice(attribute.partId.length + 1));
    const options = attribute.options.map((option) => fromOption(option, path ? [...path, indexById(getIn(data, path), option.id), 'code'] : []));
    findings.push(...duplicateCodes(options, `option of "${attribute.id}"`, locator, strict));
  }

  const offered = new Set(product.attributes.flatMap((attribute) => attribute.options.map((option) => `${attribute.kind}:${option.id}`)));
  for (const field of ruleSet?.personalisation ?? []) if (field.kind === 'text') for (const colour of field.colours) offered.add(`colour:${colour}`);
  for (const [entries, kind] of [[colours, 'colour'], [materials, 'material']] as const) {
    for (const entry of entries) {
      if (entry.retired || offered.has(`${kind}:${entry.id}`)) continue;
      const code = kind === 'colour' ? 'unused-colour' : 'unused-material';
      const where = kind === 'colour' ? 'no material\'s "colours:" used by a part, nor any personal text field,' : 'no part\'s "materials:"';
      findings.push({
        severity: severityOf(code, strict),
        code,
        message: `${kind} "${entry.id}" is defined but ${where} offers it`,
        hint: kind === 'colour'
          ? `add "${entry.id}" to the colours of a material a part uses, mark it "retired: true" to keep it for old orders, or delete it`
          : `add "${entry.id}" to a part's materials, mark it "retired: true" to keep it for old orders, or delete it`,
        ruleIds: [],
        option: entry.id,
        ...locator.inProduct(entry.path.slice(0, 2), true),
      });
    }
  }
  return findings;
}

function duplicateCodes(entries: readonly Declared[], what: string, locator: LintLocator, strict: boolean): LintFinding[] {
  const first = new Map<string, Declared>();
  const findings: LintFinding[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.code);
    if (!earlier) {
      first.set(entry.code, entry);
      continue;
    }
    findings.push({
      severity: severityOf('duplicate-code', strict),
      code: 'duplicate-code',
      message: `${what} "${entry.id}" has fulfilment code "${entry.code}", like ${what} "${earlier.id}": the factory could not tell them apart`,
      hint: `give "${entry.id}" its own code (the one on the factory's bill of materials), or remove it if it is the same as "${earlier.id}"`,
      ruleIds: [],
      option: entry.id,
      ...(entry.path.length > 0 ? locator.inProduct(entry.path) : {}),
    });
  }
  return findings;
}

/** The entries of `colours:` or `materials:` in file order, or undefined without the file. */
function declared(section: unknown, key: string): Declared[] | undefined {
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return undefined;
  return Object.entries(section as Record<string, unknown>).flatMap(([id, raw]) => {
    const entry = raw as { code?: unknown; retired?: unknown } | null;
    return entry && typeof entry === 'object' && entry.code !== undefined
      ? [{ id, code: String(entry.code), retired: entry.retired === true, path: [key, id, 'code'] }]
      : [];
  });
}

function fromOption(option: OptionDef, path: DocumentPath): Declared {
  return { id: option.id, code: option.code, retired: option.retired === true, path };
}

function unique(options: readonly OptionDef[]): OptionDef[] {
  return options.filter((option, index) => options.findIndex((other) => other.id === option.id) === index);
}

/** `['parts', i, 'choices', j, 'options']` of a section's choice in the product file. */
function choicePath(data: Record<string, unknown> | undefined, sectionId: string, choiceId: string): DocumentPath | undefined {
  const partIndex = indexById(data?.parts, sectionId);
  if (partIndex < 0) return undefined;
  const choiceIndex = indexById(getIn(data, ['parts', partIndex, 'choices']), choiceId);
  return choiceIndex < 0 ? undefined : ['parts', partIndex, 'choices', choiceIndex, 'options'];
}

function getIn(data: unknown, path: DocumentPath): unknown {
  return path.reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined), data);
}

function indexById(list: unknown, id: string): number {
  return Array.isArray(list) ? list.findIndex((item) => (item as { id?: unknown } | null)?.id === id) : -1;
}
