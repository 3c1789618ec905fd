/**
 * Renders a product's .glb in headless Chromium from named views, with a test image in every
 * print zone (drawn into the print atlas and shown through TEXCOORD_1), so a person can check the
 * shape and that each zone's artwork sits upright and unmirrored. Not part of the build: each
 * product's renderPreview.ts calls {@link renderPreview} with its views.
 *
 * Each test image is a checker with a title, an arrow to its top and a red corner at its
 * top-left and a blue one at its top-right, as the artwork's own corners would be.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATLAS_SIZE, type AtlasRect } from './printAtlas.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A camera position and the point it looks at. */
export type PreviewView = readonly [eye: readonly number[], target: readonly number[]];

/** One look of the model: meshes hidden, and whether the print zones show their test images. */
export interface PreviewVariant {
  readonly name: string;
  readonly hide: readonly string[];
  readonly print: boolean;
}

/** What {@link renderPreview} renders, from where, and where it writes the images. */
export interface PreviewOptions {
  /** The .glb to render, relative to the repository root. */
  readonly glb: string;
  /** The print zones (their atlas rects) and the title drawn in each zone's test image. */
  readonly zones: Readonly<Record<string, { readonly uv: AtlasRect }>>;
  readonly titles?: Readonly<Record<string, string>>;
  readonly views: Readonly<Record<string, PreviewView>>;
  readonly variants: readonly PreviewVariant[];
  /** sRGB colour of each mesh when printed (others: {@link PreviewOptions.otherColour}). */
  readonly colours: Readonly<Record<string, string>>;
  readonly otherColour?: string;
  /** Colour of every mesh in the plain (unprinted) variants. */
  readonly plainColour: string;
  /** Vertical field of view (degrees) and near/far planes (m). */
  readonly camera: { readonly fov: number; readonly near: number; readonly far: number };
  /** Rendered size of each view, in pixels. */
  readonly size?: number;
  readonly outDir: string;
}

