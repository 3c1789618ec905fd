import { DEFAULT_SIZE_SYSTEMS, type Product, type SizeDef } from './productModel.ts';

/** A size as products stored before size systems were data kept it: EU, US and UK fields, no `codes`. */
interface LegacySizeDef {
  readonly id: string;
  readonly label: string;
  readonly eu: string;
  readonly us: string;
  readonly uk: string;
}

/**
 * A product as stored by an earlier version (a published rules version kept in the database), in
 * today's shape: sizes stored with `eu`, `us` and `uk` fields get them as `codes`, and a product
 * without `sizeSystems` is given EU, US and UK, the systems those sizes were in. A product already
 * in today's shape is returned as it is.
 *
 * @example upgradeStoredProduct(JSON.parse(stored).product).sizes[0].codes // { eu: '36', us: '4.5', uk: '3.5' }
 */
export function upgradeStoredProduct(product: Product): Product {
  const sizes = product.sizes as readonly (SizeDef | LegacySizeDef)[];
  if (product.sizeSystems !== undefined && sizes.every((size) => 'codes' in size)) return product;
  return {
    ...product,
    sizeSystems: product.sizeSystems ?? DEFAULT_SIZE_SYSTEMS,
    sizes: sizes.map((size): SizeDef => ('codes' in size ? size : { id: size.id, label: size.label, codes: { eu: size.eu, us: size.us, uk: size.uk } })),
  };
}
