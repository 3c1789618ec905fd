import type { CompiledDiagram } from './compiledDiagram.ts';
import { FALSE, TRUE } from './mddStore.ts';

/** A diagram's edges seen from their children, and its nodes by level (built once per diagram). */
interface ReverseIndex {
  /** The node each edge leaves. */
  readonly edgeSource: Int32Array;
  /** Edges into node n: `parentEdges[parentStart[n] .. parentStart[n + 1]]`. */
  readonly parentStart: Int32Array;
  readonly parentEdges: Int32Array;
  /** Nodes at level l: `levelStart[l] .. levelStart[l + 1]` (nodes are numbered by ascending level). */
  readonly levelStart: Int32Array;
}

const reverseIndexes = new WeakMap<CompiledDiagram, ReverseIndex>();

function reverseIndexOf(diagram: CompiledDiagram): ReverseIndex {
  const known = reverseIndexes.get(diagram);
  if (known) return known;
  const { nodeCount, levelCount, levels, edgeStart, edgeChild } = diagram;
  const edgeCount = edgeStart[nodeCount]!;
  const edgeSource = new Int32Array(edgeCount);
  const parentStart = new Int32Array(nodeCount + 1);
  for (let node = 2; node < nodeCount; node++) {
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) {
      edgeSource[edge] = node;
      parentStart[edgeChild[edge]! + 1]!++;
    }
  }
  for (let node = 0; node < nodeCount; node++) parentStart[node + 1]! += parentStart[node]!;
  const parentEdges = new Int32Array(edgeCount);
  const filled = parentStart.slice(0, nodeCount);
  for (let edge = 0; edge < edgeCount; edge++) parentEdges[filled[edgeChild[edge]!]!++] = edge;
  const levelStart = new Int32Array(levelCount + 2).fill(nodeCount);
  for (let node = nodeCount - 1; node >= 2; node--) levelStart[levels[node]!] = node;
  levelStart[levelCount] = nodeCount;
  for (let level = levelCount - 1; level >= 0; level--) if (levelStart[level]! > levelStart[level + 1]!) levelStart[level] = levelStart[level + 1]!;
  const index = { edgeSource, parentStart, parentEdges, levelStart };
  reverseIndexes.set(diagram, index);
  return index;
}

/**
 * The valid values of open levels while levels are fixed one at a time — what completing a design
 * attribute by attribute asks. A full pair of sweeps per question costs O(edges) each time; this
 * sweeps once, then each fix withdraws only what it cuts off: edges leaving the fixed level with
 * another value, nodes left with no live way down (dead) or no way in from the root (unreached),
 * and the edges of those. Over a whole completion that is O(edges) in all.
 *
 * An edge is live when its node is reached, it agrees with the restriction and its child is
 * alive; a value of an open level is valid when some live edge leaving that level carries it, or
 * when a live edge (or the root) skips the level, since a skipped level takes any value. Nodes
 * never reached play no part (their counts are not kept), so the first sweeps cover only the
 * nodes the starting values leave reachable.
 */
export class DomainNarrowing {
  private readonly restriction: Int32Array;
  private readonly index: ReverseIndex;
  /** Live ways down (agreeing edges to alive children) and in (agreeing edges from reached parents). */
  private readonly down: Int32Array;
  private readonly into: Int32Array;
  private readonly alive: Uint8Array;
  private readonly reached: Uint8Array;
  /** Live edges per level and value, at `valueOffsets[level] + value`. */
  private readonly liveEdges: Int32Array;
  /** Live edges skipping each level, as differences: levels `a+1 .. b-1` for an edge from level a to b. */
  private readonly skipping: Int32Array;
  private readonly dying: number[] = [];
  private readonly unreaching: number[] = [];

