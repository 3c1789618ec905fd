import { Canvas } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { NeutralToneMapping } from 'three';
import { surfaceKindsOf, type CameraView } from '../../domain/index.ts';
import type { CameraRigHandle } from './CameraRig.tsx';
import { CameraViewButtons } from './CameraViewButtons.tsx';
import { CameraKeyControls, CameraNudgeBridge, type CameraNudger } from './CameraKeyControls.tsx';
import { modelUrlOf, preloadProductModel } from './modelLoader.ts';
import { PreviewProgress } from './PreviewProgress.tsx';
import { ProductScene, type DesignPreviewProps } from './ProductScene.tsx';
import { StudioLighting } from './StudioLighting.tsx';
import { requestSurfaceMaps } from './surfaceMapStore.ts';
import { SurfaceMapProgress } from './SurfaceMapProgress.tsx';
import './printFonts.ts';

/** Props of {@link ProductPreview}: the design it shows. */
export type ProductPreviewProps = DesignPreviewProps;

/**
 * The live 3D preview of a design: a react-three-fiber canvas filling its parent, drawn only when
 * something changes. Load it lazily (three stays out of the initial bundle; see `PreviewPane`),
 * inside an error boundary with a 2D fallback.
 *
 * @example
 * const ProductPreview = lazy(() => import('./preview/ProductPreview.tsx').then((m) => ({ default: m.ProductPreview })));
 * <ProductPreview product={product} looks={partLooks(product, design)} variant={modelVariant(product, design)} prints={[]} artworks={[]} focusedPart={part} onPartClick={focus} />
 */
export function ProductPreview({ product, looks, variant, atlas, prints, artworks, focusedPart, onPartClick }: ProductPreviewProps) {
  const url = modelUrlOf(product);
  // Start the download now (if the page has not), while the canvas and its WebGL context are still being set up.
  preloadProductModel(url);
  const [shown, setShown] = useState(false);
  const onFirstFrame = useCallback(() => setShown(true), []);
  const focusedLabel = product.parts.find((part) => part.id === focusedPart)?.label;
  // The first frame is drawn with flat materials; the maps of the materials on screen stream in
  // after it (and a newly chosen material's when it is chosen).
  const surfaceKinds = useMemo(() => surfaceKindsOf(looks), [looks]);
  useEffect(() => {
    if (shown) requestSurfaceMaps(surfaceKinds);
  }, [shown, surfaceKinds]);
  const rig = useRef<CameraRigHandle>(null);
  const showView = useCallback((view: CameraView) => void rig.current?.showView(view), []);
  const nudger = useRef<CameraNudger | null>(null);

  return (
    <div style={frame}>
      <CameraKeyControls productName={product.name} nudgerRef={nudger}>
        <div role="img" aria-label={`3D preview of the ${product.name}${focusedLabel ? `, showing the ${focusedLabel.toLowerCase()}` : ''}`} style={fill}>
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            // While the camera moves, frames are drawn at a lower resolution (see CameraRig).
            performance={{ min: MOVING_RESOLUTION, debounce: 250 }}
            gl={GL}
            camera={{ fov: 30, near: 0.01, far: 20, position: [0.6, 0.35, 0.75] }}
            style={fill}
          >
            <StudioLighting />
            <CameraNudgeBridge nudgerRef={nudger} />
            <ProductScene product={product} looks={looks} variant={variant} {...(atlas ? { atlas } : {})} prints={prints} artworks={artworks} focusedPart={focusedPart} onPartClick={onPartClick} onFirstFrame={onFirstFrame} rig={rig} />
          </Canvas>
        </div>
      </CameraKeyControls>
      {!shown && <PreviewProgress url={url} label={`Loading the 3D preview of the ${product.name}`} />}
      {shown && <SurfaceMapProgress label={`Loading the materials of the ${product.name}`} />}
      {shown && <CameraViewButtons views={product.views ?? []} onPick={showView} />}
    </div>
  );
}

/**
 * preserveDrawingBuffer: tests and screenshots read the canvas after it was drawn.
 * Khronos PBR Neutral tone mapping rather than ACES or AgX: it is made for product rendering and
 * keeps base colours as they are, so "Court red" on the shoe is the red of its swatch in the panel
 * (AgX turned it coral and navy grey-blue; ACES shifts saturated hues). The output is sRGB.
 */
const GL = { preserveDrawingBuffer: true, antialias: true, toneMapping: NeutralToneMapping, toneMappingExposure: 0.85 } as const;

/**
 * Pixel ratio while the camera moves, relative to the full one. Software WebGL shades a full
 * frame of the physical materials in about a fifth of a second; at half the resolution a turn
 * stays fluid, and the frame drawn when the camera comes to rest is sharp again.
 */
const MOVING_RESOLUTION = 0.5;

const fill: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%' };

// A soft studio sweep behind the transparent canvas: lighter where the shoe stands.
const frame: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: '100%',
  overflow: 'hidden',
  background: 'radial-gradient(ellipse 75% 65% at 50% 55%, #f6f6f5 0%, #e9eaea 55%, #dcdedf 100%)',
};
