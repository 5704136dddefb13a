/** Messages between the batch's main thread and its workers. */
import type { WarningCounts } from '../warning-tally.js';
import type { MessagePort } from 'node:worker_threads';
import type { Catalogue } from '../../rules/types.js';
import type { Lang } from '../batch-error.js';
import type { CsvSyntax } from '../csv-source.js';
import type { PieceRuns } from '../sorted-runs.js';

export interface WorkerInit {
  /** Where pass 1 sends each piece's household ids and member codes (the index thread). */
  indexPort?: MessagePort;
  header: string[];
  file: string;
  catalogue: Catalogue;
  asOf: string;
  lang: Lang;
  domain?: string;
  encoding: string;
  syntax: CsvSyntax;
  format: 'csv' | 'jsonl';
  wide: boolean;
}

/** Pass 1: each row's household id and member code (-1 for a blank row). */
export interface ScanRequest {
  kind: 'scan';
  id: number;
  /** The piece's place in the file: the index thread adds pieces in this order. */
  seq: number;
  bytes: Uint8Array;
  /** Records at the piece's start that are no rows: the header and any title above it (the first piece only). */
  skip: number;
}

export interface ScanReply {
  id: number;
  rows: number;
}

/** What a worker sends the index thread for each piece in pass 1. */
export interface IndexRows {
  seq: number;
  rows: number;
  /**
   * Each row's household id as a number (idAsNumber), or NaN: most rosters'
   * ids are digits, and a typed array is transferred, not copied string by
   * string into the index thread's heap.
   */
  numbers: Float64Array;
  /**
   * The other ids, one string each, in row order (a row with NaN above takes
   * the next): V8 would keep substrings of a joined string as slices of it,
   * so a map keyed by them would hold every piece.
   */
  ids: string[];
  /** Member codes (member-facts.ts), BLANK_ROW for a blank row. */
  codes: Int32Array;
}

/** Pass 2: check and format each row, given its household's state. */
export interface CheckRequest {
  kind: 'check';
  id: number;
  bytes: Uint8Array;
  /** As ScanRequest's. */
  skip: number;
  /** Row number of the first data row. */
  firstRow: number;
  states: Int32Array;
}

export interface CheckReply {
  id: number;
  rows: number;
  errors: number;
  /** Rows without a household id among these. */
  withoutId: number;
  /** Rows that are nobody among these (blank, a footer, the header again, a title). */
  nobody: number;
  /** The formatted rows, UTF-8. */
  output: Uint8Array;
  /** Per item and status, for these rows. */
  counts: Int32Array;
  /** Warnings of these rows, by code (warning-tally.ts). */
  warnings: WarningCounts;
}

/** A --sorted run: parse and prepare a piece, hold its rows, report its households (sorted-runs.ts). */
export interface PrepareRequest {
  kind: 'prepare';
  id: number;
  /** The piece's place in the file; its finish request names it again. */
  seq: number;
  bytes: Uint8Array;
  /** As ScanRequest's. */
  skip: number;
  /**
   * The main thread's guess at the piece's first row number, from the line
   * ends before it. Rows are formatted with it; finish then copies them as
   * they are when the guess was right, or renumbers them (see worker.ts).
   */
  firstRowGuess: number;
}

export interface PrepareReply extends PieceRuns {
  id: number;
}

/** A --sorted run: check and format a prepared piece, now that its row numbers and households are known. */
export interface FinishRequest {
  kind: 'finish';
  id: number;
  seq: number;
  firstRow: number;
  /** Final states of the piece's first and last household. */
  headState: number;
  tailState: number;
}

/** An output buffer the main thread has written, back to the worker that filled it, for reuse (no reply). */
export interface SpareBuffer {
  kind: 'spare';
  buffer: ArrayBuffer;
}

export type Request = ScanRequest | CheckRequest | PrepareRequest | FinishRequest | SpareBuffer;

export interface FailedReply {
  id: number;
  error: string;
}

export const BLANK_ROW = -1;
