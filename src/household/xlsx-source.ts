/**
 * Reading one sheet of an .xlsx workbook as batches of text rows, with
 * exceljs's streaming reader: rows arrive as the sheet's XML is unzipped,
 * and each keeps the number Excel shows beside it. A cell reads as the
 * text Excel shows (`cellText`). Where the streaming reader goes wrong
 * (characters cut between chunks, formula errors read as numbers, parts
 * of the zip lost to a race) it is put right around it, each place saying
 * why: `sheetXml`, `holdEarlyEnd`, and the shared strings in `openXlsx`.
 */
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { BatchInputError, openProblem } from './batch-error.js';
import { MAX_ROWS_ABOVE_HEADER, findHeader } from './header-rows.js';
import { isBlankRow, type RowBatch, type RowSource } from './rows.js';

export interface XlsxOptions {
  /** Sheet name, or its position counting from 1; the first sheet when absent. */
  sheet?: string;
  /** The file as messages name it (as the user gave it); the path when absent. */
  file?: string;
}

const BATCH_ROWS = 2000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** How a number cell is shown: its format, and the workbook's date system. */
export interface CellFormat {
  numFmt?: string;
  date1904?: boolean;
}

/** Whether a number format shows a date (exceljs's own test, utils.isDateFmt, which makes plain date cells dates). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A serial day number as the date exceljs makes of a date cell (utils.excelToDate). */
function serialDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/**
 * A formula's cached result as text. No result (a formula written by a
 * program that does not calculate, such as openpyxl, until Excel saves the
 * file again) reads as a blank cell: what it would show is not known, and a
 * blank cell is unknown, never no. An error result reads as its text
 * (`#N/A`), so the row says what is wrong. A number shown as a date is a
 * date, as in a plain cell.
 */
function resultText(result: unknown, format: CellFormat): string {
  if (result === undefined || result === null || Number.isNaN(result)) return '';
  if (typeof result === 'number' && isDateFormat(format.numFmt)) return cellText(serialDate(result, format.date1904));
  return cellText(result);
}

/**
 * A number as text. Excel keeps 15 significant digits, so an 18-digit ID
 * number typed into a number cell has lost its last three. A number too big
 * to be exact (above 2^53, as every 17- and 18-digit one is) is given in E
 * notation (5.11083196006011E+17), as Excel writes it in the file, and not
 * as 511083196006011000, which would read as an ID number with a wrong
 * check digit or a wrong sex, or pass. Smaller numbers (a 16-digit
 * household id written exactly by a program) keep their digits.
 */
function numberText(n: number): string {
  if (Math.abs(n) <= Number.MAX_SAFE_INTEGER || !Number.isFinite(n)) return String(n);
  return n.toExponential().replace('e', 'E');
}

/**
 * A cell's value as the text a CSV export of it would hold: a date as
 * `YYYY-MM-DD`, a boolean as `TRUE` or `FALSE`, rich text and a hyperlink
 * as their text, an error as its text, a formula as its cached result.
 */
export function cellText(value: unknown, format: CellFormat = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // NaN is what exceljs makes of a number cell with no digits (`<v/>`): nothing is shown.
  if (typeof value === 'number') return Number.isNaN(value) ? '' : numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // exceljs gives a date cell as midnight UTC of the day Excel shows.
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; formula?: unknown; sharedFormula?: unknown; result?: unknown; error?: unknown; sharedString?: unknown };
    // A shared formula's other cells come from the streaming reader as { formula: '', result }.
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return resultText(v.result, format);
    if (Array.isArray(v.richText)) return v.richText.map((r) => cellText(r.text)).join('');
    if ('text' in v) return cellText(v.text, format);
    if (typeof v.error === 'string') return v.error;
    // A cell naming a shared string the reader does not have: the table of shared strings was
    // not read (it is missing, or exceljs's streaming unzip lost it). Its text is gone; the file
    // cannot be read as it is, rather than read as numbers.
    if ('sharedString' in v) throw new Error(`单元格引用的共享字符串（xl/sharedStrings.xml 第 ${String(v.sharedString)} 项）没有读到；请再试一次，或在 Excel 中另存后再试`);
    // Not a shape exceljs makes; shown as data rather than as "[object Object]".
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  }
  return String(value);
}

function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
  const out: string[] = [];
  row.eachCell((cell, column) => {
    // Cells are sparse: the columns between are blank.
    while (out.length < column - 1) out.push('');
    // A formula cell's value drops a result that is 0, '' or false (exceljs copies only truthy
    // fields); its result is the cached value itself.
    const value = cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value;
    out.push(cellText(value, { numFmt: cell.numFmt, date1904 }));
  });
  return out;
}

