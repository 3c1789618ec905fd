/**
 * A seeded family of Renault-like configuration problems in the shared table JSON format, so the
 * engine can be measured and tested on instances it has never seen (issue 15).
 *
 * The shape copies `renault-mod-0`'s rather than uniform noise:
 * - a few "hub" variables (model, engine, country…) with one or two large domains (20–50 values)
 *   appear in most tables; their combinations come from a hidden catalogue of product lines
 *   (families of small-hub values, each crossed with some large-hub values), itself one table;
 * - each other variable depends on one parent hub: each value of the parent offers a subset of its
 *   values (an engine allows some gearboxes), so options are decided hub by hub, as in real data;
 * - the big tables (thousands to 50k rows) are hubs plus one to three other variables, and many
 *   small tables tie a few neighbouring variables together, often with one hub; each allowed table
 *   is the lines' hub values crossed with the options they offer, less some combinations in small
 *   tables, plus 1 % noise, and always holds hidden witness designs (one per line and a few more),
 *   so satisfiable instances have a great many designs;
 * - forbidden tables are small (1–500 rows of arity 2–4) and never forbid a witness's projection;
 * - a separate module of 10-valued variables (like Renault's `V101`..`V110`) holds a cycle of three
 *   functional tables a→b, b→c, a→c: consistent in a satisfiable instance, contradictory in an
 *   unsatisfiable one, whose minimal conflict is then those three tables.
 *
 * Plain TypeScript, deterministic from the seed; no I/O (scripts write the files).
 */
import { randomInt, seededRandom } from '../../shared/index.ts';
import type { ProblemTable, ProblemVariable, TableProblem } from '../tables/tableProblem.ts';

/** `renault`: 60–200 variables, tables up to 50k rows; `small`: 6–9 variables of 2–3 values, for brute force. */
export type FamilyProfile = 'renault' | 'small';

/** How to generate one instance. */
export interface FamilyOptions {
  /** Default `renault`. */
  readonly profile?: FamilyProfile;
  /** In (0, 1]: fewer variables, lines and rows, for quick tests of the `renault` profile. Default 1. */
  readonly scale?: number;
  /** Forces the module's cycle to be contradictory (true) or consistent (false); by default one seed in four is unsatisfiable. */
  readonly unsatisfiable?: boolean;
}

interface Sizes {
  readonly variables: number;
  readonly hubs: number;
  readonly largeHubs: number;
  readonly lines: number;
  readonly families: number;
  readonly moduleVariables: number;
  readonly moduleDomain: number;
  readonly maxRows: number;
  readonly tablesPerVariable: number;
  readonly maxArity: number;
  readonly hubDomain: () => number;
  readonly localDomain: () => number;
}

/** Local domain sizes in Renault's proportions: half binary, a tail up to 30. */
function renaultDomain(random: () => number): number {
  const roll = random();
  if (roll < 0.55) return 2;
  if (roll < 0.7) return 3;
  if (roll < 0.85) return 4 + randomInt(random, 4);
  if (roll < 0.96) return 9 + randomInt(random, 5);
  return 20 + randomInt(random, 11);
}

function sizesFor(profile: FamilyProfile, scale: number, random: () => number): Sizes {
  if (profile === 'small') {
    return {
      variables: 6 + randomInt(random, 4), hubs: 2, largeHubs: 0, lines: 2 + randomInt(random, 4), families: 2,
      moduleVariables: 3, moduleDomain: 2 + randomInt(random, 2), maxRows: 40, tablesPerVariable: 0.8, maxArity: 4,
      hubDomain: () => 2 + randomInt(random, 2),
      localDomain: () => 2 + randomInt(random, 2),
    };
  }
  const scaled = (value: number, floor: number) => Math.max(floor, Math.round(value * scale));
  return {
    variables: scaled(60 + randomInt(random, 141), 14),
    hubs: scaled(5 + randomInt(random, 4), 3),
    largeHubs: 1 + randomInt(random, 2),
    lines: scaled(20 + randomInt(random, 200), 8),
    families: scaled(6 + randomInt(random, 25), 3),
    moduleVariables: scaled(6 + randomInt(random, 5), 3),
    moduleDomain: 10,
    maxRows: scaled(50_000, 500),
    tablesPerVariable: 1.1 + random() * 0.4,
    maxArity: 10,
    hubDomain: () => 2 + randomInt(random, 8),
    localDomain: () => renaultDomain(random),
  };
}

