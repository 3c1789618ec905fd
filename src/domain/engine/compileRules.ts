import { createCompiledSpace } from './compiledSpace.ts';
import type { ConfigurationSpace } from './configurationSpace.ts';
import { hardConstraints, type HardConstraint } from './hardConstraints.ts';
import { compileProblem } from './diagram/compileProblem.ts';
import type { IndexedTable } from './tables/tableProblem.ts';
import type { Product } from '../product/index.ts';
import type { RuleSet } from '../rules/index.ts';
import { deserialiseDiagram, type SerialisedDiagram } from './serialisedDiagram.ts';
import type { SessionFacts } from './sessionFacts.ts';

/** What {@link compileRules} may start from. */
export interface CompileOptions {
  /** A compiled artifact to load instead of compiling; ignored when it does not fit. */
  readonly artifact?: SerialisedDiagram | undefined;
  /** The session's facts; availability rules that withdraw options add constraints (and the artifact is not used). */
  readonly facts?: SessionFacts | undefined;
}

/** Largest number of option combinations a single rule may span before it must be split. */
export const MAX_RULE_COMBINATIONS = 4_000_000;

/**
 * Compiles a product's hard rules into a reduced decision diagram whose paths are exactly the
 * valid designs, and returns the engine over it. Each rule becomes a table over the attributes it
 * reads (the smaller of its accepted or rejected combinations); the tables are compiled under a
 * FORCE variable order. Given a compiled artifact (see {@link SerialisedDiagram}) that fits the
 * product, it is loaded instead of compiling; one that does not fit is ignored. Given the session's
 * facts, options withdrawn by availability rules are excluded like any hard rule.
 *
 * @example
 * const space = compileRules(product, ruleSet);
 * space.domains({ 'toeCap.material': 'patent' }).get('toeCap.colour'); // ['optic-white', 'black', 'red']
 */
export function compileRules(product: Product, ruleSet: RuleSet, options: CompileOptions = {}): ConfigurationSpace {
  const constraints = hardConstraints(product, ruleSet, options.facts);
  const withdrawsNothing = constraints.length === hardConstraints(product, ruleSet).length;
  const artifact = withdrawsNothing ? options.artifact : undefined;
  const tables = constraints.map((constraint) => tableOf(product, constraint));
  const infos = constraints.map(({ ruleId, message, attributes, implicit }) => ({ ruleId, message, attributes, implicit }));
  const restored = artifact ? deserialiseDiagram(artifact, product.attributes) : undefined;
  if (restored && 'diagram' in restored) {
    return createCompiledSpace({ product, tables, constraints: infos, diagram: restored.diagram, order: restored.order });
  }
  const domainSizes = Int32Array.from(product.attributes, (attribute) => attribute.options.length);
  const compiled = compileProblem(domainSizes, tables);
  return createCompiledSpace({
    product,
    tables,
    constraints: infos,
    diagram: compiled.diagram,
    order: compiled.order,
    compiled,
  });
}

/** Enumerates a rule's scope into a table of accepted (or, when fewer, rejected) combinations. */
export function tableOf(product: Product, constraint: HardConstraint): IndexedTable {
  const scope = Int32Array.from(constraint.attributes, (id) => product.attributes.findIndex((attribute) => attribute.id === id));
  const options = Array.from(scope, (index) => product.attributes[index]!.options.map((option) => option.id));
  const combinations = options.reduce((product, list) => product * list.length, 1);
  const written = constraint.table && indexedRows(constraint.table.rows, options, combinations);
  if (constraint.table && written) return { id: constraint.ruleId, scope, allowed: constraint.table.allowed, rows: written };
  if (combinations > MAX_RULE_COMBINATIONS) {
    throw new Error(`[Atelier] rule "${constraint.ruleId}" spans ${combinations} option combinations of ${constraint.attributes.join(', ')}; split it into rules over fewer attributes`);
  }
  const accepted: number[] = [];
  const rejected: number[] = [];
  const indices = new Array<number>(scope.length).fill(0);
  const values = new Array<string>(scope.length);
  for (let combination = 0; combination < combinations; combination++) {
    for (let column = 0; column < scope.length; column++) values[column] = options[column]![indices[column]!]!;
    (constraint.accepts(values) ? accepted : rejected).push(...indices);
    for (let column = scope.length - 1; column >= 0; column--) {
      if (++indices[column]! < options[column]!.length) break;
      indices[column] = 0;
    }
  }
  const allowed = accepted.length <= rejected.length;
  return { id: constraint.ruleId, scope, allowed, rows: Int32Array.from(allowed ? accepted : rejected) };
}

// A table's rows indexed, kept with its rows array (a CSV table's rows stay the same array while
// its text is unchanged, see DraftCheckCache): the rules studio compiles again on every edit that
// changes what the rules mean, and indexing 200k rows is a sixth of that. Rows are never changed
// once loaded; the options they were indexed against are part of the key.
const indexedByRows = new WeakMap<object, { readonly options: string; readonly rows: Int32Array | undefined }>();

function indexedRows(rows: readonly (readonly string[])[], options: readonly (readonly string[])[], combinations: number): Int32Array | undefined {
  const key = options.map((list) => list.join('\u0000')).join('\u0001');
  const kept = indexedByRows.get(rows);
  if (kept?.options === key) return kept.rows;
  const indexed = writtenRows(rows, options, combinations);
  indexedByRows.set(rows, { options: key, rows: indexed });
  return indexed;
}

/**
 * A table's written rows as sorted, distinct option indices, when they are fewer than half the
 * scope's combinations: then they are exactly what enumerating the scope would keep (the smaller
 * side, in the same order), found without visiting every combination. Undefined otherwise, and
 * enumerating is then bounded by twice the rows.
 */
function writtenRows(rows: readonly (readonly string[])[], options: readonly (readonly string[])[], combinations: number): Int32Array | undefined {
  if (rows.length * 2 >= combinations) return undefined;
  const indexOf = options.map((list) => new Map(list.map((id, index) => [id, index])));
  const keys = new Set<number>();
  for (const row of rows) {
    let key = 0;
    for (let column = 0; column < options.length; column++) key = key * options[column]!.length + indexOf[column]!.get(row[column]!)!;
    keys.add(key);
  }
  if (keys.size * 2 >= combinations) return undefined;
  const width = options.length;
  const flat = new Int32Array(keys.size * width);
  [...keys].sort((a, b) => a - b).forEach((key, row) => {
    for (let column = width - 1; column >= 0; column--) {
      const size = options[column]!.length;
      flat[row * width + column] = key % size;
      key = Math.floor(key / size);
    }
  });
  return flat;
}
