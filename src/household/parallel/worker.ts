/**
 * A batch worker thread: parses pieces of the roster and checks them.
 * Unsorted files: in pass 1 (scan) it reads each row's household facts for
 * the index thread, in pass 2 (check) checks and formats each row. Sorted
 * files (--sorted): prepare checks the households wholly inside a piece and
 * holds the rest, finish checks what was held and puts the lines in order
 * under their row numbers.
 * Output buffers come back from the main thread (spare) to be filled again.
 * The same modules as the single-thread path do the work, so both give the
 * same bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Checker } from '../../engine/check.js';
import { tableCsvBytes } from '../../format/batch-table.js';
import { ByteBuffer } from '../../format/byte-buffer.js';
import { jsonlWriter } from '../../format/jsonl.js';
import { engineChecker } from '../batch-checker.js';
import { planColumns } from '../columns.js';
import { recordVisitor } from '../csv-source.js';
import { makeDecoder } from '../encoding.js';
import type { OutRow } from '../out-row.js';
import { RowProcessor, groupingId, isNobody, memberReader, shownColumns, type PreparedRow } from '../row-processor.js';
import { idAsNumber } from '../number-table.js';
import { householdIdOf, noPersonTest } from '../rows.js';
import { PieceSplitter, type StateSlot } from '../sorted-runs.js';
import { SpareBuffers } from './spare-buffers.js';
import { WarningTally, type WarningCounts } from '../warning-tally.js';
import {
  BLANK_ROW,
  type CheckReply,
  type CheckRequest,
  type FailedReply,
  type FinishRequest,
  type IndexRows,
  type PrepareReply,
  type PrepareRequest,
  type Request,
  type ScanReply,
  type ScanRequest,
  type WorkerInit,
} from './protocol.js';

const init = workerData as WorkerInit;
const checker = engineChecker(new Checker(init.catalogue), { asOf: init.asOf, domain: init.domain, lang: init.lang });
const plan = planColumns(init.header, init.file);
const processor = new RowProcessor({ plan, asOf: init.asOf, lang: init.lang, checker, file: init.file, full: init.format === 'jsonl' });
const member = memberReader(plan, init.asOf);
const noPerson = noPersonTest(plan.labels);
const table = { shownLabels: shownColumns(plan).map((c) => plan.labels[c]), items: checker.items, wide: init.wide, lang: init.lang };
const carriedLabels = plan.carried.map((c) => plan.labels[c]);
const buffer = new ByteBuffer();
const line = init.format === 'csv' ? tableCsvBytes(table) : jsonlWriter({ carriedLabels, lang: init.lang });
const format = (out: OutRow, into: ByteBuffer = buffer) => line(out, into);

/** Buffers bigger than this (grown by a huge household) are not kept for reuse. */
const MAX_SPARE_BYTES = 8 * 1024 * 1024;
/** Output buffers the main thread has written and sent back: two, as a worker has about two pieces' output in flight. */
const spareOutputs = new SpareBuffers(2, MAX_SPARE_BYTES);

/** The formatted rows so far, in a buffer of their own (transferred to the main thread, which may send it back). */
function takeOutput(): Uint8Array {
  return buffer.detach(spareOutputs.take());
}

/** Rows, errors and counts not yet reported: a --sorted piece's rows may be checked while another piece is prepared. */
const reported = { rows: 0, errors: 0, withoutId: 0, nobody: 0 };

/** The reply to a check or finish: the output so far and what was counted since the last reply. */
function checked(id: number): { reply: CheckReply; transfer: ArrayBuffer[] } {
  const output = takeOutput();
  const counts = processor.counts.slice();
  processor.counts.fill(0);
  const reply: CheckReply = {
    id,
    rows: processor.rows - reported.rows,
    errors: processor.errors - reported.errors,
    withoutId: processor.withoutId - reported.withoutId,
    nobody: processor.nobody - reported.nobody,
    output,
    counts,
    warnings: processor.warnings.take(),
  };
  reported.withoutId = processor.withoutId;
  reported.nobody = processor.nobody;
  reported.rows = processor.rows;
  reported.errors = processor.errors;
  return { reply, transfer: [output.buffer as ArrayBuffer, counts.buffer] };
}

const visitRecords = recordVisitor(init.syntax);

/** Calls `visit` for each data row of a piece (the first `skip` records passed over), numbering rows from `firstRow`. */
function eachRow(bytes: Uint8Array, skip: number, firstRow: number, visit: (cells: string[], row: number, broken: string | undefined) => void): number {
  const decoder = makeDecoder(init.encoding);
  const text = decoder.write(bytes) + decoder.end();
  let index = -skip;
  visitRecords(text, (cells, broken) => {
    if (index >= 0) visit(cells, firstRow + index, broken);
    index++;
  });
  return Math.max(0, index);
}

