/**
 * Styles for our shadow roots. A constructed stylesheet is used where the browser has them: it needs no
 * `<style>` element, so a host page whose Content-Security-Policy forbids inline styles still shows the coach.
 */

/**
 * Applies CSS to a shadow root.
 *
 * @example
 * adoptStyles(host.attachShadow({ mode: 'open' }), ':host { all: initial }');
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Sheet = win?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Older engines, or a sheet from another document: fall back to a <style> element.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}
