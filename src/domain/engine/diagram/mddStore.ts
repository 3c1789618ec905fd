/**
 * The node store of a reduced, ordered multi-valued decision diagram (MDD) under construction.
 *
 * Nodes live in flat typed arrays: node n sits at `levels[n]` and its children (one per value of
 * that level, dense) at `children[childStart[n] ..]`. A node whose children are all the same is
 * never created (the edge skips the level), and no two nodes are equal (a hash-consing unique
 * table), so the diagram is reduced and canonical for its variable order. Conjunction is memoised
 * in an open-addressing table keyed by the two operand ids — plain integers, never packed floats.
 */

/** The terminal no valid assignment reaches. */
export const FALSE = 0;
/** The terminal every valid assignment reaches. */
export const TRUE = 1;

const EMPTY = -1;

export class MddStore {
  /** Level of each node; terminals sit at `levelCount`. */
  levels: Int32Array;
  childStart: Int32Array;
  children: Int32Array;
  nodeCount = 2;
  private childrenUsed = 0;
  private unique: Int32Array;
  private uniqueMask: number;
  private memoKeys: Int32Array;
  private memoValues: Int32Array;
  private memoMask: number;
  private memoUsed = 0;
  private readonly scratch: Int32Array[];

  constructor(readonly domainSizes: Int32Array, initialNodes = 1 << 10) {
    const levelCount = domainSizes.length;
    this.levels = new Int32Array(initialNodes).fill(levelCount);
    this.childStart = new Int32Array(initialNodes);
    this.children = new Int32Array(initialNodes * 4);
    this.unique = new Int32Array(initialNodes * 2).fill(EMPTY);
    this.uniqueMask = this.unique.length - 1;
    // Small to start: tiny products compile in a millisecond; the tables grow as needed.
    this.memoKeys = new Int32Array(1 << 13).fill(EMPTY);
    this.memoValues = new Int32Array(1 << 12);
    this.memoMask = (1 << 12) - 1;
    this.scratch = Array.from(domainSizes, (size) => new Int32Array(size));
  }

  get levelCount(): number {
    return this.domainSizes.length;
  }

  /** The level of a node (terminals: `levelCount`). */
  level(node: number): number {
    return node < 2 ? this.domainSizes.length : this.levels[node]!;
  }

  /** The child of `node` for `value`; a node above `level` stands for itself (the edge skips). */
  childAt(node: number, level: number, value: number): number {
    return node >= 2 && this.levels[node] === level ? this.children[this.childStart[node]! + value]! : node;
  }

  /** The unique node at `level` with children `kids[0 .. domainSizes[level])`, or the child itself when all are equal. */
  make(level: number, kids: Int32Array): number {
    const size = this.domainSizes[level]!;
    const first = kids[0]!;
    let allSame = true;
    let hash = Math.imul(level + 1, 0x9e3779b1);
    for (let value = 0; value < size; value++) {
      const kid = kids[value]!;
      if (kid !== first) allSame = false;
      hash = Math.imul(hash ^ kid, 0x85ebca6b) ^ (hash >>> 13);
    }
    if (allSame) return first;
    let slot = hash & this.uniqueMask;
    for (;;) {
      const candidate = this.unique[slot]!;
      if (candidate === EMPTY) break;
      if (this.levels[candidate] === level && this.sameChildren(candidate, kids, size)) return candidate;
      slot = (slot + 1) & this.uniqueMask;
    }
    const node = this.allocate(level, kids, size);
    this.unique[slot] = node;
    if (this.nodeCount * 2 > this.unique.length) this.growUnique();
    return node;
  }

  /** The conjunction of two diagrams of this store. */
  and(a: number, b: number): number {
    if (a === FALSE || b === FALSE) return FALSE;
    if (a === TRUE || a === b) return b;
    if (b === TRUE) return a;
    if (a > b) {
      const swap = a;
      a = b;
      b = swap;
    }
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.memoMask;
    for (;;) {
      const keyA = this.memoKeys[slot * 2]!;
      if (keyA === EMPTY) break;
      if (keyA === a && this.memoKeys[slot * 2 + 1] === b) return this.memoValues[slot]!;
      slot = (slot + 1) & this.memoMask;
    }
    const levelA = this.levels[a]!;
    const levelB = this.levels[b]!;
    const level = levelA < levelB ? levelA : levelB;
    const size = this.domainSizes[level]!;
    const kids = this.scratch[level]!;
    // The recursion below reuses deeper levels' scratch only, so this level's stays intact.
    const startA = levelA === level ? this.childStart[a]! : -1;
    const startB = levelB === level ? this.childStart[b]! : -1;
    for (let value = 0; value < size; value++) {
      const childA = startA >= 0 ? this.children[startA + value]! : a;
      const childB = startB >= 0 ? this.children[startB + value]! : b;
      kids[value] = this.and(childA, childB);
    }
    const result = this.make(level, kids);
    this.remember(a, b, result);
    return result;
  }