function page(options: PreviewOptions): string {
  const size = options.size ?? 900;
  const { fov, near, far } = options.camera;
  return `<!doctype html><html><body style="margin:0;background:#d9dde2">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
const ZONES = ${JSON.stringify(options.zones)};
const TITLES = ${JSON.stringify(options.titles ?? {})};
const ATLAS = ${ATLAS_SIZE};
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setSize(${size}, ${size});
renderer.setPixelRatio(1);
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene();
scene.background = new THREE.Color('#d9dde2');
scene.add(new THREE.HemisphereLight('#ffffff', '#8a8f99', 1.4));
const key = new THREE.DirectionalLight('#ffffff', 1.6);
key.position.set(1.2, 2, 2.2);
scene.add(key);
const rim = new THREE.DirectionalLight('#ffffff', 0.8);
rim.position.set(-1.5, 1.2, -2);
scene.add(rim);
const camera = new THREE.PerspectiveCamera(${fov}, 1, ${near}, ${far});

const atlas = document.createElement('canvas');
atlas.width = atlas.height = ATLAS;
const g = atlas.getContext('2d');
g.fillStyle = '#ffffff';
g.fillRect(0, 0, ATLAS, ATLAS);
for (const [id, zone] of Object.entries(ZONES)) {
  const [u0, v0, u1, v1] = zone.uv;
  const x = u0 * ATLAS, y = v0 * ATLAS, w = (u1 - u0) * ATLAS, h = (v1 - v0) * ATLAS;
  const cell = w / 7;
  for (let i = 0; i * cell < w; i++) for (let j = 0; j * cell < h; j++) {
    g.fillStyle = (i + j) % 2 ? '#f4d35e' : '#0d3b66';
    g.fillRect(x + i * cell, y + j * cell, Math.min(cell, w - i * cell), Math.min(cell, h - j * cell));
  }
  g.fillStyle = '#ee4266'; g.fillRect(x, y, cell, cell);
  g.fillStyle = '#3bceac'; g.fillRect(x + w - cell, y, cell, cell);
  g.fillStyle = '#ffffff';
  g.fillRect(x + w * 0.1, y + h * 0.42, w * 0.8, h * 0.22);
  g.fillStyle = '#000000';
  g.font = 'bold ' + Math.round(h * 0.14) + 'px sans-serif';
  g.textAlign = 'center'; g.textBaseline = 'middle';
  g.fillText(TITLES[id] ?? id.toUpperCase(), x + w / 2, y + h * 0.53);
  g.beginPath();
  g.moveTo(x + w / 2, y + h * 0.08); g.lineTo(x + w / 2 - w * 0.12, y + h * 0.3); g.lineTo(x + w / 2 + w * 0.12, y + h * 0.3);
  g.closePath(); g.fillStyle = '#ffffff'; g.fill();
}
const texture = new THREE.CanvasTexture(atlas);
texture.flipY = false;
texture.channel = 1;
texture.colorSpace = THREE.SRGBColorSpace;
texture.anisotropy = 8;

const colours = ${JSON.stringify(options.colours)};
const colourOf = (name) => colours[name] ?? ${JSON.stringify(options.otherColour ?? options.plainColour)};
const gltf = await new GLTFLoader().loadAsync('/model.glb');
const parts = {};
gltf.scene.traverse((o) => {
  if (!o.isMesh) return;
  parts[o.name] = o;
  const printed = !!o.geometry.attributes.uv1;
  o.material = new THREE.MeshStandardMaterial({ color: colourOf(o.name), roughness: 0.85, map: printed ? texture : null });
});
scene.add(gltf.scene);
window.show = (hide, [eye, target], print) => {
  for (const [name, mesh] of Object.entries(parts)) {
    mesh.visible = !hide.includes(name);
    mesh.material.map = print && mesh.geometry.attributes.uv1 ? texture : null;
    mesh.material.color.set(print ? colourOf(name) : ${JSON.stringify(options.plainColour)});
    mesh.material.needsUpdate = true;
  }
  camera.position.set(eye[0], eye[1], eye[2]);
  camera.lookAt(target[0], target[1], target[2]);
  renderer.render(scene, camera);
};
const sheet = document.createElement('canvas');
window.tile = (index, columns, count) => {
  const size = ${Math.round(size / 2)};
  if (index === 0) {
    sheet.width = size * columns;
    sheet.height = size * Math.ceil(count / columns);
  }
  sheet.getContext('2d').drawImage(renderer.domElement, (index % columns) * size, Math.floor(index / columns) * size, size, size);
  return index === count - 1 ? sheet.toDataURL('image/png') : null;
};
window.ready = true;
</script></body></html>`;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.glb': 'model/gltf-binary', '.html': 'text/html' };

/** Renders every variant from every view to `<outDir>/<variant>-<view>.png`, and a contact sheet of them all. */
export async function renderPreview(options: PreviewOptions): Promise<void> {
  const OUT = options.outDir;
  const PAGE = page(options);
  const glbFile = join(ROOT, options.glb);
  const size = options.size ?? 900;
  mkdirSync(OUT, { recursive: true });
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    let file: string | null = null;
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    if (url === '/model.glb') file = glbFile;
    else if (url.startsWith('/three/')) file = normalize(join(ROOT, 'node_modules', url));
    if (!file || (!file.startsWith(join(ROOT, 'node_modules/three')) && file !== glbFile)) {
      res.writeHead(404).end();
      return;
    }
    try {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--use-gl=angle', '--no-sandbox'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: size, height: size } });
    tab.on('pageerror', (e) => console.error(e));
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 60_000 });
    const views = Object.entries(options.views);
    const count = options.variants.length * views.length;
    let index = 0;
    for (const variant of options.variants)
      for (const [view, eye] of views) {
        await tab.evaluate(
          ([hide, e, print]) =>
            (window as unknown as { show(h: readonly string[], e: PreviewView, p: boolean): void }).show(hide, e, print),
          [variant.hide, eye, variant.print] as const,
        );
        const file = join(OUT, `${variant.name}-${view}.png`);
        await tab.locator('canvas').first().screenshot({ path: file });
        console.log(file);
        const sheet = await tab.evaluate(
          ([i, c, n]) => (window as unknown as { tile(i: number, c: number, n: number): string | null }).tile(i, c, n),
          [index++, views.length, count] as const,
        );
        if (sheet) {
          writeFileSync(join(OUT, 'sheet.png'), Buffer.from(sheet.split(',')[1]!, 'base64'));
          console.log(join(OUT, 'sheet.png'));
        }
      }
  } finally {
    await browser.close();
    server.close();
  }
}