/**
 * Sheet XML, decoded as a whole and with two things exceljs's streaming
 * reader gets wrong put right before it parses them:
 * - it decodes every chunk of the unzipped XML on its own, so a character
 *   whose bytes straddle two chunks (most Chinese text, sooner or later)
 *   comes out as U+FFFD; here the decoder carries them over;
 * - it reads a formula's cached result as a number whatever its type, so
 *   an error (`t="e"`, `#N/A`) becomes NaN, as a missing result does, and
 *   a boolean 1 or 0. Such cells are given to it as text results
 *   (`t="str"`): the error's own text, `TRUE` or `FALSE`.
 * Only whole cells are rewritten: text after the last complete cell waits
 * for the next chunk.
 */
export async function* sheetXml(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let held = '';
  for await (const chunk of chunks) {
    const text = held + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const cut = wholeCellsEnd(text);
    held = text.slice(cut);
    if (cut > 0) yield rewriteFormulaCells(text.slice(0, cut));
  }
  const rest = held + decoder.end();
  if (rest) yield rewriteFormulaCells(rest);
}

/** Where the text stops holding only whole cells (and whole tags). */
function wholeCellsEnd(text: string): number {
  const open = lastCellStart(text);
  if (open >= 0 && text.indexOf('</c>', open) < 0 && !selfClosing(text, open)) return open;
  const lt = text.lastIndexOf('<');
  return lt >= 0 && text.indexOf('>', lt) < 0 ? lt : text.length;
}

function lastCellStart(text: string): number {
  for (let at = text.lastIndexOf('<c'); at >= 0; at = at === 0 ? -1 : text.lastIndexOf('<c', at - 1)) {
    const next = text.charAt(at + 2);
    // `<c r=…>`, `<c>`, `<c/>`; not `<col>` or `<cfRule>`. An empty `next` is a tag cut off: wait for it.
    if (next === '' || next === '>' || next === '/' || /\s/.test(next)) return at;
  }
  return -1;
}

function selfClosing(text: string, open: number): boolean {
  const end = text.indexOf('>', open);
  return end > 0 && text.charAt(end - 1) === '/';
}

