/** Rows as the readers hand them on: cells as text, with spreadsheet row numbers. */
import { isPlaceholder } from '../profile/blank.js';
import { holdsIdNumber } from '../profile/id-number.js';

/**
 * A run of rows. `numbers[i]` is row i's number as a spreadsheet shows it
 * (the header is row 1); when absent the rows are numbered `first`, `first + 1` ….
 */
export interface RowBatch {
  rows: string[][];
  first: number;
  numbers?: number[];
  /** Rows the reader could not split cleanly (a stray quote), by index in `rows`. */
  broken?: Map<number, string>;
}

export const rowNumber = (batch: RowBatch, i: number): number => batch.numbers?.[i] ?? batch.first + i;

/** A table being read: its header, then its rows in batches, once. */
export interface RowSource {
  header: string[];
  /** Spreadsheet row number of the header (1 unless a title stands above it, or an xlsx sheet starts lower). */
  headerRow: number;
  /** Rows above the header that are not blank (a title, a unit and date): not people, not checked. */
  aboveHeader?: string[][];
  /** Hidden sheets of a workbook passed over for the first one shown (no --sheet), and the sheet read. */
  hiddenSheets?: { read: string; hidden: string[] };
  batches: AsyncIterable<RowBatch>;
  /** Bytes of the file consumed so far and in all, for progress. */
  progress(): { done: number; total: number };
  /** The encoding a CSV was read in ('xlsx' for a workbook). */
  encoding: string;
  /** Stops reading early (the file is closed). */
  close(): Promise<void>;
  /** A CSV's delimiter and line end. */
  syntax?: { delimiter: string; newline: '\r\n' | '\n' | '\r' };
  /** A forced --encoding that garbles text the detected encoding reads cleanly (csv-source.ts). */
  encodingDoubt?: { forced: string; detected: string; replaced: number };
}

/** A row's household id: its cell trimmed, or '' for none (blank, or a slash or a dash: no household is called "/"). */
export function householdIdOf(cells: readonly string[], column: number): string {
  if (column < 0) return '';
  const id = (cells[column] ?? '').trim();
  return isPlaceholder(id) ? '' : id;
}

export const isBlankRow = (row: readonly string[]): boolean => {
  for (const cell of row) if (cell !== '' && cell.trim() !== '') return false;
  return true;
};

/**
 * What a roster's footer rows start with, once their spaces are taken out
 * (合　计, 制 表 人 are spaced to fill a cell): a total, a signer (制表人 …),
 * a unit line (填报单位, 填表日期, 制表时间, 审核意见, 联系电话) with anything
 * after it; short labels only with a colon or alone (审核：, 注1：, 日期：),
 * so 审批通过 in a status column stays a person's; a stamp anywhere in it.
 */
const FOOTER_START =
  /^(?:合计|总计|小计|共计|累计|本页(?:合计|小计)|总户数|总人数|共\d|(?:单位)?负责人|(?:制表|填表|填报|审核|审批|统计|经办|核对|联系)(?:人|日期|时间|单位|意见|说明)|联系电话|分管领导|(?:制表|填表|审核|审批|说明|附注|备注|注\d*|签字|签名|日期)(?:[:：]|$))/;
/** The first characters of those words: most rows are passed by one look-up. */
const FOOTER_FIRST = new Set([...'合总小共累本单负制填审统经核联说附备注签分日'].map((c) => c.charCodeAt(0)));
/**
 * A footer row below the people (合计 2户5人, 制表人：张三 审核人：李四):
 * its first filled cell starts with such a word, and no other cell holds an
 * ID number. It is nobody: no member of a household, reported as such.
 */
export const isFooterRow = (row: readonly string[]): boolean => NO_HEADER(row) === 'FOOTER_ROW';

/** Whether the row whose first filled cell is `row[i]` (`text`, trimmed) is a footer. Runs on every roster row: most are passed by the look-up of their first character. */
function footerAt(row: readonly string[], i: number, text: string): boolean {
  const starts = FOOTER_FIRST.has(text.charCodeAt(0));
  const marked = MARKER_CHARS.test(text);
  const label = text.includes('：') || text.includes(':');
  if (!starts && !marked && !label) return false;
  const compact = text.replace(/\s+/g, '');
  // Words found anywhere, and labels with a colon (村委会主任：张三, 打印日期：…), stand on a line of few cells.
  const footer = (starts && FOOTER_START.test(compact)) || ((marked && FOOTER_ANYWHERE.test(compact)) || label ? filledUpTo(row, 4) <= 3 : false);
  return footer && !row.some((c, j) => j !== i && holdsIdNumber(c));
}

