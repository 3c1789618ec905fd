import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useId } from 'react';
import { fromPromise } from 'xstate';
import type { Product } from '../domain/index.ts';
import {
  galleryMachine, type GalleryCandidate, type GalleryListRequest, type GalleryPageOfCandidates, type GallerySort, type GalleryVoteRequest,
} from '../machines/index.ts';
import { castVote, listCandidates } from './api/galleryClient.ts';
import { GalleryCard } from './GalleryCard.tsx';

/** Props of {@link GalleryPage}. */
export interface GalleryPageProps {
  readonly product: Product;
  /** Every product of the shop, for the switch between their galleries (default: this one). */
  readonly products?: readonly Pick<Product, 'id' | 'name'>[];
}

const SORTS: readonly { readonly id: GallerySort; readonly label: string }[] = [
  { id: 'top', label: 'Top rated' },
  { id: 'most-ordered', label: 'Most ordered' },
  { id: 'trending', label: 'Trending' },
  { id: 'newest', label: 'Newest' },
];

/** The page's one connection to the gallery's API. */
const gallery = galleryMachine.provide({
  actors: {
    listCandidates: fromPromise<GalleryPageOfCandidates, GalleryListRequest>(({ input, signal }) => listCandidates(input, signal)),
    castVote: fromPromise<GalleryCandidate, GalleryVoteRequest>(({ input }) => castVote(input)),
  },
});

/**
 * The community gallery of a product: a switch to the other products' galleries, customers'
 * designs as cards (picture, main colours and materials, votes), ranked by votes (Wilson lower
 * bound), orders or trend, a page at a time with "Show more designs"; an up and a down vote per
 * visitor per design; "Remix" opens a design in the configurator to make it one's own. The
 * gallery machine holds the listing and sends the requests; this page renders its state.
 */
export function GalleryPage({ product, products = [product] }: GalleryPageProps) {
  const actor = useActorRef(gallery, { input: { productId: product.id } });
  const sort = useSelector(actor, (snapshot) => snapshot.context.sort);
  const listing = useSelector(actor, (snapshot) => snapshot.context.listing);
  const error = useSelector(actor, (snapshot) => snapshot.context.error);
  const status = useSelector(actor, (snapshot) => snapshot.context.status);
  const loadingMore = useSelector(actor, (snapshot) => snapshot.hasTag('loadingMore'));
  const id = useId();
  const onVote = useCallback((candidate: GalleryCandidate, direction: 1 | -1) => actor.send({ type: 'candidate.vote', candidateId: candidate.id, direction }), [actor]);
  const candidates = listing?.candidates;
  return (
    <div className="app gallery-page">
      <header className="app-header">
        <div className="app-header__title">
          <span className="brand">Atelier</span>
          <h1>Community gallery: {product.name}</h1>
        </div>
        <a className="button button--primary gallery-page__design" href={`/?product=${encodeURIComponent(product.id)}`}>Design your own</a>
      </header>
      <main className="gallery">
        <div className="gallery__controls">
          {products.length > 1 && (
            <nav className="gallery__products" aria-label="Gallery products">
              {products.map((other) => (
                <a key={other.id} className="gallery__product" href={`/gallery?product=${encodeURIComponent(other.id)}`} aria-current={other.id === product.id ? 'page' : undefined}>{other.name}</a>
              ))}
            </nav>
          )}
          <fieldset className="gallery__sorts">
            <legend>Sort designs by</legend>
            <div className="gallery__sort-options">
              {SORTS.map((option) => (
                <label key={option.id} className="gallery__sort">
                  <input type="radio" name={`${id}-sort`} value={option.id} checked={sort === option.id} onChange={() => actor.send({ type: 'sort.change', sort: option.id })} />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {error && <p role="alert" className="checkout__error">{error}</p>}
        <p className="sr-only" aria-live="polite">{status}</p>
        {listing === null && !error && <p className="gallery__empty">Loading designs…</p>}
        {candidates?.length === 0 && <p className="gallery__empty">No designs yet. <a href={`/?product=${encodeURIComponent(product.id)}`}>Design one</a> and share it from the review.</p>}
        <ol className="gallery__grid">
          {candidates?.map((candidate) => (
            <li key={candidate.id} id={`candidate-${candidate.id}`}>
              <GalleryCard candidate={candidate} product={product} headingId={`${id}-${candidate.id}`} onVote={onVote} />
            </li>
          ))}
        </ol>
        {listing?.nextOffset != null && (
          <div className="gallery__more">
            <button type="button" className="button button--secondary" disabled={loadingMore} onClick={() => actor.send({ type: 'listing.more' })}>
              {loadingMore ? 'Loading more designs…' : 'Show more designs'}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
