import { lazy, Suspense, useMemo, useState } from 'react';
import { modelVariant, type Product } from '../../domain/index.ts';
import type { InsightOptions } from '../api/staffClient.ts';
import { hasWebGL } from '../hasWebGL.ts';
import { LoadingIndicator } from '../LoadingIndicator.tsx';
import { PreviewErrorBoundary } from '../PreviewErrorBoundary.tsx';
import { downloadCsv } from './downloadCsv.ts';
import { PartChangeChart, partChangeColour, partChangeScale } from './InsightCharts.tsx';
import { StaffTable } from './StaffTable.tsx';

// three.js stays out of the staff pages' chunk: the painted model is its own, fetched when shown.
const PartChangeModel = lazy(() => import('./PartChangeModel.tsx').then((m) => ({ default: m.PartChangeModel })));

/** Decorative meshes, and parts with no figure, on the painted model: a neutral grey off the scale. */
const UNMEASURED = '#b8b8b8';

/** Props of {@link PartChangeFigure}. */
export interface PartChangeFigureProps {
  readonly product: Product;
  readonly partChanges: InsightOptions['partChanges'];
  readonly days: number;
  /** The designer's name of an attribute ("Toe cap colour"). */
  readonly attributeLabel: (attributeId: string) => string;
}

/**
 * "Parts customers change": how often each part differs from the design every customer starts
 * from, on the product's 3D model painted by rate (where WebGL works), as bars with the colour
 * legend, and as a table with a CSV download. The model and the chart illustrate the table.
 */
export function PartChangeFigure({ product, partChanges, days, attributeLabel }: PartChangeFigureProps) {
  const labelOf = useMemo(() => new Map(product.parts.map((part) => [part.id, part.label])), [product]);
  const ranked = useMemo(() => [...partChanges.parts].sort((a, b) => b.rate - a.rate), [partChanges]);
  const scaleOptions = useMemo(() => partChangeScale(ranked[0]?.rate ?? 0), [ranked]);
  const colours = useMemo(() => {
    const colourOf = partChangeColour(scaleOptions);
    return Object.fromEntries(partChanges.parts.filter((part) => part.kind === 'part').map((part) => [part.partId, colourOf(part.rate)]));
  }, [partChanges, scaleOptions]);
  const variant = useMemo(() => modelVariant(product, partChanges.starting), [product, partChanges]);
  // Asked once: it creates a throw-away context.
  const [webgl] = useState(hasWebGL);
  const basis = partChanges.basis === 'units' ? `${partChanges.total} units ordered` : `${partChanges.total} design signals (nothing was ordered)`;
  const top = ranked.filter((part) => part.kind === 'part').slice(0, 3).map((part) => `${labelOf.get(part.partId) ?? part.partId} ${percent(part.rate)}`).join(', ');
  const noModel = <p className="staff-part-changes__note">The 3D model needs WebGL, which this browser does not offer: the table below has every figure.</p>;

  return (
    <section aria-labelledby="insight-parts" className="staff-insight__section">
      <h2 id="insight-parts">Parts customers change</h2>
      <p>How often each part differs from the design every customer starts from, in any of its material, colour or other choices: a share of the {basis} in the last {days} days.</p>
      <button type="button" className="button button--secondary" onClick={() => downloadCsv(`${product.id}-parts-changed-${days}d.csv`, ['part', 'attribute', 'changed (share)', partChanges.basis === 'units' ? 'units' : 'signals'], ranked.flatMap((part) => [
        [labelOf.get(part.partId) ?? part.partId, '(any)', part.rate.toFixed(4), part.weight],
        ...part.attributes.map((entry) => [labelOf.get(part.partId) ?? part.partId, attributeLabel(entry.attributeId), entry.rate.toFixed(4), entry.weight]),
      ]))}>Download parts changed (CSV)</button>
      <div className="staff-part-changes">
        {webgl ? (
          <PreviewErrorBoundary fallback={noModel}>
            <Suspense fallback={<LoadingIndicator label={`Loading the 3D model of the ${product.name}…`} />}>
              <PartChangeModel product={product} colours={colours} unmeasured={UNMEASURED} variant={variant} label={`The ${product.name} with each part coloured by how often customers change it (most: ${top}); the table below has the figures.`} />
            </Suspense>
          </PreviewErrorBoundary>
        ) : noModel}
        <PartChangeChart parts={ranked.map((part) => ({ label: labelOf.get(part.partId) ?? part.partId, rate: part.rate }))} colour={scaleOptions} />
      </div>
      <StaffTable caption={`How often customers change each part of the ${product.name} from the starting design, last ${days} days`}>
        <thead>
          <tr><th scope="col">Part</th><th scope="col">Changed</th><th scope="col">{partChanges.basis === 'units' ? 'Units' : 'Signals'}</th><th scope="col">By attribute</th></tr>
        </thead>
        <tbody>
          {ranked.map((part) => (
            <tr key={part.partId}>
              <th scope="row">{part.kind === 'part' && <span className="staff-part-changes__swatch" style={{ background: colours[part.partId] }} aria-hidden="true" />}{labelOf.get(part.partId) ?? part.partId}</th>
              <td>{percent(part.rate)}</td>
              <td>{part.weight}</td>
              <td>{part.attributes.map((entry) => `${attributeLabel(entry.attributeId)} ${percent(entry.rate)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </StaffTable>
    </section>
  );
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
