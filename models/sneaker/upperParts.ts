import { clamp } from '../shared/curves.ts';
import { logoBladeRegion, logoRegion } from './logoMark.ts';
import type { Side } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { centreZ, EYESTAY_WIDTH, laceGapBase, soleTop, upperPoint, upperTopV, VAMP_POINT_X } from './sneakerShape.ts';
import type { StitchLine } from './stitches.ts';
import {
  clipToRegions,
  emitLayer,
  upperColumns,
  upperParamTriangles,
  type LayerOptions,
  type Region,
  type UpperSample,
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
export const vampRegion: Region = (s) => Math.max(s.p.x - vampSeamX(s.p.y), eyestayRegion(s) - 0.002);

/** The toe cap: in plan a U around the toes whose sides sweep back toward the sole. */
export const toeCapRegion: Region = ({ p }) => {
  const across = Math.min(1.3, Math.abs(p.z - centreZ(p.x)) / 0.05);
  return p.x - (0.089 - 0.026 * across * across);
};

const topY = (side: Side, sigma: number): number => upperPoint(side, sigma, upperTopV(side, sigma)).y;

/** The heel counter: a cup round the heel whose front edge curves back as it rises. */
export const heelCounterRegion: Region = ({ side, sigma, p }) => {
  const rise = clamp((p.y - 0.02) / 0.075, 0, 1);
  const front = -0.079 - 0.04 * rise ** 1.5;
  return Math.min(front - p.x, topY(side, sigma) - 0.0062 - p.y);
};

const COLUMNS = 36;
const ROWS = 10;
/** The logo is cut from a finer grid: on the upper's own, its curved outline would show facets. */
const LOGO_COLUMNS = 90;
const LOGO_ROWS = 34;

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
    // The quarter runs on under the logo, which shows it through its slot.
    quarter: layer([(s) => -vampRegion(s), outside(heelCounterRegion, 0.002)], LAYER.quarter, {
      wallDepth: 0.0009,
      wallWhere: (s) => Math.abs(vampRegion(s)) < 0.0025,
    }),
    toeCap: layer([toeCapRegion], LAYER.toeCap, { wallDepth: 0.0012 }),
    eyestay: layer([eyestayRegion], LAYER.eyestay, { wallDepth: 0.0019 }),
    heelCounter: layer([heelCounterRegion], LAYER.heelCounter, { wallDepth: 0.0017 }),
    sidePanel: (() => {
      const mesh = new MeshBuilder();
      const fine = upperParamTriangles(Array.from({ length: LOGO_COLUMNS + 1 }, (_, i) => i / LOGO_COLUMNS), LOGO_ROWS);
      emitLayer(mesh, clipToRegions(fine, [logoRegion]), { offset: LAYER.sidePanel, wallTopEdge: true, wallDepth: 0.0011 });
      return mesh;
    })(),
  };
}

/** Above the cupsole's rim, where stitching can be seen. */
const aboveSole: Region = ({ p }) => p.y - soleTop(p.x) - 0.0016;

/**
 * Where the upper is stitched: round the toe cap, along the eyestays, round the heel counter and
 * the logo, down the quarter's seam with the vamp, and along the collar.
 */
export function panelStitchLines(): StitchLine[] {
  const visible = (...regions: Region[]) => (s: UpperSample) => regions.every((region) => region(s) > 0);
  return [
    { region: toeCapRegion, inset: 0.0022, offset: LAYER.toeCap, where: visible(aboveSole) },
    { region: eyestayRegion, inset: 0.0021, offset: LAYER.eyestay },
    { region: heelCounterRegion, inset: 0.0021, offset: LAYER.heelCounter, where: visible(aboveSole) },
    { region: logoBladeRegion, inset: 0.0012, offset: LAYER.sidePanel },
    {
      region: (s) => -vampRegion(s),
      inset: 0.0021,
      offset: LAYER.quarter,
      where: visible(aboveSole, clearOf(eyestayRegion, 0.002), clearOf(toeCapRegion, 0.002), clearOf(logoRegion, 0.001)),
    },
    {
      region: ({ side, sigma, p }) => topY(side, sigma) - p.y,
      inset: 0.0055,
      offset: LAYER.quarter,
      where: visible(clearOf(heelCounterRegion, 0.001), clearOf(eyestayRegion, 0.003), (s) => -vampRegion(s)),
    },
  ];
}

/** Negative inside `region` and a margin round it, positive elsewhere. */
function clearOf(region: Region, margin: number): Region {
  return (s) => -margin - region(s);
}
