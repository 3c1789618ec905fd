import { useContext } from 'react';
import type { AttributeId, AttributeKind, OptionStatus } from '../domain/index.ts';
import { domIds } from './domIds.ts';
import { OptionSwatch } from './OptionSwatch.tsx';
import { RuleExplanationContext } from './RuleExplanationContext.ts';

/** Props of {@link OptionRadio}. */
export interface OptionRadioProps {
  readonly attributeId: AttributeId;
  readonly kind: AttributeKind;
  readonly status: OptionStatus;
  readonly checked: boolean;
  /** The part's colour, for material swatches. */
  readonly tint?: string;
  readonly onSelect: () => void;
}

/**
 * Whether an arrow key is held down in a radio group. Arrow keys move the focus *and* select in a
 * native radio group (the change event fires between keydown and keyup); landing on an unavailable
 * option that way should show its reason, not open the conflict dialog — Space, Enter or a click on
 * it does that. Any other key, and every keyup, clears it, so a Space right after an arrow counts.
 */
let arrowKeyDown = false;
const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * One option as a real radio button with its label. An unavailable option stays visible and
 * reachable by keyboard (`aria-disabled`, never `disabled`) and points at its reason with
 * `aria-describedby`; choosing it anyway opens the conflict dialog with a repair.
 */
export function OptionRadio({ attributeId, kind, status, checked, tint, onSelect }: OptionRadioProps) {
  const { option, available, reason, explanation } = status;
  // Only in the studio's try-it pane: the rules that decide it, read after the reason.
  const explainRules = useContext(RuleExplanationContext);
  const decidedBy = explainRules && explanation ? explainRules(explanation) : null;
  const inputId = domIds.optionInput(attributeId, option.id);
  const reasonId = `${inputId}-reason`;
  const className = ['option', `option--${kind}`, available ? '' : 'option--unavailable', checked ? 'option--checked' : ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      {/* The radio covers its label, so a click or a tap lands on the real control. */}
      <label className="option__label" htmlFor={inputId}>
        <input
          type="radio"
          className="option__input"
          id={inputId}
          name={attributeId}
          value={option.id}
          checked={checked}
          onKeyDown={(event) => {
            arrowKeyDown = ARROW_KEYS.has(event.key);
          }}
          onKeyUp={() => {
            arrowKeyDown = false;
          }}
          onChange={() => {
            if (!available && arrowKeyDown) return;
            onSelect();
          }}
          aria-disabled={available ? undefined : true}
          aria-describedby={available ? undefined : reasonId}
        />
        <OptionSwatch kind={kind} option={option} tint={tint} />
        <span className={kind === 'colour' ? 'sr-only' : 'option__name'}>{option.label}</span>
      </label>
      {(kind === 'colour' || !available) && (
        <span className="option__tip">
          {kind === 'colour' && <strong aria-hidden="true">{option.label}</strong>}
          {!available && <span id={reasonId}>{reason ?? 'Not available with your other choices.'}{decidedBy && <> <span className="option__rules">{decidedBy}</span></>}</span>}
        </span>
      )}
    </div>
  );
}
