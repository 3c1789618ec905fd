// The part of fontkit's API that fontFiles.ts uses (the package ships no types).
declare module 'fontkit' {
  interface Glyph {
    readonly advanceWidth: number;
  }
  interface Font {
    readonly unitsPerEm: number;
    readonly capHeight: number;
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(path: string): Font;
}
