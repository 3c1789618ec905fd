let cached: boolean | undefined;

/**
 * Whether this browser can draw the 3D preview (WebGL 2). Decided once, up front, so that customers
 * without WebGL get the 2D illustration at once instead of a failed three.js download.
 */
export function hasWebGL(): boolean {
  if (cached === undefined) {
    try {
      const context = document.createElement('canvas').getContext('webgl2');
      cached = context !== null;
      // Browsers cap live WebGL contexts; give this probe's back before the preview makes its own.
      context?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      cached = false;
    }
  }
  return cached;
}
