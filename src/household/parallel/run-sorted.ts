/**
 * A roster promised grouped by household (`--sorted`), in one pass on
 * several threads. The main thread cuts the file between records; a worker
 * parses and prepares each piece and reports its runs of household ids;
 * once the households at a piece's two ends are complete (sorted-runs.ts),
 * the same worker checks and formats the piece with its row numbers and
 * household states. Output goes out in file order.
 */
import { BatchInputError, BatchOutputError } from '../batch-error.js';
import { countLineEnds, cutSyntaxFor } from '../record-cuts.js';
import { SortedJoiner, type PieceStates } from '../sorted-runs.js';
import { unterminatedQuote } from '../csv-source.js';
import { UnclosedQuote, recordChunks, type Chunk } from './chunks.js';
import { OrderedWindow } from './ordered-window.js';
import { WorkerPool } from './pool.js';
import { WORKER_SCRIPT, writeChecked, type ParallelRun } from './run-parallel.js';
import type { BatchReport } from '../run-batch.js';
import type { CheckReply, PrepareReply } from './protocol.js';
import { WarningTally } from '../warning-tally.js';

export async function runSortedParallel(run: ParallelRun): Promise<BatchReport> {
  const syntax = cutSyntaxFor(run.init.syntax.delimiter, run.init.syntax.newline)!;
  const pool = new WorkerPool(WORKER_SCRIPT, run.workers, () => ({ workerData: run.init }));
  const joiner = new SortedJoiner(run.file, run.headerRow + 1);
  const report: BatchReport = { rows: 0, errors: 0, withoutId: 0, nobody: 0, households: 0, counts: new Int32Array(0), warnings: new WarningTally() };
  // Pieces being prepared, in file order.
  const preparing: { reply: Promise<PrepareReply>; guessedRows: number }[] = [];
  const workerOf = new Map<number, { worker: number; bytes: number }>();
  // Pieces in flight each way: one more than the workers kept them busy; more only held memory.
  const limit = run.workers + 1;
  let bytes = 0;

  /** Pieces whose households are complete go back to the worker that holds each, `limit` at a time (their output comes back whole). */
  const finishing = new OrderedWindow<PieceStates, CheckReply & { worker: number; bytes: number }>(limit, (piece) => {
    const at = workerOf.get(piece.seq)!;
    workerOf.delete(piece.seq);
    return pool.requestTo<CheckReply>(at.worker, (id) => ({ kind: 'finish', id, ...piece }), []).then((reply) => ({ ...reply, ...at }));
  });
  // Each piece's rows are numbered from a guess (its line ends), made good as replies come in.
  let rowGuess = joiner.nextRowNumber;
  const takePrepared = async () => {
    joiner.add(await preparing.shift()!.reply);
    finishing.add(joiner.ready());
    rowGuess = preparing.reduce((row, piece) => row + piece.guessedRows, joiner.nextRowNumber);
  };
  const writeFinished = async () => {
    const { result } = await finishing.next();
    await writeChecked(run, pool, result.worker, result, report);
    bytes += result.bytes;
    run.onProgress?.({ phase: 'check', rows: report.rows, bytes, totalBytes: run.totalBytes });
    finishing.resume();
  };

  // Closed in `finally`, so a run stopped early still closes the file.
  const chunks = recordChunks(run.path, syntax, run.chunkBytes);
  try {
    let seq = 0;
    for (;;) {
      let next: IteratorResult<Chunk>;
      try {
        next = await chunks.next();
      } catch (e) {
        // The pieces read before the problem come first, as on one thread: a household
        // that came back in them is reported, and a quote never closed is named by its row.
        while (preparing.length > 0) await takePrepared();
        if (e instanceof UnclosedQuote) throw unterminatedQuote(run.file, joiner.nextRowNumber);
        throw e;
      }
      if (next.done) break;
      const chunk = next.value;
      const worker = pool.leastBusy();
      const length = chunk.bytes.length;
      const skip = chunk.start === 0 ? run.headerRow : 0;
      const guessedRows = countLineEnds(chunk.bytes, syntax) - skip;
      const request = { id: 0, seq, bytes: chunk.bytes, skip, firstRowGuess: rowGuess };
      rowGuess += guessedRows;
      const reply = pool.requestTo<PrepareReply>(worker, (id) => ({ ...request, kind: 'prepare', id }), [chunk.bytes.buffer as ArrayBuffer]);
      reply.catch(() => {});
      preparing.push({ reply, guessedRows });
      workerOf.set(seq++, { worker, bytes: length });
      while (preparing.length >= limit) await takePrepared();
      while (finishing.inFlight >= limit) await writeFinished();
    }
    while (preparing.length > 0) await takePrepared();
    joiner.end();
    finishing.add(joiner.ready());
    while (finishing.inFlight > 0) await writeFinished();
    if (finishing.queued > 0) throw new Error('pieces left unfinished');
    report.households = joiner.households;
    return report;
  } catch (e) {
    if (e instanceof BatchInputError || e instanceof BatchOutputError) throw e;
    throw new BatchInputError('FILE_UNREADABLE', `${run.file}：${(e as Error).message}`, { file: run.file });
  } finally {
    await chunks.return(undefined);
    await pool.close();
  }
}
