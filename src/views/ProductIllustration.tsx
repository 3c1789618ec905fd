import type { Assignment, PartId, PartLook, Product } from '../domain/index.ts';
import { SneakerSvgFallback } from './SneakerSvgFallback.tsx';
import { TshirtSvgFallback } from './TshirtSvgFallback.tsx';

/** Props of {@link ProductIllustration}. */
export interface ProductIllustrationProps {
  readonly product: Product;
  readonly looks: Readonly<Record<PartId, PartLook>>;
  readonly design: Assignment;
  readonly focusedPart: PartId | null;
  readonly onPartClick?: (partId: PartId) => void;
  /** A small decorative copy (colourway thumbnails). */
  readonly decorative?: boolean;
}

/** The product's 2D drawing (its `illustration` in product.yaml), coloured by the design. */
export function ProductIllustration(props: ProductIllustrationProps) {
  const kind = props.product.illustration ?? 'sneaker';
  switch (kind) {
    case 'tshirt':
      return <TshirtSvgFallback {...props} />;
    case 'sneaker':
      return <SneakerSvgFallback {...props} />;
    default: {
      const unknown: never = kind;
      throw new Error(`[Atelier] no 2D drawing "${String(unknown)}"`);
    }
  }
}
