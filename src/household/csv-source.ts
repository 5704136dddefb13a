/**
 * Reading a CSV roster as batches of rows: bytes decoded (UTF-8 or GB18030,
 * detected or forced), then split by papaparse's parser, one file chunk at
 * a time, so memory does not grow with the file.
 */
import type PapaTypes from 'papaparse';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { open, stat } from 'node:fs/promises';
import { BatchInputError, openProblem } from './batch-error.js';
import { detectFileEncoding, isKnownEncoding, makeDecoder, type TextChunkDecoder } from './encoding.js';
import type { RowBatch, RowSource } from './rows.js';

// Required, not imported: importing a CommonJS package from ESM runs Node's export
// lexer over its source in every thread (worker threads measured about 50 ms later to start).
const Papa = createRequire(import.meta.url)('papaparse') as typeof PapaTypes;

export interface CsvOptions {
  /** Force an encoding (any name iconv-lite knows); detected when absent. */
  encoding?: string;
  /** The file as messages name it (as the user gave it); the path when absent. */
  file?: string;
  /**
   * Bytes read at a time. Small pieces keep few rows alive at once, which
   * measured both faster and leaner (64 KiB: 14 s and 370 MB for a million
   * rows on one thread, against 18 s and 656 MB with 1 MiB).
   */
  chunkBytes?: number;
}

/** A cell this long means a quote was never closed; stop before memory runs out. */
const MAX_PENDING_CHARS = 32 * 1024 * 1024;
/**
 * Line breaks one record may hold inside quotes. Past this a quote was
 * never closed and the rest of the file would become one cell: the run
 * stops, naming the row, rather than read on (slowly) to one row for all.
 */
export const MAX_LINES_IN_RECORD = 1000;

