import { useThree, type ThreeEvent } from '@react-three/fiber';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Object3D } from 'three';
import type { ModelVariant, PartId, PartLook } from '../../domain/index.ts';
import { applyPartLook, partMaterialsOf, setHighlighted } from './partMaterials.ts';
import type { PartMeshes } from './partMeshes.ts';
import { useSurfaceMapProgress } from './surfaceMapStore.ts';

/** Props of {@link ProductModel}. */
export interface ProductModelProps {
  readonly parts: PartMeshes;
  readonly looks: Readonly<Record<PartId, PartLook>>;
  readonly variant: ModelVariant;
  readonly onPartClick: (partId: PartId) => void;
}

/** A pointer that moved further than this between press and release was orbiting, not clicking. */
const CLICK_TOLERANCE_PX = 4;

/**
 * The product's model, dressed in the design's looks. A new look changes the part's material in
 * place and asks for one frame; the model itself is loaded once and never remounted. Parts light
 * up under the pointer and report clicks; decorative meshes are looked through.
 */
export const ProductModel = memo(function ProductModel({ parts, looks, variant, onPartClick }: ProductModelProps) {
  const invalidate = useThree((state) => state.invalidate);
  const canvas = useThree((state) => state.gl.domElement);
  const materials = useMemo(() => partMaterialsOf(parts), [parts]);
  const [hovered, setHovered] = useState<PartId | null>(null);
  // A surface map that arrives is laid on the parts wearing its material.
  const maps = useSurfaceMapProgress();

  useLayoutEffect(() => {
    let changed = false;
    for (const [partId, material] of materials) {
      const look = looks[partId];
      if (look && applyPartLook(material, look)) changed = true;
    }
    if (changed) invalidate();
  }, [looks, materials, maps, invalidate]);

  // Variant meshes (long sleeves, a V-neck rib) show only while their option is chosen; a fit scales
  // the whole model. Both change the scene in place: nothing is reloaded.
  useLayoutEffect(() => {
    const hidden = new Set(variant.hiddenMeshes);
    parts.root.traverse((object) => {
      if (object.name && (hidden.has(object.name) || object.userData.atelierVariant === true)) {
        object.userData.atelierVariant = true;
        object.visible = !hidden.has(object.name);
      }
    });
    parts.root.scale.set(...variant.scale);
    invalidate();
  }, [variant, parts, invalidate]);

  useLayoutEffect(() => {
    const material = hovered === null ? undefined : materials.get(hovered);
    if (!material) return;
    setHighlighted(material, true);
    showPointer(canvas, true);
    invalidate();
    return () => {
      setHighlighted(material, false);
      showPointer(canvas, false);
      invalidate();
    };
  }, [hovered, materials, canvas, invalidate]);

  // Stable handlers: r3f draws a frame whenever an object's props change, handlers included.
  const onPartClickRef = useRef(onPartClick);
  useLayoutEffect(() => {
    onPartClickRef.current = onPartClick;
  });
  const handlers = useMemo(() => {
    const partUnder = (event: ThreeEvent<PointerEvent | MouseEvent>): PartId | null => {
      for (const intersection of event.intersections) {
        // A hidden variant mesh (the long sleeves under the short ones) is not what was clicked.
        if (!isShown(intersection.object)) continue;
        const partId = parts.partOf(intersection.object);
        if (partId !== null) return partId;
      }
      return null;
    };
    return {
      onPointerMove(event: ThreeEvent<PointerEvent>) {
        event.stopPropagation();
        // While a button is held the customer is turning the shoe; a moving highlight distracts.
        if (event.buttons === 0) setHovered(partUnder(event));
      },
      onPointerOut() {
        setHovered(null);
      },
      onClick(event: ThreeEvent<MouseEvent>) {
        event.stopPropagation();
        if (event.delta > CLICK_TOLERANCE_PX) return;
        const partId = partUnder(event);
        if (partId !== null) onPartClickRef.current(partId);
      },
    };
  }, [parts]);

  return <primitive object={parts.root} {...handlers} />;
});

function showPointer(canvas: HTMLElement, pointer: boolean): void {
  canvas.style.cursor = pointer ? 'pointer' : '';
}

/** Whether an object and all its ancestors are visible. */
function isShown(object: Object3D): boolean {
  for (let current: Object3D | null = object; current; current = current.parent) if (!current.visible) return false;
  return true;
}
