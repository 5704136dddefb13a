/**
 * The columns of a batch result as a table (CSV and xlsx, spec/cli.md
 * "Batch output"): row, the identifying and carried columns, eligible and
 * undetermined (item ids joined by ;), error, and with --wide one column
 * per item. No cell can start a formula.
 */
import type { BatchItem, OutRow } from '../household/out-row.js';
import { AnswerLists } from './answer-lists.js';
import { type ByteBuffer, utf8 } from './byte-buffer.js';
import { csvField } from './csv.js';
import { neutraliseFormula, startsFormula } from './safe-cell.js';
import { uniqueNames } from './unique-names.js';

export type Lang = 'zh' | 'en';

export interface TableOptions {
  /** Labels of the identifying and carried columns, as in the input header. */
  shownLabels: readonly string[];
  items: readonly BatchItem[];
  wide: boolean;
  lang: Lang;
}

const STATUS_WORDS: Record<Lang, readonly string[]> = {
  zh: ['不符合', '待核实', '符合'],
  en: ['ineligible', 'undetermined', 'eligible'],
};

export function tableHeader(options: TableOptions): string[] {
  const own = ['row', 'eligible', 'undetermined', 'error', ...(options.wide ? options.items.map((item) => item.id) : [])];
  // An input column named like one of ours (or like an earlier input column) becomes 名称（2）;
  // after the apostrophe that keeps a name from being a formula, which can make two names one.
  const shown = uniqueNames(options.shownLabels.map(neutraliseFormula), own);
  return [own[0], ...shown, ...own.slice(1)];
}

/** The text of an error cell: each problem with its field. */
export function errorText(out: OutRow, lang: Lang): string {
  if (!out.issues) return '';
  const at = lang === 'zh' ? `第${out.row}行` : `row ${out.row}`;
  return out.issues.map((i) => (i.field ? `${at} ${i.field}${lang === 'zh' ? '：' : ': '}${i.message}` : `${at}${lang === 'zh' ? '：' : ': '}${i.message}`)).join(lang === 'zh' ? '；' : '; ');
}

/** A table row builder for one set of options: the cells of tableHeader's columns. */
export function tableRow(options: TableOptions): (out: OutRow) => string[] {
  const words = STATUS_WORDS[options.lang];
  const answers = new AnswerLists(options.items.map((i) => i.id), words);
  const n = options.items.length;
  return (out) => {
    const cells: string[] = [String(out.row)];
    for (const s of out.shown) cells.push(neutraliseFormula(s));
    const statuses = out.statuses;
    if (statuses) {
      const [eligible, undetermined] = answers.lists(statuses);
      cells.push(eligible, undetermined, '');
      if (options.wide) for (let i = 0; i < n; i++) cells.push(words[statuses[i]]);
    } else {
      cells.push('', '', neutraliseFormula(errorText(out, options.lang)));
      if (options.wide) for (let i = 0; i < n; i++) cells.push('');
    }
    return cells;
  };
}

/** The ASCII characters that make a CSV cell need quotes. */
const MUST_QUOTE = new Uint8Array(128);
for (const c of '",\r\n') MUST_QUOTE[c.charCodeAt(0)] = 1;
const COMMA = 0x2c;

/** `,` and a cell: as it is when it needs neither quotes nor a formula's apostrophe (nearly every cell), else made safe. */
function writeCell(text: string, into: ByteBuffer): void {
  into.byte(COMMA);
  if (startsFormula(text) || !into.textUnless(text, MUST_QUOTE)) into.text(csvField(neutraliseFormula(text)));
}

/**
 * The same row as one CSV line (CRLF) into a byte buffer: each input cell
 * is encoded straight into it; item ids and status words never need
 * quotes, and their bytes are built once per answer pattern.
 */
export function tableCsvBytes(options: TableOptions): (out: OutRow, into: ByteBuffer) => void {
  const answers = new AnswerLists(options.items.map((i) => i.id), STATUS_WORDS[options.lang], options.wide);
  const blankAnswers = utf8(',,');
  const wideBlank = utf8(','.repeat(options.items.length));
  const crlf = utf8('\r\n');
  return (out, into) => {
    into.uint(out.row);
    const shown = out.shown;
    for (let i = 0; i < shown.length; i++) writeCell(shown[i], into);
    const statuses = out.statuses;
    if (statuses) {
      answers.writeCsv(statuses, into);
    } else {
      into.bytes(blankAnswers);
      writeCell(errorText(out, options.lang), into);
      if (options.wide) into.bytes(wideBlank);
    }
    into.bytes(crlf);
  };
}
