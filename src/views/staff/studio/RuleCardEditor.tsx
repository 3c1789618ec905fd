import { useMemo, useRef, useState, type FormEvent } from 'react';
import { cardEdit, ruleSlots, type CardEdit, type RuleCard, type RuleSlot } from '../../../domain/studio/index.ts';
import { applyEdit, type CardEditing, type VocabularyAttribute } from './cardEditing.ts';
import { TableGrid } from './TableGrid.tsx';

/** How a slot's section reads in a label: "Add an option to If: Vamp material". */
const SECTION_NAMES: Readonly<Record<string, string>> = { when: 'If', then: 'Then', excludes: 'Never with', set: 'Default', prefer: 'Suggest', options: 'Offered' };

/** Props of {@link RuleCardEditor}. */
export interface RuleCardEditorProps {
  readonly card: RuleCard;
  readonly edit: CardEditing;
  /** Moves focus to the card (after an edit, whose control may be gone with it). */
  readonly focusCard: () => void;
}

/**
 * A card's editing controls: its message; an option added to each place the rule names an
 * attribute (a labelled combobox of the attribute's options); a `different`/`same` rule's
 * attributes; a table's grid; deleting the rule. Each change is one edit of the rules text,
 * undone in the editor like typing.
 */
export function RuleCardEditor({ card, edit, focusCard }: RuleCardEditorProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const vocabulary = edit.vocabulary();
  const attributeOf = (id: string) => vocabulary?.attributes.find((attribute) => attribute.id === id);
  const run = (change: CardEdit, label: string) => {
    const refused = applyEdit(edit.rules(), cardEdit(edit.rules()?.text() ?? '', change), label, null);
    setProblem(refused);
    // The control that had focus may be gone with the edit (the rule deleted): the card takes it.
    if (!refused && (document.activeElement === null || document.activeElement === document.body)) focusCard();
    return refused === null;
  };
  const isTable = card.kind === 'allowed-combinations' || card.kind === 'forbidden-combinations';
  // Read from the text when the rule reads differently, not on every check: a Renault-size file takes a while to parse.
  // (`edit` is made anew by each render of the workbench; the card's words say when the rule changed.)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const slots = useMemo(() => (isTable ? [] : ruleSlots(edit.rules()?.text() ?? '', card.id)), [isTable, card.id, card.sentence, card.message]);
  const id = (what: string) => `studio-card-${card.id}-${what}`;

  return (
    <div className="studio-card-editor">
      <MessageForm key={card.message} cardId={card.id} message={card.message} onSave={(message) => run({ kind: 'message', ruleId: card.id, message }, `Message of ${card.id}`)} />
      {slots.map((slot) => (
        <SlotControl key={slot.path.join('.')} slot={slot} attribute={attributeOf(slot.attribute)} id={id(`slot-${slot.path.join('-')}`)}
          onAdd={(option) => run({ kind: 'add-option', ruleId: card.id, path: slot.path, option }, `${slot.single ? 'Change' : 'Add'} an option of ${card.id}`)} />
      ))}
      {(card.kind === 'different' || card.kind === 'same') && (
        <AttributesControl key={card.chips.map((chip) => chip.attribute).join()} cardId={card.id} current={card.chips.filter((chip) => chip.option === undefined).map((chip) => chip.attribute)}
          attributes={vocabulary?.attributes ?? []} onSave={(attributes) => run({ kind: 'attributes', ruleId: card.id, attributes }, `Attributes of ${card.id}`)} />
      )}
      {isTable && <TableGrid ruleId={card.id} edit={edit} version={`${card.sentence}\u0000${card.chips.length}`} />}
      <div className="studio-card-editor__row">
        {confirming ? (
          <>
            <button type="button" className="button button--primary button--small" onClick={() => run({ kind: 'delete-rule', ruleId: card.id }, `Delete ${card.id}`)}>
              Delete {card.id} for good
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>Keep it</button>
          </>
        ) : (
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
            Delete the rule<span className="sr-only"> {card.id}</span>
          </button>
        )}
      </div>
      {problem && <p role="alert" className="studio-card-editor__problem">{problem}</p>}
    </div>
  );
}

