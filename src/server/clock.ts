/** Where the desk reads the time. Injected so tests can move it (follow-ups, late tasks, retries). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in an IANA time zone. */
function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** The instant at which the wall clock in `timeZone` shows these parts (the later one across a DST gap). */
function fromLocal(p: LocalParts, ms: number, timeZone: string): Date {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, ms);
  const offsetAt = (t: number) => {
    const q = localParts(new Date(t), timeZone);
    return Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute, q.second) - Math.floor(t / 1000) * 1000;
  };
  let t = wall - offsetAt(wall);
  const again = offsetAt(t);
  if (wall - again !== t) t = wall - again;
  return new Date(t);
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows (`Europe/Berlin`, `UTC`).
 *
 * @example
 * isTimeZone('America/Los_Angeles') // true
 */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar day of an instant in a time zone, as `YYYY-MM-DD`.
 *
 * @example
 * localDate(new Date('2026-11-21T03:00:00Z'), 'America/Los_Angeles') // '2026-11-20' (Friday evening there)
 */
export function localDate(at: Date, timeZone = 'UTC'): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Adds business days (Monday–Friday on the team's calendar, in `timeZone`) to a moment, keeping the local
 * time of day. Saturday and Sunday never count, and a start on a weekend counts from the next Monday. A team
 * in Los Angeles resolving at 19:00 on Friday (03:00 Saturday in UTC) gets Monday 19:00 there, not Sunday.
 *
 * @example
 * addBusinessDays(new Date('2026-11-21T03:00:00Z'), 1, 'America/Los_Angeles').toISOString() // '2026-11-24T03:00:00.000Z'
 */
export function addBusinessDays(from: Date, days: number, timeZone = 'UTC'): Date {
  const local = localParts(from, timeZone);
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day));
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const wd = day.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return fromLocal({ ...local, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, from.getUTCMilliseconds(), timeZone);
}

/**
 * The moment on a chosen calendar day (`YYYY-MM-DD`, in `timeZone`) at the local time of day of `from`: a
 * follow-up the agent moved to another day keeps the hour it would have had.
 *
 * @example
 * onLocalDay(new Date('2026-11-21T03:00:00Z'), '2026-11-25', 'America/Los_Angeles').toISOString() // '2026-11-26T03:00:00.000Z'
 */
export function onLocalDay(from: Date, day: string, timeZone = 'UTC'): Date {
  const local = localParts(from, timeZone);
  const [year, month, date] = day.split('-').map(Number);
  return fromLocal({ ...local, year, month, day: date }, from.getUTCMilliseconds(), timeZone);
}
