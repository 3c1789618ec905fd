import { useRef, useState } from 'react';
import { cardEdit, type RuleCard, type RuleChip } from '../../../domain/studio/index.ts';
import { applyEdit, type CardEditing } from './cardEditing.ts';
import { NewRuleForm } from './NewRuleForm.tsx';
import { RuleCardEditor } from './RuleCardEditor.tsx';
import './ruleCardEditing.css';

/** Props of {@link RuleCardList}. */
export interface RuleCardListProps {
  readonly cards: readonly RuleCard[];
  /** The cards are of an earlier draft (the rules file does not load now). */
  readonly stale: boolean;
  readonly onShow: (card: RuleCard) => void;
  /** How the cards edit the draft; without it they are read-only. */
  readonly edit?: CardEditing;
}

/**
 * The rules as cards beside the editor: each rule in plain language, its kind, the options it
 * touches as chips, and what the checks say of it (kills an option, redundant, never holds).
 * Given `edit`, each card edits what it shows (its chips, its message, its attributes, a table's
 * grid; deleting it), and a form adds a rule: every edit is a change of the rules text, so the
 * text and the cards always show the same draft.
 */
export function RuleCardList({ cards, stale, onShow, edit }: RuleCardListProps) {
  return (
    <>
      {stale && <p className="staff-notice">The rules file does not load as it is: these cards are of the last draft that did.</p>}
      <ul className="studio-cards">
        {cards.map((card) => <RuleCardItem key={card.id} card={card} onShow={onShow} edit={stale ? undefined : edit} />)}
      </ul>
      {edit && !stale && <NewRuleForm edit={edit} ruleIds={cards.map((card) => card.id)} />}
    </>
  );
}

function RuleCardItem({ card, onShow, edit }: { readonly card: RuleCard; readonly onShow: (card: RuleCard) => void; readonly edit: CardEditing | undefined }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  const isTable = card.kind === 'allowed-combinations' || card.kind === 'forbidden-combinations';
  const removable = (chip: RuleChip) => chip.option !== undefined && !chip.byTag;
  const remove = (chip: RuleChip) => {
    if (!edit || chip.option === undefined) return;
    const text = edit.rules()?.text() ?? '';
    setProblem(applyEdit(edit.rules(), cardEdit(text, { kind: 'remove-option', ruleId: card.id, attribute: chip.attribute, option: chip.option }), `Remove ${chip.label} from ${card.id}`, article.current));
  };
  const editorId = `studio-card-${card.id}-editor`;

  return (
    <li className={`studio-card${card.standing.some((standing) => standing.severity === 'error') ? ' studio-card--error' : card.standing.length > 0 ? ' studio-card--warning' : ''}`}>
      <article ref={article} tabIndex={-1} aria-labelledby={`studio-card-${card.id}`}>
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
            {card.chips.map((chip) => (
              <li key={`${chip.attribute}:${chip.option ?? ''}`} className={`studio-chip${edit && removable(chip) ? ' studio-chip--removable' : ''}`}>
                {chip.label}
                {edit && removable(chip) && (
                  <button type="button" className="studio-chip__remove" onClick={() => remove(chip)} title={isTable ? 'Remove the rows with this option' : 'Remove this option from the rule'}>
                    <span aria-hidden="true">✕</span>
                    <span className="sr-only">{isTable ? `Remove the rows with ${chip.label} from ${card.id}` : `Remove ${chip.label} from ${card.id}`}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {problem && <p role="alert" className="studio-card-editor__problem">{problem}</p>}
        <div className="studio-card__actions">
          {card.line !== undefined && (
            <button type="button" className="button button--secondary button--small" onClick={() => onShow(card)}>
              Show in the editor<span className="sr-only"> ({card.id}, line {card.line})</span>
            </button>
          )}
          {edit && (
            <button type="button" className="button button--secondary button--small" aria-expanded={editing} aria-controls={editorId} onClick={() => setEditing(!editing)}>
              {editing ? 'Close' : isTable ? 'Edit the table' : 'Edit'}<span className="sr-only"> {card.id}</span>
            </button>
          )}
        </div>
        {edit && editing && (
          <div id={editorId}>
            <RuleCardEditor card={card} edit={edit} focusCard={() => article.current?.focus()} />
          </div>
        )}
      </article>
    </li>
  );
}
