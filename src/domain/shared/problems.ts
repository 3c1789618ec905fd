/**
 * Problems are expected failures (a bad rules file, an unavailable option) reported as values,
 * never thrown. Each says what is wrong, where, and how to fix it.
 */

/** Where a problem was found in a source file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One thing wrong with an input, with a location when the input came from a file. */
export interface Problem {
  /** Dotted path inside the document, e.g. `rules[3].when.vamp.material`. */
  readonly path: string;
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly hint: string;
  readonly location?: SourceLocation;
}

/** A value or the list of problems that prevented it. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Builds a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed {@link Result}. */
export function failed<T>(problems: readonly Problem[]): Result<T> {
  return { ok: false, problems };
}

/**
 * Formats a problem the way compilers do, so editors can jump to it:
 * `rules/sneaker.rules.yaml:12:7 rules[2].then: unknown option "gold" … Fix: …`
 */
export function formatProblem(problem: Problem): string {
  const where = problem.location
    ? `${problem.location.file}:${problem.location.line}:${problem.location.column} `
    : '';
  const path = problem.path ? `${problem.path}: ` : '';
  return `${where}${path}${problem.message}. Fix: ${problem.hint}`;
}

/** Suggests the closest known name, for "did you mean" hints. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** A hint listing the valid names, with a "did you mean" when one is close. */
export function knownNamesHint(name: string, known: readonly string[], what: string): string {
  const suggestion = closestName(name, known);
  const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
  return suggestion
    ? `did you mean "${suggestion}"? Known ${what}: ${list}`
    : `use one of the known ${what}: ${list}`;
}
