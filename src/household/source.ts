/** Opening a roster by its kind: .xlsx by extension or content, anything else as CSV. */
import { open, stat } from 'node:fs/promises';
import { BatchInputError, openProblem } from './batch-error.js';
import { openCsv } from './csv-source.js';
import type { RowSource } from './rows.js';

export interface SourceOptions {
  encoding?: string;
  sheet?: string;
  /** The file as messages name it (as the user gave it); the path when absent. */
  file?: string;
}

/** Whether a file is a zip archive (an .xlsx is one), from its first bytes. */
async function isZip(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    } finally {
      await handle.close();
    }
  } catch {
    return false; // the CSV reader reports the missing or unreadable file
  }
}

export async function openRoster(path: string, options: SourceOptions = {}): Promise<RowSource> {
  const file = options.file ?? path;
  // A folder opens but cannot be read: said plainly rather than as EISDIR from deep inside a reader.
  const info = await stat(path).catch((e: unknown) => {
    throw openProblem(e, file);
  });
  if (info.isDirectory()) throw new BatchInputError('FILE_UNREADABLE', `${file}（这是一个文件夹，不是名单文件）`, { file });
  if (info.isFile() && info.size === 0) throw new BatchInputError('EMPTY_FILE', file, { file, line: 1 });
  const zip = await isZip(path);
  if (/\.xlsx$/i.test(path) && !zip) {
    // A CSV saved or renamed as .xlsx: Excel would not open it either.
    throw new BatchInputError('BAD_XLSX', `${file} 名为 .xlsx，内容却不是 Excel 工作簿（.xlsx 是 zip 压缩包）：若是 CSV 或文本，把扩展名改为 .csv 再运行；若是 .xls，在 Excel 中另存为 .xlsx`, { file });
  }
  if (zip) {
    // exceljs is large: loaded only for a workbook.
    const { openXlsx } = await import('./xlsx-source.js');
    return openXlsx(path, { sheet: options.sheet, file: options.file });
  }
  return openCsv(path, { encoding: options.encoding, file: options.file });
}
