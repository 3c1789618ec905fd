import { useEffect, useId, useMemo, useState } from 'react';
import { compileRules, resolveDesign, type Product } from '../../domain/index.ts';
import { createStaffPageMachine } from '../../machines/index.ts';
import { readCatalogEntry, readCatalogList, type CatalogProduct } from '../api/catalogClient.ts';
import { readDesignInsight, type InsightCluster, type InsightDesign, type InsightOptions } from '../api/staffClient.ts';
import { shortlistDesign } from '../api/reviewClient.ts';
import { downloadCsv } from './downloadCsv.ts';
import { InsightThumbnail } from './InsightThumbnail.tsx';
import { LiftHeatmap, TakeRateChart } from './InsightCharts.tsx';
import { PartChangeFigure } from './PartChangeFigure.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { ShortlistButton } from './ShortlistButton.tsx';
import { useStaffPage } from './useStaffPage.ts';

interface InsightQuery {
  readonly productId: string;
  readonly days: number;
}

interface Insight {
  readonly product: Product;
  /** The design a customer starts from: designs are described by how they differ from it. */
  readonly defaults: Readonly<Record<string, string>>;
  readonly popular: readonly InsightDesign[];
  readonly clusters: readonly InsightCluster[];
  readonly clustered: number;
  readonly options: InsightOptions;
}

const insightPage = createStaffPageMachine<InsightQuery, Insight, never, never>();
const PERIODS = [7, 30, 90, 365] as const;

/**
 * Designer: what customers really design, from every order and design signal (not only what is
 * submitted to the gallery): the most wanted designs, near-identical designs grouped with what
 * they differ in, each option's take rate by units ordered and the funnel, and the parts customers
 * change most, on the 3D model. Every figure is a table with a CSV download.
 */
export function DesignInsightPage({ connection }: StaffDataPageProps) {
  const [products, setProducts] = useState<readonly CatalogProduct[]>([]);
  useEffect(() => {
    void readCatalogList().then((list) => list.ok && setProducts(list.value));
  }, []);
  const { actor, view } = useStaffPage(insightPage, {
    load: async ({ productId, days }) => {
      const [entry, insight] = await Promise.all([readCatalogEntry(productId), readDesignInsight(connection, productId, days)]);
      if (!entry.ok) throw new Error(entry.failure.message);
      const { product, ruleSet, compiled } = entry.value;
      const defaults = resolveDesign(compileRules(product, ruleSet, { artifact: compiled }), ruleSet, {}).assignment as Record<string, string>;
      return { product, defaults, ...insight };
    },
  }, { productId: 'sneaker', days: 30 });
  const productId = useId();
  const periodId = useId();
  const query = view.query;
  return (
    <StaffPageFrame title="What customers design" lead="Every design customers ordered, reviewed, shared or submitted, gallery or not: the most wanted, near-identical designs grouped, each option's take rate, and the parts customers change most." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      <div className="staff-insight__controls">
        <div className="field staff-field staff-field--inline">
          <label htmlFor={productId}>Product</label>
          <select id={productId} value={query.productId} onChange={(event) => actor.send({ type: 'page.query', query: { ...query, productId: event.target.value } })}>
            {(products.length > 0 ? products : [{ id: query.productId, name: query.productId }]).map((product) => <option key={product.id} value={product.id}>{product.name}</option>)}
          </select>
        </div>
        <div className="field staff-field staff-field--inline">
          <label htmlFor={periodId}>Period</label>
          <select id={periodId} value={query.days} onChange={(event) => actor.send({ type: 'page.query', query: { ...query, days: Number(event.target.value) } })}>
            {PERIODS.map((days) => <option key={days} value={days}>Last {days} days</option>)}
          </select>
        </div>
      </div>
      {view.data && <InsightSections insight={view.data} days={query.days} shortlist={(designKey) => shortlistDesign(connection, query.productId, designKey)} />}
    </StaffPageFrame>
  );
}

