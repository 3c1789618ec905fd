// The part of fontkit's API that fontFiles.ts uses (the package ships no types).
declare module 'fontkit' {
  interface Glyph {
    readonly advanceWidth: number;
    /** The outline in font units, y up. */
    readonly path: { toSVG(): string };
  }
  interface GlyphPosition {
    readonly xAdvance: number;
    readonly yAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
  }
  interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly positions: readonly GlyphPosition[];
    readonly advanceWidth: number;
  }
  interface Font {
    readonly unitsPerEm: number;
    readonly capHeight: number;
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Shapes a text (kerning, ligatures) into positioned glyphs. */
    layout(text: string): GlyphRun;
  }
  export function openSync(path: string): Font;
}
