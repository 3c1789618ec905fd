import { useState, type FormEvent } from 'react';
import { cardEdit, NEW_RULE_KINDS, unusedRuleId, type NewRule } from '../../../domain/studio/index.ts';
import { applyEdit, type CardEditing, type VocabularyAttribute } from './cardEditing.ts';

type Kind = NewRule['kind'];

/** What each side of a new rule is called in the form, by kind. */
const SIDES: Readonly<Record<Kind, readonly [string, string] | readonly [string]>> = {
  requires: ['If', 'then it must be'],
  excludes: ['If', 'it is never with'],
  alert: ['While'],
  different: ['These never share an option', 'and'],
  same: ['These always take the same option', 'and'],
  'allowed-combinations': ['Only these pairs of', 'and'],
  'forbidden-combinations': ['Never these pairs of', 'and'],
};

/** Props of {@link NewRuleForm}. */
export interface NewRuleFormProps {
  readonly edit: CardEditing;
  /** The ids of the rules now, for the new rule's suggested id. */
  readonly ruleIds: readonly string[];
}

/**
 * A small form for a new rule of one of the common kinds, written at the end of the rules list in
 * the text (its card appears with the next check, and the editor's undo takes it back).
 */
export function NewRuleForm({ edit, ruleIds }: NewRuleFormProps) {
  const attributes = edit.vocabulary()?.attributes ?? [];
  const [kind, setKind] = useState<Kind>('requires');
  const [id, setId] = useState('');
  const [message, setMessage] = useState('');
  const [picks, setPicks] = useState<readonly { attribute: string; option: string }[]>([]);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  if (attributes.length < 2) return null;
  const sides = SIDES[kind];
  // Options are compared by id: a different/same rule starts with another attribute sharing some (a part's colour and another's).
  const alike = (first: VocabularyAttribute) => (kind === 'different' || kind === 'same'
    ? attributes.find((candidate) => candidate.id !== first.id && candidate.options.some((option) => first.options.some((other) => other.id === option.id)))
    : undefined);
  const withOptions = kind !== 'different' && kind !== 'same';
  // A side not yet chosen starts at a different attribute for each side, and its first option.
  const pick = (side: number): { attribute: VocabularyAttribute; option: string } => {
    const chosen = picks[side];
    const attribute = attributes.find((candidate) => candidate.id === chosen?.attribute) ?? (side > 0 ? alike(pick(0).attribute) : undefined) ?? attributes[side % attributes.length]!;
    const option = attribute.options.find((candidate) => candidate.id === chosen?.option)?.id ?? attribute.options[0]?.id ?? '';
    return { attribute, option };
  };
  const setPick = (side: number, value: { attribute: string; option: string }) => setPicks(sides.map((_, index) => (index === side ? value : { attribute: pick(index).attribute.id, option: pick(index).option })));
  const suggestedId = unusedRuleId(ruleIds, 'new-rule');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [first, second] = sides.map((_, index) => pick(index));
    const condition = (side: typeof first) => ({ attribute: side!.attribute.id, options: [side!.option] });
    // The cards may not have caught up with the text yet (a rule added a moment ago): the text decides.
    const ruleId = id.trim() || unusedRuleId(edit.rules()?.text() ?? '', suggestedId);
    const base = { id: ruleId, message };
    const rule: NewRule = kind === 'requires' || kind === 'excludes' ? { ...base, kind, when: condition(first), then: condition(second) }
      : kind === 'alert' ? { ...base, kind, when: condition(first) }
        : kind === 'different' || kind === 'same' ? { ...base, kind, attributes: [first!.attribute.id, second!.attribute.id] }
          : { ...base, kind, attributes: [first!.attribute.id, second!.attribute.id], rows: [[first!.option, second!.option]] };
    const refused = applyEdit(edit.rules(), cardEdit(edit.rules()?.text() ?? '', { kind: 'add-rule', rule }), `Add the rule ${ruleId}`);
    setOutcome(refused ? { ok: false, text: refused } : { ok: true, text: `Rule ${ruleId} is written at the end of the rules list; its card appears with the next check.` });
    if (!refused) {
      setId('');
      setMessage('');
    }
  };

  return (
    <form className="studio-new-rule" onSubmit={submit} aria-labelledby="studio-new-rule-title">
      <h3 id="studio-new-rule-title">Add a rule</h3>
      <div className="studio-card-editor__row">
        <label htmlFor="studio-new-rule-kind">Kind</label>
        <select id="studio-new-rule-kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {NEW_RULE_KINDS.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
      </div>
      <div className="studio-card-editor__row">
        <label htmlFor="studio-new-rule-id">Id</label>
        <input id="studio-new-rule-id" value={id} placeholder={suggestedId} onChange={(event) => setId(event.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="studio-card-editor__form">
        <label htmlFor="studio-new-rule-message">Message a customer reads</label>
        <textarea id="studio-new-rule-message" rows={2} value={message} onChange={(event) => setMessage(event.target.value)} required />
      </div>
      {sides.map((name, side) => (
        <SideControl key={`${kind}:${name}`} name={name} side={side} attributes={attributes} withOption={withOptions} value={pick(side)} onChange={(value) => setPick(side, value)} />
      ))}
      <button type="submit" className="button button--primary button--small">Add the rule</button>
      {outcome && <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'studio-new-rule__done' : 'studio-card-editor__problem'}>{outcome.text}</p>}
    </form>
  );
}

function SideControl({ name, side, attributes, withOption, value, onChange }: {
  readonly name: string; readonly side: number; readonly attributes: readonly VocabularyAttribute[]; readonly withOption: boolean;
  readonly value: { readonly attribute: VocabularyAttribute; readonly option: string }; readonly onChange: (value: { attribute: string; option: string }) => void;
}) {
  return (
    <fieldset className="studio-new-rule__side">
      <legend>{name}</legend>
      <label htmlFor={`studio-new-rule-attribute-${side}`} className="sr-only">{name}: attribute</label>
      <select id={`studio-new-rule-attribute-${side}`} value={value.attribute.id} onChange={(event) => onChange({ attribute: event.target.value, option: '' })}>
        {attributes.map((attribute) => <option key={attribute.id} value={attribute.id}>{attribute.name}</option>)}
      </select>
      {withOption && (
        <>
          <label htmlFor={`studio-new-rule-option-${side}`} className="sr-only">{name}: option of {value.attribute.name}</label>
          <select id={`studio-new-rule-option-${side}`} value={value.option} onChange={(event) => onChange({ attribute: value.attribute.id, option: event.target.value })}>
            {value.attribute.options.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
          </select>
        </>
      )}
    </fieldset>
  );
}
