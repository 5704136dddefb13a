/**
 * Where batch output goes. A file is written under a temporary name beside
 * it (.NAME.partial-PID) and renamed only when complete, so an interrupted
 * run never leaves a truncated file that looks finished (a device or a
 * pipe is written in place); standard output gets the text as it comes.
 */
import { once } from 'node:events';
import { createWriteStream, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { csvLine, UTF8_BOM } from '../../format/csv.js';
import { jsonlWriter } from '../../format/jsonl.js';
import { ByteBuffer } from '../../format/byte-buffer.js';
import { tableCsvBytes, tableHeader, tableRow, type Lang } from '../../format/batch-table.js';
import { BatchOutputError } from '../../household/batch-error.js';
import type { BatchItem, OutRow } from '../../household/out-row.js';
import type { BatchLayout, BatchSink } from '../../household/run-batch.js';
import type { Io } from '../io.js';

export type BatchFormat = 'csv' | 'jsonl' | 'xlsx';

export interface Destination {
  /** Resolves once output can be written; rejects when it cannot (no such folder, no permission). */
  ready(): Promise<void>;
  write(text: string): Promise<void>;
  /** Resolves once the bytes are written (or copied): their buffer may then be reused. */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** The byte stream, for writers that make bytes themselves (xlsx). */
  stream?: Writable;
  /** Makes the output final (renames a file into place). */
  commit(): Promise<void>;
  /** Throws the partial output away. */
  abort(): Promise<void>;
  /** For signal handlers: the synchronous part of abort. */
  abortSync(): void;
  /** Rejects when the output cannot be written (for writers whose own promise would then never settle: exceljs). */
  broken?: Promise<never>;
}

/** Bytes decoded for standard output at a time: V8 strings stop at 512 MB (one household's JSON lines can be more). */
const STDOUT_SLICE = 16 * 1024 * 1024;

export function stdoutDestination(io: Io): Destination {
  const decoder = new TextDecoder();
  const { stdoutBytes } = io;
  return {
    ready: async () => {},
    write: async (text) => io.stdout(text),
    // Bytes go out as they are when the Io takes bytes: decoding 1 GB of CSV to text only to encode it again cost a second of CPU.
    writeBytes: stdoutBytes ? (bytes) => stdoutBytes(bytes) : async (bytes) => {
      // A character cut between slices is held by the streaming decoder until the next.
      for (let at = 0; at < bytes.length; at += STDOUT_SLICE) io.stdout(decoder.decode(bytes.subarray(at, at + STDOUT_SLICE), { stream: true }));
    },
    commit: async () => {},
    abort: async () => {},
    abortSync: () => {},
  };
}

export function partialName(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.partial-${pid}`);
}

/** Whether a path names something other than a file (a device such as /dev/stdout, a pipe, a folder). */
function isSpecial(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // not there yet
  }
}

export function fileDestination(path: string): Destination {
  // Renaming over a device or a pipe would replace it with a file: those are written in place.
  const direct = isSpecial(path);
  const temp = direct ? path : partialName(path);
  const stream: WriteStream = createWriteStream(temp);
  // Every write failure is the output's (disk full…), told apart from the input's problems.
  let failure: BatchOutputError | undefined;
  let fail: (e: BatchOutputError) => void = () => {};
  const broken = new Promise<never>((_, reject) => (fail = reject));
  broken.catch(() => {}); // awaited only by writers that race it
  stream.on('error', (e) => {
    failure ??= new BatchOutputError(e);
    fail(failure);
  });
  const removeTemp = () => {
    if (direct) return;
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  };
  return {
    stream,
    broken,
    async ready() {
      if (failure) throw failure;
      if (stream.pending) await once(stream, 'open');
    },
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async writeBytes(bytes) {
      if (failure) throw failure;
      // Resolves once the bytes are written, not just queued: the caller may reuse their buffer.
      await new Promise<void>((resolve, reject) => stream.write(bytes, (e) => (e ? reject((failure ??= new BatchOutputError(e))) : resolve())));
    },
    async commit() {
      if (!stream.writableEnded) stream.end();
      if (!stream.closed) await once(stream, 'close');
      if (failure) throw failure;
      if (!direct) await rename(temp, path).catch((e: Error) => Promise.reject(new BatchOutputError(e)));
    },
    async abort() {
      stream.destroy();
      removeTemp();
    },
    abortSync() {
      stream.destroy();
      removeTemp();
    },
  };
}

export interface SinkOptions {
  format: BatchFormat;
  items: readonly BatchItem[];
  wide: boolean;
  lang: Lang;
  /** Where a note for the user goes (standard error): cells cut to fit an xlsx sheet. */
  note?: (text: string) => void;
}

const CUT_NOTE = {
  zh: (n: number, at: { row: number; column: number }) => `${n} 个单元格超过 xlsx 的 32,767 字符上限，已截断并在格内注明（第一个在第 ${at.row} 行第 ${at.column} 列）；全文请用 --format csv\n`,
  en: (n: number, at: { row: number; column: number }) => `${n} cells were longer than xlsx's 32,767 characters and were cut, marked in the cell (the first at row ${at.row}, column ${at.column}); use --format csv for the whole text\n`,
};

/** The sink that formats output rows for the destination. */
export async function makeSink(layout: BatchLayout, destination: Destination, options: SinkOptions): Promise<BatchSink> {
  const table = { shownLabels: layout.shownLabels, items: options.items, wide: options.wide, lang: options.lang };
  if (options.format === 'jsonl') {
    const line = jsonlWriter({ carriedLabels: layout.carriedLabels, lang: options.lang });
    const buffer = new ByteBuffer();
    return {
      write(rows: OutRow[]) {
        for (const r of rows) line(r, buffer);
        return destination.writeBytes(buffer.take());
      },
      writeFormatted: (bytes) => destination.writeBytes(bytes),
      end: async () => {},
    };
  }
  if (options.format === 'xlsx') {
    const row = tableRow(table);
    if (!destination.stream) throw new Error('xlsx output needs a file');
    // exceljs is large: loaded only for a workbook.
    const { XlsxTableWriter } = await import('../../format/xlsx.js');
    const writer = new XlsxTableWriter(destination.stream, { lang: options.lang });
    writer.addRow(tableHeader(table));
    return {
      write: (rows: OutRow[]) => {
        for (const r of rows) writer.addRow(row(r), true);
      },
      async end() {
        // exceljs's commit never settles once its stream has failed (a full disk): raced with the failure.
        await (destination.broken ? Promise.race([writer.end(), destination.broken]) : writer.end());
        if (writer.cutCells > 0 && writer.firstCut) options.note?.(CUT_NOTE[options.lang](writer.cutCells, writer.firstCut));
      },
    };
  }
  const line = tableCsvBytes(table);
  const buffer = new ByteBuffer();
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    return UTF8_BOM + csvLine(tableHeader(table));
  };
  return {
    async write(rows: OutRow[]) {
      const text = head();
      if (text) await destination.write(text);
      for (const r of rows) line(r, buffer);
      await destination.writeBytes(buffer.take());
    },
    async writeFormatted(bytes) {
      const text = head();
      if (text) await destination.write(text);
      await destination.writeBytes(bytes);
    },
    async end() {
      const text = head();
      if (text) await destination.write(text);
    },
  };
}
