/**
 * Batch output as JSON lines (spec/cli.md "Batch output"): one object per
 * input row, in input order, the person's ID number masked. Columns that
 * are not profile keys ride along under "columns".
 */
import type { OutRow } from '../household/out-row.js';
import { knownFacts } from '../household/profile-shape.js';
import { maskIdNumber } from '../profile/id-number.js';
import { errorText, type Lang } from './batch-table.js';

export interface JsonlOptions {
  /** Labels of the carried columns: the tail of each row's shown cells. */
  carriedLabels: readonly string[];
  lang: Lang;
}

export function jsonlLine(out: OutRow, options: JsonlOptions): string {
  const line: Record<string, unknown> = { row: out.row, household_id: out.householdId };
  if (out.issues) {
    line.error = errorText(out, options.lang);
    line.issues = out.issues;
  } else {
    const person = knownFacts(out.profile ?? {});
    if (typeof person.id_number === 'string') person.id_number = maskIdNumber(person.id_number);
    line.person = person;
    line.results = out.results;
  }
  const { carriedLabels } = options;
  if (carriedLabels.length > 0) {
    const offset = out.shown.length - carriedLabels.length;
    const columns: Record<string, string> = {};
    carriedLabels.forEach((label, k) => (columns[label] = out.shown[offset + k]));
    line.columns = columns;
  }
  return `${JSON.stringify(line)}\n`;
}
