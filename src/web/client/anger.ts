/** Anger in words and as a small bar, so it never depends on colour or a number alone. */
import { h } from './dom.ts';

export function angerWord(anger: number): string {
  if (anger >= 0.75) return 'irate';
  if (anger >= 0.5) return 'angry';
  if (anger >= 0.25) return 'upset';
  if (anger > 0) return 'mildly unhappy';
  return 'calm';
}

/**
 * A bar and a word; screen readers hear the word and the number.
 *
 * @example
 * angerMeter(0.8) // <span class="anger anger-high">… irate …</span>
 */
export function angerMeter(anger: number | null | undefined): HTMLElement {
  if (typeof anger !== 'number' || !Number.isFinite(anger)) {
    return h('span', { class: 'anger anger-unknown' }, h('span', { class: 'anger-word' }, 'anger not scored'));
  }
  const a = Math.max(0, Math.min(1, anger));
  const fill = h('span', { class: 'anger-fill' });
  // Width via CSSOM: the CSP forbids style attributes.
  fill.style.width = `${Math.round(a * 100)}%`;
  return h('span', { class: `anger anger-${a >= 0.75 ? 'high' : a >= 0.4 ? 'mid' : 'low'}`, title: `Anger ${a.toFixed(2)} of 1` },
    h('span', { class: 'anger-bar', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'anger-word' }, angerWord(a)),
    h('span', { class: 'visually-hidden' }, ` (anger ${a.toFixed(2)} of 1)`));
}
