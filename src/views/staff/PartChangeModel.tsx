import { Canvas, useThree } from '@react-three/fiber';
import { Suspense, useCallback, useLayoutEffect, useMemo, useState, type CSSProperties } from 'react';
import { Mesh, MeshStandardMaterial, NeutralToneMapping, type Object3D } from 'three';
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js';
import { modelParts, type ModelVariant, type PartId, type Product } from '../../domain/index.ts';
import { CameraRig } from '../preview/CameraRig.tsx';
import { modelUrlOf, useProductModel } from '../preview/modelLoader.ts';
import { findPartMeshes } from '../preview/partMeshes.ts';
import { StudioLighting } from '../preview/StudioLighting.tsx';
import { useFirstFrame } from '../preview/useFirstFrame.ts';

/** Props of {@link PartChangeModel}. */
export interface PartChangeModelProps {
  readonly product: Product;
  /** The colour each part is painted (`#rrggbb` or any CSS colour three reads); a part without one is painted `unmeasured`. */
  readonly colours: Readonly<Record<PartId, string>>;
  /** The colour of decorative meshes and of parts without a figure. */
  readonly unmeasured: string;
  /** The model's variant meshes and scale as the starting design shows them. */
  readonly variant: ModelVariant;
  /** What the picture shows, for assistive technology (the table beside it has the figures). */
  readonly label: string;
}

/**
 * The product's 3D model with each part painted one flat colour (a heat map on the shoe), for the
 * designers' "parts customers change" figure. Its own chunk (three.js), loaded only when the figure
 * is shown and WebGL works; the model is found part by part as the customer preview finds it
 * (`findPartMeshes`), on a copy, so the customer preview's materials are never touched.
 */
export function PartChangeModel({ product, colours, unmeasured, variant, label }: PartChangeModelProps) {
  const [drawn, setDrawn] = useState(false);
  const onFirstFrame = useCallback(() => setDrawn(true), []);
  return (
    <div role="img" aria-label={label} className="staff-part-model" data-drawn={drawn ? 'true' : 'false'}>
      <Canvas frameloop="demand" dpr={[1, 2]} gl={GL} camera={{ fov: 30, near: 0.01, far: 20, position: [0.6, 0.35, 0.75] }} style={fill}>
        <StudioLighting />
        <Suspense fallback={null}>
          <PaintedModel product={product} colours={colours} unmeasured={unmeasured} variant={variant} onFirstFrame={onFirstFrame} />
        </Suspense>
      </Canvas>
    </div>
  );
}

function PaintedModel({ product, colours, unmeasured, variant, onFirstFrame }: Omit<PartChangeModelProps, 'label'> & { readonly onFirstFrame: () => void }) {
  // Typed with null: the loader may hand the model over without suspending while it loads.
  const gltf: GLTF | null = useProductModel(modelUrlOf(product));
  return gltf ? <LoadedModel gltf={gltf} product={product} colours={colours} unmeasured={unmeasured} variant={variant} onFirstFrame={onFirstFrame} /> : null;
}

function LoadedModel({ gltf, product, colours, unmeasured, variant, onFirstFrame }: Omit<PartChangeModelProps, 'label'> & { readonly gltf: GLTF; readonly onFirstFrame: () => void }) {
  const invalidate = useThree((state) => state.invalidate);
  // A copy shares the geometry (no new upload) but gets its own flat materials below.
  const root = useMemo(() => gltf.scene.clone(true), [gltf.scene]);
  const partList = useMemo(() => modelParts(product), [product]);
  const parts = useMemo(() => findPartMeshes(root, partList), [root, partList]);
  const materials = useMemo(() => {
    const byPart = new Map<PartId | null, MeshStandardMaterial>();
    const materialOf = (partId: PartId | null) => {
      let material = byPart.get(partId);
      if (!material) {
        material = new MeshStandardMaterial({ roughness: 0.8, metalness: 0 });
        byPart.set(partId, material);
      }
      return material;
    };
    root.traverse((object: Object3D) => {
      if (object instanceof Mesh) object.material = materialOf(parts.partOf(object));
    });
    return byPart;
  }, [root, parts]);
  useLayoutEffect(() => () => {
    for (const material of materials.values()) material.dispose();
  }, [materials]);

  useLayoutEffect(() => {
    for (const [partId, material] of materials) material.color.set(partId === null ? unmeasured : colours[partId] ?? unmeasured);
    invalidate();
  }, [materials, colours, unmeasured, invalidate]);

  // The model as the starting design shows it (short sleeves, regular fit).
  useLayoutEffect(() => {
    const hidden = new Set(variant.hiddenMeshes);
    root.traverse((object) => {
      if (object.name && hidden.has(object.name)) object.visible = false;
    });
    root.scale.set(...variant.scale);
    invalidate();
  }, [root, variant, invalidate]);

  useFirstFrame(onFirstFrame);
  return (
    <>
      <primitive object={root} />
      <CameraRig product={product} parts={parts} focusedPart={null} />
    </>
  );
}

/**
 * Khronos PBR Neutral tone mapping, as the customer preview: it keeps base colours as they are, so
 * a part reads as the colour of its rate in the legend. preserveDrawingBuffer: screenshots read it.
 */
const GL = { preserveDrawingBuffer: true, antialias: true, toneMapping: NeutralToneMapping, toneMappingExposure: 0.85 } as const;

const fill: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%' };