  /**
   * The diagram restricted to the fixed values (`restriction[level] = value`, -1 when free): the
   * fixed levels disappear, so the result is FALSE exactly when nothing agrees with the restriction.
   */
  restrict(node: number, restriction: Int32Array, memo: Map<number, number> = new Map()): number {
    if (node < 2) return node;
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    const level = this.levels[node]!;
    const start = this.childStart[node]!;
    const fixed = restriction[level]!;
    let result: number;
    if (fixed >= 0) {
      result = this.restrict(this.children[start + fixed]!, restriction, memo);
    } else {
      const size = this.domainSizes[level]!;
      const kids = new Int32Array(size);
      for (let value = 0; value < size; value++) kids[value] = this.restrict(this.children[start + value]!, restriction, memo);
      result = this.make(level, kids);
    }
    memo.set(node, result);
    return result;
  }

  /** Forgets memoised conjunctions (they stay valid, but the table is bounded). */
  clearMemo(): void {
    this.memoKeys.fill(EMPTY);
    this.memoUsed = 0;
  }

  private remember(a: number, b: number, result: number): void {
    if ((this.memoUsed + 1) * 2 > this.memoMask + 1) {
      if (this.memoMask + 1 < 1 << 22) this.growMemo();
      else this.clearMemo();
    }
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.memoMask;
    while (this.memoKeys[slot * 2] !== EMPTY) slot = (slot + 1) & this.memoMask;
    this.memoKeys[slot * 2] = a;
    this.memoKeys[slot * 2 + 1] = b;
    this.memoValues[slot] = result;
    this.memoUsed++;
  }

  private growMemo(): void {
    const oldKeys = this.memoKeys;
    const oldValues = this.memoValues;
    const capacity = (this.memoMask + 1) * 2;
    this.memoKeys = new Int32Array(capacity * 2).fill(EMPTY);
    this.memoValues = new Int32Array(capacity);
    this.memoMask = capacity - 1;
    this.memoUsed = 0;
    for (let slot = 0; slot < oldValues.length; slot++) {
      if (oldKeys[slot * 2] !== EMPTY) this.remember(oldKeys[slot * 2]!, oldKeys[slot * 2 + 1]!, oldValues[slot]!);
    }
  }

  private sameChildren(node: number, kids: Int32Array, size: number): boolean {
    const start = this.childStart[node]!;
    for (let value = 0; value < size; value++) if (this.children[start + value] !== kids[value]) return false;
    return true;
  }

  private allocate(level: number, kids: Int32Array, size: number): number {
    if (this.nodeCount === this.levels.length) {
      const capacity = this.levels.length * 2;
      const levels = new Int32Array(capacity).fill(this.domainSizes.length);
      levels.set(this.levels);
      this.levels = levels;
      const childStart = new Int32Array(capacity);
      childStart.set(this.childStart);
      this.childStart = childStart;
    }
    if (this.childrenUsed + size > this.children.length) {
      const children = new Int32Array(Math.max(this.children.length * 2, this.childrenUsed + size));
      children.set(this.children);
      this.children = children;
    }
    const node = this.nodeCount++;
    this.levels[node] = level;
    this.childStart[node] = this.childrenUsed;
    this.children.set(kids.subarray(0, size), this.childrenUsed);
    this.childrenUsed += size;
    return node;
  }

  private growUnique(): void {
    this.unique = new Int32Array(this.unique.length * 2).fill(EMPTY);
    this.uniqueMask = this.unique.length - 1;
    for (let node = 2; node < this.nodeCount; node++) {
      const level = this.levels[node]!;
      const start = this.childStart[node]!;
      let hash = Math.imul(level + 1, 0x9e3779b1);
      for (let value = 0; value < this.domainSizes[level]!; value++) hash = Math.imul(hash ^ this.children[start + value]!, 0x85ebca6b) ^ (hash >>> 13);
      let slot = hash & this.uniqueMask;
      while (this.unique[slot] !== EMPTY) slot = (slot + 1) & this.uniqueMask;
      this.unique[slot] = node;
    }
  }
}
