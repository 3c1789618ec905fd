import { FALSE, TRUE } from './mddStore.ts';

/**
 * A reduced MDD frozen into flat typed arrays for answering questions fast. Nodes are numbered by
 * ascending level (0 = FALSE, 1 = TRUE, root first among the rest), so one backward and one forward
 * sweep answer every question. Only edges to live children are stored (sparse), and an edge may skip
 * levels: a skipped level accepts any value along that edge.
 *
 * This is also the serialised artifact: the arrays are what `serialiseDiagram` writes.
 */
export class CompiledDiagram {
  readonly nodeCount: number;
  readonly levelCount: number;
  /** First value index of each level in per-value arrays. */
  readonly valueOffsets: Int32Array;
  private readonly alive: Uint8Array;
  private readonly reached: Uint8Array;
  private readonly cover: Int32Array;
  private readonly counts: Float64Array;
  /** Depth-first search scratch: a node is visited in the current search when `visited[node] === visit`. */
  private readonly visited: Int32Array;
  private visit = 0;
  private readonly stack: Int32Array;

  constructor(
    /** Domain size of each level. */
    readonly domainSizes: Int32Array,
    /** Level of each node; terminals sit at `levelCount`. */
    readonly levels: Int32Array,
    /** Edges of node n: `edgeStart[n] .. edgeStart[n + 1]`. */
    readonly edgeStart: Int32Array,
    readonly edgeValue: Int32Array,
    readonly edgeChild: Int32Array,
    readonly root: number,
  ) {
    this.nodeCount = levels.length;
    this.levelCount = domainSizes.length;
    this.valueOffsets = new Int32Array(this.levelCount + 1);
    for (let level = 0; level < this.levelCount; level++) this.valueOffsets[level + 1] = this.valueOffsets[level]! + domainSizes[level]!;
    this.alive = new Uint8Array(this.nodeCount);
    this.reached = new Uint8Array(this.nodeCount);
    this.cover = new Int32Array(this.levelCount + 1);
    this.counts = new Float64Array(this.nodeCount);
    this.visited = new Int32Array(this.nodeCount);
    this.stack = new Int32Array(this.nodeCount);
  }

  /** A restriction with every level free (-1); set `r[level] = value` to fix a level. */
  freeRestriction(): Int32Array {
    return new Int32Array(this.levelCount).fill(-1);
  }

  /**
   * True when some accepted assignment agrees with the restriction. First a depth-first search
   * from the root along agreeing edges, which stops at the first path to TRUE and never enters a
   * node twice: a consistent restriction is usually answered by the first path, and one that fixes
   * many levels by the few nodes it can reach. When the search has followed a quarter as many
   * edges as the diagram has nodes without an answer, one backward sweep (a node at a time,
   * stopping at its first live edge) decides instead, so a restriction that leaves much open costs
   * little more than the sweep. (On the Renault benchmark this halves the cost of the consistency
   * checks explanations make; on the generated large product it is a little cheaper too.)
   */
  isSatisfiable(restriction: Int32Array): boolean {
    const found = this.searchForPath(restriction, this.nodeCount / 4);
    if (found !== undefined) return found;
    this.sweepAlive(restriction);
    return this.alive[this.root] === 1;
  }

  /** Depth-first search for a path to TRUE agreeing with the restriction; undefined after `budget` edges without an answer. */
  private searchForPath(restriction: Int32Array, budget: number): boolean | undefined {
    const { root, levels, edgeStart, edgeValue, edgeChild } = this;
    if (root < 2) return root === TRUE;
    if (++this.visit === 0x7fffffff) {
      this.visited.fill(0);
      this.visit = 1;
    }
    const { visited, visit, stack } = this;
    let top = 0;
    stack[top++] = root;
    visited[root] = visit;
    while (top > 0) {
      const node = stack[--top]!;
      const fixed = restriction[levels[node]!]!;
      let edge = edgeStart[node]!;
      let end = edgeStart[node + 1]!;
      if (fixed >= 0) {
        // Only the fixed value's edge, if any, agrees.
        while (edge < end && edgeValue[edge] !== fixed) edge++;
        if (edge === end) continue;
        end = edge + 1;
      }
      budget -= end - edge;
      if (budget < 0) return undefined;
      for (; edge < end; edge++) {
        const child = edgeChild[edge]!;
        if (child === TRUE) return true;
        if (visited[child] === visit) continue;
        visited[child] = visit;
        stack[top++] = child;
      }
    }
    return false;
  }

