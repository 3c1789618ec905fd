// Artwork uploads: what a file is, whether it is safe and printable, and how it prints.
export { ARTWORK_LIMITS, type ArtworkLimits } from './artworkLimits.ts';
export { type ArtworkProblem, type ArtworkProblemCode } from './artworkProblem.ts';
export { inspectArtwork, type ArtworkAccepted, type ArtworkInspection, type InspectArtworkOptions } from './inspectArtwork.ts';
export { sanitiseSvg, type SanitisedSvg, type SanitiseSvgOptions } from './sanitiseSvg.ts';
export { countSvgColours, type ArtworkColours } from './countSvgColours.ts';
export { RasterColourCounter, countRasterColours, type RasterColours } from './countRasterColours.ts';
export { parseCssColour, toHex, type Rgba } from './cssColour.ts';
export { sniffFormat, type SniffedFormat } from './sniffFormat.ts';
export { checkRasterDimensions, type RasterDimensions } from './rasterInfo.ts';
export { readPngInfo, readPngHeader, type PngInfo } from './pngInfo.ts';
export { readJpegInfo, type JpegInfo } from './jpegInfo.ts';
export { decodeJpegRows, jpegDecodeBudgetBytes, type DecodedJpeg } from './decodeJpeg.ts';
export { svgIntrinsicSize, type SvgSize } from './svgSize.ts';
export { artworkResolution, effectiveDpi, resolutionVerdict, MINIMUM_DPI, PRINT_DPI, type ResolutionVerdict } from './printResolution.ts';

