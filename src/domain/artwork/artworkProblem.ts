/**
 * Why an artwork file is refused. Each code comes with a message for the customer that says what
 * is wrong and how to fix it; the code is for the program (a view may pick an icon by it).
 *
 * - `empty`: no bytes at all.
 * - `too-large`: over the file size limit.
 * - `unsupported-format`: not a PNG, JPEG or SVG (the message names what it is).
 * - `corrupt`: a PNG or JPEG that ends early or whose data cannot be read; text that is not valid
 *   in its encoding.
 * - `dimensions`: a PNG or JPEG too large in pixels, or with sides of 0 px; decided from the header,
 *   before any pixel is decoded.
 * - `animated`: an animated PNG (APNG).
 * - `unsupported-encoding`: a JPEG stored in a rare way (arithmetic coding, lossless, 12-bit).
 * - `svg-malformed`: not well-formed XML.
 * - `svg-unsafe`: XML that is an attack by its structure: entity declarations (XXE, billion laughs),
 *   `<use>` references that multiply into millions of shapes, too many or too deeply nested elements.
 * - `svg-not-svg`: XML whose root is not `<svg>`.
 * - `svg-nothing-drawable`: nothing printable is left after the unsafe parts are removed.
 * - `svg-no-size`: neither a viewBox nor a width and height, so its proportions are unknown.
 */
export type ArtworkProblemCode =
  | 'empty'
  | 'too-large'
  | 'unsupported-format'
  | 'corrupt'
  | 'dimensions'
  | 'animated'
  | 'unsupported-encoding'
  | 'svg-malformed'
  | 'svg-unsafe'
  | 'svg-not-svg'
  | 'svg-nothing-drawable'
  | 'svg-no-size';

/** A refused artwork file: the code and the customer's message. */
export interface ArtworkProblem {
  readonly ok: false;
  readonly code: ArtworkProblemCode;
  readonly message: string;
}

/** Builds a refusal. */
export function artworkProblem(code: ArtworkProblemCode, message: string): ArtworkProblem {
  return { ok: false, code, message };
}
