import { useEffect, useId, useState } from 'react';
import type { Product } from '../../domain/index.ts';
import type { ReviewReason } from '../../domain/requests/index.ts';
import { createStaffPageMachine, type StaffChangeDone } from '../../machines/index.ts';
import { readCatalogEntry, readCatalogList, type CatalogProduct } from '../api/catalogClient.ts';
import { makeColourway } from '../api/colourwayClient.ts';
import { decideDesign, readReviewQueue, setDesignHidden, type ReviewItem, type ReviewStatus, type ReviewThresholds } from '../api/reviewClient.ts';
import type { StaffConnection } from '../api/staffClient.ts';
import { ColourwayDialog, type ColourwayFields } from './ColourwayDialog.tsx';
import { ColourwayExports } from './ColourwayExports.tsx';
import { ColourwayMade, type MadeColourwayNote } from './ColourwayMade.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { InsightThumbnail } from './InsightThumbnail.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useSentChange } from './useSentChange.ts';
import { useStaffPage } from './useStaffPage.ts';

interface ReviewQuery {
  readonly productId: string;
  readonly status: ReviewStatus | 'all';
}

interface ReviewData {
  readonly product: Product;
  readonly thresholds: ReviewThresholds;
  readonly items: readonly ReviewItem[];
}

/** A change the review page makes. */
type ReviewChange =
  | { readonly kind: 'decide'; readonly item: ReviewItem; readonly decision: 'approve' | 'reject'; readonly reason: ReviewReason; readonly note: string }
  | { readonly kind: 'visibility'; readonly item: ReviewItem; readonly hidden: boolean }
  | { readonly kind: 'colourway'; readonly item: ReviewItem; readonly product: Product; readonly fields: ColourwayFields };

const reviewPage = createStaffPageMachine<ReviewQuery, ReviewData, ReviewChange, MadeColourwayNote | null>();
const STATUSES: readonly { readonly id: ReviewQuery['status']; readonly label: string }[] = [
  { id: 'pending', label: 'To review' },
  { id: 'approved', label: 'Approved' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'all', label: 'All' },
];
const WHY: Readonly<Record<ReviewItem['reasons'][number], string>> = {
  supporters: 'supporters',
  score: 'vote score',
  orders: 'orders',
  shortlisted: 'shortlisted',
};

async function makeReviewChange(connection: StaffConnection, change: ReviewChange): Promise<StaffChangeDone<MadeColourwayNote | null>> {
  const name = nameOf(change.item);
  switch (change.kind) {
    case 'decide':
      await decideDesign(connection, { productId: change.item.productId, designKey: change.item.designKey, decision: change.decision, reason: change.reason, note: change.note });
      return { outcome: null, said: `${name} ${change.decision === 'approve' ? 'approved' : 'rejected'} (${change.reason}).` };
    case 'visibility':
      await setDesignHidden(connection, change.item.candidate!.id, change.hidden);
      return { outcome: null, said: change.hidden ? `${name} is hidden from the public gallery.` : `${name} is shown in the public gallery again.` };
    case 'colourway': {
      const { item, product, fields } = change;
      // The gallery candidate when there is one, so the preset links back to it (and its creator).
      const design = item.candidate ? { candidateId: item.candidate.id } : { designKey: item.designKey };
      const answer = await makeColourway(connection, product.id, { name: fields.name, description: fields.description, credit: fields.credit, design });
      const made = { name: fields.name.trim(), productId: product.id, productName: product.name, ...(answer.restarted ? { restarted: answer.restarted } : {}) };
      return { outcome: made, said: `“${made.name}” is in your studio draft of the ${product.name}; it is published from the rules studio.` };
    }
    default:
      throw new Error(`[Atelier] no review change ${JSON.stringify(change satisfies never)}`);
  }
}

function nameOf(item: ReviewItem): string {
  return item.candidate ? `“${item.candidate.title}”` : 'The design';
}

