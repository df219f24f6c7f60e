/**
 * Queue priority: anger × customer value × waiting time, the order the seeds imply (the angriest,
 * most valuable customer who has waited longest first). The server may send its own `priority` and
 * `priorityReason`; this is the same formula for when it does not, and it gives the words for "why".
 */
import type { CaseSummary } from './api.ts';

export interface Priority {
  score: number;
  reason: string;
}

/** Lifetime value on a gentle log scale: $0 → 1, $1,000 → 2, $10,000 → 2.5, so value orders but never swamps anger. */
export function valueFactor(lifetimeValue: number | null | undefined, highValue?: boolean): number {
  const v = Math.max(0, lifetimeValue ?? 0);
  return 1 + Math.log10(1 + v) / 3 + (highValue ? 0.25 : 0);
}

/** Waiting time: 1 at once, doubling weight over the first ~8 hours, then slowly. */
export function waitFactor(hours: number): number {
  return 1 + Math.log2(1 + Math.max(0, hours) / 8);
}

export function angerWord(anger: number): string {
  if (anger >= 0.75) return 'irate';
  if (anger >= 0.5) return 'angry';
  if (anger >= 0.25) return 'upset';
  if (anger > 0) return 'mildly unhappy';
  return 'calm';
}

/**
 * Priority with the reason in words.
 *
 * @example
 * priorityOf({ anger: 0.9, customer: { lifetimeValue: 5000 }, waitingSince: '…' }, now).reason
 * // 'irate (0.90) · $5,000 lifetime value · waiting 6 h'
 */
export function priorityOf(c: CaseSummary, now = Date.now()): Priority {
  const hours = c.waitingSince ? Math.max(0, (now - Date.parse(c.waitingSince)) / 3_600_000) : 0;
  const anger = Math.max(0, Math.min(1, c.anger ?? 0));
  // A calm customer still gets a floor so waiting time orders them among themselves.
  const score = (0.1 + anger) * valueFactor(c.customer.lifetimeValue, c.customer.highValue) * waitFactor(hours);
  const parts = [`${angerWord(anger)} (anger ${anger.toFixed(2)})`];
  if (c.customer.lifetimeValue) {
    parts.push(`${new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(c.customer.lifetimeValue)} lifetime value`);
  }
  if (c.customer.highValue) parts.push('high-value customer');
  if (c.waitingSince) parts.push(`waiting ${hours < 1 ? `${Math.max(1, Math.round(hours * 60))} min` : hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} d`}`);
  return { score: c.priority ?? score, reason: c.priorityReason ?? parts.join(' · ') };
}
