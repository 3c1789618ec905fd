import type { DocumentPath } from '../shared/index.ts';
import type { DraftSymbol } from './draftSymbols.ts';
import type { DraftVocabulary } from './draftVocabulary.ts';
import type { RuleCard } from './ruleCards.ts';
import { outlineNear } from './yamlOutline.ts';

/** What hovering an id shows: a title and a few lines of plain text. */
export interface SymbolDoc {
  readonly title: string;
  readonly lines: readonly string[];
}

/** What the docs are read from: the last draft that loaded, and the file format's JSON Schema. */
export interface SymbolDocSources {
  /** The product's ids and names (the last product file that loaded). */
  readonly vocabulary: DraftVocabulary | null;
  /** The rules as cards (their sentences), from the last rules file that loaded. */
  readonly cards: readonly RuleCard[] | null;
  /** The JSON Schema of the file the symbol is in (`public/schemas/rules.schema.json` or `product.schema.json`), for keys and rule kinds. */
  readonly schema?: unknown;
  /** The JSON Schema of the rules file, for rule kinds written in either file (defaults to `schema`). */
  readonly rulesSchema?: unknown;
}

// More than this many names in one line is a list nobody reads in a tooltip.
const MAX_NAMES = 6;

/**
 * The docs of a symbol, in the merchandiser's words: an option's label, its part and attribute and
 * the price rules that charge for it; an attribute's options; a rule kind's one sentence from the
 * rules JSON Schema; a rule's sentence; a key's description from the file's schema. `text` is the
 * symbol's file (to tell which rule kind a key belongs to). Null when there is nothing to say.
 */
export function symbolDoc(symbol: DraftSymbol, text: string, sources: SymbolDocSources): SymbolDoc | null {
  const { vocabulary, cards } = sources;
  switch (symbol.kind) {
    case 'option': {
      const attribute = vocabulary?.attributes.find((entry) => entry.id === symbol.attribute);
      const option = attribute?.options.find((entry) => entry.id === symbol.option);
      if (!attribute) return { title: symbol.attribute, lines: [`"${symbol.attribute}" is not an attribute of the product file, so "${symbol.option}" is not checked.`] };
      if (!option) return { title: `${attribute.name}: "${symbol.option}"`, lines: [`"${symbol.option}" is not an option of ${attribute.name} (${attribute.id}) in the product file.`, `Its options: ${names(attribute.options.map((entry) => `${entry.label} (${entry.id})`))}.`] };
      const prices = (cards ?? []).filter((card) => card.kind === 'price' && card.chips.some((chip) => chip.attribute === attribute.id && chip.option === option.id));
      return {
        title: `${attribute.name}: ${option.label}`,
        lines: [
          `Option "${option.id}" of ${attribute.id}, part ${attribute.part.label}${option.tags.length > 0 ? `; tags: ${option.tags.join(', ')}` : ''}.`,
          ...(prices.length > 0 ? prices.map((card) => `Price (${card.id}): ${card.sentence}`) : ['Price: no surcharge of its own; the base price includes it.']),
        ],
      };
    }
    case 'attribute': {
      const attribute = vocabulary?.attributes.find((entry) => entry.id === symbol.attribute);
      if (!attribute) return { title: symbol.attribute, lines: [`"${symbol.attribute}" is not an attribute of the product file.`] };
      return { title: attribute.name, lines: [`Attribute ${attribute.id} of part ${attribute.part.label}, ${attribute.options.length} ${attribute.options.length === 1 ? 'option' : 'options'}: ${names(attribute.options.map((entry) => entry.label))}.`] };
    }
    case 'part': {
      const attributes = vocabulary?.attributes.filter((entry) => entry.part.id === symbol.part) ?? [];
      if (attributes.length === 0) return { title: symbol.part, lines: [`"${symbol.part}" is not a part of the product file.`] };
      return { title: attributes[0]!.part.label, lines: [`Part "${symbol.part}": ${names(attributes.map((entry) => entry.name))}.`] };
    }
    case 'colour':
    case 'material': {
      const id = symbol.kind === 'colour' ? symbol.colour : symbol.material;
      const on = vocabulary?.attributes.filter((entry) => entry.kind === symbol.kind && entry.options.some((option) => option.id === id)) ?? [];
      const label = on[0]?.options.find((option) => option.id === id)?.label;
      const what = symbol.kind === 'colour' ? 'Colour' : 'Material';
      if (label === undefined) return { title: id, lines: [`${what} "${id}" is offered on no part (or the product file does not define it).`] };
      return { title: label, lines: [`${what} "${id}", offered on ${names(on.map((entry) => entry.part.label))}.`] };
    }
    case 'rule-kind': {
      const sentence = ruleKindSentence(sources.rulesSchema ?? sources.schema, symbol.ruleKind) ?? vocabulary?.ruleKinds.find((entry) => entry.kind === symbol.ruleKind)?.summary;
      return sentence === undefined ? { title: symbol.ruleKind, lines: ['Not a rule kind: see the completions (Control and Space) for the kinds.'] } : { title: `Rule kind ${symbol.ruleKind}`, lines: [sentence] };
    }
    case 'rule': {
      const card = cards?.find((entry) => entry.id === symbol.rule);
      return card ? { title: `Rule ${card.id} (${card.kind})`, lines: [card.sentence] } : { title: `Rule ${symbol.rule}`, lines: ['No rule of the rules file that loaded last has this id.'] };
    }
    case 'key': {
      const node = schemaAt(sources.schema, symbol.path, outlineNear(text, symbol.from).data);
      if (!node || typeof node.description !== 'string') return null;
      return { title: typeof node.title === 'string' ? `${node.title} (${symbol.key})` : symbol.key, lines: [node.description] };
    }
  }
}

