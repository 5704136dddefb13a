/**
 * Batch output as an .xlsx workbook, streamed with exceljs's workbook
 * writer: each row is committed as it comes, so memory stays flat. Cells
 * are written as text (the row number as a number), never as formulas.
 *
 * A sheet holds what Excel can open, and no more (Excel's "specifications
 * and limits"): a table wider or longer than a sheet stops the run before
 * or as it happens, with a pointer to CSV, which has no such limits; a cell
 * longer than Excel holds is cut, visibly (see `fitCell`).
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { CliError, makeIssue } from '../issues.js';

export type Lang = 'zh' | 'en';

/** Excel's own limits, the defaults of `XlsxWriterOptions`. */
export const EXCEL_LIMITS = { rows: 1_048_576, columns: 16_384, cellChars: 32_767 } as const;

export interface XlsxWriterOptions {
  sheetName?: string;
  /** The language of messages and of the mark on a cut cell. */
  lang?: Lang;
  /** Rows a sheet holds, the header included. */
  maxRows?: number;
  /** Columns a sheet holds. */
  maxColumns?: number;
  /** Characters (UTF-16 units, as Excel counts them) a cell holds. */
  maxCellChars?: number;
}

const group = (n: number) => n.toLocaleString('en-US');

const TEXT = {
  zh: {
    tooWide: (columns: number, max: number) => `--format xlsx：结果有 ${group(columns)} 列，xlsx 工作表最多 ${group(max)} 列；请改用 --format csv`,
    tooLong: (max: number) => `--format xlsx：结果超过 ${group(max)} 行（含表头），xlsx 工作表放不下，Excel 打开时会丢掉其余的行；请改用 --format csv`,
    cut: (length: number, max: number) => `…〔已截断：原文 ${group(length)} 字符，xlsx 单元格最多 ${group(max)} 字符；全文请用 --format csv〕`,
  },
  en: {
    tooWide: (columns: number, max: number) => `--format xlsx: the result has ${group(columns)} columns, and an xlsx sheet holds at most ${group(max)}; use --format csv`,
    tooLong: (max: number) => `--format xlsx: the result has more than ${group(max)} rows (header included), more than an xlsx sheet holds (Excel would drop the rest); use --format csv`,
    cut: (length: number, max: number) => `… [cut: ${group(length)} characters, and an xlsx cell holds at most ${group(max)}; use --format csv for the whole text]`,
  },
};

/** A table that does not fit a sheet: a bad --format for this input (exit 2), whatever was written so far. */
function limitError(detail: string): CliError {
  return new CliError(2, [makeIssue('BAD_ARGUMENT', detail, { field: '--format' })]);
}

/** U+FFFE, U+FFFF, and surrogates without their pair. */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export class XlsxTableWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly lang: Lang;
  private readonly maxRows: number;
  private readonly maxColumns: number;
  private readonly maxCellChars: number;
  private rows = 0;
  private cuts = 0;
  private firstCutAt: { row: number; column: number } | undefined;

  constructor(stream: Writable, options: XlsxWriterOptions = {}) {
    this.lang = options.lang ?? 'zh';
    this.maxRows = options.maxRows ?? EXCEL_LIMITS.rows;
    this.maxColumns = options.maxColumns ?? EXCEL_LIMITS.columns;
    this.maxCellChars = options.maxCellChars ?? EXCEL_LIMITS.cellChars;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(options.sheetName ?? 'result');
  }

  /**
   * Adds a row; a first cell that is a row number is written as a number.
   * Throws (exit 2) on a row wider than a sheet, which the header, written
   * first, is when any row is, and on the row after the last a sheet holds.
   */
  addRow(cells: readonly string[], numberFirst = false): void {
    if (cells.length > this.maxColumns) throw limitError(TEXT[this.lang].tooWide(cells.length, this.maxColumns));
    if (this.rows >= this.maxRows) throw limitError(TEXT[this.lang].tooLong(this.maxRows));
    this.rows++;
    const values: (string | number)[] = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) values[i] = i === 0 && numberFirst ? Number(cells[0]) : this.fitCell(cells[i], i);
    this.sheet.addRow(values).commit();
  }

  /**
   * A cell Excel can hold. Longer text is cut here, not refused: one long
   * remark should not cost the whole table, and left as it is the cell
   * makes Excel refuse the workbook or "repair" it, cutting the cell
   * without saying where. Our cut is never silent: the cell ends with a
   * mark that says so, the original length and where to get the whole
   * text, and `cutCells` counts it for the caller to tell.
   */
  private fitCell(raw: string, index: number): string {
    // Characters XML 1.0 cannot hold (U+FFFE, U+FFFF, a lone surrogate) would make the sheet unreadable: U+FFFD instead.
    const text = NOT_XML.test(raw) ? raw.replace(NOT_XML, '\uFFFD') : raw;
    if (text.length <= this.maxCellChars) return text;
    const mark = TEXT[this.lang].cut(text.length, this.maxCellChars);
    let keep = Math.max(0, this.maxCellChars - mark.length);
    // Never half a character: a high surrogate at the cut goes with its pair.
    const last = text.charCodeAt(keep - 1);
    if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
    this.cuts++;
    this.firstCutAt ??= { row: this.rows, column: index + 1 };
    return (text.slice(0, keep) + mark).slice(0, this.maxCellChars);
  }

  /** Cells cut to fit so far (see `fitCell`), for the caller to tell. */
  get cutCells(): number {
    return this.cuts;
  }

  /** Where the first cut cell is: row and column from 1, as Excel counts them (the header is row 1). */
  get firstCut(): { row: number; column: number } | undefined {
    return this.firstCutAt;
  }

  /** Finishes the workbook; the stream ends after it. */
  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
