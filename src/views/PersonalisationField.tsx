import { useSelector } from '@xstate/react';
import { memo, useId } from 'react';
import { FONT_FAMILIES } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/** Props of {@link PersonalisationField}. */
export interface PersonalisationFieldProps {
  readonly fieldId: string;
}

/**
 * One personal text: a labelled text box checked as the customer types (problems in an alert,
 * linked by `aria-describedby`, the box `aria-invalid`), a character count, and its font and
 * colour. Shown only while the field is offered (e.g. its zone has a print method).
 */
export const PersonalisationField = memo(function PersonalisationField({ fieldId }: PersonalisationFieldProps) {
  const actor = useConfiguratorActor();
  const status = useSelector(actor, (snapshot) => snapshot.context.summary.personalisation.find((candidate) => candidate.field.id === fieldId));
  const typed = useSelector(actor, (snapshot) => snapshot.context.history.present.personalisation?.[fieldId] ?? '');
  const colourLabels = useSelector(actor, (snapshot) => snapshot.context.entry.product.colours ?? []);
  const id = useId();
  if (!status || !status.offered) return null;
  const { field, check } = status;
  const problems = check?.problems ?? [];
  const edit = (key: string, value: string) => actor.send({ type: 'personalisation.edit', key, value });
  const describedBy = [`${id}-count`, problems.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ');

  return (
    <div className="personalisation">
      <div className="field">
        <label htmlFor={`${id}-text`}>{field.label}</label>
        <input
          id={`${id}-text`}
          className="personalisation__text"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problems.length > 0 ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => edit(field.id, event.target.value)}
        />
        <p id={`${id}-count`} className="field__hint">
          {check ? `${check.length} of ${field.maxLength} characters` : `Up to ${field.maxLength} characters`}
          {field.price > 0 ? ` · adds ${(field.price / 100).toFixed(2)}` : ''}
          {check?.setting ? ` · set ${Math.round(check.setting.widthMm)} of ${field.widthMm} mm wide` : ''}
        </p>
        {problems.length > 0 && (
          <div id={`${id}-problems`} role="alert">
            <ul className="personalisation__problems">
              {problems.map((problem) => <li key={problem.code + problem.message}>{problem.message}</li>)}
            </ul>
          </div>
        )}
      </div>
      <div className="personalisation__style">
        <div className="field">
          <label htmlFor={`${id}-font`}>{field.label} font</label>
          <select id={`${id}-font`} value={status.font} onChange={(event) => edit(`${field.id}.font`, event.target.value)}>
            {field.fonts.map((font) => <option key={font} value={font}>{FONT_FAMILIES[font]?.label ?? font}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-colour`}>{field.label} colour</label>
          <select id={`${id}-colour`} value={status.colour} onChange={(event) => edit(`${field.id}.colour`, event.target.value)}>
            {field.colours.map((colour) => <option key={colour} value={colour}>{colourLabels.find((candidate) => candidate.id === colour)?.label ?? colour}</option>)}
          </select>
        </div>
      </div>
    </div>
  );
});
