import type { Vec2 } from '../shared/curves.ts';
import type { Region } from './upperSurface.ts';

/*
 * The side logo: an original mark, a leaf-shaped blade laid along the quarter from the heel
 * counter up toward the eyestays, its upper edge fuller than its lower, with a slot cut through it
 * near its point like the eye of a needle (the workshop's needle). Defined in the side view
 * (x along the shoe, y up), so it lies the same on both sides.
 */

/** The blade's tips: at the back, low, and at the front, high. */
const BACK: Vec2 = { x: -0.069, y: 0.037 };
const FRONT: Vec2 = { x: 0.007, y: 0.0655 };
/** How far each edge bows out from the straight line between the tips (m). */
const UPPER_BOW = 0.0108;
const LOWER_BOW = 0.0042;
/** The slot: where along the blade (0 back tip, 1 front tip), and its half length and half width (m). */
const SLOT_AT = 0.66;
const SLOT_HALF_LENGTH = 0.0085;
const SLOT_HALF_WIDTH = 0.0026;

const dx = FRONT.x - BACK.x;
const dy = FRONT.y - BACK.y;
const chord = Math.hypot(dx, dy);
const along: Vec2 = { x: dx / chord, y: dy / chord };
const up: Vec2 = { x: -along.y, y: along.x };
const half = chord / 2;
const middle: Vec2 = { x: BACK.x + dx / 2, y: BACK.y + dy / 2 };

/** An arc through both tips bowing `bow` to one side is a circle: its centre and radius. */
function bowCircle(bow: number, toward: 1 | -1): { c: Vec2; r: number } {
  const r = (half * half + bow * bow) / (2 * bow);
  const back = r - bow;
  return { c: { x: middle.x - toward * up.x * back, y: middle.y - toward * up.y * back }, r };
}

const upperEdge = bowCircle(UPPER_BOW, 1);
const lowerEdge = bowCircle(LOWER_BOW, -1);

/** Where the slot sits: at SLOT_AT along the blade, half way between its two edges. */
const slotCentre: Vec2 = (() => {
  const t = (SLOT_AT - 0.5) * chord;
  // How far an edge lies from the chord at distance t from the middle.
  const bowAt = (circle: { r: number }, bow: number): number => Math.sqrt(circle.r * circle.r - t * t) - (circle.r - bow);
  const mid = (bowAt(upperEdge, UPPER_BOW) - bowAt(lowerEdge, LOWER_BOW)) / 2;
  return { x: middle.x + along.x * t + up.x * mid, y: middle.y + along.y * t + up.y * mid };
})();

/** Signed distance (roughly, in metres) inside the blade: positive inside, negative outside. */
function bladeDepth(x: number, y: number): number {
  const inside = (circle: { c: Vec2; r: number }): number => circle.r - Math.hypot(x - circle.c.x, y - circle.c.y);
  return Math.min(inside(upperEdge), inside(lowerEdge));
}

/** Roughly how far outside the slot (m): negative inside it. */
function slotClearance(x: number, y: number): number {
  const rx = x - slotCentre.x;
  const ry = y - slotCentre.y;
  // The slot tilts with the blade's centre line there, which leans up a little more than the chord.
  const a = rx * along.x + ry * along.y;
  const b = -rx * along.y + ry * along.x + 0.06 * a;
  return (Math.hypot(a / SLOT_HALF_LENGTH, b / SLOT_HALF_WIDTH) - 1) * SLOT_HALF_WIDTH;
}

/** The logo on the side of the upper: inside the blade and outside its slot. */
export const logoRegion: Region = ({ p }) => Math.min(bladeDepth(p.x, p.y), slotClearance(p.x, p.y));

/** The blade's outline alone (the slot is cut clean, not stitched round). */
export const logoBladeRegion: Region = ({ p }) => bladeDepth(p.x, p.y);
