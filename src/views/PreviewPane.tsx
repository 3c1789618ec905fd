import { useSelector } from '@xstate/react';
import { useMemo, useState } from 'react';
import { artworkPrints, modelVariant, partLooks, textPrints, type PartId, type Product } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { hasWebGL } from './hasWebGL.ts';
import { LazyProductPreview } from './LazyProductPreview.tsx';
import { PreviewErrorBoundary } from './PreviewErrorBoundary.tsx';
import { ProductIllustration } from './ProductIllustration.tsx';

/** Props of {@link PreviewPane}. */
export interface PreviewPaneProps {
  readonly product: Product;
  /** A part was clicked on the model. */
  readonly onPartClick: (partId: PartId) => void;
  /** The 3D preview where WebGL works (default true); false shows the 2D illustration only (the studio's try-it pane, beside the editor). */
  readonly threeD?: boolean;
}

/**
 * The big picture of the design: the 3D preview where WebGL works, the 2D illustration where it
 * does not or when the preview fails. Both turn to the part the customer is working on.
 */
export function PreviewPane({ product, onPartClick, threeD = true }: PreviewPaneProps) {
  const actor = useConfiguratorActor();
  const design = useSelector(actor, (snapshot) => snapshot.context.summary.resolved.assignment);
  const focusedPart = useSelector(actor, (snapshot) => snapshot.context.focusedPart);
  const looks = useMemo(() => partLooks(product, design), [product, design]);
  const variant = useMemo(() => modelVariant(product, design), [product, design]);
  const entry = useSelector(actor, (snapshot) => snapshot.context.entry);
  const personalisation = useSelector(actor, (snapshot) => snapshot.context.summary.personalisation);
  const prints = useMemo(() => textPrints(entry, personalisation), [entry, personalisation]);
  const artworkStatuses = useSelector(actor, (snapshot) => snapshot.context.summary.artwork);
  const artworks = useMemo(() => artworkPrints(entry, artworkStatuses), [entry, artworkStatuses]);
  // Asked once (it creates a throw-away context); `threeD` may change (the try-it pane's switch).
  const [webglWorks] = useState(hasWebGL);
  const webgl = threeD && webglWorks;

  const illustration = <ProductIllustration product={product} design={design} focusedPart={focusedPart} onPartClick={onPartClick} />;
  return (
    <section className="preview" aria-label="Preview">
      {webgl ? (
        <PreviewErrorBoundary fallback={illustration}>
          {/* three.js stays out of the initial bundle: the preview is its own chunk (main.tsx starts it early). */}
          <LazyProductPreview product={product} looks={looks} variant={variant} {...(entry.printAtlas ? { atlas: entry.printAtlas } : {})} prints={prints} artworks={artworks} focusedPart={focusedPart} onPartClick={onPartClick} />
        </PreviewErrorBoundary>
      ) : (
        illustration
      )}
    </section>
  );
}
