/**
 * Warnings of a batch's rows (a 15-digit ID number read as 19XX, a township
 * merged away): the rows are checked all the same, and no column of the
 * output holds warnings, so a run counts them by code and keeps the first
 * few row numbers for a note on standard error. Plain data, so a worker
 * thread's tally crosses to the main thread as it is.
 */

/** Row numbers a note names per code. */
export const NAMED_ROWS = 5;

/** Distinct words a note names per code (the merged township): six towns were merged away, so all of them, sorted, whatever the order rows come in. */
const NAMED_VALUES = 6;

export type WarningCounts = Record<string, { count: number; rows: number[]; values?: string[] }>;

export class WarningTally {
  counts: WarningCounts = {};

  add(code: string, row: number, value?: string): void {
    const entry = (this.counts[code] ??= { count: 0, rows: [] });
    entry.count++;
    if (value !== undefined) entry.values = withValues(entry.values, [value]);
    // The lowest few, in order (rows mostly come in order: the test is one comparison then).
    const rows = entry.rows;
    if (rows.length === NAMED_ROWS) {
      if (row >= rows[NAMED_ROWS - 1]) return;
      rows.pop();
    }
    rows.push(row);
    rows.sort((a, b) => a - b);
  }

  /** Adds another tally's counts, keeping the lowest row numbers; `shift` moves its rows (a piece numbered from a guess). */
  merge(other: WarningCounts, shift = 0): void {
    for (const [code, { count, rows, values }] of Object.entries(other)) {
      const entry = (this.counts[code] ??= { count: 0, rows: [] });
      entry.count += count;
      if (values) entry.values = withValues(entry.values, values);
      entry.rows = [...entry.rows, ...rows.map((r) => r + shift)].sort((a, b) => a - b).slice(0, NAMED_ROWS);
    }
  }

  /** The counts so far, leaving the tally empty. */
  take(): WarningCounts {
    const counts = this.counts;
    this.counts = {};
    return counts;
  }
}

function withValues(values: string[] | undefined, more: readonly string[]): string[] {
  const all = new Set([...(values ?? []), ...more]);
  return [...all].sort().slice(0, NAMED_VALUES);
}