function scan(request: ScanRequest): { reply: ScanReply; transfer: ArrayBuffer[] } {
  let codes = new Int32Array(8192);
  let numbers = new Float64Array(8192);
  const ids: string[] = [];
  let n = 0;
  const rows = eachRow(request.bytes, request.skip, 2, (cells, row, broken) => {
    if (n >= codes.length) {
      codes = grown(codes, new Int32Array(codes.length * 2));
      numbers = grown(numbers, new Float64Array(numbers.length * 2));
    }
    if (noPerson(cells) !== undefined) {
      codes[n] = BLANK_ROW;
      numbers[n++] = Number.NaN;
      return;
    }
    codes[n] = member(cells, row, broken);
    const id = householdIdOf(cells, plan.household);
    const number = idAsNumber(id);
    numbers[n++] = number;
    if (Number.isNaN(number)) ids.push(id);
  });
  const forIndex: IndexRows = { seq: request.seq, rows, numbers: numbers.slice(0, rows), ids, codes: codes.slice(0, rows) };
  init.indexPort!.postMessage(forIndex, [forIndex.codes.buffer as ArrayBuffer, forIndex.numbers.buffer as ArrayBuffer]);
  return { reply: { id: request.id, rows }, transfer: [] };
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * A --sorted piece between its two steps. Rows whose household is complete
 * inside the piece are checked and formatted at once, numbered from the
 * main thread's guess (the pieces before may not be parsed yet); the rest
 * wait: rows of the first and last household, and error rows, whose text
 * names the row.
 */
interface HeldPiece {
  rows: number;
  /** The row number the body's rows were formatted from. */
  firstRowGuess: number;
  /** Formatted rows, numbered from firstRowGuess. */
  body: Buffer;
  /** End of each row in `body`, -1 for a row that waits. */
  ends: Int32Array;
  waiting: Map<number, { prepared?: PreparedRow; out?: OutRow; slot: StateSlot }>;
  /** Warnings of the body's rows, numbered from firstRowGuess. */
  warnings: WarningCounts;
}

const held = new Map<number, HeldPiece>();
/** The first field of a line, the row number, as each format writes it. */
const rowPrefix = init.format === 'csv' ? (row: number) => String(row) : (row: number) => `{"row":${row}`;
const body = new ByteBuffer();
/** A finished piece's body buffer, whole, for the next piece. */
const spareBodies = new SpareBuffers(1, MAX_SPARE_BYTES);

function prepare(request: PrepareRequest): { reply: PrepareReply; transfer: ArrayBuffer[] } {
  const ends: number[] = [];
  const waiting: HeldPiece['waiting'] = new Map();
  const warnings = new WarningTally();
  const ready = (i: number, p: PreparedRow, state: number) => {
    const out = processor.finish(p, state, warnings);
    if (out.issues) {
      waiting.set(i, { out, slot: state });
      ends.push(-1);
      return;
    }
    format(out, body);
    ends.push(body.size);
  };
  const splitter = new PieceSplitter<PreparedRow>(ready, (i, prepared, slot) => {
    waiting.set(i, { prepared, slot });
    ends.push(-1);
  });
  const firstRowGuess = request.firstRowGuess;
  eachRow(request.bytes, request.skip, firstRowGuess, (cells, row, broken) => {
    const p = processor.prepare(cells, row, broken);
    splitter.add(p, groupingId(p), p.code, isNobody(p));
  });
  const runs = splitter.end();
  held.set(request.seq, { rows: runs.rows, firstRowGuess, body: body.detach(spareBodies.take()), ends: Int32Array.from(ends), waiting, warnings: warnings.take() });
  return { reply: { id: request.id, ...runs }, transfer: [] };
}

function finish(request: FinishRequest): { reply: CheckReply; transfer: ArrayBuffer[] } {
  const piece = held.get(request.seq);
  if (!piece) throw new Error(`piece ${request.seq} was never prepared here`);
  held.delete(request.seq);
  // A right guess: the formatted rows go out as they are, a run of them at a time, between the
  // rows that waited. A wrong one (a quoted cell holding a line end): each row is renumbered.
  const guessed = request.firstRow === piece.firstRowGuess;
  let at = 0;
  let from = 0;
  for (let i = 0; i < piece.rows; i++) {
    const row = request.firstRow + i;
    const end = piece.ends[i];
    if (end >= 0) {
      if (!guessed) {
        buffer.text(rowPrefix(row));
        buffer.copyFrom(piece.body, at + rowPrefix(piece.firstRowGuess + i).length, end);
        from = end;
      }
      at = end;
      continue;
    }
    if (at > from) buffer.copyFrom(piece.body, from, at);
    from = at;
    const w = piece.waiting.get(i)!;
    let out = w.out;
    if (w.prepared) {
      w.prepared.row = row;
      const state = w.slot === 'head' ? request.headState : w.slot === 'tail' ? request.tailState : w.slot;
      out = processor.finish(w.prepared, state);
    }
    out!.row = row;
    format(out!);
  }
  if (at > from) buffer.copyFrom(piece.body, from, at);
  spareBodies.keep(piece.body);
  processor.warnings.merge(piece.warnings, request.firstRow - piece.firstRowGuess);
  return checked(request.id);
}

function check(request: CheckRequest): { reply: CheckReply; transfer: ArrayBuffer[] } {
  let i = 0;
  const states = request.states;
  const rows = eachRow(request.bytes, request.skip, request.firstRow, (cells, row, broken) => {
    const state = i < states.length ? states[i] : 0;
    i++;
    format(processor.finish(processor.prepare(cells, row, broken), state));
  });
  if (rows !== states.length) throw new Error('the file changed between the two passes');
  return checked(request.id);
}

function handle(request: Request): { reply: unknown; transfer: ArrayBuffer[] } | undefined {
  switch (request.kind) {
    case 'scan':
      return scan(request);
    case 'check':
      return check(request);
    case 'prepare':
      return prepare(request);
    case 'finish':
      return finish(request);
    case 'spare':
      spareOutputs.keep(request.buffer);
      return undefined;
  }
}

// Requests are handled one at a time, synchronously, in the order they come.
parentPort!.on('message', (request: Request) => {
  try {
    const handled = handle(request);
    if (!handled) return;
    const { reply, transfer } = handled;
    parentPort!.postMessage(reply, transfer);
  } catch (e) {
    buffer.reset();
    body.reset();
    const id = request.kind === 'spare' ? -1 : request.id;
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies FailedReply);
  }
});
