/**
 * A whole batch: read the roster, find each row's household, check every
 * row, hand the output rows on in input order.
 *
 * Households may be spread through the file, so by default the roster is
 * read twice. Pass 1 keeps only one small integer per household (the
 * folded member facts, household-index.ts) and one per row; pass 2 reads
 * the rows again, checks each with its household's facts and writes it.
 * Memory does not hold any row beyond the batch being checked. With
 * `sorted` the caller promises each household's rows are together: one
 * pass, holding one household at a time; a household that comes back later
 * stops the run (NOT_SORTED) rather than give answers from half a household.
 */
import { stat } from 'node:fs/promises';
import { BatchInputError, type Lang } from './batch-error.js';
import type { BatchChecker } from './batch-checker.js';
import { planColumns, type ColumnPlan } from './columns.js';
import { addMember, householdOfUnknownOthers } from './household-facts.js';
import { fillHouseholdIds } from './fill-down.js';
import { HouseholdIdSet } from './id-set.js';
import { MAX_HELD_WITHOUT_ID } from './sorted-runs.js';
import { HouseholdIndex, type HouseholdStates } from './household-index.js';
import type { OutRow } from './out-row.js';
import { RowProcessor, groupingId, isNobody, memberReader, shownColumns, type PreparedRow } from './row-processor.js';
import { dropTrailingBlankRows, householdIdOf, noPersonTest, rowNumber, type RowSource } from './rows.js';
import { openRoster } from './source.js';
import type { WarningTally } from './warning-tally.js';
import { canRunParallel, runParallel, type ParallelRun } from './parallel/run-parallel.js';
import { runSortedParallel } from './parallel/run-sorted.js';
import type { Catalogue } from '../rules/types.js';

export interface BatchLayout {
  plan: ColumnPlan;
  /** Labels of the shown (identifying, then carried) columns. */
  shownLabels: string[];
  /** Labels of the columns that are not profile keys. */
  carriedLabels: string[];
  encoding: string;
  /** A forced --encoding that looks wrong, for a warning. */
  encodingDoubt?: RowSource['encodingDoubt'];
  /** Spreadsheet row number of the header. */
  headerRow: number;
  /** Rows above the header that are not blank (a title): not checked, for a note. */
  aboveHeader?: string[][];
  /** Hidden sheets passed over, for a note. */
  hiddenSheets?: RowSource['hiddenSheets'];
}