/** `count` distinct indices of [0, n), in random order (count ≤ n). */
function sample(random: () => number, n: number, count: number): number[] {
  const pool = Array.from({ length: n }, (_, index) => index);
  for (let index = 0; index < count; index++) {
    const other = index + randomInt(random, n - index);
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
  }
  return pool.slice(0, count);
}

/** A log-uniform integer in [low, high]: as many small tables as big ones per decade. */
function logUniform(random: () => number, low: number, high: number): number {
  return Math.round(Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low))));
}

/**
 * One instance of the family. The same seed and options give the same problem on every machine.
 *
 * @example
 * const problem = generateFamilyInstance(7);               // 60–200 variables
 * const tiny = generateFamilyInstance(7, { profile: 'small' }); // brute-forceable
 */
export function generateFamilyInstance(seed: number, options: FamilyOptions = {}): TableProblem {
  const profile = options.profile ?? 'renault';
  const scale = Math.min(1, Math.max(0.01, options.scale ?? 1));
  const random = seededRandom(seed);
  const unsatisfiable = options.unsatisfiable ?? random() < 0.25;
  const sizes = sizesFor(profile, scale, random);
  const pick = <T>(items: readonly T[]): T => items[randomInt(random, items.length)]!;

  // Variables: hubs first, then locals, then the module; ids are shuffled at the end.
  const hubCount = Math.min(sizes.hubs, sizes.variables - sizes.moduleVariables - 1);
  const localCount = sizes.variables - sizes.moduleVariables - hubCount;
  const domains: number[] = [];
  for (let hub = 0; hub < hubCount; hub++) {
    domains.push(hub < sizes.largeHubs ? 20 + randomInt(random, 31) : sizes.hubDomain());
  }
  for (let local = 0; local < localCount; local++) domains.push(sizes.localDomain());
  for (let index = 0; index < sizes.moduleVariables; index++) domains.push(sizes.moduleDomain);
  const hubs = Array.from({ length: hubCount }, (_, index) => index);
  const locals = Array.from({ length: localCount }, (_, index) => hubCount + index);
  const moduleVariables = Array.from({ length: sizes.moduleVariables }, (_, index) => hubCount + localCount + index);

  // Product lines: families fix the small hubs (with some variation), lines add the large ones.
  const families = Array.from({ length: sizes.families }, () => hubs.map((hub) => randomInt(random, domains[hub]!)));
  // Each local depends on one "parent" hub: each of the parent's values offers a subset of the
  // local's values (an engine allows some gearboxes), so the options of a local are decided by one
  // hub, not by every hub value at once, as in real data.
  const parent = domains.map(() => pick(hubs));
  const parentOptions = domains.map((size, variable) => Array.from({ length: domains[parent[variable]!]! }, () =>
    sample(random, size, 1 + randomInt(random, Math.max(1, Math.ceil(size * 0.7)))).sort((x, y) => x - y)));
  const lineHubs: Int32Array[] = [];
  for (let line = 0; line < sizes.lines; line++) {
    const family = pick(families);
    const hubValues = new Int32Array(domains.length);
    for (const hub of hubs) hubValues[hub] = hub < sizes.largeHubs || random() < 0.15 ? randomInt(random, domains[hub]!) : family[hub]!;
    lineHubs.push(hubValues);
  }
  /** Each line with a few designs within its parents' options: designs that satisfy each allowed table. */
  const witnesses = lineHubs.flatMap((hubValues) => Array.from({ length: 2 + randomInt(random, 3) }, () => {
    const witness = Int32Array.from(hubValues);
    for (const local of locals) witness[local] = pick(parentOptions[local]![hubValues[parent[local]!]!]!);
    return witness;
  }));

  const tables: { scope: number[]; allowed: boolean; rows: number[][] }[] = [];
  const occurrences = new Int32Array(domains.length);
  const keyOf = (row: readonly number[]) => row.join(',');
  const projection = (witness: Int32Array, scope: readonly number[]) => scope.map((variable) => witness[variable]!);

  /** Every combination of the given values per position, in order. */
  const product = (choices: readonly (readonly number[])[]): number[][] =>
    choices.reduce<number[][]>((rows, values) => rows.flatMap((row) => values.map((value) => [...row, value])), [[]]);

  /**
   * Allowed rows: each line's hub values crossed with the options their values offer for the locals
   * (all values when the local's parent hub is not in the table), less some combinations in small
   * tables of locals only (never a witness's), plus a little noise. Locals are dropped from the
   * scope while the table would pass the row cap.
   */
  const allowedRows = (wanted: readonly number[]): { scope: number[]; rows: number[][] } => {
    const hubPart = wanted.filter((variable) => hubs.includes(variable));
    let localPart = wanted.filter((variable) => !hubs.includes(variable));
    const hubRows = new Map(lineHubs.map((hubValues) => {
      const hubRow = projection(hubValues, hubPart);
      return [keyOf(hubRow), hubRow] as const;
    }));
    const optionsFor = (hubRow: readonly number[]) => localPart.map((local) => {
      const position = hubPart.indexOf(parent[local]!);
      return position < 0 ? Array.from({ length: domains[local]! }, (_, value) => value) : parentOptions[local]![hubRow[position]!]!;
    });
    const size = () => [...hubRows.values()].reduce((total, hubRow) => total + optionsFor(hubRow).reduce((count, options) => count * options.length, 1), 0);
    while (localPart.length > 0 && size() > sizes.maxRows) localPart = localPart.slice(0, -1);
    const scope = [...hubPart, ...localPart];
    const drop = hubPart.length === 0 && localPart.length <= 3 && random() < 0.6 ? 0.2 + random() * 0.5 : 0;
    const protectedRows = new Set(witnesses.map((witness) => keyOf(projection(witness, scope))));
    const rows = new Map<string, number[]>();
    for (const hubRow of hubRows.values()) {
      for (const localRow of product(optionsFor(hubRow))) {
        const row = [...hubRow, ...localRow];
        const key = keyOf(row);
        if (protectedRows.has(key) || random() >= drop) rows.set(key, row);
      }
    }
    const noise = Math.round(rows.size * 0.01);
    for (let index = 0; index < noise; index++) {
      const row = scope.map((variable) => randomInt(random, domains[variable]!));
      rows.set(keyOf(row), row);
    }
    return { scope, rows: [...rows.values()] };
  };

  /** Forbidden rows: random combinations no witness takes. */
  const forbiddenRows = (scope: readonly number[], target: number): number[][] => {
    const taken = new Set(witnesses.map((witness) => keyOf(projection(witness, scope))));
    const rows = new Map<string, number[]>();
    for (let attempt = 0; rows.size < target && attempt < 4 * target; attempt++) {
      const row = scope.map((variable) => randomInt(random, domains[variable]!));
      const key = keyOf(row);
      if (!taken.has(key)) rows.set(key, row);
    }
    return [...rows.values()];
  };

  /**
   * Locals near one another in a hidden line-up (modules of related options), preferring ones in no
   * table yet, plus now and then one of a few widely shared locals: sharing stays local, as in the
   * Renault data, where most variables are in one or two tables.
   */
  const shared = locals.slice(0, Math.min(locals.length, 2 + randomInt(random, 3)));
  const pickLocals = (count: number): number[] => {
    const uncovered = locals.filter((local) => occurrences[local] === 0);
    const centre = uncovered.length > 0 && random() < 0.7 ? pick(uncovered) : pick(locals);
    const chosen = new Set<number>([centre]);
    if (random() < 0.3) chosen.add(pick(shared));
    for (let attempt = 0; chosen.size < count && attempt < 20 * count; attempt++) {
      const near = centre + randomInt(random, 9) - 4;
      if (near >= hubCount && near < hubCount + localCount) chosen.add(near);
    }
    return [...chosen];
  };
  const addTable = (scope: number[], allowed: boolean, rows: number[][]) => {
    if (rows.length === 0) return;
    for (const variable of scope) occurrences[variable]!++;
    tables.push({ scope, allowed, rows });
  };

  const addAllowed = (wanted: readonly number[]) => {
    const { scope, rows } = allowedRows(wanted);
    if (scope.length >= 2) addTable(scope, true, rows);
  };
  // The catalogue of lines: which hub combinations exist at all (Renault's largest tables are of
  // this kind). It bounds the combinations the hubs can take, so the instance stays compilable.
  addAllowed([...hubs]);
  const tableCount = Math.max(3, Math.round(sizes.tablesPerVariable * (hubCount + localCount)));
  for (let index = 0; index < tableCount && locals.length > 0; index++) {
    const roll = random();
    if (roll < 0.2) {
      // Forbidden: arity 2–4 over hubs and locals, mostly one or a few rows.
      const arity = Math.min(2 + randomInt(random, 3), hubCount + localCount);
      const scope = [...new Set([...sample(random, hubCount, randomInt(random, Math.min(2, hubCount) + 1)), ...pickLocals(arity)])].slice(0, arity);
      if (scope.length < 2) continue;
      const product = scope.reduce((total, variable) => total * domains[variable]!, 1);
      const target = random() < 0.75 ? 1 + randomInt(random, 4) : Math.min(logUniform(random, 5, 500), Math.floor(product / 3));
      addTable(scope, false, forbiddenRows(scope, Math.max(1, target)));
      continue;
    }
    const hubHeavy = roll < 0.35;
    const hubPart = hubHeavy
      ? sample(random, hubCount, Math.min(hubCount, 3 + randomInt(random, 4)))
      : sample(random, hubCount, Math.min(hubCount, random() < 0.4 ? 0 : 1 + randomInt(random, 2)));
    const wide = Math.max(1, Math.min(random() < 0.1 ? 8 : 4, sizes.maxArity - 3));
    const localPart = pickLocals(hubHeavy ? 1 + randomInt(random, 3) : Math.max(hubPart.length === 0 ? 2 : 1, 1 + randomInt(random, wide)));
    const scope = [...hubPart, ...localPart].slice(0, sizes.maxArity);
    if (scope.length >= 2) addAllowed(scope);
  }
  // Every local in at least one table: a small table with one hub.
  for (const local of locals) {
    if (occurrences[local] !== 0) continue;
    addAllowed([pick(hubs), local]);
  }

  // The module: a cycle a→b→c against a→c, plus tables drawn from module witnesses.
  const [a, b, c, ...rest] = moduleVariables as [number, number, number, ...number[]];
  const size = sizes.moduleDomain;
  const f = Array.from({ length: size }, () => randomInt(random, size));
  const g = Array.from({ length: size }, () => randomInt(random, size));
  const h = f.map((value) => unsatisfiable ? (g[value]! + 1 + randomInt(random, size - 1)) % size : random() < 0.5 ? g[value]! : randomInt(random, size));
  const extra = (rest.length > 0 ? rest : [a]);
  const cycle = (from: number, to: number, map: (value: number) => number[]) => {
    const other = pick(extra);
    const scope = other === from || other === to ? [from, to] : [from, to, other];
    const rows: number[][] = [];
    for (let value = 0; value < size; value++) {
      for (const image of map(value)) {
        if (scope.length === 2) rows.push([value, image]);
        else for (let free = 0; free < domains[other]!; free++) rows.push([value, image, free]);
      }
    }
    addTable(scope, true, rows);
  };
  cycle(a, b, (value) => [f[value]!]);
  cycle(b, c, (value) => [g[value]!]);
  cycle(a, c, (value) => [...new Set(unsatisfiable ? [h[value]!] : [g[f[value]!]!, h[value]!])]);
  const moduleWitnesses = Array.from({ length: 4 + randomInt(random, 8) }, () => {
    const witness = new Int32Array(domains.length);
    witness[a] = randomInt(random, size);
    witness[b] = f[witness[a]]!;
    witness[c] = g[witness[b]]!;
    for (const variable of rest) witness[variable] = randomInt(random, size);
    return witness;
  });
  for (let index = 0; index < rest.length; index++) {
    const scope = [...new Set([rest[index]!, ...sample(random, moduleVariables.length, 1 + randomInt(random, 3)).map((position) => moduleVariables[position]!)])];
    if (scope.length < 2) continue;
    const rows = new Map(moduleWitnesses.map((witness) => {
      const row = projection(witness, scope);
      return [keyOf(row), row] as const;
    }));
    const target = logUniform(random, 10, Math.min(1500, scope.reduce((total, variable) => total * domains[variable]!, 1)));
    for (let attempt = 0; rows.size < target && attempt < 3 * target; attempt++) {
      const row = scope.map((variable) => randomInt(random, domains[variable]!));
      rows.set(keyOf(row), row);
    }
    addTable(scope, true, [...rows.values()]);
  }

  // Shuffled ids and table order, so declaration order says nothing about the structure.
  const names = sample(random, domains.length, domains.length);
  const variables: ProblemVariable[] = names.map((_, position) => {
    const variable = names.indexOf(position);
    return { id: `V${position}`, values: Array.from({ length: domains[variable]! }, (_, value) => String(value)) };
  });
  const order = sample(random, tables.length, tables.length);
  const constraints: ProblemTable[] = order.map((tableIndex, position) => {
    const table = tables[tableIndex]!;
    return {
      id: `C${position}`,
      scope: table.scope.map((variable) => `V${names[variable]}`),
      kind: table.allowed ? 'allowed' : 'forbidden',
      tuples: table.rows.map((row) => row.map(String)),
    };
  });
  return {
    name: `family-${profile}-${seed}${scale < 1 ? `-x${scale}` : ''}${unsatisfiable ? '-unsat' : ''}`,
    variables,
    constraints,
  };
}
