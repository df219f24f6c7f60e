/**
 * WCAG 2 contrast of every visible text node on a page, against the first opaque background behind it.
 * Runs inside the page (pass the function to `page.evaluate`). Text drawn transparent (the composer's
 * highlight mirror) and text inside canvases are skipped; chart canvases carry their own text summary.
 */
export function lowContrastText(): { text: string; ratio: number; color: string; background: string }[] {
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const blend = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const backgroundOf = (el: Element | null): number[] => {
    const layers: number[][] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color = [255, 255, 255];
    for (const layer of layers.reverse()) color = blend(layer, color);
    return color;
  };
  const out: { text: string; ratio: number; color: string; background: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('[aria-hidden="true"], canvas, .visually-hidden, [hidden]')) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
    const fg = parse(style.color);
    if (fg[3] === 0) continue;
    const bg = backgroundOf(el);
    const ink = blend(fg, bg);
    const [a, b] = [lum(ink), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    // Large text (24px, or 18.66px bold) needs 3:1; everything else 4.5:1.
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) out.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${bg.map(Math.round).join(',')})` });
  }
  return out;
}

/**
 * The source of a function to run in the page. tsx wraps named functions in a `__name` helper that only
 * exists in Node; the wrapper supplies a harmless one.
 */
export function inPage(fn: () => unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;
}
