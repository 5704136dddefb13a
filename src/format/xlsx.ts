/**
 * Batch output as an .xlsx workbook, streamed with exceljs's workbook
 * writer: each row is committed as it comes, so memory stays flat. Cells
 * are written as text (the row number as a number), never as formulas.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

export class XlsxTableWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(stream: Writable, sheetName = 'result') {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName);
  }

  /** Adds a row; a first cell that is a row number is written as a number. */
  addRow(cells: readonly string[], numberFirst = false): void {
    const values: (string | number)[] = numberFirst ? [Number(cells[0]), ...cells.slice(1)] : [...cells];
    this.sheet.addRow(values).commit();
  }

  /** Finishes the workbook; the stream ends after it. */
  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