/**
 * Designer: the review queue. Gallery designs over a threshold (supporters, vote score or orders)
 * and designs shortlisted from "What customers design", each with why it is here, its demand, its
 * creator and whether today's rules still allow it; "Approve…" and "Reject…" ask for a reason and
 * a note; "Hide from gallery" / "Show in gallery" moderate the public gallery. An approved design
 * is made a colourway ("Make colourway…": into the designer's studio draft of the product), and
 * "Catalogue exports" downloads the product's published colourways.
 */
export function ReviewPage({ connection, session }: StaffDataPageProps) {
  const [products, setProducts] = useState<readonly CatalogProduct[]>([]);
  useEffect(() => {
    void readCatalogList().then((list) => list.ok && setProducts(list.value));
  }, []);
  const { actor, view } = useStaffPage(reviewPage, {
    load: async ({ productId, status }) => {
      const [entry, queue] = await Promise.all([readCatalogEntry(productId), readReviewQueue(connection, productId, status)]);
      if (!entry.ok) throw new Error(entry.failure.message);
      return { product: entry.value.product, ...queue };
    },
    change: (change) => makeReviewChange(connection, change),
  }, { productId: 'sneaker', status: 'pending' });
  const [deciding, setDeciding] = useState<{ item: ReviewItem; decision: 'approve' | 'reject' } | null>(null);
  const [colouring, setColouring] = useState<ReviewItem | null>(null);
  // The colourway dialog stays open until its change is made, so a refusal is read in it.
  const colourwaySent = useSentChange(view.changes, view.failures);
  if (colourwaySent.done) {
    colourwaySent.reset();
    setColouring(null);
  }
  const productFieldId = useId();
  const statusFieldId = useId();
  const query = view.query;
  const thresholds = view.data?.thresholds;
  return (
    <StaffPageFrame title="Review" lead="Designs to consider for the catalogue: the gallery's best and the designs you shortlisted. Approve or reject each with a reason." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      <div className="staff-insight__controls">
        <div className="field staff-field staff-field--inline">
          <label htmlFor={productFieldId}>Product</label>
          <select id={productFieldId} value={query.productId} onChange={(event) => actor.send({ type: 'page.query', query: { ...query, productId: event.target.value } })}>
            {(products.length > 0 ? products : [{ id: query.productId, name: query.productId }]).map((product) => <option key={product.id} value={product.id}>{product.name}</option>)}
          </select>
        </div>
        <div className="field staff-field staff-field--inline">
          <label htmlFor={statusFieldId}>Show</label>
          <select id={statusFieldId} value={query.status} onChange={(event) => actor.send({ type: 'page.query', query: { ...query, status: event.target.value as ReviewQuery['status'] } })}>
            {STATUSES.map((status) => <option key={status.id} value={status.id}>{status.label}</option>)}
          </select>
        </div>
      </div>
      {thresholds && (
        <p className="field__hint">
          A gallery design enters the queue with {thresholds.minSupporters} supporters, a vote score of {thresholds.minScore} or {thresholds.minOrders} orders; any design can be shortlisted from “What customers design”.
        </p>
      )}
      {view.data?.items.length === 0 && <p>No design here{query.status === 'pending' ? ' to review' : ''}.</p>}
      {view.data && view.data.items.length > 0 && (
        <StaffTable caption="Designs to review">
          <thead>
            <tr>
              <th scope="col">Picture</th>
              <th scope="col">Design</th>
              <th scope="col">Why here</th>
              <th scope="col">Demand</th>
              <th scope="col">Creator</th>
              <th scope="col">Decision</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {view.data.items.map((item) => (
              <ReviewRow key={item.designKey} item={item} product={view.data!.product} busy={view.busy}
                onDecide={(decision) => setDeciding({ item, decision })}
                onColourway={() => {
                  colourwaySent.reset();
                  setColouring(item);
                }}
                onVisibility={(hidden) => actor.send({ type: 'change.submit', change: { kind: 'visibility', item, hidden } })} />
            ))}
          </tbody>
        </StaffTable>
      )}
      {deciding && (
        <DecisionDialog
          title={`${deciding.decision === 'approve' ? 'Approve' : 'Reject'} ${nameOf(deciding.item).replace(/^The/, 'the')}?`}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onDecide={(reason, note) => {
            actor.send({ type: 'change.submit', change: { kind: 'decide', item: deciding.item, decision: deciding.decision, reason, note } });
            setDeciding(null);
          }}
        />
      )}
      {colouring && view.data && (
        <ColourwayDialog
          title={`Make ${nameOf(colouring).replace(/^The/, 'the')} a colourway of the ${view.data.product.name}`}
          productName={view.data.product.name}
          creatorName={colouring.candidate?.coCreatedBy ?? colouring.creatorName ?? ''}
          busy={view.busy}
          refusal={colourwaySent.refused ? view.error : null}
          onCancel={() => setColouring(null)}
          onMake={(fields) => {
            colourwaySent.sent();
            actor.send({ type: 'change.submit', change: { kind: 'colourway', item: colouring, product: view.data!.product, fields } });
          }}
        />
      )}
      {view.outcome && !colouring && (
        <ColourwayMade made={view.outcome} canPublish={session.pages.some((page) => page.id === 'rules')} onDismiss={() => actor.send({ type: 'outcome.dismiss' })} />
      )}
      {view.data && <ColourwayExports productId={view.data.product.id} productName={view.data.product.name} />}
    </StaffPageFrame>
  );
}

