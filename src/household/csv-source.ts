/**
 * Reading a CSV roster as batches of rows: bytes decoded (UTF-8, GB18030 or
 * UTF-16, detected or forced), then split by papaparse's parser, one file
 * chunk at a time, so memory does not grow with the file. The header must
 * be a real one on line 1: a blank line, an endless line, NUL bytes or
 * undecodable characters there stop the run rather than misread every row.
 */
import type PapaTypes from 'papaparse';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { open, stat } from 'node:fs/promises';
import { BatchInputError, openProblem } from './batch-error.js';
import { MAX_ROWS_ABOVE_HEADER, findHeader } from './header-rows.js';
import { detectFileEncoding, isKnownEncoding, makeDecoder, replacementsIn, type FileEncoding, type TextChunkDecoder } from './encoding.js';
import { isBlankRow, type RowBatch, type RowSource } from './rows.js';

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

/**
 * Characters the header may take before its line ends. A roster's header is
 * a few hundred; a file whose first line never ends (/dev/zero, one endless
 * line) stops here instead of being read, ever more slowly, to its end.
 */
export const MAX_HEADER_CHARS = 1024 * 1024;
/** Columns a header may have: Excel's own limit (column XFD). */
export const MAX_COLUMNS = 16384;

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

/** A first line that has not ended within `max` characters: no roster's header. */
export function headerTooLong(file: string | undefined, max: number): BatchInputError {
  return new BatchInputError('FILE_UNREADABLE', `${file} 的第 1 行（表头）超过 ${max} 个字符还没有结束，不是名单的表头`, { file, line: 1 });
}

/**
 * Where the line from `start` ends: its first CR or LF outside quotes (one
 * inside a quoted cell says nothing: an old Mac CSV ends lines with CR and
 * may hold LF inside a cell), or the text's end.
 */
function headerLineEnd(text: string, start = 0): number {
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return i;
  }
  return text.length;
}

/**
 * The delimiter of the header line: the commonest of , TAB ; | outside
 * quotes, on the first line that has one (a title above the header may be a
 * lone cell).
 */
export function sniffDelimiter(text: string): string {
  for (let line = 0, start = 0; line <= MAX_ROWS_ABOVE_HEADER && start < text.length; line++) {
    const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0], ['|', 0]]);
    let quoted = false;
    const end = headerLineEnd(text, start);
    for (let i = start; i < end; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    }
    let best = ',';
    for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
    if (counts.get(best)! > 0) return best;
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
  return ',';
}

/** The line ending of the first line: \r\n (Excel), \n or a lone \r. */
export function sniffNewline(text: string): '\r\n' | '\n' | '\r' {
  const end = headerLineEnd(text);
  if (text[end] === '\r') return text[end + 1] === '\n' ? '\r\n' : '\r';
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

/** The broken-row code of a row holding a bare line feed in a CR LF file (see LineFeedWatch). */
export const LONE_LINE_FEED = 'LoneLineFeed';

/**
 * Watches a CR LF file's rows for a line feed outside quotes that is not
 * part of a CR LF: rows appended by a program that ends lines with LF
 * alone, which papaparse (splitting on CR LF) reads as one person with the
 * next. Such a row is marked, to become an error row, never a silent merge.
 * Cheap: one indexOf per row finds the next LF; only a row with an LF
 * before its own line end is scanned.
 */
export class LineFeedWatch {
  private text = '';
  private start = 0;
  private nextLf = -1;

  constructor(private readonly crlf: boolean) {}

  /** A new text is about to be parsed from its start. */
  reset(text: string): void {
    this.text = text;
    this.start = 0;
    this.nextLf = this.crlf ? text.indexOf('\n') : -1;
  }

  /** The row that ends at `end` (papaparse's cursor after it): whether it holds a bare LF. */
  row(end: number): boolean {
    if (!this.crlf) return false;
    const from = this.start;
    this.start = end;
    if (this.nextLf < 0 || this.nextLf >= end - 1) {
      if (this.nextLf >= 0 && this.nextLf < end) this.nextLf = this.text.indexOf('\n', end);
      return false;
    }
    this.nextLf = this.text.indexOf('\n', end);
    return hasLoneLineFeed(this.text, from, end);
  }
}

function hasLoneLineFeed(text: string, from: number, end: number): boolean {
  let quoted = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted && text.charCodeAt(i - 1) !== 13) return true;
  }
  return false;
}

/**
 * Splits decoded chunks into rows. Rows are numbered from 1 as records (a
 * quoted line break does not start a new row). A row papaparse reports a
 * quote problem on is marked broken.
 */
