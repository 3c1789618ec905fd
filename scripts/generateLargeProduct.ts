/**
 * A large synthetic product for benchmarks, in the project's own product and rules model (built
 * as `Product` and `RuleSet` objects directly, not as YAML): 60 parts, each with a material and a
 * colour attribute (120 attributes of 2–20 options), material palettes, and 300 hard rules
 * (100 requires, 80 excludes, 70 allowed and 50 forbidden combinations) over attributes at most
 * `nearby` (3) positions apart, the way real rules relate neighbouring parts. (At 6 apart, compiling did
 * not finish in 10 minutes: the diagram's width grows with the options crossing each level.) Deterministic for a seed; checked
 * to have valid designs.
 *
 * `npx tsx scripts/generateLargeProduct.ts [seed]` prints its size, count and compile time.
 */
import { compileRules, type AttributeDef, type Condition, type OptionDef, type PartDef, type Product, type Rule, type RuleSet } from '../src/domain/index.ts';
import { isEntryPoint } from '../src/cli/isEntryPoint.ts';
import { randomInt, seededRandom } from '../src/domain/shared/index.ts';

const PARTS = 60;
const POOL = 20;

/** Generates the product and its rules; throws if the rules allow no design (never for the default seed). */
export function generateLargeProduct(seed = 1, { nearby = 3, check = true }: { nearby?: number; check?: boolean } = {}): { product: Product; ruleSet: RuleSet } {
  if (nearby < 2) throw new Error('nearby must be at least 2 (three-attribute rules need two neighbours)');
  const next = seededRandom(seed);
  const integer = (low: number, high: number) => low + randomInt(next, high - low + 1);
  /** `count` distinct items of `items`, in their original order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const picked = new Set<number>();
    while (picked.size < Math.min(count, items.length)) picked.add(randomInt(next, items.length));
    return [...picked].sort((a, b) => a - b).map((index) => items[index]!);
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const materialPool: OptionDef[] = Array.from({ length: POOL }, (_, i) => ({
    id: `mat-${pad(i)}`, label: `Material ${i}`, code: `MT-${pad(i)}`,
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 },
  }));
  const colourPool: OptionDef[] = Array.from({ length: POOL }, (_, i) => ({
    id: `col-${pad(i)}`, label: `Colour ${i}`, code: `CL-${pad(i)}`, hex: `#${(0x101010 * (i % 15) + 0x0f).toString(16).padStart(6, '0')}`,
  }));
  // Half the materials come in a palette of most colours; the others in every colour.
  const palettes = materialPool.slice(0, POOL / 2).map((material) => ({
    materialId: material.id,
    materialLabel: material.label,
    colourIds: sample(colourPool, integer(14, 18)).map((colour) => colour.id),
  }));

  const parts: PartDef[] = [];
  const attributes: AttributeDef[] = [];
  for (let p = 0; p < PARTS; p++) {
    const id = `part${pad(p)}`;
    const material: AttributeDef = { id: `${id}.material`, label: 'Material', kind: 'material', partId: id, options: sample(materialPool, integer(2, 20)) };
    const colour: AttributeDef = { id: `${id}.colour`, label: 'Colour', kind: 'colour', partId: id, options: sample(colourPool, integer(2, 20)) };
    parts.push({ id, label: `Part ${p}`, kind: 'part', meshes: [id], attributeIds: [material.id, colour.id] });
    attributes.push(material, colour);
  }

  const optionsOf = (attribute: AttributeDef) => attribute.options.map((option) => option.id);
  const isIn = (attribute: AttributeDef, options: readonly string[]): Condition => ({ kind: 'in', attribute: attribute.id, options });
  /** An attribute 1..nearby positions after `index` (rules start early enough to stay inside). */
  const near = (index: number) => attributes[index + integer(1, nearby)]!;
  const distinctNear = (index: number, count: number) => {
    const picked = new Map<string, AttributeDef>();
    while (picked.size < count) {
      const attribute = near(index);
      picked.set(attribute.id, attribute);
    }
    return [...picked.values()];
  };

  const rules: Rule[] = [];
  const add = (kind: string, build: (index: number, id: string) => Rule, count: number) => {
    for (let n = 0; n < count; n++) build(integer(0, attributes.length - 1 - nearby), `${kind}-${String(n).padStart(3, '0')}`);
  };
  add('requires', (index, id) => {
    const [when, then] = [attributes[index]!, near(index)];
    const wanted = sample(optionsOf(then), Math.max(1, Math.ceil(then.options.length * (0.6 + 0.3 * next()))));
    const rule: Rule = { id, kind: 'requires', message: `${when.id} in these options needs ${then.id} in ${wanted.join(', ')}.`, when: isIn(when, sample(optionsOf(when), integer(1, 3))), then: isIn(then, wanted) };
    rules.push(rule);
    return rule;
  }, 100);
  add('excludes', (index, id) => {
    const [b, c] = distinctNear(index, 2);
    const when = attributes[index]!;
    const rule: Rule = {
      id, kind: 'excludes', message: `${when.id} is never paired with these options of ${b!.id} or ${c!.id}.`,
      when: isIn(when, sample(optionsOf(when), 1)),
      excludes: { kind: 'any', of: [isIn(b!, sample(optionsOf(b!), integer(1, 2))), isIn(c!, sample(optionsOf(c!), 1))] },
    };
    rules.push(rule);
    return rule;
  }, 80);
  add('allowed', (index, id) => {
    const scope = [attributes[index]!, ...distinctNear(index, integer(1, 2))];
    const combinations = combinationsOf(scope.map(optionsOf));
    // Keep each combination with probability 3/4 (at least one).
    const rows = combinations.filter(() => next() < 0.75);
    const rule: Rule = { id, kind: 'allowed-combinations', message: `Only these combinations of ${scope.map((a) => a.id).join(', ')} are made.`, attributes: scope.map((a) => a.id), rows: rows.length > 0 ? rows : [combinations[0]!] };
    rules.push(rule);
    return rule;
  }, 70);
  add('forbidden', (index, id) => {
    const scope = [attributes[index]!, near(index)];
    const rows = combinationsOf(scope.map(optionsOf)).filter(() => next() < 0.15);
    const rule: Rule = { id, kind: 'forbidden-combinations', message: `These combinations of ${scope.map((a) => a.id).join(' and ')} are not made.`, attributes: scope.map((a) => a.id), rows };
    rules.push(rule);
    return rule;
  }, 50);

  const product: Product = {
    id: 'large', name: 'Large generated product', description: `Generated for benchmarks (seed ${seed}).`, currency: 'EUR',
    basePrice: 10_000, baseLeadTimeDays: 10, model: '', parts, attributes, palettes, sizes: [], presets: [],
  };
  const ruleSet: RuleSet = { productId: product.id, rules };
  if (check && !compileRules(product, ruleSet).isConsistent({})) throw new Error(`the generated product (seed ${seed}) has no valid design; try another seed`);
  return { product, ruleSet };
}

function combinationsOf(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((rows, list) => rows.flatMap((row) => list.map((option) => [...row, option])), [[]]);
}

if (isEntryPoint(import.meta.url)) {
  const seed = Number(process.argv[2] ?? 1);
  const started = performance.now();
  const { product, ruleSet } = generateLargeProduct(seed);
  const generated = performance.now();
  const space = compileRules(product, ruleSet);
  const compiled = performance.now();
  const domains = space.domains({});
  const dead = product.attributes.reduce((sum, attribute) => sum + attribute.options.length - domains.get(attribute.id)!.length, 0);
  const options = product.attributes.reduce((sum, attribute) => sum + attribute.options.length, 0);
  console.log(`seed ${seed}: ${product.attributes.length} attributes, ${options} options (${dead} in no valid design), ${ruleSet.rules.length} rules + ${space.constraints.length - ruleSet.rules.length} palette rules`);
  console.log(`${space.count({})} valid designs; ${space.size} nodes; generated and checked in ${(generated - started).toFixed(0)} ms, compiled in ${(compiled - generated).toFixed(0)} ms`);
}
