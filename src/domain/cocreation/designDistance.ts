import { differenceCiede2000, modeLab65, modeRgb, useMode } from 'culori/fn';
import type { AttributeDef, AttributeId, OptionId, Product } from '../product/index.ts';

/** A design as the designers' review compares it: one option per attribute (unset attributes are absent). */
export type DesignChoices = Readonly<Record<AttributeId, OptionId>>;

/**
 * How far apart two materials are, 0 (interchangeable to a customer's eye) to 1 (unrelated), by
 * material option id in either order. Pairs not in the table are 1 apart.
 *
 * @example { leather: { suede: 0.4, 'patent-leather': 0.3 } }
 */
export type MaterialDistances = Readonly<Record<OptionId, Readonly<Record<OptionId, number>>>>;

/** What {@link designDistance} weighs. */
export interface DistanceOptions {
  /** How much a difference in each attribute counts (1 unless given). */
  readonly weights?: Readonly<Record<AttributeId, number>>;
  readonly materials?: MaterialDistances;
  /**
   * The CIEDE2000 colour difference counted as a whole difference (1); smaller differences count
   * in proportion. 20 by default: two whites or two navies are a fraction of a difference apart,
   * white and navy a whole one.
   */
  readonly wholeColourDifference?: number;
}

/** The default of {@link DistanceOptions.wholeColourDifference}. */
export const WHOLE_COLOUR_DIFFERENCE = 20;

/**
 * Measures how different two designs of one product look: a weighted Hamming distance over the
 * product's attributes (PRODUCT.md §5). Each attribute that differs adds its weight times how far
 * apart its two options are: colours by the CIEDE2000 difference of their hex values (scaled so
 * that {@link DistanceOptions.wholeColourDifference} is 1), materials by the
 * {@link MaterialDistances} table, any other option 1. An attribute set in one design and not the
 * other counts as a whole difference. Symmetric, 0 only for designs that look the same.
 *
 * Build it once per product and options: the options' distances are computed once into a table per
 * attribute, and each design turned into option codes once, so a comparison is a few lookups.
 *
 * @example
 * const distance = designDistance(product);
 * distance({ 'laces.colour': 'white' }, { 'laces.colour': 'chalk' }) // ≈ 0.1
 */
export function designDistance(product: Pick<Product, 'attributes'>, options: DistanceOptions = {}): (a: DesignChoices, b: DesignChoices) => number {
  const attributes = product.attributes.map((attribute) => {
    const size = attribute.options.length;
    const table = new Float64Array(size * size);
    const single = pairDistanceOf(attribute, options);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) table[i * size + j] = i === j ? 0 : single(attribute.options[i]!.id, attribute.options[j]!.id);
    }
    // Options the product no longer has (designs of older versions) get codes past the table's: a whole difference from any other.
    const codes = new Map(attribute.options.map((option, position) => [option.id, position]));
    return { id: attribute.id, weight: options.weights?.[attribute.id] ?? 1, size, table, codes };
  });
  // Each design is turned into option codes once (the clustering compares it hundreds of times).
  const encoded = new WeakMap<DesignChoices, Int32Array>();
  const encode = (choices: DesignChoices): Int32Array => {
    let codes = encoded.get(choices);
    if (!codes) {
      codes = new Int32Array(attributes.length);
      attributes.forEach((attribute, k) => {
        const option = choices[attribute.id];
        if (option === undefined) {
          codes![k] = -1;
          return;
        }
        let code = attribute.codes.get(option);
        if (code === undefined) {
          code = attribute.codes.size;
          attribute.codes.set(option, code);
        }
        codes![k] = code;
      });
      encoded.set(choices, codes);
    }
    return codes;
  };
  return (a, b) => {
    const left = encode(a);
    const right = encode(b);
    let total = 0;
    for (let k = 0; k < attributes.length; k++) {
      const i = left[k]!;
      const j = right[k]!;
      if (i === j) continue;
      const { weight, size, table } = attributes[k]!;
      total += weight * (i < 0 || j < 0 || i >= size || j >= size ? 1 : table[i * size + j]!);
    }
    return total;
  };
}

/** How far apart two options of one attribute are, 0 to 1, computed (once per pair, into the attribute's table). */
function pairDistanceOf(attribute: AttributeDef, options: DistanceOptions): (a: OptionId, b: OptionId) => number {
  if (attribute.kind === 'material') {
    const table = options.materials ?? {};
    return (a, b) => clampUnit(table[a]?.[b] ?? table[b]?.[a] ?? 1);
  }
  if (attribute.kind === 'colour') {
    const hexById = new Map(attribute.options.flatMap((option) => (option.hex ? [[option.id, option.hex] as const] : [])));
    const whole = options.wholeColourDifference ?? WHOLE_COLOUR_DIFFERENCE;
    const difference = colourDifference();
    return (a, b) => {
      const left = hexById.get(a);
      const right = hexById.get(b);
      return left && right ? clampUnit(difference(left, right) / whole) : 1;
    };
  }
  return () => 1;
}

let ciede2000: ((a: string, b: string) => number) | undefined;

/**
 * culori's CIEDE2000, with only the colour spaces it needs registered (culori/fn has no side
 * effects, so the customer's bundle does not carry them unless this runs).
 */
function colourDifference(): (a: string, b: string) => number {
  if (!ciede2000) {
    useMode(modeRgb);
    useMode(modeLab65);
    const difference = differenceCiede2000();
    const cache = new Map<string, number>();
    ciede2000 = (a, b) => {
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      let value = cache.get(key);
      if (value === undefined) {
        value = difference(a, b);
        cache.set(key, value);
      }
      return value;
    };
  }
  return ciede2000;
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}