/** Words a footer holds anywhere in its first cell: a stamp, a signature, a reviewer, a total, a page number. */
const FOOTER_ANYWHERE = /盖章|公章|签章|签字|签名|审核意见|审核人|负责人|合计|共计|小计|第\d+页/;
const MARKER_CHARS = /[盖公签审负合共小第]/;

/** How many cells are filled, counting no further than `limit`. */
function filledUpTo(row: readonly string[], limit: number): number {
  let n = 0;
  for (const cell of row) if (cell !== '' && cell.trim() !== '' && ++n >= limit) break;
  return n;
}

/** What makes a row nobody: blank, a footer, the header again (or its column numbers), a title. */
export type NoPersonProblem = 'EMPTY_ROW' | 'FOOTER_ROW' | 'HEADER_ROW' | 'TITLE_ROW';
export type NoPersonTest = (row: readonly string[]) => NoPersonProblem | undefined;

/** A title standing alone in its row (two lists pasted one under the other: 隆昌市山川镇花名册（二村）). */
const TITLE = /花名册|名册|名单|登记表|统计表|汇总表|台账|一览表|明细表/;

/**
 * A roster's test for rows that are nobody, and so in no household, given
 * its header's column names: blank rows; footers; the header again (a
 * second list pasted below the first) or the row of column numbers under it
 * (1, 2, 3 …); a title alone in its row.
 */
export function noPersonTest(header: readonly string[]): NoPersonTest {
  const labels = header.map((h) => h.trim());
  return (row) => {
    // The first filled cell, and whether another follows (most rows: two look-ups).
    let first = -1;
    let more = false;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell === '' || cell.trim() === '') continue;
      if (first >= 0) {
        more = true;
        break;
      }
      first = j;
    }
    if (first < 0) return 'EMPTY_ROW';
    const text = row[first].trim();
    if (footerAt(row, first, text)) return 'FOOTER_ROW';
    if (text === labels[first] && repeatsHeader(row, labels)) return 'HEADER_ROW';
    if (text === '1' && more && numbersColumns(row)) return 'HEADER_ROW';
    if (TITLE.test(text) && filledUpTo(row, 3) <= 2) return 'TITLE_ROW';
    return undefined;
  };
}

/** The test without a header: a footer is told before any header or title is looked for. */
const NO_HEADER = noPersonTest([]);

/** Two cells or more are their columns' names. */
function repeatsHeader(row: readonly string[], labels: readonly string[]): boolean {
  let same = 0;
  for (let j = 0; j < row.length; j++) if (row[j].trim() !== '' && row[j].trim() === labels[j] && ++same >= 2) return true;
  return false;
}

/** Its filled cells are 1, 2, 3 … in order. */
function numbersColumns(row: readonly string[]): boolean {
  let next = 1;
  for (const cell of row) {
    const text = cell.trim();
    if (text === '') continue;
    if (text !== String(next++)) return false;
  }
  return next > 3;
}

/**
 * Drops blank rows at the very end of a table (Excel leaves them after the
 * last person); blank rows between people stay, so every row keeps its number.
 */
export async function* dropTrailingBlankRows(batches: AsyncIterable<RowBatch>): AsyncGenerator<RowBatch> {
  // Blank rows seen since the last person: kept back until a person follows them.
  let pending: RowBatch[] = [];
  for await (const batch of batches) {
    let last = batch.rows.length - 1;
    while (last >= 0 && isBlankRow(batch.rows[last])) last--;
    if (last < 0) {
      pending.push(batch);
      continue;
    }
    yield* pending;
    pending = [];
    if (last === batch.rows.length - 1) {
      yield batch;
    } else {
      yield slice(batch, 0, last + 1);
      pending.push(slice(batch, last + 1, batch.rows.length));
    }
  }
}

function slice(batch: RowBatch, from: number, to: number): RowBatch {
  const out: RowBatch = { rows: batch.rows.slice(from, to), first: batch.first + from };
  if (batch.numbers) out.numbers = batch.numbers.slice(from, to);
  if (batch.broken) {
    out.broken = new Map();
    for (const [i, why] of batch.broken) if (i >= from && i < to) out.broken.set(i - from, why);
  }
  return out;
}
