import { useSelector } from '@xstate/react';
import { memo } from 'react';
import { partMaterialAndColour, type PartDef, type PartId, type Product } from '../domain/index.ts';
import { ArtworkField } from './ArtworkField.tsx';
import { AttributeRadioGroup } from './AttributeRadioGroup.tsx';
import { PersonalisationField } from './PersonalisationField.tsx';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { domIds } from './domIds.ts';

/** Props of {@link PartSection}. */
export interface PartSectionProps {
  readonly product: Product;
  readonly part: PartDef;
  readonly expanded: boolean;
  readonly onToggle: (partId: PartId) => void;
}

/**
 * One part of the product (or a section of choices such as the fit) in the option panel: a header
 * button that opens and closes it (and turns the preview toward the part), showing the part's
 * current look or the section's choices, and one radio group per attribute.
 */
export const PartSection = memo(function PartSection({ product, part, expanded, onToggle }: PartSectionProps) {
  const actor = useConfiguratorActor();
  // Joined into a string so that the section re-renders only when its own part changes.
  const optionIds = useSelector(actor, (snapshot) => part.attributeIds.map((attributeId) => snapshot.context.summary.resolved.assignment[attributeId]).join('\n'));
  const focused = useSelector(actor, (snapshot) => snapshot.context.focusedPart === part.id);
  const { colour, material, choices } = partMaterialAndColour(product, Object.fromEntries(optionIds.split('\n').map((optionId, index) => [part.attributeIds[index]!, optionId])), part);
  // Personal texts placed on this part or print zone.
  const fields = useSelector(actor, (snapshot) => snapshot.context.entry.ruleSet.personalisation);
  const placedHere = (fields ?? []).filter((field) => field.placement === part.id);
  const toggleId = domIds.partToggle(part.id);
  const bodyId = `${domIds.partSection(part.id)}-options`;

  return (
    <section id={domIds.partSection(part.id)} className={focused ? 'part part--focused' : 'part'}>
      <h3 className="part__heading">
        <button
          type="button"
          id={toggleId}
          className="part__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          // The name holds everything the button shows (the part, then its look), so that what is seen is what is said.
          aria-labelledby={`${toggleId}-label ${toggleId}-value`}
          onClick={() => {
            onToggle(part.id);
            actor.send({ type: 'part.focus', partId: part.id });
          }}
        >
          <span className={part.kind === 'section' ? 'part__swatch part__swatch--section' : 'part__swatch'} aria-hidden="true" style={{ background: colour?.hex }} />
          <span className="part__text">
            <span id={`${toggleId}-label`} className="part__label">{part.label}</span>{' '}
            <span id={`${toggleId}-value`} className="part__value">
              {(part.kind === 'section' ? choices.map((choice) => choice.label) : [colour?.label, material?.label]).filter(Boolean).join(' · ')}
            </span>
          </span>
          <svg className="part__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </h3>
      <div id={bodyId} className="part__body" hidden={!expanded}>
        {/* Closed sections hold no controls: fewer to update on every change. */}
        {expanded && part.attributeIds.map((attributeId) => <AttributeRadioGroup key={attributeId} attributeId={attributeId} tint={colour?.hex} />)}
        {expanded && placedHere.map((field) => field.kind === 'text'
          ? <PersonalisationField key={field.id} fieldId={field.id} />
          : <ArtworkField key={field.id} fieldId={field.id} />)}
      </div>
    </section>
  );
});