/** Where output rows go, in input order. */
export interface BatchSink {
  write(rows: OutRow[]): void | Promise<void>;
  /**
   * Rows a worker already formatted in this sink's format (UTF-8); absent when workers cannot
   * (xlsx). Resolves once the bytes are written, so their buffer can go back to the worker.
   */
  writeFormatted?(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

/** Running on worker threads (CSV input, CSV or JSON lines output): both passes, or the one pass of --sorted. */
export interface ParallelOptions {
  /** Worker threads; 0 runs on this thread. */
  jobs: number;
  /** Files smaller than this run on this thread (starting workers costs more). */
  minBytes: number;
  catalogue: Catalogue;
  domain?: string;
  format: 'csv' | 'jsonl';
  wide: boolean;
}

export interface BatchProgress {
  phase: 'scan' | 'check';
  rows: number;
  /** Known in pass 2 of an unsorted run. */
  totalRows?: number;
  bytes: number;
  totalBytes: number;
}

export interface BatchOptions {
  input: string;
  /** The file name used in messages. */
  file?: string;
  encoding?: string;
  sheet?: string;
  sorted?: boolean;
  /** A blank household id takes the id of the row above (merged cells): one thread. */
  fillHouseholdIds?: boolean;
  asOf: string;
  lang: Lang;
  checker: BatchChecker;
  /** Keep profiles and full results on output rows (JSON lines). */
  full?: boolean;
  /** Called once the header is read: says what the columns are, returns where rows go. */
  start(layout: BatchLayout): BatchSink | Promise<BatchSink>;
  onProgress?(progress: BatchProgress): void;
  /** Opens the roster (injectable for tests). */
  open?(path: string): Promise<RowSource>;
  parallel?: ParallelOptions;
}

export interface BatchReport {
  rows: number;
  errors: number;
  /** Rows (not blank ones) without a household id. */
  withoutId: number;
  /** Rows that are nobody (blank, a footer, the header again, a title), among the errors. */
  nobody: number;
  households: number;
  /** Per item and status (item * 3 + status). */
  counts: Int32Array;
  /** Warnings of rows checked all the same, by code. */
  warnings: WarningTally;
}

const JSONL_CHUNK_BYTES = 16 * 1024;

/**
 * Checks a roster. The file's size and modification time are compared
 * before and after: a file changed while it was read (pass 2 reads it
 * again) would give rows checked with another file's household facts, so
 * the run fails (exit 2) and its output is thrown away.
 */
export async function runBatch(options: BatchOptions): Promise<BatchReport> {
  const before = await stampOf(options.input);
  const report = await checkRoster(options);
  const after = await stampOf(options.input);
  if (before && after && (before.size !== after.size || before.mtimeMs !== after.mtimeMs)) {
    const file = options.file ?? options.input;
    throw new BatchInputError('FILE_UNREADABLE', `${file} 在读取过程中被改动了：这次的结果作废，请在文件不再改动时重新运行`, { file });
  }
  return report;
}

/** Size and modification time of a regular file; undefined for a pipe, a device or a path that is not there (the reader reports that). */
async function stampOf(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  const s = await stat(path).catch(() => undefined);
  return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
}

async function checkRoster(options: BatchOptions): Promise<BatchReport> {
  const file = options.file ?? options.input;
  const open = options.open ?? ((path: string) => openRoster(path, { encoding: options.encoding, sheet: options.sheet, file }));
  const source = await open(options.input);
  const plan = planColumns(source.header, file, source.headerRow);
  const layout: BatchLayout = {
    plan,
    shownLabels: shownColumns(plan).map((c) => plan.labels[c]),
    carriedLabels: plan.carried.map((c) => plan.labels[c]),
    encoding: source.encoding,
    encodingDoubt: source.encodingDoubt,
    headerRow: source.headerRow,
    aboveHeader: source.aboveHeader,
    hiddenSheets: source.hiddenSheets,
  };
  const processor = new RowProcessor({ plan, asOf: options.asOf, lang: options.lang, checker: options.checker, file, full: options.full });

  const sink = await options.start(layout);
  // Filling down needs the row above, which a worker's piece may not hold: such a run stays on one thread.
  const fill = options.fillHouseholdIds === true && plan.household >= 0;
  const filled = (s: RowSource) => (fill ? fillHouseholdIds(s, plan.household) : s);
  const parallel = fill ? undefined : parallelRun(source, sink, options, file);
  if (parallel) {
    await source.close();
    const report = await (options.sorted ? runSortedParallel(parallel) : runParallel(parallel));
    await sink.end();
    if (report.counts.length === 0) report.counts = new Int32Array(options.checker.items.length * 3);
    return report;
  }
  if (options.sorted) {
    const households = await checkSorted(filled(source), processor, sink, options, file);
    await sink.end();
    return { rows: processor.rows, errors: processor.errors, withoutId: processor.withoutId, nobody: processor.nobody, households, counts: processor.counts, warnings: processor.warnings };
  }

  const states = await scanHouseholds(filled(source), plan, options);
  const again = await open(options.input);
  if (again.header.join('\u0000') !== source.header.join('\u0000')) {
    throw new BatchInputError('FILE_UNREADABLE', `${file} 在读取过程中被改动了`, { file });
  }
  await checkWithIndex(filled(again), processor, states, sink, options, file);
  await sink.end();
  return { rows: processor.rows, errors: processor.errors, withoutId: processor.withoutId, nobody: processor.nobody, households: states.states.length, counts: processor.counts, warnings: processor.warnings };
}

/** How to run on worker threads, or undefined when this roster, sink or size is for this thread. */
function parallelRun(source: RowSource, sink: BatchSink, options: BatchOptions, file: string): ParallelRun | undefined {
  const parallel = options.parallel;
  if (!parallel || parallel.jobs === 0 || !sink.writeFormatted || !source.syntax || !canRunParallel(source.encoding, source.syntax)) return undefined;
  const totalBytes = source.progress().total;
  if (totalBytes < parallel.minBytes) return undefined;
  return {
    path: options.input,
    file,
    init: {
      header: source.header,
      file,
      catalogue: parallel.catalogue,
      asOf: options.asOf,
      lang: options.lang,
      domain: parallel.domain,
      encoding: source.encoding,
      syntax: source.syntax,
      format: parallel.format,
      wide: parallel.wide,
    },
    headerRow: source.headerRow,
    workers: parallel.jobs,
    totalBytes,
    write: sink.writeFormatted.bind(sink),
    onProgress: options.onProgress,
    // A row of JSON lines is some 40 times a row of CSV: smaller pieces keep the output in flight small.
    chunkBytes: parallel.format === 'jsonl' ? JSONL_CHUNK_BYTES : undefined,
  };
}

/** Pass 1: every row's household and every household's folded member facts. */
async function scanHouseholds(source: RowSource, plan: ColumnPlan, options: BatchOptions): Promise<HouseholdStates> {
  const index = new HouseholdIndex();
  const member = memberReader(plan, options.asOf);
  const noPerson = noPersonTest(plan.labels);
  for await (const batch of dropTrailingBlankRows(source.batches)) {
    const { rows } = batch;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i];
      if (noPerson(cells) !== undefined) {
        index.skip();
        continue;
      }
      const householdId = householdIdOf(cells, plan.household);
      index.add(householdId, member(cells, rowNumber(batch, i), batch.broken?.get(i)));
    }
    options.onProgress?.({ phase: 'scan', rows: index.rowCount, bytes: source.progress().done, totalBytes: source.progress().total });
  }
  return index.finish();
}

