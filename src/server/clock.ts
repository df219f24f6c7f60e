/** Where the desk reads the time. Injected so tests can move it (follow-ups, late tasks, retries). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Adds business days (Monday–Friday, in UTC) to a moment, keeping the time of day. Saturday and Sunday
 * never count, and a start on a weekend counts from the next Monday.
 *
 * @example
 * addBusinessDays(new Date('2026-11-20T15:00:00Z'), 1).toISOString() // Friday → '2026-11-23T15:00:00.000Z' (Monday)
 */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}
