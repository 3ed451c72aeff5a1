// Dates are plain `YYYY-MM-DD` strings: no time zones, and they sort as text.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Today in the local time zone, as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What day it is. Each surface asks its clock, never the calendar itself, so a test (or `--today`) can fix the day. */
export interface Clock {
  today(): string;
}

/** The calendar, in the local time zone. */
export const systemClock: Clock = { today: () => today() };

/** Always `day`. */
export function fixedClock(day: string): Clock {
  return { today: () => day };
}

export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  return d.toISOString().slice(0, 10);
}

/**
 * The moment to show for something dated `day` (a note, a reply), as "2 hours
 * ago": files carry a date, no time of day. Dated today, it reads as `now`
 * (midnight would say "2 hours ago" of a reply typed a moment ago); an earlier
 * day, as its start in the local time zone. Undefined for no date or a bad one.
 */
export function momentOf(day: string | undefined, today: string, now: Date): Date | undefined {
  if (!day || !isIsoDate(day)) return undefined;
  if (day === today) return now;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}
