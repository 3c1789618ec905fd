import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import { resolveDesign } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { ProductIllustration } from './ProductIllustration.tsx';

/**
 * The product's colourways as a row of buttons, each with a small drawing of the colourway.
 * Applying one replaces the customer's choices (undoable).
 */
export function PresetPicker() {
  const actor = useConfiguratorActor();
  const entry = useSelector(actor, (snapshot) => snapshot.context.entry);
  const space = useSelector(actor, (snapshot) => snapshot.context.space);
  // Presets name only some attributes; the domain completes them exactly as applying them would.
  const presets = useMemo(
    () => entry.product.presets.map((preset) => {
      const design = resolveDesign(space, entry.ruleSet, preset.choices).assignment;
      return { preset, design };
    }),
    [entry, space],
  );
  if (presets.length === 0) return null;

  return (
    <section className="presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading" className="panel-heading">Colourways</h2>
      <ul className="presets__list">
        {presets.map(({ preset, design }) => (
          <li key={preset.id}>
            <button
              type="button"
              className="preset"
              title={preset.description}
              aria-describedby={`preset-${preset.id}-description`}
              onClick={() => actor.send({ type: 'preset.apply', presetId: preset.id })}
            >
              <ProductIllustration product={entry.product} design={design} focusedPart={null} decorative />
              <span className="preset__name">{preset.name}</span>
              {preset.credit && <span className="preset__credit">Co-created by {preset.credit}</span>}
            </button>
            <span id={`preset-${preset.id}-description`} hidden>{preset.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
