import { useCallback, useEffect, useId, useState } from 'react';
import type { Product } from '../domain/index.ts';
import { castVote, GalleryError, listCandidates, type GalleryCandidate, type GallerySort } from './api/galleryClient.ts';
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

/** The designs shown so far, and where the next page starts (null: no more). */
interface Listing {
  readonly candidates: readonly GalleryCandidate[];
  readonly nextOffset: number | null;
}

/**
 * The community gallery of a product: a switch to the other products' galleries, customers'
 * designs as cards (picture, main colours and materials, votes), ranked by votes (Wilson lower
 * bound), orders or trend, a page at a time with "Show more designs"; an up and a down vote per
 * visitor per design; "Remix" opens a design in the configurator to make it one's own.
 */
export function GalleryPage({ product, products = [product] }: GalleryPageProps) {
  const [sort, setSort] = useState<GallerySort>('top');
  const [listing, setListing] = useState<Listing | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    listCandidates(product.id, sort, 0, controller.signal).then((page) => {
      setListing(page);
      setError(null);
    }, (failure: unknown) => {
      if (failure instanceof DOMException && failure.name === 'AbortError') return;
      setError(failure instanceof GalleryError ? failure.message : 'The gallery could not be loaded; try again.');
    });
    return () => controller.abort();
  }, [product.id, sort]);

  const showMore = useCallback(async () => {
    if (listing?.nextOffset == null) return;
    setLoadingMore(true);
    try {
      const page = await listCandidates(product.id, sort, listing.nextOffset);
      // A design that moved up between two pages is shown once.
      const shown = new Set(listing.candidates.map((candidate) => candidate.id));
      const added = page.candidates.filter((candidate) => !shown.has(candidate.id));
      setListing({ candidates: [...listing.candidates, ...added], nextOffset: page.nextOffset });
      setStatus(`${added.length} more ${added.length === 1 ? 'design' : 'designs'} shown.`);
      setError(null);
    } catch (failure) {
      setError(failure instanceof GalleryError ? failure.message : 'More designs could not be loaded; try again.');
    } finally {
      setLoadingMore(false);
    }
  }, [listing, product.id, sort]);

  const vote = useCallback(async (candidate: GalleryCandidate, direction: 1 | -1) => {
    const next = candidate.myVote === direction ? 'none' : direction === 1 ? 'up' : 'down';
    try {
      const updated = await castVote(candidate.id, next);
      setListing((current) => current && { ...current, candidates: current.candidates.map((item) => (item.id === updated.id ? updated : item)) });
      setStatus(next === 'none' ? `Vote on ${candidate.title} withdrawn.` : `Voted ${next} for ${candidate.title}: ${updated.upVotes} up, ${updated.downVotes} down.`);
      setError(null);
    } catch (failure) {
      setError(failure instanceof GalleryError ? failure.message : 'The vote could not be sent; try again.');
    }
  }, []);

  const onVote = useCallback((candidate: GalleryCandidate, direction: 1 | -1) => void vote(candidate, direction), [vote]);
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
                  <input type="radio" name={`${id}-sort`} value={option.id} checked={sort === option.id} onChange={() => {
                    setSort(option.id);
                    setListing(null);
                  }} />
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
            <button type="button" className="button button--secondary" disabled={loadingMore} onClick={() => void showMore()}>
              {loadingMore ? 'Loading more designs…' : 'Show more designs'}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
