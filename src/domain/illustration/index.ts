// The products' 2D drawings as data: rendered by the views, rasterised by the server.
export type { Illustration, IllustrationSvgOptions } from './productIllustration.ts';
export { illustrationSvg, productIllustration } from './productIllustration.ts';
export type { MaterialTexture } from './materialTexture.ts';
export { materialTexture } from './materialTexture.ts';
export type { SvgElement } from './svgElement.ts';
export { svgMarkup } from './svgElement.ts';
