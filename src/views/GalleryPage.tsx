import { useCallback, useEffect, useId, useState } from 'react';
import type { Product } from '../domain/index.ts';
import { castVote, GalleryError, listCandidates, type GalleryCandidate, type GallerySort } from './api/galleryClient.ts';

/** Props of {@link GalleryPage}. */
export interface GalleryPageProps {
  readonly product: Pick<Product, 'id' | 'name'>;
}

const SORTS: readonly { readonly id: GallerySort; readonly label: string }[] = [
  { id: 'top', label: 'Top rated' },
  { id: 'most-ordered', label: 'Most ordered' },
  { id: 'trending', label: 'Trending' },
  { id: 'newest', label: 'Newest' },
];

/**
 * The community gallery of a product: customers' designs with their pictures, ranked by votes
 * (Wilson lower bound), orders or trend; an up and a down vote per visitor per design; "Remix"
 * opens a design in the configurator to make it one's own.
 */
export function GalleryPage({ product }: GalleryPageProps) {
  const [sort, setSort] = useState<GallerySort>('top');
  const [candidates, setCandidates] = useState<readonly GalleryCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    listCandidates(product.id, sort, controller.signal).then((list) => {
      setCandidates(list);
      setError(null);
    }, (failure: unknown) => {
      if (failure instanceof DOMException && failure.name === 'AbortError') return;
      setError(failure instanceof GalleryError ? failure.message : 'The gallery could not be loaded; try again.');
    });
    return () => controller.abort();
  }, [product.id, sort]);

  const vote = useCallback(async (candidate: GalleryCandidate, direction: 1 | -1) => {
    const next = candidate.myVote === direction ? 'none' : direction === 1 ? 'up' : 'down';
    try {
      const updated = await castVote(candidate.id, next);
      setCandidates((list) => list?.map((item) => (item.id === updated.id ? updated : item)) ?? null);
      setStatus(next === 'none' ? `Vote on ${candidate.title} withdrawn.` : `Voted ${next} for ${candidate.title}: ${updated.upVotes} up, ${updated.downVotes} down.`);
      setError(null);
    } catch (failure) {
      setError(failure instanceof GalleryError ? failure.message : 'The vote could not be sent; try again.');
    }
  }, []);

  return (
    <div className="app gallery-page">
      <header className="app-header">
        <div className="app-header__title">
          <span className="brand">Atelier</span>
          <h1>Community gallery: {product.name}</h1>
        </div>
        <a className="button button--primary" href={`/?product=${encodeURIComponent(product.id)}`}>Design your own</a>
      </header>
      <main className="gallery">
        <fieldset className="gallery__sorts">
          <legend>Sort designs by</legend>
          {SORTS.map((option) => (
            <label key={option.id} className="gallery__sort">
              <input type="radio" name={`${id}-sort`} value={option.id} checked={sort === option.id} onChange={() => setSort(option.id)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {error && <p role="alert" className="checkout__error">{error}</p>}
        <p className="sr-only" aria-live="polite">{status}</p>
        {candidates === null && !error && <p>Loading designs…</p>}
        {candidates?.length === 0 && <p>No designs yet. <a href={`/?product=${encodeURIComponent(product.id)}`}>Design one</a> and share it from the review.</p>}
        <ol className="gallery__grid">
          {candidates?.map((candidate) => (
            <li key={candidate.id} id={`candidate-${candidate.id}`}>
              <article className="gallery-card" aria-labelledby={`${id}-${candidate.id}`}>
                <img className="gallery-card__image" src={candidate.thumbnailUrl} alt={`${candidate.title}, a customer's ${product.name}`} loading="lazy" width={320} height={200} />
                <h2 id={`${id}-${candidate.id}`} className="gallery-card__title">{candidate.title}</h2>
                <p className="gallery-card__facts">
                  {candidate.upVotes} up · {candidate.downVotes} down · ordered {candidate.orders} {candidate.orders === 1 ? 'time' : 'times'} · {candidate.remixes} {candidate.remixes === 1 ? 'remix' : 'remixes'}
                </p>
                <div className="gallery-card__actions">
                  <button type="button" className="button button--secondary" aria-pressed={candidate.myVote === 1} aria-label={`Vote up ${candidate.title}, ${votes(candidate.upVotes)}`} onClick={() => void vote(candidate, 1)}>▲ {candidate.upVotes}</button>
                  <button type="button" className="button button--secondary" aria-pressed={candidate.myVote === -1} aria-label={`Vote down ${candidate.title}, ${votes(candidate.downVotes)}`} onClick={() => void vote(candidate, -1)}>▼ {candidate.downVotes}</button>
                  <a className="button button--quiet" href={`/?product=${encodeURIComponent(candidate.productId)}&remix=${encodeURIComponent(candidate.id)}`} aria-label={`Remix ${candidate.title}`}>Remix</a>
                </div>
              </article>
            </li>
          ))}
        </ol>
      </main>
    </div>
  );
}

// A vote button's name holds its visible count, so that what is seen is what is said (and what voice control hears).
function votes(count: number): string {
  return `${count} ${count === 1 ? 'vote' : 'votes'}`;
}
