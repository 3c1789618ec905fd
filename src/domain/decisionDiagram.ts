/**
 * A quasi-reduced multi-valued decision diagram (MDD) over variables 0..n-1 in a fixed order.
 * Every path from the root to TRUE visits every level once, and no two nodes are equal, so the
 * paths to TRUE are exactly the valid designs. Building is done with {@link DecisionDiagramBuilder};
 * answering questions is done on the flat, read-only {@link DecisionDiagram}.
 */

/** The terminal that no valid design reaches. */
export const FALSE_NODE = 0;
/** The terminal every valid design reaches. */
export const TRUE_NODE = 1;

/** For each variable, the single value it is fixed to, or -1 when free. */
export type Restriction = Int32Array;

/**
 * Builds MDDs by hash-consing nodes and conjoining them. Kept separate from the flat runtime form
 * because building needs hash maps and growth, answering needs neither.
 */
export class DecisionDiagramBuilder {
  private readonly nodeLevels: number[] = [-1, -1];
  private readonly nodeChildren: (readonly number[])[] = [[], []];
  private readonly unique = new Map<string, number>();
  private readonly andCache = new Map<string, number>();
  /** trueChain[level]: the node accepting every value from `level` down. */
  private readonly trueChain: number[];

  constructor(readonly domainSizes: readonly number[]) {
    this.trueChain = new Array<number>(domainSizes.length + 1);
    this.trueChain[domainSizes.length] = TRUE_NODE;
    for (let level = domainSizes.length - 1; level >= 0; level--) {
      this.trueChain[level] = this.node(level, new Array<number>(domainSizes[level]!).fill(this.trueChain[level + 1]!));
    }
  }

  /** The node accepting everything (no constraint). */
  get tautology(): number {
    return this.trueChain[0]!;
  }

  /** The unique node at `level` with these children; a node with only FALSE children is FALSE. */
  node(level: number, children: readonly number[]): number {
    if (children.every((child) => child === FALSE_NODE)) return FALSE_NODE;
    const key = `${level}:${children.join(',')}`;
    const existing = this.unique.get(key);
    if (existing !== undefined) return existing;
    const id = this.nodeLevels.length;
    this.nodeLevels.push(level);
    this.nodeChildren.push(children);
    this.unique.set(key, id);
    return id;
  }

  /**
   * The MDD of a predicate over a few variables (`scope`, any order). `accepts` receives the
   * values of the scope variables in scope order.
   */
  fromPredicate(scope: readonly number[], accepts: (values: readonly number[]) => boolean): number {
    const scopeByLevel = [...scope].sort((a, b) => a - b);
    const lastLevel = scopeByLevel[scopeByLevel.length - 1] ?? -1;
    const values = new Array<number>(scope.length).fill(-1);
    const memo = new Map<string, number>();
    const build = (level: number): number => {
      if (level > lastLevel) return accepts(values) ? this.trueChain[level]! : FALSE_NODE;
      const key = `${level}|${values.join(',')}`;
      const cached = memo.get(key);
      if (cached !== undefined) return cached;
      const scopeIndex = scope.indexOf(level);
      let result: number;
      if (scopeIndex < 0) {
        const child = build(level + 1);
        result = this.node(level, new Array<number>(this.domainSizes[level]!).fill(child));
      } else {
        const children: number[] = [];
        for (let value = 0; value < this.domainSizes[level]!; value++) {
          values[scopeIndex] = value;
          children.push(build(level + 1));
        }
        values[scopeIndex] = -1;
        result = this.node(level, children);
      }
      memo.set(key, result);
      return result;
    };
    return build(0);
  }

  /** The conjunction of two MDDs built by this builder. */
  and(a: number, b: number): number {
    if (a === FALSE_NODE || b === FALSE_NODE) return FALSE_NODE;
    if (a === TRUE_NODE) return b;
    if (b === TRUE_NODE || a === b) return a;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    const cached = this.andCache.get(key);
    if (cached !== undefined) return cached;
    const level = this.nodeLevels[a]!;
    const childrenA = this.nodeChildren[a]!;
    const childrenB = this.nodeChildren[b]!;
    const children = childrenA.map((child, value) => this.and(child, childrenB[value]!));
    const result = this.node(level, children);
    this.andCache.set(key, result);
    return result;
  }

