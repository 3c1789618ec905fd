import { useSelector } from '@xstate/react';
import { memo } from 'react';
import { optionById, type AttributeId, type AttributeStatus } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { OptionRadio } from './OptionRadio.tsx';
import { ProvenanceTag } from './ProvenanceTag.tsx';

/** Props of {@link AttributeRadioGroup}. */
export interface AttributeRadioGroupProps {
  readonly attributeId: AttributeId;
  /** The part's current colour, for material swatches. */
  readonly tint?: string;
}

/**
 * One attribute of a part ("Toe cap colour") as a radio group named by its display name. The
 * checked radio is the resolved value; the tag says who set it, with a way back to the suggestion
 * when the customer chose it. Arrow keys move between options natively.
 */
export const AttributeRadioGroup = memo(function AttributeRadioGroup({ attributeId, tint }: AttributeRadioGroupProps) {
  const actor = useConfiguratorActor();
  const status = useSelector(actor, (snapshot) => snapshot.context.summary.attributes.get(attributeId), sameStatus);
  if (!status) throw new Error(`[Atelier] the design has no attribute "${attributeId}"`);
  const { attribute, displayName, value } = status;
  const provenanceId = `${attributeId}-provenance`;

  const select = (optionId: string) => {
    actor.send({ type: 'part.focus', partId: attribute.partId });
    actor.send({ type: 'option.select', attribute: attributeId, option: optionId });
  };

  return (
    <fieldset className={`attribute attribute--${attribute.kind}`} role="radiogroup" aria-label={displayName} aria-describedby={provenanceId}>
      <legend className="attribute__legend">
        <span className="attribute__label">{attribute.label}</span>
        <span className="attribute__value">{optionById(attribute, value.option).label}</span>
        <ProvenanceTag id={provenanceId} provenance={value.provenance} />
        {value.provenance === 'customer' && (
          <button type="button" className="link-button attribute__reset" onClick={() => actor.send({ type: 'option.clear', attribute: attributeId })} aria-label={`Use suggested ${displayName.toLowerCase()}`}>
            Use suggested
          </button>
        )}
      </legend>
      <div className="attribute__options">
        {status.options.map((optionStatus) => (
          <OptionRadio
            key={optionStatus.option.id}
            attributeId={attributeId}
            kind={attribute.kind}
            status={optionStatus}
            checked={optionStatus.option.id === value.option}
            tint={tint}
            onSelect={() => select(optionStatus.option.id)}
          />
        ))}
      </div>
    </fieldset>
  );
});

/** Every change re-derives every status; a group re-renders only when what it shows has changed. */
function sameStatus(a: AttributeStatus | undefined, b: AttributeStatus | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.attribute !== b.attribute || a.value.option !== b.value.option || a.value.provenance !== b.value.provenance) return false;
  return a.options.every((option, index) => option.available === b.options[index]?.available && option.reason === b.options[index]?.reason);
}
