import { formatMoney } from '../pricing/index.ts';
import { attributeDisplayName, type AttributeId, type Condition, type OptionId, type Product } from '../product/index.ts';
import type { Rule } from '../rules/index.ts';
import { assertNever } from '../shared/index.ts';

// Session facts are written `context.<fact>` in availability conditions; they are not attributes.
const FACT_PREFIX = 'context.';
/** How many items a sentence lists before "and N more". */
const LISTED = 6;

/**
 * A rule in plain language, for a card beside the editor: what it does, in the product's own
 * names for parts and options (labels, never ids), for every rule kind of the format.
 *
 * @example ruleSentence(patentToeRule, sneaker) // "If the toe cap material is Patent leather, the vamp material must be Leather or Nubuck."
 */
export function ruleSentence(rule: Rule, product: Product): string {
  const say = new Words(product);
  switch (rule.kind) {
    case 'requires':
      return sentence(`if ${say.condition(rule.when)}, ${say.must(rule.then)}`);
    case 'excludes':
      return sentence(`if ${say.condition(rule.when)}, it cannot also be that ${say.condition(rule.excludes)}`);
    case 'allowed-combinations':
    case 'forbidden-combinations': {
      // Only the rows the sentence lists are put in words (tables run to 200k rows).
      const rows = rule.rows.slice(0, LISTED).map((row) => row.map((option, index) => say.option(rule.attributes[index]!, option)).join(' + '));
      const total = rule.rows.length;
      const which = rule.kind === 'allowed-combinations' ? `only ${count(total, 'combination')} of` : `never ${total === 1 ? 'this combination' : `these ${total} combinations`} of`;
      return sentence(`${which} ${say.attributes(rule.attributes)} can be made: ${listed(rows, ', ', total)}`);
    }
    case 'different':
    case 'same': {
      const verb = rule.kind === 'different' ? 'never share an option' : 'always take the same option';
      return sentence(`${rule.when ? `while ${say.condition(rule.when)}, ` : ''}${say.attributes(rule.attributes)} ${verb}`);
    }
    case 'default':
      return sentence(`${rule.when ? `when ${say.condition(rule.when)}, ` : ''}start from ${listed(Object.entries(rule.set).map(([attribute, option]) => `${say.option(attribute, option)} for ${say.attribute(attribute)}`), ', ')}`);
    case 'recommendation':
      return sentence(`${rule.when ? `when ${say.condition(rule.when)}, ` : ''}suggest ${listed(Object.entries(rule.prefer).map(([attribute, options]) => `${say.options(attribute, options)} for ${say.attribute(attribute)}`), '; ')}`);
    case 'availability': {
      const offered = listed(Object.entries(rule.options).map(([attribute, options]) => `${say.options(attribute, options, 'and')} for ${say.attribute(attribute)}`), '; ');
      const limits = [
        ...(rule.when ? [`when ${say.condition(rule.when)}`] : []),
        ...(rule.from ? [`from ${rule.from}`] : []),
        ...(rule.until ? [`until ${rule.until}`] : []),
      ];
      return sentence(`${offered} ${limits.length > 0 ? `offered only ${limits.join(' and ')}` : 'always offered'}`);
    }
    case 'price':
      return sentence(`add ${formatMoney(rule.amount, product.currency)} when ${say.condition(rule.when)}`);
    case 'lead-time':
      return sentence(`add ${count(rule.days, 'production day')} when ${say.condition(rule.when)}`);
    case 'alert':
      return sentence(`when ${say.condition(rule.when)}, tell the customer: “${rule.message.replace(/\.$/, '')}”`);
    default:
      return assertNever(rule);
  }
}

/** The product's names for attributes and options, in the middle of a sentence. */
class Words {
  constructor(private readonly product: Product) {}

  /** "the toe cap material"; a session fact: "the region". */
  attribute(id: AttributeId): string {
    if (id.startsWith(FACT_PREFIX)) return `the ${id.slice(FACT_PREFIX.length)}`;
    const attribute = this.product.attributes.find((candidate) => candidate.id === id);
    return `the ${lowerFirst(attribute ? attributeDisplayName(this.product, attribute) : id)}`;
  }

  /** "the midsole material and the outsole material". */
  attributes(ids: readonly AttributeId[]): string {
    return joined(ids.map((id) => this.attribute(id)), 'and');
  }

  /** An option's label ("Patent leather"); a fact's value as written. */
  option(attribute: AttributeId, option: OptionId): string {
    return this.product.attributes.find((candidate) => candidate.id === attribute)?.options.find((candidate) => candidate.id === option)?.label ?? option;
  }

  /** "Knit or Mesh". */
  options(attribute: AttributeId, options: readonly OptionId[], word: 'or' | 'and' = 'or'): string {
    return joined(options.map((option) => this.option(attribute, option)), word);
  }

  /** A condition as a clause: "the vamp material is Knit or Mesh". */
  condition(condition: Condition): string {
    switch (condition.kind) {
      case 'in':
        return `${this.attribute(condition.attribute)} is ${this.written(condition)}`;
      case 'all':
        return condition.of.map((part) => this.part(part, 'all')).join(' and ');
      case 'any':
        return condition.of.map((part) => this.part(part, 'any')).join(' or ');
      case 'not':
        return condition.of.kind === 'in'
          ? `${this.attribute(condition.of.attribute)} is not ${this.written(condition.of)}`
          : `not (${this.condition(condition.of)})`;
      default:
        return assertNever(condition);
    }
  }

  /** What must hold: "the lining material must be Textile". */
  must(condition: Condition): string {
    if (condition.kind === 'in') return `${this.attribute(condition.attribute)} must be ${this.written(condition)}`;
    if (condition.kind === 'all' && condition.of.every((part) => part.kind === 'in')) return joined(condition.of.map((part) => this.must(part)), 'and');
    return `it must be that ${this.condition(condition)}`;
  }

  /** A tag as written, with the options it stands for today: "pale (Optic white, Chalk or Sand)". */
  private written(condition: Extract<Condition, { kind: 'in' }>): string {
    const options = this.options(condition.attribute, condition.options);
    if (!condition.tags || condition.tags.length === 0) return options;
    return `${joined([...condition.tags], 'or')} (${condition.options.length > 0 ? options : 'no option yet'})`;
  }

  /** A part of an `all`/`any`, in brackets when it mixes the other connective. */
  private part(part: Condition, within: 'all' | 'any'): string {
    const text = this.condition(part);
    return (part.kind === 'all' || part.kind === 'any') && part.kind !== within && part.of.length > 1 ? `(${text})` : text;
  }
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function lowerFirst(text: string): string {
  // "Toe cap" reads "toe cap" mid-sentence; an abbreviation ("EU size") keeps its capitals.
  return /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** "a, b or c". */
function joined(items: readonly string[], word: 'or' | 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)!}`;
}

/** The first few items and how many more (of `total`, when only the first few were put in words). */
function listed(items: readonly string[], separator: string, total = items.length): string {
  if (total <= LISTED) return items.join(separator);
  return `${items.slice(0, LISTED).join(separator)}${separator}and ${total - LISTED} more`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
