import type { PreviewImageInput } from '../machines/index.ts';

/** Widest picture sent with an order, in pixels. */
const MAX_WIDTH = 960;

/**
 * A PNG of what the preview shows now, for the order's preview images (the workshop sees the
 * personal text; the gallery never gets this picture, the server draws its own): the 3D canvas (drawn with `preserveDrawingBuffer`) or, without WebGL, the 2D
 * illustration rasterised. Resolves to null when there is nothing to capture; never throws, since
 * a missing picture must not stop an order.
 */
export async function capturePreview(view = 'preview', maxWidth = MAX_WIDTH): Promise<PreviewImageInput | null> {
  try {
    const pane = document.querySelector('.preview');
    const canvas = pane?.querySelector('canvas');
    if (canvas && canvas.width > 0 && canvas.height > 0) return { view, dataUrl: scaled(canvas, canvas.width, canvas.height, maxWidth) };
    const svg = pane?.querySelector('svg');
    if (svg) return { view, dataUrl: await rasterise(svg, maxWidth) };
  } catch (error) {
    console.warn('[Atelier] could not capture the preview:', error);
  }
  return null;
}

function scaled(source: CanvasImageSource, width: number, height: number, maxWidth: number): string {
  const scale = Math.min(1, maxWidth / width);
  const target = document.createElement('canvas');
  target.width = Math.round(width * scale);
  target.height = Math.round(height * scale);
  const context = target.getContext('2d')!;
  context.fillStyle = '#f4f2ee';
  context.fillRect(0, 0, target.width, target.height);
  context.drawImage(source, 0, 0, target.width, target.height);
  return target.toDataURL('image/png');
}

/** Draws an inline SVG into a PNG, with its computed colours inlined so it looks as on screen. */
async function rasterise(svg: SVGSVGElement, maxWidth: number): Promise<string> {
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll('*');
  copy.querySelectorAll('*').forEach((element, index) => {
    const style = getComputedStyle(originals[index]!);
    // Through the CSSOM, not setAttribute('style', …): the page's CSP (no inline styles) blocks the
    // attribute but allows the CSSOM, and the serialised copy carries the style attribute either way.
    (element as SVGElement).style.cssText = `fill:${style.fill};stroke:${style.stroke};stroke-width:${style.strokeWidth};opacity:${style.opacity};stroke-dasharray:${style.strokeDasharray}`;
  });
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return scaled(image, box.width, box.height, maxWidth);
  } finally {
    URL.revokeObjectURL(url);
  }
}
