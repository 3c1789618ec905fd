import { attributeDisplayName, type AttributeKind, type Product } from '../product/index.ts';
import type { Rule } from '../rules/index.ts';

/** What an editor offers while a merchandiser types: the product's ids with their names, and the rule kinds. */
export interface DraftVocabulary {
  readonly attributes: readonly {
    readonly id: string;
    /** "Vamp material". */
    readonly name: string;
    /** What it controls: a part's material or colour, or a section's choice. */
    readonly kind: AttributeKind;
    /** The part or section it belongs to ("Vamp"), for hover docs. */
    readonly part: { readonly id: string; readonly label: string };
    readonly options: readonly { readonly id: string; readonly label: string; readonly tags: readonly string[] }[];
  }[];
  readonly ruleKinds: readonly { readonly kind: Rule['kind']; readonly summary: string }[];
}

/** Every rule kind of the format, with what it does in a line (a kind added to `Rule` must be added here: the type says so). */
const RULE_KIND_SUMMARIES: Readonly<Record<Rule['kind'], string>> = {
  requires: 'if `when` holds, `then` must hold (hard)',
  excludes: '`when` never together with `excludes` (hard)',
  'allowed-combinations': 'only these rows of options over a few attributes (hard)',
  'forbidden-combinations': 'never these rows of options (hard)',
  different: 'the attributes never share an option (hard)',
  same: 'the attributes always take the same option (hard)',
  availability: 'options offered only while a session fact holds: region, dates (hard)',
  default: 'preferred options while the customer has not chosen (soft)',
  recommendation: 'options suggested first; never removes one (soft)',
  price: 'a surcharge while `when` holds',
  'lead-time': 'extra production days while `when` holds',
  alert: 'a note shown while `when` holds',
};

/** The ids a draft's product offers, for completion, and the rule kinds. */
export function draftVocabulary(product: Product): DraftVocabulary {
  return {
    attributes: product.attributes.map((attribute) => ({
      id: attribute.id,
      name: attributeDisplayName(product, attribute),
      kind: attribute.kind,
      part: { id: attribute.partId, label: product.parts.find((part) => part.id === attribute.partId)?.label ?? attribute.partId },
      options: attribute.options.filter((option) => !option.retired).map((option) => ({ id: option.id, label: option.label, tags: option.tags ?? [] })),
    })),
    ruleKinds: (Object.keys(RULE_KIND_SUMMARIES) as Rule['kind'][]).map((kind) => ({ kind, summary: RULE_KIND_SUMMARIES[kind] })),
  };
}