  /**
   * Marks in `supported` (indexed by `valueOffsets[level] + value`) every value that some accepted
   * assignment takes while agreeing with the restriction on every *other* level.
   */
  supportedValues(restriction: Int32Array, supported: Uint8Array): void {
    supported.fill(0);
    this.sweepAlive(restriction);
    const { reached, alive, cover, levels, edgeStart, edgeValue, edgeChild, valueOffsets } = this;
    reached.fill(0);
    cover.fill(0);
    const rootLevel = levels[this.root]!;
    reached[this.root] = 1;
    if (alive[this.root] === 1) {
      cover[0]! += 1;
      cover[rootLevel]! -= 1;
    }
    for (let node = 2; node < this.nodeCount; node++) {
      if (reached[node] === 0) continue;
      const level = levels[node]!;
      const fixed = restriction[level]!;
      const offset = valueOffsets[level]!;
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
        const child = edgeChild[edge]!;
        const value = edgeValue[edge]!;
        const consistentHere = fixed < 0 || fixed === value;
        // Reach the child even when it is dead under its own fixed value: at its level we ask
        // which *other* values would work, so its own restriction must not stop the sweep.
        if (consistentHere) reached[child] = 1;
        if (alive[child] === 0) continue;
        supported[offset + value] = 1;
        if (consistentHere) {
          cover[level + 1]! += 1;
          cover[levels[child]!]! -= 1;
        }
      }
    }
    let running = 0;
    for (let level = 0; level < this.levelCount; level++) {
      running += cover[level]!;
      if (running > 0) supported.fill(1, valueOffsets[level]!, valueOffsets[level + 1]!);
    }
  }

  /** The exact number of accepted assignments that agree with the restriction. */
  count(restriction: Int32Array): bigint {
    const fast = this.countFloat(restriction);
    // Every reached node's count is at most the total, so below 2^53 all float sums were exact.
    return fast <= Number.MAX_SAFE_INTEGER ? BigInt(fast) : this.countBig(restriction);
  }

  private countFloat(restriction: Int32Array): number {
    const { counts, levels, edgeStart, edgeValue, edgeChild, domainSizes } = this;
    this.markReached(restriction);
    const reached = this.reached;
    counts[FALSE] = 0;
    counts[TRUE] = 1;
    const weight = new Float64Array(this.levelCount + 1);
    for (let level = 0; level < this.levelCount; level++) weight[level] = restriction[level]! < 0 ? domainSizes[level]! : 1;
    for (let node = this.nodeCount - 1; node >= 2; node--) {
      if (reached[node] === 0) continue;
      const level = levels[node]!;
      const fixed = restriction[level]!;
      let total = 0;
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
        if (fixed >= 0 && fixed !== edgeValue[edge]) continue;
        const child = edgeChild[edge]!;
        let paths = counts[child]!;
        if (paths === 0) continue;
        for (let skipped = level + 1, childLevel = levels[child]!; skipped < childLevel; skipped++) paths *= weight[skipped]!;
        total += paths;
      }
      counts[node] = total;
    }
    let result = counts[this.root]!;
    for (let level = 0, rootLevel = levels[this.root]!; level < rootLevel; level++) result *= weight[level]!;
    return result;
  }

  /**
   * The exact count when it passes 2^53: the float count's sweep in bigints. An edge that skips
   * levels multiplies by the free choices of the levels it skips (`below`); so does the root, for
   * the levels above it.
   */
  private countBig(restriction: Int32Array): bigint {
    const { levels, edgeStart, edgeValue, edgeChild, domainSizes } = this;
    const weight = Array.from({ length: this.levelCount }, (_, level) => BigInt(restriction[level]! < 0 ? domainSizes[level]! : 1));
    const counts = new Array<bigint>(this.nodeCount).fill(0n);
    counts[TRUE] = 1n;
    const below = (node: number, fromLevel: number): bigint => {
      let paths = counts[node]!;
      for (let skipped = fromLevel, level = levels[node]!; skipped < level; skipped++) paths *= weight[skipped]!;
      return paths;
    };
    for (let node = this.nodeCount - 1; node >= 2; node--) {
      const level = levels[node]!;
      const fixed = restriction[level]!;
      let sum = 0n;
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
        if (fixed < 0 || fixed === edgeValue[edge]) sum += below(edgeChild[edge]!, level + 1);
      }
      counts[node] = sum;
    }
    return below(this.root, 0);
  }

  private markReached(restriction: Int32Array): void {
    const { reached, levels, edgeStart, edgeValue, edgeChild } = this;
    reached.fill(0);
    reached[this.root] = 1;
    for (let node = 2; node < this.nodeCount; node++) {
      if (reached[node] === 0) continue;
      const fixed = restriction[levels[node]!]!;
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
        if (fixed < 0 || fixed === edgeValue[edge]) reached[edgeChild[edge]!] = 1;
      }
    }
  }

  /** alive[n] = 1 when some path from n to TRUE agrees with the restriction. */
  private sweepAlive(restriction: Int32Array): void {
    const { alive, levels, edgeStart, edgeValue, edgeChild } = this;
    alive.fill(0, 2);
    alive[FALSE] = 0;
    alive[TRUE] = 1;
    for (let node = this.nodeCount - 1; node >= 2; node--) {
      const fixed = restriction[levels[node]!]!;
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
        if ((fixed < 0 || fixed === edgeValue[edge]) && alive[edgeChild[edge]!] === 1) {
          alive[node] = 1;
          break;
        }
      }
    }
  }
}
