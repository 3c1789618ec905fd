/**
 * Renders public/models/sneaker.glb in headless Chromium from behind, from the front and above,
 * from the side and at the angles the configurator shows the heel tab and the tongue from, with a
 * test image in each print zone (drawn through TEXCOORD_1), so a person can check that the
 * artwork sits upright and unmirrored on the heel tab and the tongue. Not part of the build:
 * `npx tsx models/sneaker/renderPreview.ts [outDir]` (default /tmp/sneaker-preview).
 */
import { renderPreview, type PreviewView } from '../shared/renderPreview.ts';
import { PRINT_ZONES } from './printZones.ts';

/** A view from `direction` (as product.yaml's part views: from the shoe toward the camera), `distance` m from `target`. */
function from(direction: readonly [number, number, number], distance: number, target: readonly [number, number, number]): PreviewView {
  const n = Math.hypot(...direction);
  return [direction.map((d, k) => target[k]! + (d / n) * distance), target];
}

const HEEL_TAB: [number, number, number] = [-0.145, 0.095, 0];
const TONGUE_TOP: [number, number, number] = [-0.052, 0.115, 0.002];

await renderPreview({
  glb: 'public/models/sneaker.glb',
  zones: PRINT_ZONES,
  titles: { heelTab: 'HEEL', tongue: 'TONGUE' },
  views: {
    back: from([-1, 0.05, 0], 0.55, [-0.1, 0.07, 0]),
    heelTabClose: from([-1, 0.08, 0], 0.16, HEEL_TAB),
    heelTabView: from([-1, 0.6, 0.28], 0.22, HEEL_TAB),
    frontAbove: from([1, 1.05, 0.3], 0.45, [0, 0.07, 0]),
    tongueClose: from([1, 1.05, 0.05], 0.17, TONGUE_TOP),
    tongueNormal: from([0.42, 0.91, 0], 0.15, TONGUE_TOP),
    lateral: from([0.05, 0.28, 1], 0.6, [0, 0.06, 0]),
    threeQuarterBack: from([-0.8, 0.55, 0.7], 0.5, [-0.05, 0.07, 0]),
  },
  variants: [
    { name: 'print', hide: [], print: true },
    { name: 'plain', hide: [], print: false },
  ],
  colours: { heelTab: '#cfe0d3', tongue: '#c9d3e0', sidePanel: '#4f7a5d', outsole: '#b9803f', midsole: '#e6dfcf', laces: '#f3f2ee' },
  otherColour: '#dcdad4',
  plainColour: '#f2f1ec',
  camera: { fov: 28, near: 0.01, far: 5 },
  outDir: process.argv[2] ?? '/tmp/sneaker-preview',
});