function MessageForm({ cardId, message, onSave }: { readonly cardId: string; readonly message: string; readonly onSave: (message: string) => boolean }) {
  const [value, setValue] = useState(message);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  const fieldId = `studio-card-${cardId}-message`;
  return (
    <form className="studio-card-editor__form" onSubmit={submit}>
      <label htmlFor={fieldId}>Message a customer reads</label>
      <textarea id={fieldId} rows={2} value={value} onChange={(event) => setValue(event.target.value)} />
      <button type="submit" className="button button--secondary button--small" disabled={value.trim() === message.trim()}>
        Save the message<span className="sr-only"> of {cardId}</span>
      </button>
    </form>
  );
}

function SlotControl({ slot, attribute, id, onAdd }: { readonly slot: RuleSlot; readonly attribute: VocabularyAttribute | undefined; readonly id: string; readonly onAdd: (option: string) => boolean }) {
  const choices = (attribute?.options ?? []).filter((option) => !slot.options.includes(option.id));
  const [choice, setChoice] = useState('');
  const name = `${SECTION_NAMES[slot.section] ?? slot.section}: ${attribute?.name ?? slot.attribute}`;
  if (choices.length === 0) return null;
  const selected = choices.some((option) => option.id === choice) ? choice : choices[0]!.id;
  return (
    <form className="studio-card-editor__row" onSubmit={(event) => {
      event.preventDefault();
      onAdd(selected);
    }}>
      <label htmlFor={id}>{slot.single ? 'Change' : 'Add an option to'} {name}</label>
      <select id={id} value={selected} onChange={(event) => setChoice(event.target.value)}>
        {choices.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
      </select>
      <button type="submit" className="button button--secondary button--small">
        {slot.single ? 'Change' : 'Add'}<span className="sr-only"> to {name}</span>
      </button>
    </form>
  );
}

function AttributesControl({ cardId, current, attributes, onSave }: { readonly cardId: string; readonly current: readonly string[]; readonly attributes: readonly VocabularyAttribute[]; readonly onSave: (attributes: readonly string[]) => boolean }) {
  const [chosen, setChosen] = useState<readonly string[]>(current);
  const firstSelect = useRef<HTMLSelectElement>(null);
  const unchanged = chosen.join() === current.join();
  return (
    <fieldset className="studio-card-editor__attributes">
      <legend>Attributes compared</legend>
      {chosen.map((attributeId, index) => (
        <div key={`${index}:${attributeId}`} className="studio-card-editor__row">
          <label htmlFor={`studio-card-${cardId}-attribute-${index}`} className="sr-only">Attribute {index + 1}</label>
          <select ref={index === 0 ? firstSelect : undefined} id={`studio-card-${cardId}-attribute-${index}`} value={attributeId} onChange={(event) => setChosen(chosen.map((value, at) => (at === index ? event.target.value : value)))}>
            {attributes.map((attribute) => <option key={attribute.id} value={attribute.id}>{attribute.name}</option>)}
          </select>
          {chosen.length > 2 && (
            <button type="button" className="button button--secondary button--small" onClick={() => {
              setChosen(chosen.filter((_, at) => at !== index));
              firstSelect.current?.focus();
            }}>
              Remove<span className="sr-only"> attribute {index + 1}</span>
            </button>
          )}
        </div>
      ))}
      <div className="studio-card-editor__row">
        <button type="button" className="button button--secondary button--small" onClick={() => setChosen([...chosen, attributes.find((attribute) => !chosen.includes(attribute.id))?.id ?? ''])}>
          Add an attribute
        </button>
        <button type="button" className="button button--secondary button--small" disabled={unchanged} onClick={() => onSave(chosen)}>
          Save the attributes<span className="sr-only"> of {cardId}</span>
        </button>
      </div>
    </fieldset>
  );
}
