/*
 * Laying out a padded shell's sample grid around a print zone: rows through the zone's top and
 * bottom edges, and columns at equal steps of arc length across it, so the zone is a block of the
 * grid that maps onto its atlas rect by arc length with little distortion.
 */
import type { ShellPoint } from './shell.ts';
import { bisect } from '../shared/curves.ts';
import { distance, dot, normalize, sub, type Vec3 } from '../shared/vec.ts';

/** A shell's outer face: `u` across (0 to 1, left to right seen from outside), `w` up (0 to 1). */
export type ShellSurface = (u: number, w: number) => ShellPoint;

/** Samples per curve when measuring arc lengths on a shell's face. */
const ARC_SAMPLES = 240;

/** Arc length along a curve `point(t)`, t in [0, 1], and its inverse, from a dense polyline. */
export interface ArcTable {
  readonly length: number;
  /** Arc length from t = 0 to `t`. */
  arcAt(t: number): number;
  /** The parameter at arc length `s` from t = 0 (clamped to the curve). */
  paramAt(s: number): number;
}

export function arcTable(point: (t: number) => Vec3, samples = ARC_SAMPLES): ArcTable {
  const run = [0];
  let previous = point(0);
  for (let k = 1; k <= samples; k++) {
    const p = point(k / samples);
    run.push(run[k - 1]! + distance(p, previous));
    previous = p;
  }
  const length = run[samples]!;
  return {
    length,
    arcAt(t) {
      const x = Math.min(1, Math.max(0, t)) * samples;
      const k = Math.min(samples - 1, Math.floor(x));
      return run[k]! + (run[k + 1]! - run[k]!) * (x - k);
    },
    paramAt(s) {
      if (s <= 0) return 0;
      if (s >= length) return 1;
      let lo = 0;
      let hi = samples;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (run[mid]! <= s) lo = mid;
        else hi = mid;
      }
      return (lo + (s - run[lo]!) / (run[hi]! - run[lo]!)) / samples;
    },
  };
}

/** `count` equal steps from `a` to `b`, without `b` (so consecutive spans can be joined). */
const steps = (a: number, b: number, count: number): number[] => Array.from({ length: count }, (_, k) => a + ((b - a) * k) / count);

/**
 * Grid rows through the breakpoints `breaks` (increasing, from 0 to 1), span k split evenly into
 * `counts[k]` rows.
 */
export function rowsThrough(breaks: readonly number[], counts: readonly number[]): number[] {
  if (counts.length !== breaks.length - 1) throw new Error('rowsThrough: one count per span');
  if (breaks.some((b, k) => k > 0 && !(b > breaks[k - 1]!))) throw new Error(`rowsThrough: breakpoints ${breaks.join(', ')} do not increase`);
  return [...counts.flatMap((count, k) => steps(breaks[k]!, breaks[k + 1]!, count)), breaks[breaks.length - 1]!];
}

/** Where a print zone sits across a shell: `halfWidth` (m) each side of the centre line u = 0.5. */
export interface ZoneColumns {
  readonly halfWidth: number;
  /** Columns across the zone (equal arc-length steps). */
  readonly zone: number;
  /** Columns between each side of the zone and the shell's edge (equal steps in u). */
  readonly side: number;
}

/**
 * The column parameters u along a row `point(u)` of the face: the zone's columns at equal steps
 * of arc length over ±halfWidth of the centre line (u = 0.5), the others evenly spread to the
 * edges. The zone's edge columns are indices `side` and `side + zone`.
 */
export function columnsAcross(point: (u: number) => Vec3, layout: ZoneColumns, samples = ARC_SAMPLES): number[] {
  const row = arcTable(point, samples);
  const centre = row.arcAt(0.5);
  if (centre < layout.halfWidth || row.length - centre < layout.halfWidth) throw new Error('columnsAcross: the shell is narrower than its print zone');
  const left = row.paramAt(centre - layout.halfWidth);
  const right = row.paramAt(centre + layout.halfWidth);
  const zone = Array.from({ length: layout.zone + 1 }, (_, k) => row.paramAt(centre - layout.halfWidth + (2 * layout.halfWidth * k) / layout.zone));
  return [...steps(0, left, layout.side), ...zone, ...steps(right, 1, layout.side).slice(1), 1];
}

/** The centre line's arc length from `w` up to the top edge (w = 1), and its inverse. */
export function centreLine(surface: ShellSurface): { belowTop(w: number): number; at(belowTop: number): number } {
  const column = arcTable((w) => surface(0.5, w).p);
  return {
    belowTop: (w) => column.length - column.arcAt(w),
    at: (belowTop) => column.paramAt(column.length - belowTop),
  };
}

