import { memo, useMemo, type CSSProperties } from 'react';
import { designHighlights, materialTexture, type Product } from '../domain/index.ts';
import type { GalleryCandidate } from '../machines/index.ts';

/** Props of {@link GalleryCard}. */
export interface GalleryCardProps {
  readonly candidate: GalleryCandidate;
  readonly product: Product;
  /** The id of the card's heading, which names the card. */
  readonly headingId: string;
  readonly onVote: (candidate: GalleryCandidate, direction: 1 | -1) => void;
}

/**
 * One design of the community gallery: its picture, its name, what it is (its main colours and
 * materials, as swatches and words, from `designHighlights`), its votes, orders and remixes, and
 * the buttons to vote and to remix it.
 */
export const GalleryCard = memo(function GalleryCard({ candidate, product, headingId, onVote }: GalleryCardProps) {
  const highlights = useMemo(() => designHighlights(product, candidate.design.choices), [product, candidate.design.choices]);
  return (
    <article className="gallery-card" aria-labelledby={headingId}>
      <img className="gallery-card__image" src={candidate.thumbnailUrl} alt={`${candidate.title}, a customer's ${product.name}`} loading="lazy" width={320} height={200} />
      <div className="gallery-card__body">
        <h2 id={headingId} className="gallery-card__title">{candidate.title}</h2>
        {candidate.coCreatedBy && <p className="gallery-card__credit">Co-created by {candidate.coCreatedBy}</p>}
        <ul className="gallery-card__traits" aria-label="Main colours and materials">
          {highlights.colours.map((colour) => (
            <li key={`colour-${colour.id}`} className="gallery-card__trait">
              <span className="gallery-card__chip" aria-hidden="true" style={{ background: colour.hex }} />
              {colour.label}
            </li>
          ))}
          {highlights.materials.map((material) => (
            <li key={`material-${material.id}`} className="gallery-card__trait gallery-card__trait--material">
              <span
                className="swatch swatch--material gallery-card__chip"
                aria-hidden="true"
                data-texture={materialTexture(material.id, material.appearance)}
                style={{ '--swatch': '#b9b4aa' } as CSSProperties}
              />
              {material.label}
            </li>
          ))}
        </ul>
        {!candidate.orderableAsIs && (
          <p className="gallery-card__changed">The shop's options changed since this design: it cannot be ordered as it is. Remix it to see what changed.</p>
        )}
        <p className="gallery-card__facts">
          {candidate.upVotes} up · {candidate.downVotes} down · ordered {candidate.orders} {candidate.orders === 1 ? 'time' : 'times'} · {candidate.remixes} {candidate.remixes === 1 ? 'remix' : 'remixes'}
        </p>
      </div>
      <div className="gallery-card__actions">
        <button type="button" className="button button--secondary gallery-card__vote" aria-pressed={candidate.myVote === 1} aria-label={`Vote up ${candidate.title}, ${votes(candidate.upVotes)}`} onClick={() => onVote(candidate, 1)}>▲ {candidate.upVotes}</button>
        <button type="button" className="button button--secondary gallery-card__vote" aria-pressed={candidate.myVote === -1} aria-label={`Vote down ${candidate.title}, ${votes(candidate.downVotes)}`} onClick={() => onVote(candidate, -1)}>▼ {candidate.downVotes}</button>
        <a className="button button--primary gallery-card__remix" href={`/?product=${encodeURIComponent(candidate.productId)}&remix=${encodeURIComponent(candidate.id)}`} aria-label={`Remix ${candidate.title}`}>Remix</a>
      </div>
    </article>
  );
});

/** "1 vote", "3 votes": a vote button's name holds its visible count, so what is seen is what is said (and what voice control hears). */
function votes(count: number): string {
  return `${count} ${count === 1 ? 'vote' : 'votes'}`;
}
