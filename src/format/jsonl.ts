/**
 * Batch output as JSON lines (spec/cli.md "Batch output"): one object per
 * input row, in input order, ID numbers masked. Columns that are not
 * profile keys ride along under "columns". Each item's result arrives as
 * JSON text already (BatchChecker.results), so a line is its head, the
 * results' bytes copied in, and its tail: the same text JSON.stringify
 * would give for the whole object.
 */
import type { OutRow } from '../household/out-row.js';
import { knownFacts } from '../household/profile-shape.js';
import { maskBirthDateOfId, maskIdNumber, maskIdNumbersInText } from '../profile/id-number.js';
import { errorText, type Lang } from './batch-table.js';
import { uniqueNames } from './unique-names.js';
import { utf8, type ByteBuffer } from './byte-buffer.js';

export interface JsonlOptions {
  /** Labels of the carried columns: the tail of each row's shown cells. */
  carriedLabels: readonly string[];
  lang: Lang;
}

const COMMA = utf8(',');

/** A line writer for one set of options: each row's line (with its line end) into a byte buffer. */
export function jsonlWriter(options: JsonlOptions): (out: OutRow, into: ByteBuffer) => void {
  const { carriedLabels, lang } = options;
  // Keys made unique (备注, 备注（2）): two columns of one name would otherwise keep only the last.
  const keys = uniqueNames(carriedLabels);
  const columnsOf = (out: OutRow): Record<string, string> | undefined => {
    if (keys.length === 0) return undefined;
    const offset = out.shown.length - keys.length;
    // No prototype: a column named __proto__ is a column like any other.
    const columns: Record<string, string> = Object.create(null) as Record<string, string>;
    keys.forEach((key, k) => (columns[key] = out.shown[offset + k]));
    return columns;
  };
  return (out, into) => {
    const line: Record<string, unknown> = { row: out.row, household_id: maskIdNumbersInText(out.householdId) };
    if (out.issues) {
      line.error = errorText(out, lang);
      line.issues = out.issues;
      line.columns = columnsOf(out);
      into.text(`${JSON.stringify(line)}\n`);
      return;
    }
    if (out.warnings) line.warnings = out.warnings;
    line.person = person(out);
    into.text(JSON.stringify(line).slice(0, -1));
    if (out.results) {
      into.text(',"results":[');
      out.results.forEach((result, i) => {
        if (i > 0) into.bytes(COMMA);
        into.bytes(result);
      });
      into.text(']');
    }
    const columns = columnsOf(out);
    into.text(columns ? `,"columns":${JSON.stringify(columns)}}\n` : '}\n');
  };
}

/** The facts the row was checked with, ID numbers masked (an ID number given as a household id included), and a birth date that would give their masked digits away. */
function person(out: OutRow): Record<string, unknown> {
  const facts = knownFacts(out.profile ?? {});
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value === 'string') facts[key] = key === 'id_number' ? maskIdNumber(value) : maskIdNumbersInText(value);
  }
  if (typeof facts.birth_date === 'string') facts.birth_date = maskBirthDateOfId(facts.birth_date, out.profile?.id_number);
  return facts;
}
