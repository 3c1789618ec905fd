import type { RuleCard } from '../../../domain/studio/index.ts';

/** Props of {@link RuleCardList}. */
export interface RuleCardListProps {
  readonly cards: readonly RuleCard[];
  /** The cards are of an earlier draft (the rules file does not load now). */
  readonly stale: boolean;
  readonly onShow: (card: RuleCard) => void;
}

/**
 * The rules as cards beside the editor: each rule in plain language, its kind, the options it
 * touches as chips, and what the checks say of it (kills an option, redundant, never holds).
 */
export function RuleCardList({ cards, stale, onShow }: RuleCardListProps) {
  return (
    <>
      {stale && <p className="staff-notice">The rules file does not load as it is: these cards are of the last draft that did.</p>}
      <ul className="studio-cards">
        {cards.map((card) => (
          <li key={card.id} className={`studio-card${card.standing.some((standing) => standing.severity === 'error') ? ' studio-card--error' : card.standing.length > 0 ? ' studio-card--warning' : ''}`}>
            <article aria-labelledby={`studio-card-${card.id}`}>
              <header className="studio-card__header">
                <h3 id={`studio-card-${card.id}`} className="studio-card__id"><code>{card.id}</code></h3>
                <span className="staff-tag studio-card__kind">{card.kind}</span>
              </header>
              <p className="studio-card__sentence">{card.sentence}</p>
              {card.standing.length > 0 && (
                <ul className="studio-card__standing" aria-label="What the checks say">
                  {card.standing.map((standing) => (
                    <li key={`${standing.code}:${standing.message}`}>
                      <span className={`staff-badge studio-severity studio-severity--${standing.severity}`}>{standing.badge}</span> {standing.message}
                    </li>
                  ))}
                </ul>
              )}
              {card.chips.length > 0 && (
                <ul className="studio-chips" aria-label="Options it touches">
                  {card.chips.map((chip) => <li key={`${chip.attribute}:${chip.option ?? ''}`} className="studio-chip">{chip.label}</li>)}
                </ul>
              )}
              {card.line !== undefined && (
                <button type="button" className="button button--secondary button--small" onClick={() => onShow(card)}>
                  Show in the editor<span className="sr-only"> ({card.id}, line {card.line})</span>
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
