/** Calendar dates as ISO strings (YYYY-MM-DD); no time zones involved. */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** A real calendar date in ISO form, or undefined (2023-02-30 is not a date). */
export function parseIsoDate(text: string): YMD | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

export function formatYmd({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in local time, as the check date default. */
export function todayIso(now: Date = new Date()): string {
  return formatYmd({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}

/**
 * Completed years from `from` to `to` (both ISO). A person born on 29
 * February turns a year older on 1 March in common years, which is what
 * comparing (month, day) pairs gives.
 */
export function completedYears(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return NaN;
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/**
 * The date N years after `date`: 29 February moves to 1 March in a common
 * year, matching how completed years count.
 */
export function addYears(date: string, years: number): string {
  const a = parseIsoDate(date);
  if (!a) return date;
  const y = a.y + years;
  if (a.m === 2 && a.d === 29 && !isLeapYear(y)) return formatYmd({ y, m: 3, d: 1 });
  return formatYmd({ y, m: a.m, d: a.d });
}