  /** Copies the nodes reachable from `root` into a flat, read-only diagram. */
  freeze(root: number): DecisionDiagram {
    const levelCount = this.domainSizes.length;
    const byLevel: number[][] = Array.from({ length: levelCount }, () => []);
    const seen = new Set<number>([FALSE_NODE, TRUE_NODE]);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      byLevel[this.nodeLevels[id]!]!.push(id);
      for (const child of this.nodeChildren[id]!) stack.push(child);
    }
    const order = byLevel.flat();
    const newId = new Map<number, number>([[FALSE_NODE, FALSE_NODE], [TRUE_NODE, TRUE_NODE]]);
    order.forEach((id, index) => newId.set(id, index + 2));
    const nodeCount = order.length + 2;
    const levels = new Int32Array(nodeCount).fill(levelCount);
    const childOffsets = new Int32Array(nodeCount + 1);
    const children = new Int32Array(order.reduce((sum, id) => sum + this.nodeChildren[id]!.length, 0));
    let offset = 0;
    order.forEach((id, index) => {
      const node = index + 2;
      levels[node] = this.nodeLevels[id]!;
      childOffsets[node] = offset;
      for (const child of this.nodeChildren[id]!) children[offset++] = newId.get(child)!;
    });
    childOffsets[nodeCount] = offset;
    const rootId = newId.get(root)!;
    return new DecisionDiagram([...this.domainSizes], levels, childOffsets, children, rootId);
  }
}

/**
 * A flat MDD: node ids 0 (FALSE) and 1 (TRUE) are terminals; internal nodes 2.. are numbered by
 * ascending level, so one forward and one backward sweep over the arrays answer every question.
 */
export class DecisionDiagram {
  constructor(
    readonly domainSizes: readonly number[],
    /** Level of each node (terminals: the number of levels). */
    readonly levels: Int32Array,
    /** Children of node n are `children[childOffsets[n] .. childOffsets[n] + domainSizes[level]]`. */
    readonly childOffsets: Int32Array,
    readonly children: Int32Array,
    readonly root: number,
  ) {}

  /** Number of nodes, terminals included. */
  get nodeCount(): number {
    return this.levels.length;
  }

  /** An all-free restriction. */
  freeRestriction(): Restriction {
    return new Int32Array(this.domainSizes.length).fill(-1);
  }

  /** True when at least one valid design agrees with the restriction. */
  isSatisfiable(restriction: Restriction): boolean {
    return this.root !== FALSE_NODE && this.backwardAlive(restriction)[this.root] === 1;
  }

  /**
   * For each variable, which values some valid design takes while agreeing with the restriction
   * on every *other* variable. For a free variable that is its valid domain; for a fixed one it is
   * the set of values it could be switched to without touching anything else.
   */
  supportedValues(restriction: Restriction): Uint8Array[] {
    const result = this.domainSizes.map((size) => new Uint8Array(size));
    if (this.root === FALSE_NODE) return result;
    const alive = this.backwardAlive(restriction);
    const reached = new Uint8Array(this.nodeCount);
    reached[this.root] = 1;
    for (let node = 2; node < this.nodeCount; node++) {
      if (reached[node] === 0) continue;
      const level = this.levels[node]!;
      const fixed = restriction[level]!;
      const offset = this.childOffsets[node]!;
      const supported = result[level]!;
      for (let value = 0; value < this.domainSizes[level]!; value++) {
        const child = this.children[offset + value]!;
        if (alive[child] === 0) continue;
        supported[value] = 1;
        if (fixed < 0 || fixed === value) reached[child] = 1;
      }
    }
    return result;
  }

  /** The exact number of valid designs agreeing with the restriction. */
  count(restriction: Restriction): bigint {
    if (this.root === FALSE_NODE) return 0n;
    const counts = new Array<bigint>(this.nodeCount).fill(0n);
    counts[TRUE_NODE] = 1n;
    for (let node = this.nodeCount - 1; node >= 2; node--) {
      const level = this.levels[node]!;
      const fixed = restriction[level]!;
      const offset = this.childOffsets[node]!;
      let total = 0n;
      for (let value = 0; value < this.domainSizes[level]!; value++) {
        if (fixed < 0 || fixed === value) total += counts[this.children[offset + value]!]!;
      }
      counts[node] = total;
    }
    return counts[this.root]!;
  }

  /** alive[n] = 1 when some path from n to TRUE agrees with the restriction below n's level. */
  private backwardAlive(restriction: Restriction): Uint8Array {
    const alive = new Uint8Array(this.nodeCount);
    alive[TRUE_NODE] = 1;
    for (let node = this.nodeCount - 1; node >= 2; node--) {
      const level = this.levels[node]!;
      const fixed = restriction[level]!;
      const offset = this.childOffsets[node]!;
      if (fixed >= 0) {
        alive[node] = alive[this.children[offset + fixed]!]!;
        continue;
      }
      for (let value = 0; value < this.domainSizes[level]!; value++) {
        if (alive[this.children[offset + value]!] === 1) {
          alive[node] = 1;
          break;
        }
      }
    }
    return alive;
  }
}