function names(list: readonly string[]): string {
  return list.length > MAX_NAMES ? `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more` : list.join(', ');
}

type Schema = Readonly<Record<string, unknown>>;
const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A rule kind's first sentence in the rules schema (`$defs.rule.oneOf`, by its `kind` const). */
function ruleKindSentence(schema: unknown, kind: string): string | undefined {
  if (!isSchema(schema)) return undefined;
  const rule = resolve(schema, (schema.$defs as Schema | undefined)?.rule);
  const alternatives = Array.isArray(rule?.oneOf) ? rule.oneOf : [];
  for (const alternative of alternatives) {
    const resolved = resolve(schema, alternative);
    if (resolved && (resolve(schema, (resolved.properties as Schema | undefined)?.kind))?.const === kind && typeof resolved.description === 'string') {
      return /^.*?\.(?=\s|$)/.exec(resolved.description)?.[0] ?? resolved.description;
    }
  }
  return undefined;
}

/**
 * The schema of the value at `path` of a document (`data`), with its own title and description
 * (a property's own words first, then those of what it refers to). A list of alternatives with a
 * discriminator (`kind`) is read by the value's kind.
 */
export function schemaAt(schema: unknown, path: DocumentPath, data: unknown): Schema | undefined {
  if (!isSchema(schema)) return undefined;
  let node: Schema | undefined = schema;
  let value = data;
  for (const segment of path) {
    node = childSchema(schema, node, segment, value);
    if (!node) return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return node;
}

function childSchema(root: Schema, node: Schema, segment: string | number, value: unknown): Schema | undefined {
  for (const alternative of alternativesOf(root, node, value)) {
    const child = typeof segment === 'number' ? alternative.items : propertyOf(alternative, segment);
    if (isSchema(child)) return resolve(root, child) ?? child;
  }
  return undefined;
}

function propertyOf(node: Schema, key: string): unknown {
  const properties = node.properties as Schema | undefined;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  const patterns = node.patternProperties as Schema | undefined;
  for (const [pattern, child] of Object.entries(patterns ?? {})) if (new RegExp(pattern, 'u').test(key)) return child;
  return isSchema(node.additionalProperties) ? node.additionalProperties : undefined;
}

/** The node itself and, for `oneOf`/`anyOf`/`allOf`, its alternatives (only the one the discriminator picks, when it has one). */
function alternativesOf(root: Schema, node: Schema, value: unknown): Schema[] {
  const here = resolve(root, node) ?? node;
  const discriminator = (here.discriminator as Schema | undefined)?.propertyName;
  const listed = [here.oneOf, here.anyOf, here.allOf].flatMap((list) => (Array.isArray(list) ? list : [])).map((entry) => resolve(root, entry)).filter(isSchema);
  const picked = typeof discriminator === 'string' && value !== null && typeof value === 'object'
    ? listed.filter((entry) => resolve(root, (entry.properties as Schema | undefined)?.[discriminator])?.const === (value as Schema)[discriminator])
    : listed;
  return [here, ...picked];
}

/** A node with `$ref` resolved, keeping the node's own title and description over the target's. */
function resolve(root: Schema, node: unknown): Schema | undefined {
  let current = node;
  for (let depth = 0; isSchema(current) && typeof current.$ref === 'string' && depth < 8; depth++) {
    const reference: string = current.$ref;
    if (!reference.startsWith('#/')) return undefined;
    const target = reference.slice(2).split('/').reduce<unknown>((at, segment) => (isSchema(at) ? at[segment] : undefined), root);
    if (!isSchema(target)) return undefined;
    // A $ref beside words of its own keeps them (JSON Schema 2020-12 allows both).
    current = { ...target, ...(current.title !== undefined ? { title: current.title } : {}), ...(current.description !== undefined ? { description: current.description } : {}) };
  }
  return isSchema(current) ? current : undefined;
}
