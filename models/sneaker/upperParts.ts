import { clamp, type Vec2 } from './curves.ts';
import type { Side } from './footprint.ts';
import { MeshBuilder } from './meshBuilder.ts';
import { centreZ, EYESTAY_WIDTH, laceGapBase, upperPoint, upperTopV, VAMP_POINT_X } from './sneakerShape.ts';
import {
  clipToRegions,
  emitLayer,
  upperColumns,
  upperParamTriangles,
  type LayerOptions,
  type Region,
} from './upperSurface.ts';

/** Offsets of each leather layer above the last (overlays sit on top of the base panels). */
export const LAYER = {
  vamp: 0,
  quarter: 0.0006,
  toeCap: 0.0009,
  sidePanel: 0.0014,
  heelCounter: 0.0015,
  eyestay: 0.0016,
} as const;

const EYESTAY_FRONT_X = VAMP_POINT_X + 0.016;
const EYESTAY_BACK_X = -0.075;

/** Inside the eyestay strips: a band along the lace opening, closed in a U in front of it. */
export const eyestayRegion: Region = ({ p }) => {
  const across = p.z - centreZ(p.x);
  return Math.min(
    laceGapBase(p.x) + EYESTAY_WIDTH - Math.abs(across),
    EYESTAY_FRONT_X - p.x - 16 * across * across,
    p.x - EYESTAY_BACK_X,
  );
};

/** Seam between vamp and quarter, seen from the side: from under the first eyelets down and forward. */
const vampSeamX = (y: number): number => 0.016 + (0.078 - y) * (0.026 / 0.056);

/** The vamp: everything in front of the vamp/quarter seam, plus the strip hidden under the eyestays. */
const vampRegion: Region = (s) => Math.max(s.p.x - vampSeamX(s.p.y), eyestayRegion(s) - 0.002);

/** The toe cap: in plan a U around the toes whose sides sweep back toward the sole. */
const toeCapRegion: Region = ({ p }) => {
  const across = Math.min(1.3, Math.abs(p.z - centreZ(p.x)) / 0.05);
  return p.x - (0.089 - 0.026 * across * across);
};

const topY = (side: Side, sigma: number): number => upperPoint(side, sigma, upperTopV(side, sigma)).y;

/** The heel counter: a cup round the heel whose front edge curves back as it rises. */
const heelCounterRegion: Region = ({ side, sigma, p }) => {
  const rise = clamp((p.y - 0.02) / 0.075, 0, 1);
  const front = -0.079 - 0.04 * rise ** 1.5;
  return Math.min(front - p.x, topY(side, sigma) - 0.0062 - p.y);
};

/** The logo panel: a slanted sash on each side, rising from the heel counter toward the eyestays. */
const PANEL_START: Vec2 = { x: -0.066, y: 0.0395 };
const PANEL_END: Vec2 = { x: 0.004, y: 0.0635 };
const sidePanelRegion: Region = ({ p }) => {
  const dx = PANEL_END.x - PANEL_START.x;
  const dy = PANEL_END.y - PANEL_START.y;
  const len = Math.hypot(dx, dy);
  const along = ((p.x - PANEL_START.x) * dx + (p.y - PANEL_START.y) * dy) / (len * len);
  const across = Math.abs((p.y - PANEL_START.y) * dx - (p.x - PANEL_START.x) * dy) / len;
  const halfWidth = 0.0098 - 0.0026 * clamp(along, 0, 1);
  // Ends cut vertically, so the sash reads as a band laid on at an angle.
  return Math.min(halfWidth - across, p.x - PANEL_START.x, PANEL_END.x - p.x);
};

const COLUMNS = 36;
const ROWS = 10;

/** The leather parts of the upper, each its own mesh. */
export interface UpperLeather {
  readonly vamp: MeshBuilder;
  readonly quarter: MeshBuilder;
  readonly toeCap: MeshBuilder;
  readonly eyestay: MeshBuilder;
  readonly heelCounter: MeshBuilder;
  readonly sidePanel: MeshBuilder;
}

/** Column stations shared by the leather, the lining and the collar roll. */
export const upperColumnStations: readonly number[] = upperColumns(COLUMNS);

/** Cuts the last into the upper's leather panels and overlays. */
export function buildUpperLeather(): UpperLeather {
  const base = upperParamTriangles(upperColumnStations, ROWS);
  const layer = (regions: Region[], offset: number, walls?: Omit<LayerOptions, 'offset'>): MeshBuilder => {
    const mesh = new MeshBuilder();
    emitLayer(mesh, clipToRegions(base, regions), { offset, wallTopEdge: offset > LAYER.quarter, ...walls });
    return mesh;
  };
  // Base panels are left out under the overlays (a margin inside their edges), where they can't be seen.
  const outside =
    (region: Region, margin: number): Region =>
    (s) =>
      margin - region(s);
  return {
    vamp: layer([vampRegion, outside(toeCapRegion, 0.002), outside(eyestayRegion, 0.002)], LAYER.vamp),
    quarter: layer([(s) => -vampRegion(s), outside(heelCounterRegion, 0.002), outside(sidePanelRegion, 0.0015)], LAYER.quarter, {
      wallDepth: 0.0009,
      wallWhere: (s) => Math.abs(vampRegion(s)) < 0.0025,
    }),
    toeCap: layer([toeCapRegion], LAYER.toeCap, { wallDepth: 0.0012 }),
    eyestay: layer([eyestayRegion], LAYER.eyestay, { wallDepth: 0.0019 }),
    heelCounter: layer([heelCounterRegion], LAYER.heelCounter, { wallDepth: 0.0017 }),
    sidePanel: layer([sidePanelRegion], LAYER.sidePanel, { wallDepth: 0.0011 }),
  };
}
