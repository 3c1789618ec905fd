import { useId } from 'react';
import { createStaffPageMachine, type StaffDesign } from '../../machines/index.ts';
import { setDesignHidden } from '../api/reviewClient.ts';
import { listDesigns, type StaffDesignSort } from '../api/staffClient.ts';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffLink } from './StaffLink.tsx';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** A gallery design as staff see it: `hidden` when a designer hid it from the public gallery. */
type StaffGalleryDesign = StaffDesign & { readonly hidden?: true };
/** Hiding a design from the public gallery, or showing it again. */
type VisibilityChange = { readonly design: StaffGalleryDesign; readonly hidden: boolean };

const designsPage = createStaffPageMachine<StaffDesignSort, readonly StaffGalleryDesign[], VisibilityChange, null>();

const SORTS: readonly { readonly id: StaffDesignSort; readonly label: string }[] = [
  { id: 'top', label: 'Top rated' },
  { id: 'newest', label: 'Newest' },
  { id: 'most-ordered', label: 'Most ordered' },
  { id: 'trending', label: 'Trending' },
];

/**
 * Designer: what customers submit to the gallery, with the server's picture, votes (and the votes
 * flagged as bursts, kept out of the score), orders of the same design and how many customers
 * submitted it; in the order chosen. "Hide from gallery" takes a design out of the public gallery
 * (moderation; audited), "Show in gallery" puts it back.
 */
export function DesignsPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(designsPage, {
    load: (sort): Promise<readonly StaffGalleryDesign[]> => listDesigns(connection, sort),
    change: async ({ design, hidden }) => {
      await setDesignHidden(connection, design.id, hidden);
      return { outcome: null, said: hidden ? `“${design.title}” is hidden from the public gallery.` : `“${design.title}” is shown in the public gallery again.` };
    },
  }, 'top');
  const sortId = useId();
  return (
    <StaffPageFrame title="Customer designs" lead="What customers submit to the gallery, with its votes and orders." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      <p className="field__hint">
        Only designs submitted to the gallery are here; most designs customers order never are. <StaffLink to="/staff/insight">What customers design</StaffLink> ranks every design by its orders and signals, gallery or not.
      </p>
      <div className="field staff-field staff-field--inline">
        <label htmlFor={sortId}>Order</label>
        <select id={sortId} value={view.query} onChange={(event) => actor.send({ type: 'page.query', query: event.target.value as StaffDesignSort })}>
          {SORTS.map((sort) => <option key={sort.id} value={sort.id}>{sort.label}</option>)}
        </select>
      </div>
      {view.data?.length === 0 && <p>No design submitted yet.</p>}
      {view.data && view.data.length > 0 && (
        <StaffTable caption="Designs">
          <thead>
            <tr>
              <th scope="col">Picture</th>
              <th scope="col">Title</th>
              <th scope="col">Votes</th>
              <th scope="col">Flagged votes</th>
              <th scope="col">Orders</th>
              <th scope="col">Submitters</th>
              <th scope="col">Submitted</th>
              <th scope="col">Gallery</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((design) => (
              <tr key={design.id}>
                {/* The title is in the next cell: the picture needs no words of its own. */}
                <td><img className="staff-thumbnail" src={design.thumbnailUrl} alt="" width={64} height={64} loading="lazy" /></td>
                <th scope="row" className="staff-table__key">{design.title}<span className="staff-table__note">{design.productId}</span></th>
                <td>{design.upVotes} up, {design.downVotes} down</td>
                <td>{design.flaggedVotes}</td>
                <td>{design.orders}</td>
                <td>{design.submitters}</td>
                <td><StaffTime iso={design.createdAt} /></td>
                <td className="staff-table__actions">
                  {design.hidden && <span className="staff-badge staff-badge--off">Hidden</span>}
                  <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => view.busy || actor.send({ type: 'change.submit', change: { design, hidden: !design.hidden } })}>
                    {design.hidden ? 'Show in gallery' : 'Hide from gallery'}<span className="sr-only"> {design.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
    </StaffPageFrame>
  );
}
