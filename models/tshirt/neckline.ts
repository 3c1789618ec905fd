import { bisect } from '../shared/curves.ts';
import { add, addScaled, cross, distance, dot, normalize, scale, sub, type Vec3 } from '../shared/vec.ts';
import { columnLength, projectToTorso, torsoNormal, torsoPoint, torsoUpTangent, tubeTopEll } from './torsoSurface.ts';
import {
  CREW_BACK_DROP,
  CREW_FRONT_DROP,
  CREW_RIB_WIDTH,
  NECK_HALF_WIDTH,
  RIB_FOLD_RADIUS,
  SIDE_NECK_Y,
  V_RIB_WIDTH,
  V_START_X,
  V_TIP_DROP,
} from './tshirtShape.ts';

/*
 * The neck opening: where the body fabric stops and where each rib sits.
 *
 * The app shows the crew rib (`collar`) or the V rib (`collarV`) by toggling visibility; it
 * cannot reshape the body. So the body's neck opening is cut once, to suit both: it is the union
 * of the crew opening and the V opening, and its edge always lies under whichever rib is shown.
 * A rib is a band of width w lying on the body below its edge (the edge is where it folds over
 * to the inside), so the body may stop anywhere inside both bands. That works only while the two
 * edges stay within a rib width of each other, which bounds the V: its tip is a little deeper than
 * the crew (about 1.7 cm on the surface), and near the side neck points, where the crew curve
 * bulges past the V's straight lines, the V rib covers the bulge. A deeper V would need its own
 * body opening (a second body mesh) or a bib of body fabric on the crew collar, which would take
 * the collar's colour; this shallow V keeps one body and keeps every part one colour.
 * {@link checkNecklineFit} proves the fit for every column, so a change of measurements that
 * breaks it fails the build instead of leaving a hole.
 *
 * Edges are given as arc lengths ℓ up the torso columns (torsoSurface.ts); seen from the front
 * the crew edge is half an ellipse and the V two straight lines.
 */

/** Which neckline a rib follows. */
export type Neckline = 'crew' | 'v';

/** How far below the nearer rib edge the body fabric stops (it tucks under the rib's fold). */
const BODY_TUCK = 0.002;
/** The body edge must stay this far inside a rib band's outer edge. */
const COVER_MARGIN = 0.003;

/** Crew neckline height above x in the front view (front or back half). */
function crewEdgeY(x: number, front: boolean): number {
  const q = 1 - (x / NECK_HALF_WIDTH) ** 2;
  if (q <= 0) return SIDE_NECK_Y;
  return SIDE_NECK_Y - (front ? CREW_FRONT_DROP : CREW_BACK_DROP) * Math.sqrt(q);
}

const V_START_Y = crewEdgeY(V_START_X, true);
const V_TIP_Y = SIDE_NECK_Y - V_TIP_DROP;

/** V neckline height above x in the front view. */
function vEdgeY(x: number, front: boolean): number {
  const ax = Math.abs(x);
  if (!front || ax >= V_START_X) return crewEdgeY(x, front);
  return V_TIP_Y + ((V_START_Y - V_TIP_Y) * ax) / V_START_X;
}

const cache: Record<Neckline, Map<number, number>> = { crew: new Map(), v: new Map() };

/**
 * Arc length up the column at θ of a rib's edge (its fold). Going up a column the surface
 * climbs while |x| shrinks, so "height minus edge height" grows monotonically and bisection
 * finds the single crossing.
 */
export function ribEdgeEll(neckline: Neckline, theta: number): number {
  const known = cache[neckline].get(theta);
  if (known !== undefined) return known;
  const front = Math.cos(theta) > 0;
  const edgeY = neckline === 'crew' ? crewEdgeY : vEdgeY;
  const ell = bisect(
    (l) => {
      const p = torsoPoint(theta, l);
      return p.y - edgeY(p.x, front);
    },
    tubeTopEll(theta),
    columnLength(theta),
  );
  cache[neckline].set(theta, ell);
  return ell;
}

/** Where the body fabric ends at θ: just under the more open of the two rib edges. */
export const bodyEdgeEll = (theta: number): number => Math.min(ribEdgeEll('crew', theta), ribEdgeEll('v', theta)) - BODY_TUCK;

/** The rib's width across its band. */
export const ribWidth = (neckline: Neckline): number => (neckline === 'crew' ? CREW_RIB_WIDTH : V_RIB_WIDTH);

/** Sections along each rib. */
export const RIB_SECTIONS = 64;

/** One section across a rib: where it crosses the edge, and which way the band runs from there. */
export interface NecklineSection {
  readonly theta: number;
  /** Arc length of the edge up the column at {@link theta}. */
  readonly ell: number;
  /** The edge point, and the body's outward normal there. */
  readonly p: Vec3;
  readonly n: Vec3;
  /** Unit direction on the surface, across the edge and away from the opening (down the band). */
  readonly across: Vec3;
  /** How much longer than the band's width the section is: 1 on a smooth edge, more at the V's tip (a mitre). */
  readonly mitre: number;
}