/** Whether `text` holds more than `max` line feeds; `text` may be a string or bytes. */
export function moreLinesThan(text: string | Uint8Array, max: number): boolean {
  let at = -1;
  for (let n = 0; n <= max; n++) {
    at = typeof text === 'string' ? text.indexOf('\n', at + 1) : text.indexOf(0x0a, at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** A quote never closed: the run stops, naming the row (as a spreadsheet counts rows) where it opened. */
export function unterminatedQuote(file: string | undefined, row: number): BatchInputError {
  return new BatchInputError('UNTERMINATED_QUOTE', `第 ${row} 行起的引号一直没有闭合`, { file, line: row });
}

/** The delimiter of the header line: the commonest of , TAB ; | outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0], ['|', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

/** The line ending of the first line: \r\n (Excel), \n or a lone \r. */
export function sniffNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

export interface CsvSyntax {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

/** The delimiter and line end of a CSV, from its first line. */
export function sniffSyntax(text: string): CsvSyntax {
  return { delimiter: sniffDelimiter(text), newline: sniffNewline(text) };
}

/**
 * Splits decoded chunks into rows. Rows are numbered from 1 as records (a
 * quoted line break does not start a new row). A row papaparse reports a
 * quote problem on is marked broken.
 */
export async function* parseCsvChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: TextChunkDecoder,
  options: { syntax?: CsvSyntax; first?: number; file?: string } = {},
): AsyncGenerator<RowBatch> {
  let parser: PapaTypes.Parser | undefined;
  let rows: string[][] = [];
  let broken: Map<number, string> | undefined;
  let next = options.first ?? 1;
  let pending = '';
  // The low-level parser steps with data = [row].
  const step = (result: PapaTypes.ParseStepResult<string[][]>) => {
    rows.push(result.data[0]);
    if (result.errors.length > 0) (broken ??= new Map()).set(rows.length - 1, result.errors[0].code);
  };
  const take = (): RowBatch => {
    const batch: RowBatch = { rows, first: next };
    if (broken) batch.broken = broken;
    next += rows.length;
    rows = [];
    broken = undefined;
    return batch;
  };
  const unterminated = () => unterminatedQuote(options.file, next + rows.length);
  const parserFor = (text: string) => new Papa.Parser({ ...(options.syntax ?? sniffSyntax(text)), step });

  for await (const bytes of chunks) {
    const text = decoder.write(bytes);
    if (text === '') continue;
    const input = pending + text;
    parser ??= parserFor(input);
    const result = parser.parse(input, 0, true) as PapaTypes.ParseResult<string[]>;
    pending = input.substring(result.meta.cursor);
    if (pending.length > MAX_PENDING_CHARS || moreLinesThan(pending, MAX_LINES_IN_RECORD)) throw unterminated();
    if (rows.length > 0) yield take();
  }
  const rest = pending + decoder.end();
  if (moreLinesThan(rest, MAX_LINES_IN_RECORD)) throw unterminated();
  if (rest !== '') {
    parser ??= parserFor(rest);
    parser.parse(rest, 0, false);
  }
  if (rows.length > 0) yield take();
}

export type RecordVisit = (cells: string[], broken: string | undefined) => void;

/**
 * A reader of texts that hold whole records, handing each row to `visit`
 * as it is split, so no more than one row is alive at a time (the worker
 * threads' path: rows that die young cost the garbage collector almost
 * nothing). One papaparse parser serves every text: its methods are
 * closures made per parser, and a new parser per piece had V8 compile
 * them again and again (measured: 31 optimised compiles of its parse loop
 * in one run, about a tenth of the run's CPU).
 */
export function recordVisitor(syntax: CsvSyntax): (text: string, visit: RecordVisit) => void {
  let current: RecordVisit = () => {};
  const parser = new Papa.Parser({
    ...syntax,
    step: (result: PapaTypes.ParseStepResult<string[][]>) => current(result.data[0], result.errors.length > 0 ? result.errors[0].code : undefined),
  });
  return (text, visit) => {
    current = visit;
    try {
      // Ignoring the last row leaves the empty "row" after the final line end unparsed.
      const result = parser.parse(text, 0, true) as PapaTypes.ParseResult<string[]>;
      const rest = text.substring(result.meta.cursor);
      if (rest !== '') parser.parse(rest, 0, false);
    } finally {
      current = () => {};
    }
  };
}

async function* counted(path: string, chunkBytes: number, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

/** The delimiter and line end, from the first 64 KiB. */
async function sniffFile(path: string, encoding: string): Promise<CsvSyntax> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffSyntax(makeDecoder(encoding).write(head.subarray(0, bytesRead)));
  } finally {
    await handle.close();
  }
}

/** Opens a CSV file: reads its header row and hands on the rest as batches. */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<RowSource> {
  const file = options.file ?? path;
  let total: number;
  try {
    total = (await stat(path)).size;
  } catch (e) {
    throw openProblem(e, file);
  }
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    throw new BatchInputError('BAD_ENCODING', `--encoding ${options.encoding}（可用 utf-8、gb18030、gbk 等）`, { field: '--encoding' });
  }
  const encoding = options.encoding ?? (await detectFileEncoding(path)).encoding;
  const syntax = await sniffFile(path, encoding);
  let done = 0;
  const batches = parseCsvChunks(counted(path, options.chunkBytes ?? 64 * 1024, (n) => (done += n)), makeDecoder(encoding), { syntax, file });
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.rows.length === 0) throw new BatchInputError('EMPTY_FILE', file, { file, line: 1 });
  const head = first.value;
  const header = head.rows[0].map((h) => h.trim());
  async function* rest(): AsyncGenerator<RowBatch> {
    if (head.rows.length > 1) {
      const batch: RowBatch = { rows: head.rows.slice(1), first: 2 };
      if (head.broken) batch.broken = new Map([...head.broken].filter(([i]) => i > 0).map(([i, w]) => [i - 1, w]));
      yield batch;
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const close = async () => {
    await iterator.return?.(undefined);
  };
  return { header, headerRow: 1, batches: rest(), progress: () => ({ done, total }), encoding, syntax, close };
}
