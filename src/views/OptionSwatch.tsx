import type { CSSProperties } from 'react';
import { materialTexture, type AttributeKind, type OptionDef } from '../domain/index.ts';

/** Props of {@link OptionSwatch}. */
export interface OptionSwatchProps {
  readonly kind: AttributeKind;
  readonly option: OptionDef;
  /** For materials: the part's current colour, so the swatch shows the material as it would look. */
  readonly tint?: string;
}

/**
 * The small picture of an option: a colour chip, or a material chip showing its surface (grain,
 * weave, mesh, gloss…) in the part's colour. Decorative: the option's name is its label.
 */
export function OptionSwatch({ kind, option, tint }: OptionSwatchProps) {
  switch (kind) {
    case 'colour':
      return <span className="swatch swatch--colour" aria-hidden="true" style={{ '--swatch': option.hex ?? '#888' } as CSSProperties} />;
    case 'material':
      return (
        <span
          className="swatch swatch--material"
          aria-hidden="true"
          data-texture={materialTexture(option.id, option.appearance)}
          style={{ '--swatch': tint ?? '#b9b4aa' } as CSSProperties}
        />
      );
    case 'choice':
      // A choice (a fit, a print method) reads by its name alone.
      return null;
    default: {
      const unknown: never = kind;
      throw new Error(`[Atelier] no swatch for attribute kind ${JSON.stringify(unknown)}; known: colour, material, choice`);
    }
  }
}
