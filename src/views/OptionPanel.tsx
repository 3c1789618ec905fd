import type { Product } from '../domain/index.ts';
import { PartSection } from './PartSection.tsx';
import type { PartSections } from './usePartSections.ts';

/** Props of {@link OptionPanel}. */
export interface OptionPanelProps {
  readonly product: Product;
  readonly sections: PartSections;
}

/** Every part of the product, in the product's order, each a collapsible section of radio groups. */
export function OptionPanel({ product, sections }: OptionPanelProps) {
  return (
    <section className="option-panel" aria-labelledby="option-panel-heading">
      <h2 id="option-panel-heading" className="panel-heading">Parts</h2>
      {product.parts.map((part) => (
        <PartSection key={part.id} product={product} part={part} expanded={sections.expanded.has(part.id)} onToggle={sections.toggle} />
      ))}
    </section>
  );
}