const sectionCache: Partial<Record<Neckline, NecklineSection[]>> = {};

/**
 * The rib's sections: {@link RIB_SECTIONS} evenly spaced along its edge, mirror symmetric, from
 * the centre back round the wearer's right (−X) to the centre front (the V's tip) and round the
 * left back to the centre back, which repeats at the end (the fabric-UV seam). Each section runs
 * across the edge, perpendicular to it; at the V's tip it runs down the middle, lengthened so
 * that the band's two straight sides keep their width (a mitred corner).
 */
export function necklineSections(neckline: Neckline): readonly NecklineSection[] {
  const known = sectionCache[neckline];
  if (known) return known;
  const steps = 720;
  const run: number[] = [0];
  let prev = torsoPoint(0, ribEdgeEll(neckline, 0));
  for (let k = 1; k <= steps; k++) {
    const theta = (Math.PI * k) / steps;
    const p = torsoPoint(theta, ribEdgeEll(neckline, theta));
    run.push(run[k - 1]! + distance(p, prev));
    prev = p;
  }
  const count = RIB_SECTIONS / 2;
  const picked: number[] = [];
  let k = 0;
  for (let j = 0; j <= count; j++) {
    const target = (run[steps]! * j) / count;
    while (k < steps - 1 && run[k + 1]! < target) k++;
    const f = Math.min(1, Math.max(0, (target - run[k]!) / (run[k + 1]! - run[k]!)));
    picked.push(j === 0 ? 0 : j === count ? Math.PI : (Math.PI * (k + f)) / steps);
  }
  const thetas = [...picked.slice(1).reverse().map((t) => -t), ...picked];
  const points = thetas.map((theta) => torsoPoint(theta, ribEdgeEll(neckline, theta)));
  const last = thetas.length - 1;
  const sections = thetas.map((theta, i) => {
    const ell = ribEdgeEll(neckline, theta);
    const p = points[i]!;
    const n = torsoNormal(theta, ell);
    const down = scale(torsoUpTangent(theta, ell), -1);
    // The loop is closed: the first and last sections are the same point.
    const before = points[i === 0 ? last - 1 : i - 1]!;
    const after = points[i === last ? 1 : i + 1]!;
    const side = (a: Vec3, b: Vec3): Vec3 => {
      const q = normalize(cross(n, sub(b, a)));
      return dot(q, down) >= 0 ? q : scale(q, -1);
    };
    const qBefore = side(before, p);
    const qAfter = side(p, after);
    const across = normalize(add(qBefore, qAfter));
    return { theta, ell, p, n, across, mitre: 1 / Math.max(0.2, dot(across, qBefore)) };
  });
  sectionCache[neckline] = sections;
  return sections;
}

/**
 * The point `depth` metres down a rib's band from its edge at section `s` (depth may exceed the
 * band, or be negative), on the body's surface, with the surface normal there.
 */
export function bandPoint(s: NecklineSection, depth: number): { p: Vec3; n: Vec3 } {
  const { theta, ell } = projectToTorso(addScaled(s.p, s.across, depth * s.mitre), s.ell);
  return { p: torsoPoint(theta, ell), n: torsoNormal(theta, ell) };
}

/**
 * Throws unless, at every column angle given, the body's edge lies under both ribs: at least
 * {@link COVER_MARGIN} inside each band's outer edge, and no further past the fold than the
 * fold's half circle reaches.
 */
export function checkNecklineFit(thetas: readonly number[]): void {
  for (const neckline of ['crew', 'v'] as const) {
    const sections = necklineSections(neckline);
    const width = ribWidth(neckline);
    for (const theta of thetas) {
      const edge = torsoPoint(theta, bodyEdgeEll(theta));
      // Depth of the body's edge down the band, measured from the nearest section.
      let nearest = sections[0]!;
      for (const s of sections) if (distance(s.p, edge) < distance(nearest.p, edge)) nearest = s;
      const offset = sub(edge, nearest.p);
      const depth = dot(offset, nearest.across) / nearest.mitre;
      // A little past the fold is fine: the fold's half circle wraps round the body's edge.
      if (depth < -(RIB_FOLD_RADIUS - 0.001) || depth > width - COVER_MARGIN)
        throw new Error(
          `neckline: at θ = ${theta.toFixed(4)} the body edge lies ${(depth * 1000).toFixed(1)} mm down the ${neckline} rib's ` +
            `${(width * 1000).toFixed(0)} mm band, not under it; make the V shallower or the ribs wider in tshirtShape.ts`,
        );
    }
  }
}
