import { ARTWORK_LIMITS, type ArtworkLimits } from './artworkLimits.ts';
import { artworkProblem, type ArtworkProblem } from './artworkProblem.ts';
import { RasterColourCounter, type RasterColours } from './countRasterColours.ts';
import { countSvgColours } from './countSvgColours.ts';
import { decodeJpegRows, jpegDecodeBudgetBytes } from './decodeJpeg.ts';
import { decodePngPixels } from './decodePng.ts';
import { readJpegInfo } from './jpegInfo.ts';
import { readPngHeader, readPngInfo } from './pngInfo.ts';
import { checkRasterDimensions } from './rasterInfo.ts';
import { sanitiseSvgDocument } from './sanitiseSvg.ts';
import { sniffFormat } from './sniffFormat.ts';
import { svgIntrinsicSize } from './svgSize.ts';

/** An artwork file that may be placed on a print zone, and what it is. */
export interface ArtworkAccepted {
  readonly ok: true;
  /** Recognised by content, whatever the file is called. */
  readonly format: 'png' | 'jpeg' | 'svg';
  /**
   * Pixels across, as the picture is shown (a JPEG's EXIF orientation applied). For an SVG, its
   * intrinsic size in CSS pixels: what matters is the aspect ratio, since it prints at any size.
   */
  readonly widthPx: number;
  readonly heightPx: number;
  /** True for SVG: drawn at the printer's resolution, so print resolution never limits it. */
  readonly vector: boolean;
  /** True when some pixel is not fully opaque; always true for SVG (its canvas is transparent where nothing is drawn). */
  readonly hasTransparency: boolean;
  /** Distinct print colours (threads, screens); see `RasterColourCounter` and `countSvgColours` for how. */
  readonly colours: number;
  /** Those colours as `#rrggbb`. */
  readonly palette: readonly string[];
  /** True when there is shading besides flat colours (gradients, photos): it needs full-colour printing. */
  readonly continuousTone: boolean;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** For SVG: the sanitised text, the only form to store, show or print. */
  readonly sanitisedSvg?: string;
  /** The JPEG's EXIF orientation (1–8) when it is not 1: the printer must turn the pixels as the browser does. */
  readonly orientation?: number;
  /** Things the customer should know that do not stop the upload, each a sentence. */
  readonly warnings: readonly string[];
}

/** The verdict on an uploaded artwork file. */
export type ArtworkInspection = ArtworkAccepted | ArtworkProblem;

/** Options of `inspectArtwork`. */
export interface InspectArtworkOptions {
  readonly limits?: ArtworkLimits;
}

const FORMAT_NAMES = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG' } as const;
const EXTENSIONS: Readonly<Record<string, keyof typeof FORMAT_NAMES>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', svg: 'svg' };
const ACCEPTED = 'upload a PNG, JPEG or SVG';

/**
 * Inspects an uploaded artwork file, in the browser as the customer picks it and again on the
 * server: recognises PNG, JPEG and SVG by content (the name only shapes the messages), and refuses
 * empty, oversized, unrecognised, damaged or animated files and images too large in pixels (from
 * the header, before decoding). A PNG or JPEG is then decoded as a stream of rows (a JPEG keeps its coefficients, 2 bytes a sample), to count
 * colours and find transparency; an SVG is sanitised (`sanitiseSvg`) and read from its sanitised
 * form. Never throws for bad input: every refusal is a message saying what is wrong and what to do.
 *
 * @example
 * inspectArtwork(gifBytes, 'logo.png')
 * // { ok: false, code: 'unsupported-format', message: '"logo.png" is a GIF, not a PNG: upload a PNG, JPEG or SVG.' }
 * inspectArtwork(pngBytes, 'logo.png')
 * // { ok: true, format: 'png', widthPx: 1200, heightPx: 800, vector: false, hasTransparency: true, colours: 3, … }
 */
