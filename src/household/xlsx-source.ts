/**
 * Reading one sheet of an .xlsx workbook as batches of text rows, with
 * exceljs's streaming reader: rows arrive as the sheet's XML is unzipped,
 * and each keeps the number Excel shows beside it.
 */
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { BatchInputError, openProblem } from './batch-error.js';
import type { RowBatch, RowSource } from './rows.js';

export interface XlsxOptions {
  /** Sheet name, or its position counting from 1; the first sheet when absent. */
  sheet?: string;
  /** The file as messages name it (as the user gave it); the path when absent. */
  file?: string;
}

const BATCH_ROWS = 2000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A cell's value as the text a CSV export of it would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // exceljs gives a date cell as midnight UTC of the day Excel shows.
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

function rowCells(values: unknown): string[] {
  // exceljs row values are 1-based and sparse.
  const list = Array.isArray(values) ? values : [];
  const out: string[] = [];
  for (let i = 1; i < list.length; i++) out.push(cellText(list[i]));
  return out;
}

interface SheetLike {
  name?: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown }>;
}

function matches(sheet: SheetLike, position: number, wanted: string | undefined): boolean {
  if (wanted === undefined) return position === 1;
  if (/^\d+$/.test(wanted)) return Number(wanted) === position;
  return sheet.name === wanted;
}

/** Opens an .xlsx file: the chosen sheet's first non-empty row is the header. */
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
  (reader as unknown as { model?: { sheets?: unknown[] } }).model ??= { sheets: [] };

  async function* sheetRows(): AsyncGenerator<{ number: number; cells: string[] }> {
    let position = 0;
    const seen: string[] = [];
    try {
      for await (const sheet of reader as unknown as AsyncIterable<SheetLike>) {
        position++;
        seen.push(sheet.name ?? `Sheet${position}`);
        if (!matches(sheet, position, options.sheet)) {
          // Read through, not left: exceljs removes a sheet's temporary file when the next is asked for,
          // and a sheet not read would open it after that (an uncaught ENOENT).
          for await (const _row of sheet);
          continue;
        }
        for await (const row of sheet) yield { number: row.number, cells: rowCells(row.values) };
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
  const first = await rows.next();
  if (first.done) throw new BatchInputError('EMPTY_FILE', file, { file });
  const header = first.value.cells.map((h) => h.trim());
  // Later rows may be longer than the header row's last filled cell; cells past it stay.
  async function* batches(): AsyncGenerator<RowBatch> {
    let batch: RowBatch = { rows: [], first: 0, numbers: [] };
    for await (const row of rows) {
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
  return { header, headerRow: first.value.number, batches: batches(), progress: () => ({ done, total }), encoding: 'xlsx', close };
}
