import { Resvg } from '@resvg/resvg-js';
import { illustrationSvg, productIllustration, type CatalogEntry, type DesignDocument } from '../domain/index.ts';

/** Width of a gallery picture, in pixels: gallery pages show many cards, so pictures are small. */
export const GALLERY_PICTURE_WIDTH = 480;
/** The page's background colour behind the drawing, as the gallery cards show it. */
const BACKGROUND = '#f4f2ee';

/**
 * The SVG of a design's gallery picture: the product's 2D drawing from its fixed view, coloured by
 * the design's choices. It reads the choices only, never `personalisation`, so no personal text or
 * uploaded artwork can be in a public picture.
 */
export function galleryPictureSvg(entry: CatalogEntry, design: Pick<DesignDocument, 'choices'>): string {
  return illustrationSvg(productIllustration(entry.product, design.choices, 'gallery'), { widthPx: GALLERY_PICTURE_WIDTH, background: BACKGROUND });
}

/** Rasterises an SVG to PNG at its own size (resvg, no system fonts: the drawings hold no text). Run on the job pool. */
export function rasteriseSvg(svg: string): Uint8Array<ArrayBuffer> {
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png);
}
