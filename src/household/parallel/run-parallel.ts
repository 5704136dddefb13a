/**
 * The two passes of an unsorted CSV roster on several threads. The main
 * thread only reads bytes, cuts them between records (record-cuts.ts),
 * keeps the household index and writes; workers parse, normalise, check
 * and format. Pass 2 cuts the file exactly where pass 1 did, so each
 * piece's rows are known by number before it is sent.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BatchInputError, BatchOutputError } from '../batch-error.js';
import { HouseholdStates } from '../household-index.js';
import { unterminatedQuote } from '../csv-source.js';
import { cutSyntaxFor } from '../record-cuts.js';
import { UnclosedQuote, recordChunks, rereadChunks, type Chunk } from './chunks.js';
import { MessageChannel, Worker } from 'node:worker_threads';
import { once } from 'node:events';
import type { IndexFinish, IndexResult, IndexStart } from './index-worker.js';
import { WorkerPool, inOrder } from './pool.js';
import type { BatchProgress, BatchReport } from '../run-batch.js';
import type { CheckReply, ScanReply, WorkerInit } from './protocol.js';
import { WarningTally } from '../warning-tally.js';

export interface ParallelRun {
  path: string;
  file: string;
  init: WorkerInit;
  /** Spreadsheet row number of the header: records up to it are no rows (a title may stand above it). */
  headerRow: number;
  workers: number;
  totalBytes: number;
  /** Formatted rows, in input order; resolves once the bytes are written and their buffer may be reused. */
  write(bytes: Uint8Array): Promise<void>;
  onProgress?(p: BatchProgress): void;
  chunkBytes?: number;
}

export const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
const INDEX_SCRIPT = new URL('./index-worker.js', import.meta.url);

/**
 * A checked piece: its counts added to the report, its rows written, then
 * its output buffer handed back to the worker that filled it, to fill again.
 */
export async function writeChecked(run: ParallelRun, pool: WorkerPool, worker: number, reply: CheckReply, report: BatchReport): Promise<void> {
  report.rows += reply.rows;
  report.errors += reply.errors;
  report.withoutId += reply.withoutId;
  report.nobody += reply.nobody;
  if (report.counts.length === 0) report.counts = new Int32Array(reply.counts.length);
  for (let i = 0; i < reply.counts.length; i++) report.counts[i] += reply.counts[i];
  report.warnings.merge(reply.warnings);
  await run.write(reply.output);
  pool.send(worker, { kind: 'spare', buffer: reply.output.buffer as ArrayBuffer }, [reply.output.buffer as ArrayBuffer]);
}

/** Whether the roster can be cut between records by bytes, and the worker script is built. */
export function canRunParallel(encoding: string, syntax: { delimiter: string; newline: string } | undefined): boolean {
  if (!syntax || !cutSyntaxFor(syntax.delimiter, syntax.newline)) return false;
  const e = encoding.toLowerCase().replace(/[_-]/g, '');
  if (!['utf8', 'gb18030', 'gbk', 'gb2312', 'cp936'].includes(e)) return false;
  // Running from TypeScript sources (tests) there is no compiled worker: one thread then.
  return existsSync(fileURLToPath(WORKER_SCRIPT));
}

export async function runParallel(run: ParallelRun): Promise<BatchReport> {
  const syntax = cutSyntaxFor(run.init.syntax.delimiter, run.init.syntax.newline)!;
  // Room for a million households of their own; young generation small, so the map's garbage goes early.
  const indexer = new Worker(INDEX_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 } });
  const channels = Array.from({ length: run.workers }, () => new MessageChannel());
  indexer.postMessage({ kind: 'ports', ports: channels.map((c) => c.port2) } satisfies IndexStart, channels.map((c) => c.port2));
  const pool = new WorkerPool(WORKER_SCRIPT, run.workers, (i) => ({ workerData: { ...run.init, indexPort: channels[i].port1 }, transferList: [channels[i].port1] }));
  const indexFailed = new Promise<never>((_, reject) => {
    indexer.on('error', reject);
    indexer.on('exit', (code) => code !== 0 && reject(new Error(`household index stopped (exit code ${code})`)));
  });
  indexFailed.catch(() => {});
  const inFlight = run.workers * 2;
  try {
    // Pass 1: households.
    let indexedRows = 0;
    const pieces: { start: number; length: number; rows: number }[] = [];
    let bytes = 0;
    let first = true;
    let scanned = 0;
    try {
      await inOrder(
        recordChunks(run.path, syntax, run.chunkBytes),
        inFlight,
        (chunk: Chunk) => {
          const skip = first ? run.headerRow : 0;
          first = false;
          const length = chunk.bytes.length;
          pieces.push({ start: chunk.start, length, rows: 0 });
          const seq = pieces.length - 1;
          return pool.request<ScanReply>((id) => ({ kind: 'scan', id, seq, bytes: chunk.bytes, skip }), [chunk.bytes.buffer as ArrayBuffer]).then((reply) => ({ reply, length }));
        },
        ({ reply, length }) => {
          pieces[scanned++].rows = reply.rows;
          indexedRows += reply.rows;
          bytes += length;
          run.onProgress?.({ phase: 'scan', rows: indexedRows, bytes, totalBytes: run.totalBytes });
        },
      );
    } catch (e) {
      // The pieces before it were finished first (inOrder): the quote's row is known.
      if (e instanceof UnclosedQuote) throw unterminatedQuote(run.file, run.headerRow + 1 + indexedRows);
      throw e;
    }
    indexer.postMessage({ kind: 'finish', pieces: pieces.length } satisfies IndexFinish);
    const [result] = (await Promise.race([once(indexer, 'message'), indexFailed])) as [IndexResult];
    const states = new HouseholdStates(result.rowHousehold, result.states);
    // Its map of household ids is not needed in pass 2.
    await indexer.terminate();

    // Pass 2: check, in the same pieces.
    let ordinal = 0;
    let firstRow = run.headerRow + 1;
    const report: BatchReport = { rows: 0, errors: 0, withoutId: 0, nobody: 0, households: states.states.length, counts: new Int32Array(0), warnings: new WarningTally() };
    bytes = 0;
    let k = 0;
    let checked = 0;
    await inOrder(
      rereadChunks(run.path, pieces),
      inFlight,
      (chunk: Chunk) => {
        const piece = pieces[k++];
        const rowStates = new Int32Array(piece.rows);
        for (let i = 0; i < piece.rows; i++) rowStates[i] = states.stateOfRow(ordinal + i);
        const request = { id: 0, bytes: chunk.bytes, skip: piece.start === 0 ? run.headerRow : 0, firstRow, states: rowStates };
        ordinal += piece.rows;
        firstRow += piece.rows;
        const worker = pool.leastBusy();
        return pool
          .requestTo<CheckReply>(worker, (id) => ({ ...request, kind: 'check', id }), [chunk.bytes.buffer as ArrayBuffer, rowStates.buffer])
          .then((reply) => ({ ...reply, worker }));
      },
      async (reply) => {
        await writeChecked(run, pool, reply.worker, reply, report);
        bytes += pieces[checked++].length;
        run.onProgress?.({ phase: 'check', rows: report.rows, totalRows: states.rowCount, bytes, totalBytes: run.totalBytes });
      },
    );
    return report;
  } catch (e) {
    if (e instanceof BatchInputError || e instanceof BatchOutputError) throw e;
    throw new BatchInputError('FILE_UNREADABLE', `${run.file}：${(e as Error).message}`, { file: run.file });
  } finally {
    await Promise.all([pool.close(), indexer.terminate()]);
  }
}
