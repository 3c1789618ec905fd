import { useThree } from '@react-three/fiber';
import { memo, useEffect, useLayoutEffect, useMemo } from 'react';
import { CanvasTexture, Mesh, MeshStandardMaterial, SRGBColorSpace, type BufferGeometry } from 'three';
import type { ArtworkPrint, PrintAtlas, TextPrint } from '../../domain/index.ts';
import type { PartMeshes } from './partMeshes.ts';

/** Props of {@link PrintOverlay}. */
export interface PrintOverlayProps {
  readonly parts: PartMeshes;
  readonly atlas: PrintAtlas;
  readonly prints: readonly TextPrint[];
  readonly artworks: readonly ArtworkPrint[];
}

/**
 * Personal texts on the model, live: they are drawn into one canvas, the print atlas, which a
 * transparent copy of each printable mesh shows through the model's second UV set (TEXCOORD_1).
 * Typing redraws the canvas and asks for one frame; nothing is reloaded.
 */
export const PrintOverlay = memo(function PrintOverlay({ parts, atlas, prints, artworks }: PrintOverlayProps) {
  const invalidate = useThree((state) => state.invalidate);
  const { canvas, texture, material } = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = atlas.atlasSize;
    const texture = new CanvasTexture(canvas);
    // glTF UVs start at the top-left, as the canvas does.
    texture.flipY = false;
    texture.channel = 1;
    texture.colorSpace = SRGBColorSpace;
    texture.anisotropy = 4;
    const material = new MeshStandardMaterial({ map: texture, transparent: true, depthWrite: false, roughness: 0.85, polygonOffset: true, polygonOffsetFactor: -2 });
    material.name = 'print-atlas';
    return { canvas, texture, material };
  }, [atlas.atlasSize]);

  // A see-through copy of every printable mesh, sharing its geometry (so it moves, scales and hides with it).
  useLayoutEffect(() => {
    const names = new Set(Object.values(atlas.zones).flatMap((zone) => zone.meshes));
    const overlays: Mesh[] = [];
    parts.root.traverse((object) => {
      if (!(object instanceof Mesh) || object.userData.atelierPrintOverlay) return;
      // A mesh is printable when it, or the node of a multi-primitive mesh, is named in a zone.
      const printable = names.has(object.name) || names.has(object.parent?.name ?? '');
      if (!printable || !(object.geometry as BufferGeometry).getAttribute('uv1')) return;
      const overlay = new Mesh(object.geometry, material);
      overlay.userData.atelierPrintOverlay = true;
      overlay.renderOrder = 1;
      overlay.raycast = () => {};
      object.add(overlay);
      overlays.push(overlay);
    });
    invalidate();
    return () => {
      for (const overlay of overlays) overlay.removeFromParent();
    };
  }, [parts, atlas, material, invalidate]);

  useEffect(() => {
    let cancelled = false;
    const families = [...new Set(prints.map((print) => print.family))];
    // The fonts are the shop's own files (bundled with the preview); wait until they are usable.
    const ready = Promise.all([
      ...families.map((family) => document.fonts.load(`64px "${family}"`)),
      ...artworks.map((print) => loadImage(print.artwork.url)),
    ]);
    void ready.catch(() => undefined).then(() => {
      if (cancelled) return;
      drawPrints(canvas, atlas, prints, artworks);
      texture.needsUpdate = true;
      invalidate();
    });
    return () => {
      cancelled = true;
    };
  }, [canvas, texture, atlas, prints, artworks, invalidate]);

  useEffect(() => () => {
    texture.dispose();
    material.dispose();
  }, [texture, material]);

  return null;
});

const loading = new Map<string, Promise<void>>();
const decoded = new Map<string, HTMLImageElement>();

/** Loads an uploaded artwork from the shop once per page; drawing then uses the decoded image. */
function loadImage(url: string): Promise<void> {
  let done = loading.get(url);
  if (!done) {
    const element = new Image();
    element.src = url;
    done = element.decode().then(() => {
      decoded.set(url, element);
    });
    loading.set(url, done);
  }
  return done;
}

/** Draws every artwork at its box, then every text centred in its box, at the size the domain set it. */
function drawPrints(canvas: HTMLCanvasElement, atlas: PrintAtlas, prints: readonly TextPrint[], artworks: readonly ArtworkPrint[]): void {
  const context = canvas.getContext('2d')!;
  context.clearRect(0, 0, canvas.width, canvas.height);
  for (const print of artworks) {
    const [u0, v0, u1] = print.zone.uv;
    const pxPerMm = ((u1 - u0) * atlas.atlasSize) / print.zone.widthMm;
    // Loaded before drawing (see the effect); one that failed to load is left out.
    const image = decoded.get(print.artwork.url);
    if (image) context.drawImage(image, u0 * atlas.atlasSize + print.box.xMm * pxPerMm, v0 * atlas.atlasSize + print.box.yMm * pxPerMm, print.box.widthMm * pxPerMm, print.box.heightMm * pxPerMm);
  }
  for (const print of prints) {
    const [u0, v0, u1] = print.zone.uv;
    const pxPerMm = ((u1 - u0) * atlas.atlasSize) / print.zone.widthMm;
    const left = u0 * atlas.atlasSize + print.box.xMm * pxPerMm;
    const top = v0 * atlas.atlasSize + print.box.yMm * pxPerMm;
    context.save();
    context.fillStyle = print.hex;
    context.font = `${print.fontSizeMm * pxPerMm}px "${print.family}"`;
    context.textAlign = 'center';
    context.textBaseline = 'alphabetic';
    // Capitals stand centred in the box: the baseline sits half a cap height below its middle.
    const baseline = top + (print.box.heightMm * pxPerMm) / 2 + (print.capHeightMm * pxPerMm) / 2;
    context.fillText(print.text, left + (print.box.widthMm * pxPerMm) / 2, baseline, print.box.widthMm * pxPerMm);
    context.restore();
  }
}
