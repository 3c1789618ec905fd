import type { AttributeId, OptionId, PartId, Product } from '../product/index.ts';
import type { WeightedDesign } from './optionInsight.ts';

/** How often customers change one attribute from the design they start from. */
export interface AttributeChangeRate {
  readonly attributeId: AttributeId;
  /** 0 to 1: the weight of the designs whose option differs from the starting one, over all the weight. */
  readonly rate: number;
  /** The weight of those designs. */
  readonly weight: number;
}

/** How often customers change a part (or section) from the design they start from, in any of its attributes. */
export interface PartChangeRate {
  readonly partId: PartId;
  /** `part`: painted on the model; `section`: a choice that is not one part (a fit). */
  readonly kind: 'part' | 'section';
  /** 0 to 1: the weight of the designs that differ in at least one of its attributes, over all the weight. */
  readonly rate: number;
  /** The weight of those designs. */
  readonly weight: number;
  /** Each of its attributes, in the product's order. */
  readonly attributes: readonly AttributeChangeRate[];
}

/** What {@link partChangeRates} finds. */
export interface PartChangeRates {
  /** The weight of every design counted (the denominator of every rate). */
  readonly total: number;
  /** Every part and section of the product, in the product's order. */
  readonly parts: readonly PartChangeRate[];
}

/**
 * The parts customers change most: for each part of the product, the share of the designs'
 * weight (units ordered, or signals) in which the part differs from `starting` — the design every
 * customer starts from — in any of its attributes, and the share for each attribute. A part's rate
 * is at least each of its attributes' rates and at most their sum (a design that changes the toe
 * cap's material and colour counts once for the toe cap). An attribute a design does not set is
 * not a change: nothing says the customer touched it. Designs of no weight are not counted.
 *
 * @example partChangeRates(product, { 'laces.colour': 'white', … }, [{ choices: { 'laces.colour': 'black', … }, weight: 3 }, { choices: { 'laces.colour': 'white', … }, weight: 1 }])
 * // { total: 4, parts: [… { partId: 'laces', rate: 0.75, weight: 3, attributes: [{ attributeId: 'laces.colour', rate: 0.75, weight: 3 }] } …] }
 */
export function partChangeRates(product: Pick<Product, 'parts' | 'attributes'>, starting: Readonly<Record<AttributeId, OptionId>>, designs: readonly WeightedDesign[]): PartChangeRates {
  const counted = designs.filter((design) => design.weight > 0);
  const total = counted.reduce((sum, design) => sum + design.weight, 0);
  const changed = (design: WeightedDesign, attributeId: AttributeId) => {
    const chosen = design.choices[attributeId];
    return chosen !== undefined && chosen !== starting[attributeId];
  };
  const share = (weight: number) => (total > 0 ? weight / total : 0);
  const attributesOf = new Map<PartId, AttributeId[]>();
  for (const attribute of product.attributes) attributesOf.set(attribute.partId, [...(attributesOf.get(attribute.partId) ?? []), attribute.id]);
  const parts = product.parts.map((part): PartChangeRate => {
    const ids = attributesOf.get(part.id) ?? [];
    const attributes = ids.map((attributeId): AttributeChangeRate => {
      const weight = counted.reduce((sum, design) => sum + (changed(design, attributeId) ? design.weight : 0), 0);
      return { attributeId, weight, rate: share(weight) };
    });
    const weight = counted.reduce((sum, design) => sum + (ids.some((id) => changed(design, id)) ? design.weight : 0), 0);
    return { partId: part.id, kind: part.kind, weight, rate: share(weight), attributes };
  });
  return { total, parts };
}