const CELL = /<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g;
const CELL_TYPE = /(\st\s*=\s*)(["'])(e|b)\2/;

function rewriteFormulaCells(xml: string): string {
  if (!xml.includes('<f')) return xml;
  return xml.replace(CELL, (whole, attributes: string | undefined, body: string | undefined) => {
    if (body === undefined || attributes === undefined || !/<f[\s/>]/.test(body)) return whole;
    const type = CELL_TYPE.exec(attributes);
    if (!type) return whole;
    const asText = attributes.replace(CELL_TYPE, '$1$2str$2');
    if (type[3] === 'e') return `<c${asText}>${body}</c>`;
    return `<c${asText}>${body.replace(/<v>\s*([01])\s*<\/v>/, (_v, bit: string) => `<v>${bit === '1' ? 'TRUE' : 'FALSE'}</v>`)}</c>`;
  });
}

interface SheetLike {
  name?: string;
  /** 'hidden' or 'veryHidden' for a sheet hidden in Excel: known when xl/workbook.xml came before the sheet in the zip, as Excel writes it. */
  state?: string;
  /** The sheet's XML, read when its rows are first asked for. */
  iterator: AsyncIterable<Buffer | string>;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

/** What of exceljs's streaming reader is used here beyond its types. */
interface ReaderInternals {
  model?: { sheets?: unknown[] };
  properties?: { model?: { date1904?: boolean } };
  _parseSharedStrings(this: unknown, entry: Readable): AsyncGenerator<unknown>;
}

const isHidden = (sheet: SheetLike) => sheet.state === 'hidden' || sheet.state === 'veryHidden';

/** The sheet asked for: by name or position; without --sheet, the first one shown in Excel (a hidden first sheet is a lookup list, not the roster). */
function matches(sheet: SheetLike, position: number, wanted: string | undefined): boolean {
  if (wanted === undefined) return !isHidden(sheet);
  if (/^\d+$/.test(wanted)) return Number(wanted) === position;
  return sheet.name === wanted;
}

/**
 * exceljs pipes the file into unzipper's Parse and reads the zip's entries
 * until that stream says 'end'. Parse says it as soon as it has parsed the
 * last entry, even when entries it has handed on still wait to be read
 * (small ones, held in their buffers while exceljs copies a sheet to a
 * temporary file): exceljs then stops early, and now and then a sheet, the
 * shared strings or xl/workbook.xml with the sheet names is lost (exceljs
 * issues 2790 and 3064). That early 'end' is held back; the stream's own
 * comes once every entry has been read.
 */
function holdEarlyEnd(input: Readable): void {
  const pipe = input.pipe.bind(input);
  input.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const zip = destination as unknown as Readable;
    const emit = zip.emit.bind(zip);
    zip.emit = ((event: string | symbol, ...args: unknown[]) => (event === 'end' && zip.readableLength > 0 ? false : emit(event, ...args))) as typeof zip.emit;
    return pipe(destination, options);
  }) as typeof input.pipe;
}

/** Opens an .xlsx file: the chosen sheet's header is found among its first rows (header-rows.ts findHeader): a title may stand above it. */
export async function openXlsx(path: string, options: XlsxOptions = {}): Promise<RowSource> {
  const file = options.file ?? path;
  let total: number;
  try {
    total = (await stat(path)).size;
  } catch (e) {
    throw openProblem(e, file);
  }
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      done += chunk.length;
      callback(null, chunk);
    },
  });
  const input = createReadStream(path).pipe(counter);
  holdEarlyEnd(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs looks a sheet's name up in the workbook model, which it only has once xl/workbook.xml is
  // read; a zip that stores that entry after the sheets (exceljs's own writer does, now and then) would
  // crash it. Without the model a sheet is known by its position only.
  const internals = reader as unknown as ReaderInternals;
  internals.model ??= { sheets: [] };
  // exceljs decodes each chunk of the shared strings on its own, as it does a sheet's (see sheetXml):
  // a name cut between two chunks would lose a character. The entry is made to give whole characters.
  const parseSharedStrings = internals._parseSharedStrings;
  if (typeof parseSharedStrings === 'function') {
    internals._parseSharedStrings = function (entry) {
      entry.setEncoding('utf8');
      return parseSharedStrings.call(this, entry);
    };
  }

  /** Hidden sheets passed over before the one read (no --sheet), and its name, for a note. */
  const hidden: string[] = [];
  let read = '';
  async function* sheetRows(): AsyncGenerator<{ number: number; cells: string[] }> {
    let position = 0;
    const seen: string[] = [];
    try {
      for await (const sheet of reader as unknown as AsyncIterable<SheetLike>) {
        position++;
        const name = sheet.name ?? `Sheet${position}`;
        seen.push(name);
        if (read !== '' || !matches(sheet, position, options.sheet)) {
          if (read === '' && options.sheet === undefined) hidden.push(name);
          // Read through, not left: exceljs removes a sheet's temporary file when the next is asked for,
          // and a sheet not read would open it after that (an uncaught ENOENT).
          for await (const _row of sheet);
          continue;
        }
        read = name;
        sheet.iterator = sheetXml(sheet.iterator);
        // Read now, not sooner: a workbook's date system is known once xl/workbook.xml is read.
        const date1904 = internals.properties?.model?.date1904 === true;
        for await (const row of sheet) yield { number: row.number, cells: rowCells(row, date1904) };
        return;
      }
    } catch (e) {
      if (e instanceof BatchInputError) throw e;
      throw new BatchInputError('BAD_XLSX', `${file}：${(e as Error).message}`, { file });
    }
    if (options.sheet !== undefined) {
      throw new BatchInputError('SHEET_NOT_FOUND', `--sheet ${options.sheet}；工作簿中有：${seen.join('、') || '（无）'}`, { file, field: '--sheet' });
    }
    throw new BatchInputError('EMPTY_FILE', file, { file });
  }

  const rows = sheetRows();
  // The first rows, to find the header among them: a title may stand above it (隆昌市…花名册).
  const top: { number: number; cells: string[] }[] = [];
  while (top.length <= MAX_ROWS_ABOVE_HEADER) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  if (top.length === 0) throw new BatchInputError('EMPTY_FILE', file, { file });
  // One more row than a title may take: a header found last may go on below it.
  for (let more = 0; more < 2; more++) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  const found = findHeader(
    top.map((row) => row.cells),
    top.map((row) => row.number),
  );
  const header = found.labels;
  async function* after(): AsyncGenerator<{ number: number; cells: string[] }> {
    yield* top.slice(found.last + 1);
    yield* rows;
  }
  // Later rows may be longer than the header row's last filled cell; cells past it stay.
  async function* batches(): AsyncGenerator<RowBatch> {
    let batch: RowBatch = { rows: [], first: 0, numbers: [] };
    for await (const row of after()) {
      batch.rows.push(row.cells);
      batch.numbers!.push(row.number);
      if (batch.rows.length >= BATCH_ROWS) {
        batch.first = batch.numbers![0];
        yield batch;
        batch = { rows: [], first: 0, numbers: [] };
      }
    }
    if (batch.rows.length > 0) {
      batch.first = batch.numbers![0];
      yield batch;
    }
  }
  const close = async () => {
    await rows.return(undefined);
    input.destroy();
  };
  const source: RowSource = { header, headerRow: top[found.last].number, batches: batches(), progress: () => ({ done, total }), encoding: 'xlsx', close };
  const above = top.slice(0, found.top).map((row) => row.cells).filter((cells) => !isBlankRow(cells));
  if (above.length > 0) source.aboveHeader = above;
  if (hidden.length > 0) source.hiddenSheets = { read, hidden };
  return source;
}
