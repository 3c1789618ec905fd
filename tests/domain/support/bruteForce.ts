// A brute-force oracle for the rules engine: it enumerates every full design of a small product and
// checks each hard rule directly from the documented semantics (README, "Rules format"), sharing no
// code with the compiled engine.
import fc from 'fast-check';
import type { Assignment, AttributeDef, Condition, Product, RuleSet } from '../../../src/domain/index.ts';
import type { MaterialPalette } from '../../../src/domain/product/productModel.ts';
import type { HardRule, Rule } from '../../../src/domain/rules/rulesModel.ts';

/** A hard constraint as the oracle sees it. */
export interface OracleConstraint {
  readonly ruleId: string;
  readonly accepts: (design: Assignment) => boolean;
}

/** Does `condition` hold on a complete design? */
export function holds(condition: Condition, design: Assignment): boolean {
  switch (condition.kind) {
    case 'in':
      return condition.options.includes(design[condition.attribute]!);
    case 'all':
      return condition.of.every((part) => holds(part, design));
    case 'any':
      return condition.of.some((part) => holds(part, design));
    case 'not':
      return !holds(condition.of, design);
  }
}

function isHard(rule: Rule): rule is HardRule {
  return rule.kind === 'requires' || rule.kind === 'excludes' || rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations'
    || rule.kind === 'different' || rule.kind === 'same';
}

/**
 * requires = not when or then; excludes = not (when and excludes); allowed = the tuple is a row;
 * forbidden = it is not; different = unless `when` fails, no two listed attributes have the same
 * option id; same = unless `when` fails, all have the first one's.
 */
export function ruleAccepts(rule: HardRule, design: Assignment): boolean {
  switch (rule.kind) {
    case 'requires':
      return !holds(rule.when, design) || holds(rule.then, design);
    case 'excludes':
      return !(holds(rule.when, design) && holds(rule.excludes, design));
    case 'allowed-combinations':
    case 'forbidden-combinations': {
      const isRow = rule.rows.some((row) => row.every((option, index) => design[rule.attributes[index]!] === option));
      return rule.kind === 'allowed-combinations' ? isRow : !isRow;
    }
    case 'different':
    case 'same': {
      if (rule.when && !holds(rule.when, design)) return true;
      const values = rule.attributes.map((attribute) => design[attribute]!);
      return rule.kind === 'same'
        ? values.every((value) => value === values[0])
        : values.every((value, index) => values.indexOf(value) === index);
    }
  }
}

/**
 * Every hard constraint: the product's palettes (a material only comes in its colours, on every part
 * that has both a material and a colour attribute; cited as `palette:<part>:<material>`) and the hard rules.
 */
export function oracleConstraints(product: Product, ruleSet: RuleSet): OracleConstraint[] {
  const constraints: OracleConstraint[] = [];
  for (const part of product.parts) {
    const material = product.attributes.find((a) => a.partId === part.id && a.kind === 'material');
    const colour = product.attributes.find((a) => a.partId === part.id && a.kind === 'colour');
    if (!material || !colour) continue;
    for (const option of material.options) {
      const palette = product.palettes.find((p) => p.materialId === option.id);
      if (!palette) continue;
      constraints.push({
        ruleId: `palette:${part.id}:${option.id}`,
        accepts: (design) => design[material.id] !== option.id || palette.colourIds.includes(design[colour.id]!),
      });
    }
  }
  for (const rule of ruleSet.rules) {
    if (isHard(rule)) constraints.push({ ruleId: rule.id, accepts: (design) => ruleAccepts(rule, design) });
  }
  return constraints;
}

/** Every full assignment of the product's attributes, in product order. */
export function allDesigns(product: Product): Assignment[] {
  let designs: Record<string, string>[] = [{}];
  for (const attribute of product.attributes) {
    designs = designs.flatMap((design) => attribute.options.map((option) => ({ ...design, [attribute.id]: option.id })));
  }
  return designs;
}

/** True when `design` agrees with every value of `fixed`. */
export function extendsAssignment(design: Assignment, fixed: Assignment): boolean {
  return Object.entries(fixed).every(([attribute, option]) => design[attribute] === option);
}

/** Answers the engine's questions by enumeration. */
export class BruteForce {
  readonly constraints: OracleConstraint[];
  readonly designs: Assignment[];
  readonly valid: Assignment[];

