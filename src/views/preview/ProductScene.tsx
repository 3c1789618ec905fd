import { memo, useMemo, useRef } from 'react';
import type { PartId, PartLook, Product } from '../../domain/index.ts';
import { CameraRig, type CameraRigHandle } from './CameraRig.tsx';
import { FloorShadow } from './FloorShadow.tsx';
import { modelUrlOf, useProductModel } from './modelLoader.ts';
import { findPartMeshes } from './partMeshes.ts';
import { ProductModel } from './ProductModel.tsx';
import { usePreviewTestApi } from './previewTestApi.ts';
import { useFirstFrame } from './useFirstFrame.ts';

/** Props of {@link ProductScene}. */
export interface ProductSceneProps {
  readonly product: Product;
  readonly looks: Readonly<Record<PartId, PartLook>>;
  readonly focusedPart: PartId | null;
  readonly onPartClick: (partId: PartId) => void;
  /** Called once, after the first frame showing the model. */
  readonly onFirstFrame?: () => void;
}

/**
 * The product in the studio: the model, its floor shadow and the camera framing it. Suspends
 * until the model has loaded; the studio lighting is mounted beside it, outside the Suspense.
 */
export const ProductScene = memo(function ProductScene({ product, looks, focusedPart, onPartClick, onFirstFrame }: ProductSceneProps) {
  const gltf = useProductModel(modelUrlOf(product));
  const partIds = useMemo(() => product.parts.map((part) => part.id), [product]);
  const parts = useMemo(() => findPartMeshes(gltf.scene, partIds), [gltf.scene, partIds]);
  const rig = useRef<CameraRigHandle>(null);
  usePreviewTestApi(parts, rig);
  useFirstFrame(() => onFirstFrame?.());

  return (
    <>
      <ProductModel parts={parts} looks={looks} onPartClick={onPartClick} />
      <FloorShadow parts={parts} />
      <CameraRig ref={rig} parts={parts} focusedPart={focusedPart} />
    </>
  );
});
