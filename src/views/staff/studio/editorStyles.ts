// CodeMirror themes itself with a <style> element it writes at run time (style-mod). The shop's
// Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline': src/server/securityHeaders.ts)
// keeps the browser from applying that element, so on the real server the studio's editor had no
// theme at all: indentation collapsed on screen and typed spaces reached the text as non-breaking
// spaces, which YAML refuses. (The Vite dev server sends no CSP, so it did not show there.)

/** The first character of style-mod's generated class names (`ͼ1`): its elements are the ones holding it. */
const STYLE_MOD_CLASS = '\u037c';

const mirrored = new WeakSet<Document>();

/**
 * Applies CodeMirror's theme through a constructed stylesheet (the CSSOM, which CSP does not
 * govern), kept equal to the text of the <style> elements CodeMirror writes in `<head>`. The rules
 * sit in a cascade layer, so the page's own stylesheets still override them as they do where the
 * element applies. Call before the first editor is made; more calls do nothing.
 */
export function mirrorEditorStyles(doc: Document = document): void {
  if (mirrored.has(doc) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  mirrored.add(doc);
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let copied = '';
  const copy = () => {
    const text = [...doc.head.querySelectorAll('style')].map((element) => element.textContent ?? '').filter((text) => text.includes(STYLE_MOD_CLASS)).join('\n');
    if (text === copied) return;
    copied = text;
    sheet.replaceSync(`@layer codemirror {\n${text}\n}`);
  };
  // CodeMirror rewrites its element's text whenever a new editor extension brings its own styles.
  new MutationObserver(copy).observe(doc.head, { childList: true, subtree: true, characterData: true });
  copy();
}