  constructor(readonly product: Product, ruleSet: RuleSet) {
    this.constraints = oracleConstraints(product, ruleSet);
    this.designs = allDesigns(product);
    this.valid = this.designs.filter((design) => this.isValid(design));
  }

  isValid(design: Assignment): boolean {
    return this.constraints.every((constraint) => constraint.accepts(design));
  }

  isConsistent(fixed: Assignment): boolean {
    return this.valid.some((design) => extendsAssignment(design, fixed));
  }

  count(fixed: Assignment): bigint {
    return BigInt(this.valid.filter((design) => extendsAssignment(design, fixed)).length);
  }

  isConsistentUnder(ruleIds: readonly string[], fixed: Assignment): boolean {
    const chosen = this.constraints.filter((constraint) => ruleIds.includes(constraint.ruleId));
    return this.designs.some((design) => extendsAssignment(design, fixed) && chosen.every((constraint) => constraint.accepts(design)));
  }

  /** Free attribute: its options in some valid extension. Fixed one: the options it could switch to, keeping the other values. */
  domains(fixed: Assignment): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const attribute of this.product.attributes) {
      const others = Object.fromEntries(Object.entries(fixed).filter(([id]) => id !== attribute.id));
      const seen = new Set(this.valid.filter((design) => extendsAssignment(design, others)).map((design) => design[attribute.id]));
      result.set(attribute.id, attribute.options.map((option) => option.id).filter((id) => seen.has(id)));
    }
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators of small random products and rule sets.
// ---------------------------------------------------------------------------------------------

const MATERIAL_POOL = ['m0', 'm1', 'm2', 'm3', 'm4'];
const COLOUR_POOL = ['c0', 'c1', 'c2', 'c3', 'c4'];

const partShape = fc.record({
  hasColour: fc.boolean(),
  materials: fc.shuffledSubarray(MATERIAL_POOL, { minLength: 2, maxLength: 4 }),
  colours: fc.shuffledSubarray(COLOUR_POOL, { minLength: 2, maxLength: 4 }),
});

/** Palettes for some materials; often none at all, so that only the written rules apply. */
const palettesArb: fc.Arbitrary<MaterialPalette[]> = fc.oneof(
  { arbitrary: fc.constant<MaterialPalette[]>([]), weight: 1 },
  {
    arbitrary: fc.tuple(...MATERIAL_POOL.map(() => fc.option(fc.subarray(COLOUR_POOL, { minLength: 1 }), { freq: 2 }))).map((colourLists) =>
      colourLists.flatMap((colourIds, index) => (colourIds ? [{ materialId: MATERIAL_POOL[index]!, materialLabel: `Material ${index}`, colourIds }] : []))),
    weight: 1,
  },
);

/** A product of 2–6 attributes with 2–4 options each: parts with a material and, often, a colour. */
export const productArb: fc.Arbitrary<Product> = fc
  .array(partShape, { minLength: 1, maxLength: 4 })
  .filter((parts) => {
    const attributes = parts.reduce((sum, part) => sum + (part.hasColour ? 2 : 1), 0);
    return attributes >= 2 && attributes <= 6;
  })
  .chain((parts) => palettesArb.map((palettes): Product => {
    const attributes: AttributeDef[] = [];
    const partDefs = parts.map((part, index) => {
      const id = `p${index}`;
      const material: AttributeDef = {
        id: `${id}.material`, label: 'Material', kind: 'material', partId: id,
        options: part.materials.map((option) => ({ id: option, label: option.toUpperCase(), code: `MT-${option}` })),
      };
      attributes.push(material);
      if (part.hasColour) {
        attributes.push({
          id: `${id}.colour`, label: 'Colour', kind: 'colour', partId: id,
          options: part.colours.map((option) => ({ id: option, label: option.toUpperCase(), code: `CL-${option}`, hex: '#123456' })),
        });
      }
      return { id, label: `Part ${index}`, kind: 'part' as const, meshes: [id], attributeIds: attributes.filter((a) => a.partId === id).map((a) => a.id) };
    });
    return {
      id: 'toy', name: 'Toy', description: '', currency: 'EUR', basePrice: 1000, baseLeadTimeDays: 5, model: 'toy.glb',
      parts: partDefs, attributes, palettes, sizes: [], presets: [],
    };
  }));