interface ReviewRowProps {
  readonly item: ReviewItem;
  readonly product: Product;
  readonly busy: boolean;
  readonly onDecide: (decision: 'approve' | 'reject') => void;
  readonly onVisibility: (hidden: boolean) => void;
  readonly onColourway: () => void;
}

function ReviewRow({ item, product, busy, onDecide, onVisibility, onColourway }: ReviewRowProps) {
  const { candidate } = item;
  const name = candidate ? candidate.title : 'Never submitted to the gallery';
  return (
    <tr>
      <td>
        {candidate
          ? <img className="staff-thumbnail" src={candidate.thumbnailUrl} alt="" width={64} height={64} loading="lazy" />
          : <InsightThumbnail product={product} choices={item.choices} size={64} />}
      </td>
      <th scope="row" className="staff-table__key">
        {name}
        {candidate?.hidden && <span className="staff-badge staff-badge--off">Hidden from gallery</span>}
        {!item.allowedNow && <span className="staff-badge staff-badge--off">Today's rules refuse it</span>}
        <details>
          <summary>Choices</summary>
          <ul>{product.attributes.map((attribute) => <li key={attribute.id}>{product.parts.find((part) => part.id === attribute.partId)?.label ?? attribute.partId} {attribute.label.toLowerCase()}: {attribute.options.find((option) => option.id === item.choices[attribute.id])?.label ?? item.choices[attribute.id] ?? '—'}</li>)}</ul>
        </details>
      </th>
      <td>{item.reasons.map((reason) => WHY[reason]).join(', ') || '—'}{item.shortlisted?.note && <span className="staff-table__note">“{item.shortlisted.note}”</span>}</td>
      <td>
        {item.orders} order{item.orders === 1 ? '' : 's'}
        {candidate && <span className="staff-table__note">{candidate.upVotes} up, {candidate.downVotes} down</span>}
      </td>
      <td>{item.creatorName ?? '—'}</td>
      <td>
        {item.decision
          ? <>{item.status === 'approved' ? 'Approved' : 'Rejected'}: {item.decision.reason}<span className="staff-table__note">{item.decision.note && `“${item.decision.note}” `}by {item.decision.by}, <StaffTime iso={item.decision.at} /></span></>
          : 'Not decided'}
      </td>
      <td className="staff-table__actions">
        <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => busy || onDecide('approve')}>
          Approve…<span className="sr-only"> {name}</span>
        </button>
        <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => busy || onDecide('reject')}>
          Reject…<span className="sr-only"> {name}</span>
        </button>
        {candidate && (
          <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => busy || onVisibility(!candidate.hidden)}>
            {candidate.hidden ? 'Show in gallery' : 'Hide from gallery'}<span className="sr-only"> {name}</span>
          </button>
        )}
        {item.status === 'approved' && (
          <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => busy || onColourway()}>
            Make colourway…<span className="sr-only"> {name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