export function inspectArtwork(bytes: Uint8Array, declaredName?: string, options: InspectArtworkOptions = {}): ArtworkInspection {
  const limits = options.limits ?? ARTWORK_LIMITS;
  const name = displayName(declaredName);
  const quoted = name ? `"${name}"` : null;
  const extension = EXTENSIONS[/\.([A-Za-z0-9]+)$/.exec(name ?? '')?.[1]?.toLowerCase() ?? ''];

  if (bytes.length === 0) return artworkProblem('empty', `${quoted ?? 'This file'} is empty (0 bytes): choose the file again, or export it again from your design program.`);
  if (bytes.length > limits.maxBytes) {
    return artworkProblem('too-large', `${quoted ?? 'This file'} is ${megabytes(bytes.length, Math.ceil)} MB; the limit is ${megabytes(limits.maxBytes, Math.floor)} MB: export it smaller.`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed.format === 'other') {
    const expected = extension ? `, not ${article(FORMAT_NAMES[extension])}` : '';
    if (!sniffed.name) return artworkProblem('unsupported-format', `${quoted ?? 'This file'} is not a picture we recognise${expected}: ${ACCEPTED}.`);
    return artworkProblem('unsupported-format', `${quoted ?? 'This file'} is ${sniffed.name}${expected}: ${ACCEPTED}.`);
  }
  if (sniffed.format === 'undecodable') {
    return artworkProblem('corrupt', `${quoted ?? 'This file'} looks like an SVG but is not valid ${sniffed.encoding.toUpperCase()} text: save it again as SVG (UTF-8).`);
  }
  const warnings: string[] = [];
  if (name && extension && extension !== sniffed.format) warnings.push(`"${name}" is really ${article(FORMAT_NAMES[sniffed.format])}; it is read as one.`);
  const subject = quoted ?? `This ${FORMAT_NAMES[sniffed.format]}`;

  switch (sniffed.format) {
    case 'png':
      return inspectPng(bytes, subject, limits, warnings);
    case 'jpeg':
      return inspectJpeg(bytes, subject, limits, warnings);
    case 'svg':
      return inspectSvg(sniffed.text, bytes.length, subject, limits, warnings);
    default: {
      const unexpected: never = sniffed;
      throw new Error(`inspectArtwork: unknown format ${JSON.stringify(unexpected)}`);
    }
  }
}

function inspectPng(bytes: Uint8Array, subject: string, limits: ArtworkLimits, warnings: string[]): ArtworkInspection {
  const header = readPngHeader(bytes);
  if ('problem' in header) return damaged(subject, 'PNG', header.problem === 'corrupt' ? header.detail : 'its header cannot be read');
  const tooLarge = checkRasterDimensions(header, limits, subject);
  if (tooLarge) return artworkProblem('dimensions', tooLarge);
  const info = readPngInfo(bytes);
  if ('problem' in info) {
    if (info.problem === 'animated') return artworkProblem('animated', `${subject} is an animated PNG: upload a still image (export one frame as PNG or JPEG).`);
    return damaged(subject, 'PNG', info.detail);
  }
  const counter = new RasterColourCounter();
  const decoded = decodePngPixels(info, (row, width) => counter.addRow(row, width));
  if (!decoded.ok) return damaged(subject, 'PNG', decoded.detail);
  return accepted('png', info.width, info.height, counter.result(), bytes.length, warnings);
}

function inspectJpeg(bytes: Uint8Array, subject: string, limits: ArtworkLimits, warnings: string[]): ArtworkInspection {
  const info = readJpegInfo(bytes);
  if ('problem' in info) {
    if (info.problem === 'unsupported') return artworkProblem('unsupported-encoding', `${subject} is a JPEG stored in a rare way (${info.detail}) that we cannot read: save it again as a standard JPEG or as a PNG.`);
    return damaged(subject, 'JPEG', info.detail);
  }
  const tooLarge = checkRasterDimensions(info, limits, subject);
  if (tooLarge) return artworkProblem('dimensions', tooLarge);
  const counter = new RasterColourCounter();
  const image = decodeJpegRows(bytes, { maxMegapixels: limits.maxMegapixels, maxMemoryBytes: jpegDecodeBudgetBytes(limits.maxMegapixels) }, (row, width) => counter.addRow(row, width));
  if (!image.ok && image.reason === 'memory') return artworkProblem('dimensions', `${subject} needs more memory to read than we allow (${info.width} × ${info.height} px): export it smaller.`);
  if (!image.ok) return damaged(subject, 'JPEG', 'its picture data cannot be read');
  const turned = info.orientation >= 5;
  const result = accepted('jpeg', turned ? info.height : info.width, turned ? info.width : info.height, counter.result(), bytes.length, warnings);
  return info.orientation === 1 ? result : { ...result, orientation: info.orientation };
}

function inspectSvg(text: string, size: number, subject: string, limits: ArtworkLimits, warnings: string[]): ArtworkInspection {
  const sanitised = sanitiseSvgDocument(text, { subject, limits });
  if (!sanitised.ok) return sanitised;
  const intrinsic = svgIntrinsicSize(sanitised.root);
  if (!intrinsic) {
    return artworkProblem('svg-no-size', `${subject} does not say its size (no viewBox, and no width and height), so its proportions are unknown: export it again with a viewBox or an artboard size.`);
  }
  if (sanitised.removed.length > 0) warnings.push(`Removed from your SVG: ${sanitised.removed.join(', ')}. The rest is kept as you drew it: check the preview.`);
  if (sanitised.hasText) warnings.push('Your SVG has text, which prints in the fonts we have, not necessarily the one you chose: convert the text to outlines (paths) in your design program for an exact print.');
  const colours = countSvgColours(sanitised.root);
  return { ...accepted('svg', intrinsic.widthPx, intrinsic.heightPx, { ...colours, hasTransparency: true }, size, warnings), vector: true, sanitisedSvg: sanitised.svg };
}

function accepted(format: ArtworkAccepted['format'], widthPx: number, heightPx: number, colours: RasterColours, bytes: number, warnings: readonly string[]): ArtworkAccepted {
  return {
    ok: true,
    format,
    widthPx,
    heightPx,
    vector: false,
    hasTransparency: colours.hasTransparency,
    colours: colours.count,
    palette: colours.palette,
    continuousTone: colours.continuousTone,
    bytes,
    warnings,
  };
}

function damaged(subject: string, format: string, detail: string): ArtworkProblem {
  return artworkProblem('corrupt', `${subject} is a damaged ${format} (${detail}): export it again, or upload the original file.`);
}

// The name as the customer knows it: no folders (browsers send C:\fakepath\…), no invisible or
// reordering characters, not too long to read in a message.
function displayName(declared: string | undefined): string | null {
  if (!declared) return null;
  // eslint-disable-next-line no-control-regex -- control and bidi characters could disguise the name
  const clean = (declared.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"]/g, '').trim();
  if (!clean) return null;
  return clean.length > 60 ? `${clean.slice(0, 28)}…${clean.slice(-28)}` : clean;
}

function megabytes(bytes: number, round: (value: number) => number): string {
  const value = round((bytes / (1024 * 1024)) * 10) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function article(format: string): string {
  return `${format === 'SVG' ? 'an' : 'a'} ${format}`;
}