/** A random condition over the product's attributes, nested up to `depth` levels of all/any/not. */
export function conditionArb(attributes: readonly AttributeDef[], depth = 2): fc.Arbitrary<Condition> {
  const leaf: fc.Arbitrary<Condition> = fc.constantFrom(...attributes).chain((attribute) =>
    fc.subarray(attribute.options.map((option) => option.id), { minLength: 1 }).map((options): Condition => ({ kind: 'in', attribute: attribute.id, options })));
  if (depth === 0) return leaf;
  const inner = conditionArb(attributes, depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'all', of })), weight: 1 },
    { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'any', of })), weight: 1 },
    { arbitrary: inner.map((of): Condition => ({ kind: 'not', of })), weight: 1 },
  );
}

type WithoutIdentity<T> = T extends unknown ? Omit<T, 'id' | 'message'> : never;
type RuleBody = WithoutIdentity<HardRule> | { kind: 'default'; when?: Condition; set: Record<string, string> };

function hardRuleArb(attributes: readonly AttributeDef[]): fc.Arbitrary<RuleBody> {
  const condition = conditionArb(attributes);
  const table = (kind: 'allowed-combinations' | 'forbidden-combinations') =>
    fc.shuffledSubarray([...attributes], { minLength: 2, maxLength: Math.min(3, attributes.length) }).chain((scope) =>
      fc.array(fc.tuple(...scope.map((attribute) => fc.constantFrom(...attribute.options.map((option) => option.id)))), { minLength: 1, maxLength: 8 })
        .map((rows): RuleBody => ({ kind, attributes: scope.map((attribute) => attribute.id), rows })));
  const match = (kind: 'different' | 'same') =>
    fc.record({ scope: fc.shuffledSubarray([...attributes], { minLength: 2, maxLength: Math.min(3, attributes.length) }), when: fc.option(conditionArb(attributes, 1), { nil: undefined }) })
      .map(({ scope, when }): RuleBody => ({ kind, attributes: scope.map((attribute) => attribute.id), ...(when ? { when } : {}) }));
  return fc.oneof(
    fc.record({ when: condition, then: condition }).map((body): RuleBody => ({ kind: 'requires', ...body })),
    fc.record({ when: condition, excludes: condition }).map((body): RuleBody => ({ kind: 'excludes', ...body })),
    table('allowed-combinations'),
    table('forbidden-combinations'),
    match('different'),
    match('same'),
  );
}

function defaultRuleArb(attributes: readonly AttributeDef[]): fc.Arbitrary<RuleBody> {
  const set = fc.subarray([...attributes], { minLength: 1 }).chain((chosen) =>
    fc.tuple(...chosen.map((attribute) => fc.constantFrom(...attribute.options.map((option) => option.id))))
      .map((options) => Object.fromEntries(chosen.map((attribute, index) => [attribute.id, options[index]!]))));
  return fc.record({ when: fc.option(conditionArb(attributes, 1), { nil: undefined }), set })
    .map(({ when, set: values }): RuleBody => (when ? { kind: 'default', when, set: values } : { kind: 'default', set: values }));
}

/** 0–5 random hard rules and 0–2 defaults, with unique ids. */
export function ruleSetArb(product: Product): fc.Arbitrary<RuleSet> {
  return fc.tuple(
    fc.array(hardRuleArb(product.attributes), { maxLength: 5 }),
    fc.array(defaultRuleArb(product.attributes), { maxLength: 2 }),
  ).map(([hard, defaults]) => ({
    productId: product.id,
    rules: [
      ...hard.map((body, index) => ({ ...body, id: `rule-${index}`, message: `Rule ${index}.` }) as Rule),
      ...defaults.map((body, index) => ({ ...body, id: `default-${index}`, message: `Default ${index}.` }) as Rule),
    ],
  }));
}

/** A random partial assignment of the product's attributes (possibly conflicting). */
export function partialAssignmentArb(product: Product): fc.Arbitrary<Assignment> {
  return fc.tuple(...product.attributes.map((attribute) => fc.option(fc.constantFrom(...attribute.options.map((option) => option.id)), { freq: 2 })))
    .map((values) => {
      const fixed: Record<string, string> = {};
      values.forEach((value, index) => {
        if (value !== null) fixed[product.attributes[index]!.id] = value;
      });
      return fixed;
    });
}

/** Random picks that drive a configuration session: which free attribute, which offered option. */
export const picksArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 });
