/**
 * Where a roster's header is among its first rows. Rosters from the
 * townships often start with a title (隆昌市…花名册), a line of unit and
 * date (镇街 山川镇 填报日期 2025-05-01), or a row grouping the labels over
 * merged cells (基本信息 | 救助情况), and a header may run over two or three
 * rows of merged cells. A wrong guess would check every row with shifted
 * columns and say nothing, so a row is taken for the header only on clear
 * signs; without them the first row is, and planColumns says what it holds.
 */
import { holdsIdNumber } from '../profile/id-number.js';
import { resolveKey } from '../profile/keys.js';
import { CURRENT_TOWNSHIPS, MERGED_TOWNSHIPS } from '../profile/townships.js';

/** Rows a roster may have above its header. */
export const MAX_ROWS_ABOVE_HEADER = 10;
/** Rows a header may run over. */
const MAX_HEADER_ROWS = 3;

/** Where a table's header is: its rows (`first` to `last`), the rows of merged cells above it that give names (`top`), and its column names. */
export interface HeaderRows {
  top: number;
  first: number;
  last: number;
  labels: string[];
}

const filled = (cell: string | undefined): boolean => cell !== undefined && cell.trim() !== '';
const named = (cell: string | undefined): boolean => filled(cell) && resolveKey(cell!) !== undefined;

