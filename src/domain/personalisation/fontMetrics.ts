/**
 * How wide a font sets text, enough to check that a personal text fits its printable width. Read
 * from the font files shipped as npm packages when the catalog is built (see
 * `src/server/fontFiles.ts`); the browser and the server measure with the same numbers.
 */
export interface FontMetrics {
  readonly id: string;
  /** The CSS family name the font is registered under in the browser. */
  readonly family: string;
  readonly label: string;
  readonly unitsPerEm: number;
  /** Cap height in font units: how tall capitals stand, which is what fits the zone's height. */
  readonly capHeight: number;
  /** Advance width in font units by character (printable Latin); characters not listed use `fallbackAdvance`. */
  readonly advances: Readonly<Record<string, number>>;
  readonly fallbackAdvance: number;
}

/** The fonts the configurator ships: id → the @fontsource package and the CSS family it registers. */
export const FONT_FAMILIES: Readonly<Record<string, { readonly label: string; readonly family: string; readonly packageName: string }>> = {
  inter: { label: 'Inter', family: 'Inter', packageName: '@fontsource/inter' },
  'bebas-neue': { label: 'Bebas Neue', family: 'Bebas Neue', packageName: '@fontsource/bebas-neue' },
  pacifico: { label: 'Pacifico', family: 'Pacifico', packageName: '@fontsource/pacifico' },
  'roboto-slab': { label: 'Roboto Slab', family: 'Roboto Slab', packageName: '@fontsource/roboto-slab' },
  'space-mono': { label: 'Space Mono', family: 'Space Mono', packageName: '@fontsource/space-mono' },
};

/**
 * The size a text is set at to fill a zone's height with its capitals, and the width it then
 * takes, both in millimetres.
 *
 * @example measureText(metrics, 'ADA', 12) // { fontSizeMm: 16.9, widthMm: 31.4 }
 */
export function measureText(metrics: FontMetrics, text: string, heightMm: number): { fontSizeMm: number; widthMm: number } {
  const fontSizeMm = (heightMm * metrics.unitsPerEm) / metrics.capHeight;
  let units = 0;
  for (const character of text) units += metrics.advances[character] ?? metrics.fallbackAdvance;
  return { fontSizeMm, widthMm: (units / metrics.unitsPerEm) * fontSizeMm };
}
