/** One output row per input row: what the batch writers turn into CSV, JSON lines or xlsx. */
import type { Profile } from '../profile/normalise.js';
import type { RowIssue } from './batch-error.js';

export interface OutRow {
  /** The input row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  householdId: string;
  /** The identifying and carried cells, in output column order, ID numbers masked. */
  shown: string[];
  /** Each item's answer (0 ineligible, 1 undetermined, 2 eligible), in the checker's item order. */
  statuses?: Uint8Array;
  /** Why the row could not be checked. */
  issues?: RowIssue[];
  /** What the reader warned of, for a row checked all the same (JSON lines show them). */
  warnings?: string[];
  /** The profile checked (household facts included), for JSON lines. */
  profile?: Profile;
  /** Full results for JSON lines: each item's as UTF-8 JSON (BatchChecker.results). */
  results?: readonly Uint8Array[];
}

/** The items a batch answers for, in output order. */
export interface BatchItem {
  id: string;
  name: string;
  domain: string;
}
