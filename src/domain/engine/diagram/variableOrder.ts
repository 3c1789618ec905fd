/**
 * Static variable ordering by the FORCE heuristic (Aloul, Markov and Sakallah 2003): variables
 * are pulled toward the centre of gravity of the constraints they appear in, so each constraint's
 * variables end up close together. A good order keeps the decision diagram small (on the Renault
 * benchmark roughly 3× fewer nodes than declaration order) and compilation fast.
 */
export function forceOrder(variableCount: number, scopes: readonly Int32Array[], iterations = 60): Int32Array {
  const starts = [identityOrder(variableCount), connectivityOrder(variableCount, scopes)];
  let best = starts[0]!;
  let bestSpan = Infinity;
  for (const start of starts) {
    const order = refine(start, scopes, iterations);
    const span = totalSpan(order, scopes);
    if (span < bestSpan) {
      bestSpan = span;
      best = order;
    }
  }
  return best;
}

/** Sum over constraints of (last position − first position): what FORCE minimises. */
export function totalSpan(order: Int32Array, scopes: readonly Int32Array[]): number {
  const position = positionsOf(order);
  let span = 0;
  for (const scope of scopes) {
    let low = Infinity;
    let high = -Infinity;
    for (const variable of scope) {
      const p = position[variable]!;
      if (p < low) low = p;
      if (p > high) high = p;
    }
    if (scope.length > 0) span += high - low;
  }
  return span;
}

function refine(start: Int32Array, scopes: readonly Int32Array[], iterations: number): Int32Array {
  const count = start.length;
  let order = start;
  let best = start;
  let bestSpan = totalSpan(start, scopes);
  const gravity = new Float64Array(count);
  const degree = new Float64Array(count);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const position = positionsOf(order);
    gravity.fill(0);
    degree.fill(0);
    for (const scope of scopes) {
      let centre = 0;
      for (const variable of scope) centre += position[variable]!;
      centre /= scope.length;
      for (const variable of scope) {
        gravity[variable]! += centre;
        degree[variable]! += 1;
      }
    }
    const target = Array.from({ length: count }, (_, variable) => (degree[variable]! > 0 ? gravity[variable]! / degree[variable]! : position[variable]!));
    order = Int32Array.from(Array.from({ length: count }, (_, variable) => variable).sort((a, b) => target[a]! - target[b]! || a - b));
    const span = totalSpan(order, scopes);
    if (span < bestSpan) {
      bestSpan = span;
      best = order;
    }
  }
  return best;
}

function identityOrder(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, index) => index);
}

/** Breadth-first over the constraint graph from the most constrained variable: a second starting point. */
function connectivityOrder(count: number, scopes: readonly Int32Array[]): Int32Array {
  const neighbours: Set<number>[] = Array.from({ length: count }, () => new Set());
  for (const scope of scopes) for (const a of scope) for (const b of scope) if (a !== b) neighbours[a]!.add(b);
  const seen = new Uint8Array(count);
  const order: number[] = [];
  const byDegree = Array.from({ length: count }, (_, index) => index).sort((a, b) => neighbours[b]!.size - neighbours[a]!.size);
  for (const start of byDegree) {
    if (seen[start]) continue;
    const queue = [start];
    seen[start] = 1;
    while (queue.length > 0) {
      const variable = queue.shift()!;
      order.push(variable);
      for (const next of [...neighbours[variable]!].sort((a, b) => neighbours[b]!.size - neighbours[a]!.size)) {
        if (!seen[next]) {
          seen[next] = 1;
          queue.push(next);
        }
      }
    }
  }
  return Int32Array.from(order);
}

function positionsOf(order: Int32Array): Int32Array {
  const position = new Int32Array(order.length);
  order.forEach((variable, index) => (position[variable] = index));
  return position;
}