export async function* parseCsvChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: TextChunkDecoder,
  options: { syntax?: CsvSyntax; first?: number; file?: string; maxFirstRecordChars?: number } = {},
): AsyncGenerator<RowBatch> {
  let parser: PapaTypes.Parser | undefined;
  let rows: string[][] = [];
  let broken: Map<number, string> | undefined;
  const first = options.first ?? 1;
  let next = first;
  let pending = '';
  let watch: LineFeedWatch | undefined;
  // The low-level parser steps with data = [row].
  const step = (result: PapaTypes.ParseStepResult<string[][]>) => {
    rows.push(result.data[0]);
    if (result.errors.length > 0) (broken ??= new Map()).set(rows.length - 1, result.errors[0].code);
    else if (watch!.row(result.meta.cursor)) (broken ??= new Map()).set(rows.length - 1, LONE_LINE_FEED);
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
  const parserFor = (text: string) => {
    const syntax = options.syntax ?? sniffSyntax(text);
    watch = new LineFeedWatch(syntax.newline === '\r\n');
    return new Papa.Parser({ ...syntax, step });
  };

  for await (const bytes of chunks) {
    const text = decoder.write(bytes);
    if (text === '') continue;
    const input = pending + text;
    parser ??= parserFor(input);
    watch!.reset(input);
    const result = parser.parse(input, 0, true) as PapaTypes.ParseResult<string[]>;
    pending = input.substring(result.meta.cursor);
    if (pending.length > MAX_PENDING_CHARS || moreLinesThan(pending, MAX_LINES_IN_RECORD)) throw unterminated();
    const max = options.maxFirstRecordChars;
    if (max !== undefined && next === first && rows.length === 0 && pending.length > max) throw headerTooLong(options.file, max);
    if (rows.length > 0) yield take();
  }
  const rest = pending + decoder.end();
  if (moreLinesThan(rest, MAX_LINES_IN_RECORD)) throw unterminated();
  if (rest !== '') {
    parser ??= parserFor(rest);
    watch!.reset(rest);
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
  const watch = new LineFeedWatch(syntax.newline === '\r\n');
  const parser = new Papa.Parser({
    ...syntax,
    step: (result: PapaTypes.ParseStepResult<string[][]>) =>
      current(result.data[0], result.errors.length > 0 ? result.errors[0].code : watch.row(result.meta.cursor) ? LONE_LINE_FEED : undefined),
  });
  return (text, visit) => {
    current = visit;
    try {
      // Ignoring the last row leaves the empty "row" after the final line end unparsed.
      watch.reset(text);
      const result = parser.parse(text, 0, true) as PapaTypes.ParseResult<string[]>;
      const rest = text.substring(result.meta.cursor);
      watch.reset(rest);
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

/**
 * A forced encoding (`--encoding`) that gave undecodable characters (U+FFFD)
 * where the detected one gives fewer: the cells are likely mojibake. Judged
 * on the bytes detection reads (up to 64 KiB from the first non-ASCII byte),
 * before any row, so one thread and worker threads say the same.
 */
export interface EncodingDoubt {
  forced: string;
  detected: string;
  /** U+FFFD characters the forced encoding gave in those bytes. */
  replaced: number;
}

const sameEncoding = (a: string, b: string) => a.toLowerCase().replace(/[_-]/g, '') === b.toLowerCase().replace(/[_-]/g, '');

function encodingDoubt(forced: string | undefined, detected: FileEncoding): EncodingDoubt | undefined {
  if (forced === undefined || detected.binary || detected.sample.length === 0) return undefined;
  const replaced = replacementsIn(detected.sample, forced, detected.sampleComplete);
  if (replaced === 0 || replaced <= replacementsIn(detected.sample, detected.encoding, detected.sampleComplete)) return undefined;
  return { forced, detected: detected.encoding, replaced };
}

/**
 * Why a record cannot be a roster's header (record `line`), if it cannot.
 * A blank one is where no row in the first few names a column.
 */
function headerProblem(cells: readonly string[], file: string, line: number, forced: string | undefined, detected: FileEncoding, doubt: EncodingDoubt | undefined): BatchInputError | undefined {
  const at = { file, line };
  if (isBlankRow(cells)) {
    return new BatchInputError('FILE_UNREADABLE', `${file} 的第 1 行是空行，下面 ${MAX_ROWS_ABOVE_HEADER} 行里也没有表头（列名，如 户编号、姓名、身份证号）`, at);
  }
  if (cells.length > MAX_COLUMNS) {
    return new BatchInputError('FILE_UNREADABLE', `${file} 的表头有 ${cells.length} 列，超过 Excel 的上限 ${MAX_COLUMNS} 列，不是名单的表头`, at);
  }
  const hint = forced !== undefined && !detected.binary && !sameEncoding(forced, detected.encoding) ? `；按字节看是 ${detected.encoding}：去掉 --encoding 或改用 --encoding ${detected.encoding}` : '';
  if (cells.some((c) => c.includes('\0'))) {
    const how = forced !== undefined ? `用 --encoding ${forced} 读出的表头` : '的表头';
    return new BatchInputError('FILE_UNREADABLE', `${file} ${how}含 NUL 字符，不是这种编码的文本${hint}`, { ...at, field: forced !== undefined ? '--encoding' : undefined });
  }
  if (doubt && cells.some((c) => c.includes('\uFFFD'))) {
    return new BatchInputError('FILE_UNREADABLE', `${file} 用 --encoding ${doubt.forced} 读出的表头有无法解码的字符（U+FFFD）${hint}`, { ...at, field: '--encoding' });
  }
  return undefined;
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
  const forced = options.encoding;
  if (forced !== undefined && !isKnownEncoding(forced)) {
    throw new BatchInputError('BAD_ENCODING', `--encoding ${forced}（可用 utf-8、gb18030、gbk 等）`, { field: '--encoding' });
  }
  // Detected even when forced: a forced encoding that garbles what detection reads cleanly is said.
  const detected = await detectFileEncoding(path);
  if (forced === undefined && detected.binary) {
    throw new BatchInputError('FILE_UNREADABLE', `${file} 不是文本文件：开头有大量 NUL 字节（.xls 工作簿请在 Excel 中另存为 .xlsx 或 CSV）`, { file });
  }
  const encoding = forced ?? detected.encoding;
  const doubt = encodingDoubt(forced, detected);
  const syntax = await sniffFile(path, encoding);
  let done = 0;
  const batches = parseCsvChunks(counted(path, options.chunkBytes ?? 64 * 1024, (n) => (done += n)), makeDecoder(encoding), {
    syntax,
    file,
    maxFirstRecordChars: MAX_HEADER_CHARS,
  });
  const iterator = batches[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.(undefined);
  };
  const first = await iterator.next();
  if (first.done || first.value.rows.length === 0) throw new BatchInputError('EMPTY_FILE', file, { file, line: 1 });
  const head = first.value;
  // Enough rows to find a header below a title (the last line of a short file comes in a batch of its own).
  while (head.rows.length < MAX_ROWS_ABOVE_HEADER + 3) {
    const more = await iterator.next();
    if (more.done) break;
    const offset = head.rows.length;
    head.rows.push(...more.value.rows);
    if (more.value.broken) for (const [i, why] of more.value.broken) (head.broken ??= new Map()).set(offset + i, why);
  }
  // A title may stand above the header (隆昌市…花名册): its records are not people. Rows are
  // still numbered as records from the file's first, so worker threads skip the same records.
  const found = findHeader(head.rows);
  const headerRow = found.last + 1;
  // A quote in the header never closed takes the rest of the file into one column name: no row would be left.
  const brokenAt = [...(head.broken?.keys() ?? [])].find((i) => i >= found.first && i <= found.last);
  const problem =
    brokenAt !== undefined
      ? new BatchInputError('UNTERMINATED_QUOTE', `${file} 的表头（第 ${brokenAt + 1} 行）里有引号没有闭合（${head.broken!.get(brokenAt)}），后面的行都被读进了表头`, { file, line: brokenAt + 1 })
      : headerProblem(head.rows[found.first], file, found.first + 1, forced, detected, doubt);
  if (problem) {
    await close();
    throw problem;
  }
  const header = found.labels;
  async function* rest(): AsyncGenerator<RowBatch> {
    if (head.rows.length > headerRow) {
      const batch: RowBatch = { rows: head.rows.slice(headerRow), first: headerRow + 1 };
      if (head.broken) batch.broken = new Map([...head.broken].filter(([i]) => i >= headerRow).map(([i, w]) => [i - headerRow, w]));
      yield batch;
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const source: RowSource = { header, headerRow, batches: rest(), progress: () => ({ done, total }), encoding, syntax, close };
  const above = head.rows.slice(0, found.top).filter((row) => !isBlankRow(row));
  if (above.length > 0) source.aboveHeader = above;
  if (doubt) source.encodingDoubt = doubt;
  return source;
}
