import type { AttributeId, OptionId, Product } from '../product/index.ts';
import type { DesignChoices } from './designDistance.ts';

/** A design and how much it weighs in the figures (units ordered, or designs reviewed). */
export interface WeightedDesign {
  readonly choices: DesignChoices;
  readonly weight: number;
}

/** The share of the weight that chose an option. */
export interface TakeRate {
  readonly attributeId: AttributeId;
  readonly optionId: OptionId;
  /** 0 to 1: the option's weight over the weight of the designs that set the attribute. */
  readonly rate: number;
  readonly weight: number;
}

/**
 * The take rate of every option of every attribute: of the designs (weighted) that set the
 * attribute, the share that chose the option. Options nobody chose are listed with 0, so a chart
 * shows them; in the product's order.
 *
 * @example takeRates(product, [{ choices: { 'laces.colour': 'white' }, weight: 3 }, { choices: { 'laces.colour': 'black' }, weight: 1 }])
 * // [… { attributeId: 'laces.colour', optionId: 'white', rate: 0.75, weight: 3 } …]
 */
export function takeRates(product: Pick<Product, 'attributes'>, designs: readonly WeightedDesign[]): TakeRate[] {
  return product.attributes.flatMap((attribute) => {
    const byOption = new Map<OptionId, number>();
    let total = 0;
    for (const { choices, weight } of designs) {
      const chosen = choices[attribute.id];
      if (chosen === undefined) continue;
      byOption.set(chosen, (byOption.get(chosen) ?? 0) + weight);
      total += weight;
    }
    return attribute.options.map((option) => {
      const weight = byOption.get(option.id) ?? 0;
      return { attributeId: attribute.id, optionId: option.id, weight, rate: total > 0 ? weight / total : 0 };
    });
  });
}

/** How much more (or less) often two options are chosen together than by chance. */
export interface OptionLift {
  readonly a: { readonly attributeId: AttributeId; readonly optionId: OptionId };
  readonly b: { readonly attributeId: AttributeId; readonly optionId: OptionId };
  /** P(A∧B) / (P(A)·P(B)): 1 = independent, above 1 = chosen together more than by chance. */
  readonly lift: number;
  /** The weight of the designs with both: how much the lift rests on. */
  readonly together: number;
}

/**
 * The pairwise lift between options of different attributes, P(A∧B)/(P(A)·P(B)) over the designs'
 * weight (PRODUCT.md §5), for every pair chosen together with at least `minimumTogether` weight
 * (a lift that rests on one order says nothing), strongest association first (largest |log lift|).
 *
 * @example optionLift(designs, 5)[0] // { a: laces.colour=white, b: midsole.colour=white, lift: 1.8, together: 40 }
 */
export function optionLift(designs: readonly WeightedDesign[], minimumTogether = 1): OptionLift[] {
  const total = designs.reduce((sum, design) => sum + design.weight, 0);
  if (total <= 0) return [];
  // Every option chosen gets a small number, in the order of its attribute and option ids, so a
  // design's pairs are counted by arithmetic on numbers, not by building a string per pair (the
  // hot loop: about 276 pairs per design of 24 attributes, over 10,000 designs).
  const options = chosenOptions(designs);
  const count = options.list.length;
  const single = new Float64Array(count);
  // Dense counts while the table is small (up to 8 MB), else a map keyed by number.
  const dense = count <= 1024 ? new Float64Array(count * count) : null;
  const sparse = dense ? null : new Map<number, number>();
  const ids: number[] = [];
  for (const { choices, weight } of designs) {
    ids.length = 0;
    for (const attributeId in choices) ids.push(options.idOf.get(attributeId)!.get(choices[attributeId]!)!);
    ids.sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      single[a]! += weight;
      for (let j = i + 1; j < ids.length; j++) {
        const cell = a * count + ids[j]!;
        if (dense) dense[cell]! += weight;
        else sparse!.set(cell, (sparse!.get(cell) ?? 0) + weight);
      }
    }
  }
  const lifts: (OptionLift & { readonly cell: number })[] = [];
  const add = (cell: number, together: number) => {
    if (together <= 0 || together < minimumTogether) return;
    const a = Math.floor(cell / count);
    const b = cell % count;
    const lift = (together / total) / ((single[a]! / total) * (single[b]! / total));
    lifts.push({ a: options.list[a]!, b: options.list[b]!, lift, together, cell });
  };
  if (dense) for (let cell = 0; cell < dense.length; cell++) add(cell, dense[cell]!);
  else for (const [cell, together] of sparse!) add(cell, together);
  // Strongest first; then the better supported; then in id order, so equal lifts always list alike.
  lifts.sort((x, y) => Math.abs(Math.log(y.lift)) - Math.abs(Math.log(x.lift)) || y.together - x.together || x.cell - y.cell);
  return lifts.map(({ a, b, lift, together }) => ({ a, b, lift, together }));
}

/** The options the designs choose, numbered in the order of attribute id then option id. */
function chosenOptions(designs: readonly WeightedDesign[]): { list: { attributeId: AttributeId; optionId: OptionId }[]; idOf: Map<AttributeId, Map<OptionId, number>> } {
  const seen = new Map<AttributeId, Set<OptionId>>();
  for (const { choices } of designs) {
    for (const attributeId in choices) {
      let chosen = seen.get(attributeId);
      if (!chosen) seen.set(attributeId, (chosen = new Set()));
      chosen.add(choices[attributeId]!);
    }
  }
  const list: { attributeId: AttributeId; optionId: OptionId }[] = [];
  const idOf = new Map<AttributeId, Map<OptionId, number>>();
  for (const attributeId of [...seen.keys()].sort(byCodeUnits)) {
    const ids = new Map<OptionId, number>();
    for (const optionId of [...seen.get(attributeId)!].sort(byCodeUnits)) {
      ids.set(optionId, list.length);
      list.push({ attributeId, optionId });
    }
    idOf.set(attributeId, ids);
  }
  return { list, idOf };
}

function byCodeUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A design's demand now against before. */
export interface Trend {
  /** Per day over the recent window. */
  readonly recentRate: number;
  /** Per day over the baseline window before it. */
  readonly baselineRate: number;
  /**
   * recent / baseline − 1, with one count added to each side (so that a design new this week with
   * 3 orders is +300 %, not infinite); 0 = steady.
   */
  readonly change: number;
}

/**
 * Compares a design's recent demand with a moving window before it (PRODUCT.md §5): counts per
 * day over the last `recentDays` against the `baselineDays` before them.
 *
 * @example trend(30, 7, 10, 28) // recent 30/7 a day against 10/28: { change: ≈ 10.1 }
 */
export function trend(recentCount: number, recentDays: number, baselineCount: number, baselineDays: number): Trend {
  const recentRate = recentCount / recentDays;
  const baselineRate = baselineCount / baselineDays;
  return { recentRate, baselineRate, change: (recentCount + 1) / recentDays / ((baselineCount + 1) / baselineDays) - 1 };
}