function InsightSections({ insight, days, shortlist }: { readonly insight: Insight; readonly days: number; readonly shortlist: (designKey: string) => Promise<void> }) {
  const { product, defaults, popular, clusters, clustered, options } = insight;
  const labels = useMemo(() => optionLabels(product), [product]);
  const describeAll = (choices: Readonly<Record<string, string>>) => product.attributes.map((attribute) => `${labels.attribute(attribute.id)}: ${labels.option(attribute.id, choices[attribute.id])}`).join('; ');
  // What a designer reads first: how the design differs from the one every customer starts from.
  const describe = (choices: Readonly<Record<string, string>>) => {
    const changed = product.attributes.filter((attribute) => choices[attribute.id] !== defaults[attribute.id]);
    return changed.length === 0 ? 'The starting design, unchanged' : changed.map((attribute) => `${labels.attribute(attribute.id)}: ${labels.option(attribute.id, choices[attribute.id])}`).join('; ');
  };
  const [rateAttribute, setRateAttribute] = useState(() => mostVaried(options, product));
  const rateAttributeId = useId();
  if (popular.length === 0) return <p>No design was ordered, reviewed, shared or submitted in the last {days} days.</p>;
  return (
    <>
      <section aria-labelledby="insight-popular" className="staff-insight__section">
        <h2 id="insight-popular">Most wanted designs</h2>
        <button type="button" className="button button--secondary" onClick={() => downloadCsv(`${product.id}-popular-${days}d.csv`, ['design', 'units', 'orders', 'trend (7 days)', 'visits', 'reviewed', 'shared', 'submitted', 'up-votes', 'remixes', 'allowed now'], popular.map((design) => [describeAll(design.choices), design.units, design.orders, trendText(design.trend.change), design.sessions, design.reviewed, design.shared, design.submitted, design.voted, design.remixes, design.allowedNow ? 'yes' : 'no']))}>Download CSV</button>
        <StaffTable caption={`Most wanted designs of the ${product.name}, last ${days} days`}>
          <thead>
            <tr>
              <th scope="col">Picture</th>
              <th scope="col">Design (what differs from the starting design)</th>
              <th scope="col">Units</th>
              <th scope="col">Trend (last 7 days)</th>
              <th scope="col">Visits</th>
              <th scope="col">Reviewed</th>
              <th scope="col">Shared</th>
              <th scope="col">In the gallery</th>
              <th scope="col">Allowed now</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {popular.map((design) => (
              <tr key={design.designKey}>
                <td><InsightThumbnail product={product} choices={design.choices} size={96} /></td>
                <th scope="row" className="staff-table__key staff-insight__design">{describe(design.choices)}</th>
                <td>{design.units}<span className="staff-table__note">{design.orders} order{design.orders === 1 ? '' : 's'}</span></td>
                <td>{trendText(design.trend.change)}<span className="staff-table__note">{design.trend.recentUnits} units in 7 days, {design.trend.baselineUnits} in the 28 before</span></td>
                <td>{design.sessions}</td>
                <td>{design.reviewed}</td>
                <td>{design.shared}</td>
                <td>{design.gallery ? `Yes: ${design.gallery.upVotes} up, ${design.gallery.downVotes} down (score ${design.gallery.score.toFixed(2)})` : 'Never submitted'}</td>
                <td>{design.allowedNow ? 'Yes' : 'No: today\'s rules refuse it'}</td>
                <td><ShortlistButton what={describe(design.choices)} onShortlist={() => shortlist(design.designKey)} /></td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      </section>

      <section aria-labelledby="insight-clusters" className="staff-insight__section">
        <h2 id="insight-clusters">Near-identical designs</h2>
        <p className="field__hint">{clustered} designs grouped: each group is shown by its most central design (its medoid) and says what its designs differ in.</p>
        <ul className="staff-insight__clusters">
          {clusters.filter((cluster) => cluster.size > 1).slice(0, 24).map((cluster) => (
            <li key={cluster.medoid.designKey} className="staff-insight__cluster">
              <InsightThumbnail product={product} choices={cluster.medoid.choices} size={96} />
              <p><strong>{cluster.differences.sentence}</strong></p>
              <p>{cluster.units} units ordered</p>
              <ShortlistButton what={`the most central design of: ${cluster.differences.sentence}`} onShortlist={() => shortlist(cluster.medoid.designKey)} />
              <details>
                <summary>The {cluster.size} designs</summary>
                <ul>{cluster.members.map((member) => <li key={member.designKey}>{cluster.differences.attributeIds.map((id) => `${labels.attribute(id)}: ${labels.option(id, member.choices[id])}`).join(', ')} — {member.units} units</li>)}</ul>
              </details>
            </li>
          ))}
        </ul>
        {clusters.every((cluster) => cluster.size < 2) && <p>No two designs are near-identical in this period.</p>}
      </section>

      <section aria-labelledby="insight-options" className="staff-insight__section">
        <h2 id="insight-options">Options</h2>
        <p>Funnel: {options.funnel.reviewed} reviewed → {options.funnel.shared} shared → {options.funnel.submitted} submitted → {options.funnel.ordered} ordered.</p>
        <button type="button" className="button button--secondary" onClick={() => downloadCsv(`${product.id}-take-rates-${days}d.csv`, ['attribute', 'option', 'take rate', 'units'], options.takeRates.map((rate) => [labels.attribute(rate.attributeId), labels.option(rate.attributeId, rate.optionId), rate.rate.toFixed(4), rate.weight]))}>Download take rates (CSV)</button>
        <div className="field staff-field staff-field--inline">
          <label htmlFor={rateAttributeId}>Take rates of</label>
          <select id={rateAttributeId} value={rateAttribute} onChange={(event) => setRateAttribute(event.target.value)}>
            {product.attributes.map((attribute) => <option key={attribute.id} value={attribute.id}>{labels.attribute(attribute.id)}</option>)}
          </select>
        </div>
        <TakeRateChart rates={options.takeRates.filter((rate) => rate.attributeId === rateAttribute).map((rate) => ({ label: labels.option(rate.attributeId, rate.optionId), rate: rate.rate }))} title={`Take rate of each ${labels.attribute(rateAttribute).toLowerCase()}`} />
        <StaffTable caption={`Take rate of each ${labels.attribute(rateAttribute).toLowerCase()}, by units ordered`}>
          <thead>
            <tr><th scope="col">Attribute</th><th scope="col">Option</th><th scope="col">Take rate</th><th scope="col">Units</th></tr>
          </thead>
          <tbody>
            {options.takeRates.filter((rate) => rate.attributeId === rateAttribute).map((rate) => (
              <tr key={`${rate.attributeId}=${rate.optionId}`}>
                <td>{labels.attribute(rate.attributeId)}</td>
                <th scope="row">{labels.option(rate.attributeId, rate.optionId)}</th>
                <td><span className="staff-insight__bar" style={{ inlineSize: `${(rate.rate * 6).toFixed(2)}rem` }} aria-hidden="true" />{(rate.rate * 100).toFixed(1)} %</td>
                <td>{rate.weight}</td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
        {options.lifts.length > 0 && (
          <LiftHeatmap lifts={options.lifts.slice(0, 40).map((lift) => ({ a: `${labels.attribute(lift.a.attributeId)}: ${labels.option(lift.a.attributeId, lift.a.optionId)}`, b: `${labels.attribute(lift.b.attributeId)}: ${labels.option(lift.b.attributeId, lift.b.optionId)}`, lift: lift.lift }))} />
        )}
        {options.lifts.length > 0 && (
          <StaffTable caption="Options chosen together more (or less) than by chance: lift = P(A and B) / (P(A) × P(B))">
            <thead>
              <tr><th scope="col">Option</th><th scope="col">With</th><th scope="col">Lift</th><th scope="col">Units with both</th></tr>
            </thead>
            <tbody>
              {options.lifts.slice(0, 20).map((lift) => (
                <tr key={`${lift.a.attributeId}=${lift.a.optionId}|${lift.b.attributeId}=${lift.b.optionId}`}>
                  <th scope="row">{labels.attribute(lift.a.attributeId)}: {labels.option(lift.a.attributeId, lift.a.optionId)}</th>
                  <td>{labels.attribute(lift.b.attributeId)}: {labels.option(lift.b.attributeId, lift.b.optionId)}</td>
                  <td>{lift.lift.toFixed(2)}</td>
                  <td>{lift.together}</td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        )}
      </section>

      <PartChangeFigure product={product} partChanges={options.partChanges} days={days} attributeLabel={labels.attribute} />
    </>
  );
}

/** A trend as a designer reads it: "+120 %", "−40 %", "steady". */
function trendText(change: number): string {
  if (Math.abs(change) < 0.05) return 'steady';
  return `${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)} %`;
}

/** The attribute whose options customers split most evenly over (the most telling chart to open with). */
function mostVaried(options: InsightOptions, product: Product): string {
  let best = product.attributes[0]?.id ?? '';
  let bestTop = Infinity;
  for (const attribute of product.attributes) {
    const top = Math.max(0, ...options.takeRates.filter((rate) => rate.attributeId === attribute.id).map((rate) => rate.rate));
    if (top > 0 && top < bestTop) {
      best = attribute.id;
      bestTop = top;
    }
  }
  return best;
}

/** Names as the designer reads them: "Laces colour", "Optic white"; an id the product no longer has, as it is. */
function optionLabels(product: Product) {
  const parts = new Map(product.parts.map((part) => [part.id, part.label]));
  const attributes = new Map(product.attributes.map((attribute) => [attribute.id, attribute]));
  return {
    attribute: (id: string) => {
      const attribute = attributes.get(id);
      return attribute ? `${parts.get(attribute.partId) ?? attribute.partId} ${attribute.label.toLowerCase()}` : id;
    },
    option: (attributeId: string, optionId: string | undefined) => {
      if (optionId === undefined) return '—';
      return attributes.get(attributeId)?.options.find((option) => option.id === optionId)?.label ?? optionId;
    },
  };
}
