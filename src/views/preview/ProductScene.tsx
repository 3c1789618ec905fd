import { memo, useMemo, useRef, type RefObject } from 'react';
import { modelParts, type ModelVariant, type PartId, type PartLook, type PrintAtlas, type Product, type TextPrint, type ArtworkPrint } from '../../domain/index.ts';
import { CameraRig, type CameraRigHandle } from './CameraRig.tsx';
import { FloorShadow } from './FloorShadow.tsx';
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js';
import { modelUrlOf, useProductModel } from './modelLoader.ts';
import { findPartMeshes } from './partMeshes.ts';
import { PrintOverlay } from './PrintOverlay.tsx';
import { ProductModel } from './ProductModel.tsx';
import { usePreviewTestApi } from './previewTestApi.ts';
import { ShaderWarmup } from './ShaderWarmup.tsx';
import { useFirstFrame } from './useFirstFrame.ts';

/** What the 3D preview shows of a design: the props {@link ProductScene} and `ProductPreview` share. */
export interface DesignPreviewProps {
  readonly product: Product;
  /** The look of every part of the current design. */
  readonly looks: Readonly<Record<PartId, PartLook>>;
  /** Variant meshes hidden and the model's scale, for the current design (see `modelVariant`). */
  readonly variant: ModelVariant;
  /** The model's print zones, and the personal texts laid out in them (see `textPrints`). */
  readonly atlas?: PrintAtlas;
  readonly prints: readonly TextPrint[];
  readonly artworks: readonly ArtworkPrint[];
  /** The part (or section) the customer is working on; the camera turns toward it (a section: toward its focus part). */
  readonly focusedPart: PartId | null;
  /** Called when the customer clicks (not drags across) a part of the model. */
  readonly onPartClick: (partId: PartId) => void;
}

/** Props of {@link ProductScene}. */
export interface ProductSceneProps extends DesignPreviewProps {
  /** Called once, after the first frame showing the model. */
  readonly onFirstFrame?: () => void;
  /** Receives the camera rig's handle, for controls outside the canvas (the camera view buttons). */
  readonly rig?: RefObject<CameraRigHandle | null>;
}

/**
 * The product in the studio: the model, its floor shadow and the camera framing it. Until the
 * model has loaded it draws the shader warm-up instead (see {@link ShaderWarmup}); mount it after
 * the studio lighting, which is part of the shader.
 */
export const ProductScene = memo(function ProductScene(props: ProductSceneProps) {
  const gltf = useProductModel(modelUrlOf(props.product));
  return gltf ? <LoadedProductScene {...props} gltf={gltf} /> : <ShaderWarmup />;
});

function LoadedProductScene({ product, gltf, looks, variant, atlas, prints, artworks, focusedPart, onPartClick, onFirstFrame, rig: outerRig }: ProductSceneProps & { readonly gltf: GLTF }) {
  const partList = useMemo(() => modelParts(product), [product]);
  const parts = useMemo(() => findPartMeshes(gltf.scene, partList), [gltf.scene, partList]);
  const ownRig = useRef<CameraRigHandle>(null);
  const rig = outerRig ?? ownRig;
  usePreviewTestApi(parts, rig);
  useFirstFrame(() => onFirstFrame?.());

  return (
    <>
      <ProductModel parts={parts} looks={looks} variant={variant} onPartClick={onPartClick} />
      {/* Mounted only once there is something to print: its 2048² texture is not free to upload. */}
      {atlas && (prints.length > 0 || artworks.length > 0) && <PrintOverlay parts={parts} atlas={atlas} prints={prints} artworks={artworks} />}
      <FloorShadow parts={parts} hiddenMeshes={variant.hiddenMeshes} />
      <CameraRig ref={rig} product={product} parts={parts} focusedPart={focusedPart} />
    </>
  );
}
