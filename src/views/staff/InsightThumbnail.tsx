import type { Product } from '../../domain/index.ts';
import { ProductIllustration } from '../ProductIllustration.tsx';

/** Props of {@link InsightThumbnail}. */
export interface InsightThumbnailProps {
  readonly product: Product;
  readonly choices: Readonly<Record<string, string>>;
  /** Its width in CSS pixels (64 by default). */
  readonly size?: number;
}

/**
 * A design's 2D drawing as a small decorative picture (the row or card beside it names the design
 * in words). A design naming an option the product no longer has is drawn as a plain box: the
 * drawing needs every part's option.
 */
export function InsightThumbnail({ product, choices, size = 64 }: InsightThumbnailProps) {
  const drawable = product.attributes.every((attribute) => attribute.options.some((option) => option.id === choices[attribute.id]));
  return (
    <span className="staff-insight__thumbnail" style={{ inlineSize: size, blockSize: size }} aria-hidden="true">
      {drawable ? <ProductIllustration product={product} design={choices} focusedPart={null} decorative /> : null}
    </span>
  );
}
