import { useSelector } from '@xstate/react';
import { memo, useId } from 'react';
import { FONT_FAMILIES, formatMoney, textFit, textStyleKeys } from '../domain/index.ts';
import { capitalise } from './capitalise.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { PersonalisationInput } from './PersonalisationInput.tsx';

/** Props of {@link PersonalisationField}. */
export interface PersonalisationFieldProps {
  readonly fieldId: string;
}

/**
 * One personal text: a labelled text box checked as the customer types (problems in an alert,
 * linked by `aria-describedby`, the box `aria-invalid`), how much of the zone it takes (the width
 * in this font at the smallest clear size, as a bar, the limit the check applies; characters as
 * the second figure), its price, and its font and colour. Shown only while the field is offered
 * (e.g. its zone has a print method).
 */
export const PersonalisationField = memo(function PersonalisationField({ fieldId }: PersonalisationFieldProps) {
  const actor = useConfiguratorActor();
  const status = useSelector(actor, (snapshot) => snapshot.context.summary.personalisation.find((candidate) => candidate.field.id === fieldId));
  const typed = useSelector(actor, (snapshot) => snapshot.context.history.present.personalisation?.[fieldId] ?? '');
  const colourLabels = useSelector(actor, (snapshot) => snapshot.context.entry.product.colours ?? []);
  const currency = useSelector(actor, (snapshot) => snapshot.context.entry.product.currency);
  const id = useId();
  if (!status || !status.offered) return null;
  const { field, check } = status;
  const problems = check?.problems ?? [];
  const edit = (key: string, value: string) => actor.send({ type: 'personalisation.edit', key, value });
  const fit = textFit(field, check);
  const characters = `${check ? check.length : 0} of ${field.maxLength} characters`;
  const width = fit ? `uses ${Math.round(fit.usedMm)} of ${fit.widthMm} mm` : `up to ${field.widthMm} mm wide`;
  const figures = fit?.binding === 'characters' ? [characters, width] : [width, characters];
  const price = field.price > 0 ? `adds ${formatMoney(field.price, currency)}` : '';

  return (
    <div className="personalisation">
      <PersonalisationInput
        fieldId={field.id}
        label={field.label}
        hintId={`${id}-count`}
        problemsId={`${id}-problems`}
        invalid={problems.length > 0}
        className="personalisation__text"
        value={typed}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => edit(field.id, event.target.value)}
      >
        {/* The bar is the width the check measures: full means the smallest clear letters fill the zone. */}
        <span className={fit && fit.usedMm > fit.widthMm ? 'text-fit text-fit--over' : 'text-fit'} aria-hidden="true">
          <span className="text-fit__used" style={{ width: `${Math.min(100, fit ? (fit.usedMm / fit.widthMm) * 100 : 0)}%` }} />
        </span>
        <p id={`${id}-count`} className="field__hint">
          {[capitalise(figures[0]!), figures[1], price].filter(Boolean).join(' · ')}
        </p>
        <FieldMessages id={`${id}-problems`} problems={problems.map((problem) => problem.message)} />
      </PersonalisationInput>
      <div className="personalisation__style">
        <div className="field">
          <label htmlFor={`${id}-font`}>{field.label} font</label>
          <select id={`${id}-font`} value={status.font} onChange={(event) => edit(textStyleKeys(field.id).font, event.target.value)}>
            {field.fonts.map((font) => <option key={font} value={font}>{FONT_FAMILIES[font]?.label ?? font}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-colour`}>{field.label} colour</label>
          <select id={`${id}-colour`} value={status.colour} onChange={(event) => edit(textStyleKeys(field.id).colour, event.target.value)}>
            {field.colours.map((colour) => <option key={colour} value={colour}>{colourLabels.find((candidate) => candidate.id === colour)?.label ?? colour}</option>)}
          </select>
        </div>
      </div>
    </div>
  );
});
