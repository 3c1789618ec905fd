import type { AttributeId, Product } from '../product/index.ts';
import type { DesignChoices } from './designDistance.ts';

/** What the members of a cluster of near-identical designs differ in. */
export interface ClusterDifferences {
  /** The attributes where the members do not all agree, in the product's order. */
  readonly attributeIds: readonly AttributeId[];
  /** For a designer: "7 designs, differ only in lace colour"; "1 design". */
  readonly sentence: string;
}

/**
 * Says how the designs of a cluster differ: the attributes in which its members do not all agree,
 * named as a customer reads them ("lace colour", "toe cap material").
 *
 * @example clusterDifferences(product, members) // { attributeIds: ['laces.colour'], sentence: '7 designs, differ only in lace colour' }
 */
export function clusterDifferences(product: Pick<Product, 'attributes' | 'parts'>, members: readonly DesignChoices[]): ClusterDifferences {
  const count = `${members.length} design${members.length === 1 ? '' : 's'}`;
  const first = members[0];
  const attributeIds = first === undefined ? [] : product.attributes.filter((attribute) => members.some((member) => member[attribute.id] !== first[attribute.id])).map((attribute) => attribute.id);
  if (members.length < 2) return { attributeIds, sentence: count };
  if (attributeIds.length === 0) return { attributeIds, sentence: `${count}, all alike` };
  const names = attributeIds.map((id) => attributeName(product, id));
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return { attributeIds, sentence: `${count}, differ only in ${listed}` };
}

/** "lace colour": the part's label and the attribute's, in lower case, as a sentence needs. */
function attributeName(product: Pick<Product, 'attributes' | 'parts'>, id: AttributeId): string {
  const attribute = product.attributes.find((candidate) => candidate.id === id)!;
  const part = product.parts.find((candidate) => candidate.id === attribute.partId);
  const attributeLabel = attribute.label.toLowerCase();
  if (!part) return attributeLabel;
  const partLabel = part.label.toLowerCase();
  return attributeLabel.startsWith(partLabel) ? attributeLabel : `${partLabel} ${attributeLabel}`;
}
