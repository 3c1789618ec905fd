/**
 * Renders public/models/tshirt.glb in headless Chromium from the front, back, side, above and
 * three-quarters, with a test image in every print zone (drawn through TEXCOORD_1), so a person
 * can check the shape and that each zone's artwork sits upright and unmirrored. Not part of the
 * build: `npx tsx models/tshirt/renderPreview.ts [outDir]` (default /tmp/tshirt-preview).
 *
 * Each test image is a checker with a title, an arrow to its top and a red corner at its
 * top-left and a blue one at its top-right, as the artwork's own corners would be.
 */
import { renderPreview } from '../shared/renderPreview.ts';
import { PRINT_ZONES } from './printZones.ts';

await renderPreview({
  glb: 'public/models/tshirt.glb',
  zones: PRINT_ZONES,
  titles: { front: 'FRONT', back: 'BACK', leftSleeve: 'L' },
  // Camera positions and the points they look at.
  views: {
    front: [[0, 0.42, 2.4], [0, 0.4, 0]],
    back: [[0, 0.42, -2.4], [0, 0.4, 0]],
    left: [[2.4, 0.42, 0], [0, 0.4, 0]],
    above: [[0, 2.6, 0.35], [0, 0.3, 0]],
    threeQuarter: [[1.5, 1.0, 1.8], [0, 0.4, 0]],
    leftSleeve: [[0.62, 1.1, 0.12], [0.26, 0.62, 0]],
    neck: [[0, 1.0, 0.5], [0, 0.66, 0]],
    below: [[0.9, -0.9, 1.4], [0, 0.35, 0]],
  },
  variants: [
    { name: 'short-crew', hide: ['sleevesLong', 'collarV'], print: true },
    { name: 'long-v', hide: ['sleeves', 'collar'], print: true },
    { name: 'plain-short-crew', hide: ['sleevesLong', 'collarV'], print: false },
  ],
  colours: { body: '#c9ccd1', sleeves: '#b8c4d6', sleevesLong: '#b8c4d6', collar: '#4f5d75', collarV: '#7a4f75' },
  plainColour: '#f2f1ec',
  camera: { fov: 28, near: 0.05, far: 20 },
  outDir: process.argv[2] ?? '/tmp/tshirt-preview',
});
