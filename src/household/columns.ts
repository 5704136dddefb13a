/**
 * What each column of a roster is: a profile key (by its English key,
 * Chinese label or alias), or a column of the analyst's own (a phone
 * number, a remark) that is carried through to the output unchanged.
 */
import { FIELD_BY_KEY } from '../profile/fields.js';
import { maskIdNumbersInText } from '../profile/id-number.js';
import { KEY_SPELLINGS, fieldForKey, nearest, normaliseSpelling, resolveKey } from '../profile/keys.js';
import { BatchInputError } from './batch-error.js';
import { MAX_ROWS_ABOVE_HEADER } from './header-rows.js';

/** Columns that identify a row in the output, before the answers. */
export const IDENTIFYING_KEYS: readonly string[] = ['household_id', 'name', 'id_number', 'relationship'];

/** A carried column whose name says it holds ID numbers is masked whatever its cells look like. */
const ID_COLUMN_NAME = /身份证|证件号|公民身份|id[_ ]?(number|no|card)/i;

export interface ColumnPlan {
  /** The header as written (trimmed, ID numbers masked: a roster saved without its header row); a blank name becomes 第N列. */
  labels: string[];
  /** The profile key of each column, or undefined for a carried column. */
  keys: (string | undefined)[];
  /** Column index of each profile key present. */
  columnOf: Map<string, number>;
  /** Identifying columns present, in input order. */
  identifying: number[];
  /** Carried columns, in input order. */
  carried: number[];
  /** Carried columns to mask whole, by their name. */
  idNamed: Set<number>;
  /** The household_id column, or -1 when the roster has none. */
  household: number;
}

export function planColumns(header: readonly string[], file?: string, headerRow = 1): ColumnPlan {
  const labels = header.map((h, i) => (h.trim() === '' ? `第${i + 1}列` : maskIdNumbersInText(h.trim())));
  const keys: (string | undefined)[] = [];
  const columnOf = new Map<string, number>();
  const carried: number[] = [];
  const idNamed = new Set<number>();
  header.forEach((h, i) => {
    const key = h.trim() === '' ? undefined : resolveKey(h);
    keys.push(key);
    if (key === undefined) {
      carried.push(i);
      if (ID_COLUMN_NAME.test(labels[i])) idNamed.add(i);
      return;
    }
    const before = columnOf.get(key);
    if (before !== undefined) {
      const zh = FIELD_BY_KEY.get(key)?.zh ?? key;
      throw new BatchInputError(
        'DUPLICATE_COLUMN',
        `第 ${before + 1} 列“${labels[before]}”和第 ${i + 1} 列“${labels[i]}”都是 ${key}（${zh}）`,
        { file, line: headerRow, column: i + 1, field: key },
      );
    }
    columnOf.set(key, i);
  });
  if (columnOf.size === 0 && header.length > 0) {
    // A title row above the header, a file that is not a roster, the wrong encoding: checking every row with no facts would only say "undetermined".
    const shown = labels.slice(0, 4).join('、') + (labels.length > 4 ? '…' : '');
    const sheet = file !== undefined && /\.xlsx$/i.test(file) ? '；名单在另一张工作表时用 --sheet 指定' : '';
    throw new BatchInputError('NO_KNOWN_COLUMN', `前 ${MAX_ROWS_ABOVE_HEADER + 1} 行里没有表头（如 户编号、姓名、身份证号、户籍性质）；第 ${headerRow} 行读到的是：${shown}${sheet}`, { file, line: headerRow });
  }
  const identifying = keys.flatMap((k, i) => (k !== undefined && IDENTIFYING_KEYS.includes(k) ? [i] : []));
  return { labels, keys, columnOf, identifying, carried, idNamed, household: columnOf.get('household_id') ?? -1 };
}

/**
 * The profile key a carried column's name looks like a typo of (户籍姓质,
 * hukuo_type), or undefined. Stricter than a profile's key suggestions: a
 * roster's own short columns (备注, 电话, 序号) are near some label by
 * chance, and a wrong "did you mean" there would only confuse.
 */
export function lookalikeKey(label: string): string | undefined {
  const length = [...normaliseSpelling(label)].length;
  if (length <= 2) return undefined;
  // A typo keeps the length: 配偶身份证号 is a column of its own, not a misspelt 身份证号.
  const pool = KEY_SPELLINGS.filter((spelling) => Math.abs([...normaliseSpelling(spelling)].length - length) <= 1);
  const hit = nearest(label, pool, length <= 4 ? 1 : 2);
  return hit === undefined ? undefined : fieldForKey(hit)?.key;
}