  constructor(private readonly diagram: CompiledDiagram, restriction: Int32Array) {
    const { nodeCount, levelCount, levels, edgeStart, edgeValue, edgeChild, root } = diagram;
    this.restriction = restriction.slice();
    this.index = reverseIndexOf(diagram);
    this.down = new Int32Array(nodeCount);
    this.into = new Int32Array(nodeCount);
    this.alive = new Uint8Array(nodeCount);
    this.reached = new Uint8Array(nodeCount);
    this.liveEdges = new Int32Array(diagram.valueOffsets[levelCount]!);
    this.skipping = new Int32Array(levelCount + 1);
    const { reached, alive, down, into, liveEdges, skipping } = this;
    const fixedAt = this.restriction;
    const { valueOffsets } = diagram;
    alive[TRUE] = 1;
    if (root >= 2) {
      // Only reached nodes matter (an agreeing edge from a reached node reaches its child), so the
      // sweep down from the root marks them, and the sweep back up counts their ways down.
      into[root] = 1;
      reached[root] = 1;
      for (let node = root; node < nodeCount; node++) {
        if (reached[node] === 0) continue;
        const fixed = fixedAt[levels[node]!]!;
        for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
          if (fixed >= 0 && fixed !== edgeValue[edge]) continue;
          const child = edgeChild[edge]!;
          if (child < 2) continue;
          into[child]!++;
          reached[child] = 1;
        }
      }
      for (let node = nodeCount - 1; node >= root; node--) {
        if (reached[node] === 0) continue;
        const level = levels[node]!;
        const fixed = fixedAt[level]!;
        const offset = valueOffsets[level]!;
        let ways = 0;
        for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge++) {
          const child = edgeChild[edge]!;
          if ((fixed >= 0 && fixed !== edgeValue[edge]) || alive[child] === 0) continue;
          ways++;
          liveEdges[offset + edgeValue[edge]!]!++;
          const childLevel = levels[child]!;
          if (childLevel > level + 1) {
            skipping[level + 1]!++;
            skipping[childLevel]!--;
          }
        }
        down[node] = ways;
        alive[node] = ways > 0 ? 1 : 0;
      }
    }
    if (this.alive[root] === 1) this.countRoot(1);
  }

  /** True while some valid assignment agrees with the fixed levels. */
  isConsistent(): boolean {
    return this.alive[this.diagram.root] === 1;
  }

  /** The valid values of an open level, in order, as `CompiledDiagram.supportedValues` gives them. */
  supportedValues(level: number): number[] {
    if (!this.isConsistent()) return [];
    let skips = 0;
    for (let above = 0; above <= level; above++) skips += this.skipping[above]!;
    const offset = this.diagram.valueOffsets[level]!;
    const values: number[] = [];
    for (let value = 0; value < this.diagram.domainSizes[level]!; value++) if (skips > 0 || this.liveEdges[offset + value]! > 0) values.push(value);
    return values;
  }

  /** Fixes an open level to a value. */
  fix(level: number, value: number): void {
    if (this.restriction[level]! >= 0) throw new Error(`[Atelier] level ${level} is already fixed to ${this.restriction[level]}; fix each level once`);
    const { edgeStart, edgeValue, edgeChild } = this.diagram;
    const { reached, alive, down, into, dying, unreaching } = this;
    this.restriction[level] = value;
    for (let node = this.index.levelStart[level]!; node < this.index.levelStart[level + 1]!; node++) {
      // An unreached node's edges, and so its counts, no longer matter.
      if (reached[node] === 0) continue;
      for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) {
        if (edgeValue[edge] === value) continue;
        // This edge agreed until now and no longer does.
        const child = edgeChild[edge]!;
        if (alive[child] === 1) {
          this.count(edge, node, -1);
          if (--down[node]! === 0) dying.push(node);
        }
        if (child >= 2 && --into[child]! === 0) unreaching.push(child);
      }
    }
    this.settle();
  }

  /** Withdraws dead and unreached nodes, and what they held up, until none are left to withdraw. */
  private settle(): void {
    const { levels, edgeStart, edgeChild, edgeValue, root } = this.diagram;
    const { edgeSource, parentStart, parentEdges } = this.index;
    const { restriction, reached, alive, down, into, dying, unreaching } = this;
    // A node's flag drops when it is taken off its list, so each edge is withdrawn once.
    while (dying.length > 0 || unreaching.length > 0) {
      const dead = dying.pop();
      if (dead !== undefined) {
        alive[dead] = 0;
        if (dead === root) this.countRoot(-1);
        for (let i = parentStart[dead]!; i < parentStart[dead + 1]!; i++) {
          const edge = parentEdges[i]!;
          const parent = edgeSource[edge]!;
          if (reached[parent] === 0) continue;
          const fixed = restriction[levels[parent]!]!;
          if (fixed >= 0 && fixed !== edgeValue[edge]) continue;
          this.count(edge, parent, -1);
          if (--down[parent]! === 0) dying.push(parent);
        }
        continue;
      }
      const gone = unreaching.pop()!;
      reached[gone] = 0;
      const fixed = restriction[levels[gone]!]!;
      for (let edge = edgeStart[gone]!; edge < edgeStart[gone + 1]!; edge++) {
        if (fixed >= 0 && fixed !== edgeValue[edge]) continue;
        const child = edgeChild[edge]!;
        if (alive[child] === 1) this.count(edge, gone, -1);
        if (child >= 2 && --into[child]! === 0) unreaching.push(child);
      }
    }
  }

  /** Adds (or withdraws) a live edge leaving `node`. */
  private count(edge: number, node: number, delta: number): void {
    const { levels, edgeValue, edgeChild, valueOffsets } = this.diagram;
    const level = levels[node]!;
    this.liveEdges[valueOffsets[level]! + edgeValue[edge]!]! += delta;
    const childLevel = levels[edgeChild[edge]!]!;
    if (childLevel > level + 1) {
      this.skipping[level + 1]! += delta;
      this.skipping[childLevel]! -= delta;
    }
  }

  /** The levels above the root take any value while the root is alive. */
  private countRoot(delta: number): void {
    const root = this.diagram.root;
    if (root === FALSE) return;
    this.skipping[0]! += delta;
    this.skipping[this.diagram.levels[root]!]! -= delta;
  }
}