/** Pass 2 of an unsorted run: each row checked with its household's facts from pass 1. */
async function checkWithIndex(source: RowSource, processor: RowProcessor, states: HouseholdStates, sink: BatchSink, options: BatchOptions, file: string): Promise<void> {
  let ordinal = 0;
  const totalRows = states.rowCount;
  for await (const batch of dropTrailingBlankRows(source.batches)) {
    if (ordinal + batch.rows.length > totalRows) throw new BatchInputError('FILE_UNREADABLE', `${file} 在读取过程中被改动了`, { file });
    const out: OutRow[] = new Array(batch.rows.length);
    for (let i = 0; i < batch.rows.length; i++) {
      const prepared = processor.prepare(batch.rows[i], rowNumber(batch, i), batch.broken?.get(i));
      out[i] = processor.finish(prepared, states.stateOfRow(ordinal++));
    }
    await sink.write(out);
    options.onProgress?.({ phase: 'check', rows: ordinal, totalRows, bytes: source.progress().done, totalBytes: source.progress().total });
  }
  if (ordinal !== totalRows) throw new BatchInputError('FILE_UNREADABLE', `${file} 在读取过程中被改动了`, { file });
}

/**
 * The one pass of a sorted run: a household's rows are held until the next
 * household starts. A row without a household id (a household of unknown others,
 * or a blank row) may stand among them; it is held too, to keep the order.
 */
async function checkSorted(source: RowSource, processor: RowProcessor, sink: BatchSink, options: BatchOptions, file: string): Promise<number> {
  let held: PreparedRow[] = [];
  let current: string | undefined;
  let state = 0;
  let withoutId = 0;
  const finished = new HouseholdIdSet();
  let households = 0;
  let out: OutRow[] = [];
  const close = () => {
    for (const p of held) out.push(processor.finish(p, groupingId(p) === '' ? householdOfUnknownOthers(p.code) : state));
    held = [];
    state = 0;
    withoutId = 0;
    if (current !== undefined) finished.add(current);
    current = undefined;
  };
  for await (const batch of dropTrailingBlankRows(source.batches)) {
    for (let i = 0; i < batch.rows.length; i++) {
      const p = processor.prepare(batch.rows[i], rowNumber(batch, i), batch.broken?.get(i));
      const id = groupingId(p);
      if (id !== '' && id !== current) {
        close();
        if (finished.has(id)) {
          throw new BatchInputError('NOT_SORTED', `户编号 ${id} 在第 ${p.row} 行又出现了，它前面的成员已经核查过；去掉 --sorted 再运行`, {
            file,
            line: p.row,
            field: 'household_id',
          });
        }
        current = id;
        households++;
      }
      held.push(p);
      if (id !== '') {
        state = addMember(state, p.code);
        withoutId = 0;
      } else {
        if (!isNobody(p)) households++;
        if (current === undefined || ++withoutId > MAX_HELD_WITHOUT_ID) close();
      }
    }
    if (out.length > 0) {
      await sink.write(out);
      out = [];
    }
    options.onProgress?.({ phase: 'check', rows: processor.rows, bytes: source.progress().done, totalBytes: source.progress().total });
  }
  close();
  if (out.length > 0) await sink.write(out);
  return households;
}