/**
 * The line straight across the face through its centre line at `w`: the face's section by the
 * plane through that point square to the centre line, as w for each u (within `reach` of `w`).
 * On a face that curves across and along, rows of constant w may bow; these do not.
 */
function straightAcross(surface: ShellSurface, w: number, reach: number): (u: number) => number {
  const h = 1e-4;
  const origin = surface(0.5, w).p;
  const along = normalize(sub(surface(0.5, Math.min(1, w + h)).p, surface(0.5, Math.max(0, w - h)).p));
  const lo = Math.max(0, w - reach);
  const hi = Math.min(1, w + reach);
  const cache = new Map<number, number>();
  return (u) => {
    let t = cache.get(u);
    if (t !== undefined) return t;
    const f = (x: number): number => dot(sub(surface(u, x).p, origin), along);
    // The section crosses each column once, nearly linearly: the secant method finds it in a few
    // steps; bisection backs it up should a step leave the bracket.
    let [a, b] = [w, w + 0.01 <= hi ? w + 0.01 : w - 0.01];
    let [fa, fb] = [f(a), f(b)];
    for (let k = 0; k < 12 && Math.abs(fb) > 1e-9 && fb !== fa; k++) {
      [a, fa, b] = [b, fb, b - (fb * (b - a)) / (fb - fa)];
      if (!(b >= lo && b <= hi)) break;
      fb = f(b);
    }
    t = b >= lo && b <= hi && Math.abs(fb) <= 1e-9 ? b : bisect(f, lo, hi, 40);
    cache.set(u, t);
    return t;
  };
}

/** How a print zone's block of a shell's face is laid out. */
export interface ZoneGrid extends ZoneColumns {
  /**
   * Whether the zone's rows run straight across the face ({@link straightAcross}) rather than
   * along constant w; the rows above and below bend back to constant w over `blendRows` rows
   * (and up to the top edge, which keeps w = 1).
   */
  readonly straight?: { readonly reach: number; readonly blendRows: number };
}

/**
 * The samples of a shell's face on rows `ws` with a print zone over rows `zoneRows[0]` to
 * `zoneRows[1]`: each of the zone's rows has its columns placed by {@link columnsAcross}; the rows
 * below and above keep the columns (as u) of the zone's bottom and top rows. Returns the
 * samples and each one's (u, w).
 */
export function zonedGrid(
  surface: ShellSurface,
  ws: readonly number[],
  zoneRows: readonly [number, number],
  layout: ZoneGrid,
): { samples: ShellPoint[][]; us: number[][]; ws: number[][] } {
  const [r0, r1] = zoneRows;
  const last = ws.length - 1;
  const rowCurve = new Map<number, (u: number) => number>();
  for (let j = r0; j <= r1; j++) {
    const w = ws[j]!;
    rowCurve.set(j, layout.straight ? straightAcross(surface, w, layout.straight.reach) : () => w);
  }
  const zoneUs = new Map<number, number[]>();
  for (let j = r0; j <= r1; j++) zoneUs.set(j, columnsAcross((u) => surface(u, rowCurve.get(j)!(u)).p, layout, layout.straight ? 96 : ARC_SAMPLES));
  const nearest = (j: number): number => Math.min(r1, Math.max(r0, j));
  // How much of the nearest zone row's bend a row keeps: all inside the zone, fading outside.
  const keep = (j: number): number => {
    if (j >= r0 && j <= r1) return 1;
    if (j > r1) return (last - j) / (last - r1);
    const blend = layout.straight?.blendRows ?? 1;
    return Math.max(0, 1 - (r0 - j) / blend);
  };
  const us = ws.map((_, j) => zoneUs.get(nearest(j))!);
  const wGrid = ws.map((w, j) => {
    const near = nearest(j);
    return us[j]!.map((u) => w + keep(j) * (rowCurve.get(near)!(u) - ws[near]!));
  });
  for (let i = 0; i < us[0]!.length; i++)
    for (let j = 1; j <= last; j++)
      if (!(wGrid[j]![i]! > wGrid[j - 1]![i]!)) throw new Error(`zonedGrid: rows ${j - 1} and ${j} cross at column ${i}`);
  return { samples: wGrid.map((row, j) => row.map((w, i) => surface(us[j]![i]!, w))), us, ws: wGrid };
}
