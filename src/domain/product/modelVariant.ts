import type { Assignment, AttributeDef, Product } from './productModel.ts';

/** What the design changes about the model itself, beyond its parts' looks. */
export interface ModelVariant {
  /** Variant meshes the design does not use (short sleeves when long are chosen), by mesh name. */
  readonly hiddenMeshes: readonly string[];
  /** The whole model's scale [x, y, z] (a fit), 1 when no chosen option scales it. */
  readonly scale: readonly [number, number, number];
}

/**
 * The model as a complete design shows it: for every attribute whose options name variant meshes
 * (`show`), the meshes of the other options are hidden; the scales of the chosen options multiply.
 *
 * @example modelVariant(tshirt, design) // { hiddenMeshes: ['sleevesLong', 'collarV'], scale: [0.92, 1, 0.94] }
 */
export function modelVariant(product: Product, design: Assignment): ModelVariant {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  const scale: [number, number, number] = [1, 1, 1];
  for (const attribute of product.attributes) {
    const chosen = design[attribute.id];
    for (const option of attribute.options) {
      const target = option.id === chosen ? shown : hidden;
      for (const mesh of option.show ?? []) target.add(mesh);
      if (option.id === chosen && option.scale) option.scale.forEach((factor, axis) => (scale[axis]! *= factor));
    }
  }
  return { hiddenMeshes: [...hidden].filter((mesh) => !shown.has(mesh)), scale };
}

/**
 * The attributes that change the model's shape (an option shows variant meshes or scales the
 * model): the fit and cut of a t-shirt, none of a sneaker's. The product's data marks them, so no
 * part id is named in code.
 */
export function shapingAttributes(product: Pick<Product, 'attributes'>): AttributeDef[] {
  return product.attributes.filter((attribute) => attribute.options.some((option) => option.show !== undefined || option.scale !== undefined));
}