/** A cell that is a whole date or digits only (序号 1, a phone number): a value, not a column's name (2025.01 and 年龄（截至2025年6月1日） are names). */
const VALUE = /^(?:[0-9]+|[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?)$/;
/** A row whose first filled cell is a number (序号) is a person's. */
const NUMBER = /^[0-9]+$/;
/** Values no header holds: yes and no; a township in any cell (石燕桥镇人民政府, 隆昌市石燕桥镇) is checked apart. */
const VALUE_WORDS = new Set(['是', '否']);
const TOWNSHIPS = [...CURRENT_TOWNSHIPS, ...MERGED_TOWNSHIPS];
/** A form's label: a first cell with a colon (填表单位：…), a cell ending in one (电话：), or a signer's line (填表人, 联系电话). */
const FORM_LABEL = /[:：]/;
const ENDS_LABEL = /[:：]$/;
const SIGNER = /^(?:(?:制表|填表|填报|审核|审批|统计|经办|核对|联系)人|联系电话|填报单位|填表单位|单位负责人)/;
/** Profile keys that a header's lower rows leave blank (their cells are merged down), and a person's row fills. */
const IDENTIFYING = new Set(['household_id', 'name', 'id_number']);

interface RowSigns {
  filled: number;
  names: number;
  /** Cells that are values (a date, a number, a township, yes or no). */
  values: number;
  personal: boolean;
  /** A line of a form above the table (a label with a colon, a signer's line), not a header nor a person's row. */
  form: boolean;
}

function signs(row: readonly string[]): RowSigns {
  const s: RowSigns = { filled: 0, names: 0, values: 0, personal: false, form: false };
  for (const cell of row) {
    if (!filled(cell)) continue;
    const text = cell.trim();
    if (s.filled++ === 0) {
      if (SIGNER.test(text.replace(/\s+/g, '')) || FORM_LABEL.test(text)) s.form = true;
      if (NUMBER.test(text)) s.personal = true;
    }
    if (resolveKey(text) !== undefined) s.names++;
    else if (VALUE.test(text) || VALUE_WORDS.has(text) || TOWNSHIPS.some((t) => text.includes(t))) s.values++;
    // A person's ID number: the header is above this row.
    if (holdsIdNumber(text)) s.personal = true;
    if (ENDS_LABEL.test(text)) s.form = true;
  }
  return s;
}

/**
 * The header: the first row when it names two columns or more and holds
 * no value nor a form's label (the common roster). Else, of the rows before the first of a person (an ID number in
 * it, or a number first: 序号), those that name columns, hold fewer values
 * than twice their names and are no form's line; of them the one naming the
 * most columns, then the fullest, then the first. A row with a cell under a column an
 * earlier such row names 户编号, 姓名 or 身份证号 is a person's (a header's
 * lower rows leave those blank, merged down), however many names its cells
 * happen to be (张三 | 孤儿 | 常住). Row 0 when none is.
 */
export function findHeader(rows: readonly (readonly string[])[], rowNumbers?: readonly number[]): HeaderRows {
  const seen = Math.min(rows.length, MAX_ROWS_ABOVE_HEADER + 1);
  const rowSigns: RowSigns[] = [];
  /** Each row's signs, read once (rows below the header are looked at again while it goes on). */
  const signsOf = (i: number) => (rowSigns[i] ??= signs(rows[i]));
  /** Columns an earlier candidate names 户编号, 姓名 or 身份证号. */
  const identifying = new Set<number>();
  let first = -1;
  for (let i = 0; i < seen; i++) {
    const row = rows[i];
    const s = signsOf(i);
    if (i === 0 && s.names >= 2 && s.values === 0 && !s.form && !s.personal) {
      first = 0;
      break;
    }
    if (s.personal && !s.form) break;
    if (s.names === 0 || s.values >= s.names * 2 || s.form) continue;
    if (row.some((cell, j) => filled(cell) && identifying.has(j))) continue;
    row.forEach((cell, j) => {
      const key = filled(cell) ? resolveKey(cell) : undefined;
      if (key !== undefined && IDENTIFYING.has(key)) identifying.add(j);
    });
    const best = first < 0 ? undefined : rowSigns[first];
    if (!best || s.names > best.names || (s.names === best.names && s.filled > best.filled)) first = i;
  }
  if (first < 0) return { top: 0, first: 0, last: 0, labels: (rows[0] ?? []).map((cell) => cell.trim()) };

  // Rows of merged cells straight above it give names to its blank cells: grouping rows of two cells or more, or
  // of one not in the first column (a title stands at the left), holding no value nor a form's label.
  const adjacent = (upper: number, lower: number) => (rowNumbers ? rowNumbers[lower] - rowNumbers[upper] === 1 : lower - upper === 1);
  const grouping = (i: number) => {
    const s = signsOf(i);
    return s.values === 0 && !s.form && !s.personal && (s.filled >= 2 || (s.filled === 1 && !filled(rows[i][0])));
  };
  let top = first;
  while (top > 0 && adjacent(top - 1, top) && grouping(top - 1)) top--;
  const labels = rows[first].map((cell, j) => {
    for (let i = first; i >= top; i--) if (filled(rows[i][j])) return rows[i][j].trim();
    return '';
  });

  // Rows below that go on with it: they fill only columns the header groups (a name over blanks, or a blank).
  const grouped = (j: number) => !filled(rows[first][j]) || j + 1 >= rows[first].length || !filled(rows[first][j + 1]);
  const continues = (i: number) => {
    const s = signsOf(i);
    return s.filled > 0 && s.values === 0 && !s.personal && !s.form && rows[i].every((cell, j) => !filled(cell) || grouped(j));
  };
  let last = first;
  for (let i = first + 1; i < Math.min(rows.length, first + MAX_HEADER_ROWS); i++) {
    if (!continues(i) || !adjacent(i - 1, i)) break;
    // A row naming nothing (救助 | 残疾 between the group and its columns) goes on only if a row naming columns follows.
    if (signsOf(i).names === 0 && !(i + 1 < rows.length && i + 1 < first + MAX_HEADER_ROWS && continues(i + 1) && signsOf(i + 1).names > 0)) break;
    last = i;
  }
  for (let i = first + 1; i <= last; i++) {
    rows[i].forEach((cell, j) => {
      if (!filled(cell)) return;
      // A name of a column wins; else the lowest row's word (救助身份 under 救助 under 救助与残疾情况).
      if (named(cell) || !named(labels[j])) labels[j] = cell.trim();
    });
  }
  for (let j = 0; j < labels.length; j++) labels[j] ??= '';
  return { top, first, last, labels };
}
