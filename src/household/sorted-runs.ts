/**
 * Households of a roster promised grouped (`--sorted`), checked in pieces
 * on several threads. Each worker splits its piece into runs of household
 * ids (PieceSplitter); the main thread joins the runs that cross
 * piece boundaries (SortedJoiner) and sends each piece back the final
 * state of its first and last household. The rules are checkSorted's
 * (run-batch.ts), so one thread and several give the same answers: a row
 * without a household id is a household of unknown others and does not end the
 * household around it, unless more than MAX_HELD_WITHOUT_ID of them come
 * together; a household that comes back after it ended stops the run.
 */
import { BatchInputError } from './batch-error.js';
import { HouseholdIdSet } from './id-set.js';
import { addMember, householdOfUnknownOthers } from './household-facts.js';

/** Rows without a household id inside a household before it is taken as ended (memory stays bounded). */
export const MAX_HELD_WITHOUT_ID = 1000;

/** What a worker reports of one piece's households. */
export interface PieceRuns {
  /** Data rows in the piece. */
  rows: number;
  /** The household id of each run of rows, in order; a run may hold id-less rows between its own. */
  runIds: string[];
  /** Where each run starts, counted in rows from the piece's first data row. */
  runStarts: Int32Array;
  /** Member codes of the first run's rows, and of the last run's (the same when there is one run). */
  headCodes: Int32Array;
  tailCodes: Int32Array;
  /** Id-less rows before the first run, and after the last run's last row (both `rows` when there is no run). */
  leadingGap: number;
  trailingGap: number;
  /** Id-less rows that are not blank: households of their own. */
  lone: number;
}

/** Where a row's household state comes from: known now, or the piece's first or last household's, known later. */
export type StateSlot = number | 'head' | 'tail';

/**
 * Splits one piece's rows, in order, into runs of a household. A row whose
 * household is complete inside the piece is handed to `ready` with its
 * state as soon as its run ends; the rows of the piece's first and last
 * run (and the id-less rows among them, to keep the order) go to `later`,
 * because their households may go on in the neighbouring pieces.
 */
export class PieceSplitter<R> {
  private readonly runIds: string[] = [];
  private readonly runStarts: number[] = [];
  private headCodes: number[] = [];
  private codes: number[] = [];
  /** The open run's rows, and the id-less rows after them. */
  private held: { i: number; row: R; code: number; own: boolean }[] = [];
  private open: { id: string; state: number; first: boolean } | undefined;
  private gap = 0;
  private rows = 0;
  private firstIdRow = -1;
  private lastIdRow = -1;
  private lone = 0;

  constructor(
    private readonly ready: (i: number, row: R, state: number) => void,
    private readonly later: (i: number, row: R, slot: StateSlot) => void,
  ) {}

  add(row: R, id: string, code: number, blank: boolean): void {
    const i = this.rows++;
    if (id === '') {
      if (!blank) this.lone++;
      if (!this.open) {
        this.ready(i, row, householdOfUnknownOthers(code));
        return;
      }
      this.held.push({ i, row, code, own: true });
      if (++this.gap > MAX_HELD_WITHOUT_ID) this.close(false);
      return;
    }
    if (!this.open || this.open.id !== id) {
      this.close(false);
      this.open = { id, state: 0, first: this.runIds.length === 0 };
      this.runIds.push(id);
      this.runStarts.push(i);
      this.codes = [];
    }
    this.open.state = addMember(this.open.state, code);
    this.codes.push(code);
    if (this.open.first) this.headCodes = this.codes;
    this.held.push({ i, row, code, own: false });
    this.gap = 0;
    if (this.firstIdRow < 0) this.firstIdRow = i;
    this.lastIdRow = i;
  }

  /** The end of the piece: what the main thread needs to join it to its neighbours. */
  end(): PieceRuns {
    const last = this.runIds.length - 1;
    const tailCodes = last >= 0 ? Int32Array.from(this.codes) : new Int32Array(0);
    this.close(true);
    return {
      rows: this.rows,
      runIds: this.runIds,
      runStarts: Int32Array.from(this.runStarts),
      headCodes: Int32Array.from(this.headCodes),
      tailCodes,
      leadingGap: this.firstIdRow < 0 ? this.rows : this.firstIdRow,
      trailingGap: this.lastIdRow < 0 ? this.rows : this.rows - 1 - this.lastIdRow,
      lone: this.lone,
    };
  }

  /** Ends the open run: its rows are ready, or wait for the piece's neighbours when it is the first or (at the end) the last. */
  private close(atEnd: boolean): void {
    const open = this.open;
    if (!open) return;
    const slot: StateSlot | undefined = open.first ? 'head' : atEnd ? 'tail' : undefined;
    for (const h of this.held) {
      const own = householdOfUnknownOthers(h.code);
      if (slot === undefined) this.ready(h.i, h.row, h.own ? own : open.state);
      else this.later(h.i, h.row, h.own ? own : slot);
    }
    this.held = [];
    this.open = undefined;
  }
}

/** A piece ready to be checked: its first row number and the states of its first and last household. */
export interface PieceStates {
  seq: number;
  firstRow: number;
  headState: number;
  tailState: number;
}

interface Waiting {
  seq: number;
  firstRow: number;
  headState: number | undefined;
  tailState: number | undefined;
  runs: number;
}

interface OpenHousehold {
  id: string;
  state: number;
  /** Pieces whose first or last run is this household. */
  waiting: { piece: Waiting; slot: 'headState' | 'tailState' }[];
}

/** Joins pieces' runs in file order into households; pieces come out once their states are known. */
export class SortedJoiner {
  households = 0;
  private open: OpenHousehold | undefined;
  /** Id-less rows since the last row with a household id. */
  private gap = 0;
  private readonly ended = new HouseholdIdSet();
  private readonly pending: Waiting[] = [];
  private nextRow: number;
  private nextSeq = 0;

  /** `firstRow` is the spreadsheet row number of the first data row. */
  constructor(
    private readonly file: string,
    firstRow = 2,
  ) {
    this.nextRow = firstRow;
  }

  /** The next piece in file order. Throws NOT_SORTED when a household comes back. */
  add(piece: PieceRuns): void {
    const waiting: Waiting = { seq: this.nextSeq++, firstRow: this.nextRow, headState: undefined, tailState: undefined, runs: piece.runIds.length };
    this.nextRow += piece.rows;
    this.pending.push(waiting);
    this.households += piece.lone;
    const n = piece.runIds.length;
    if (n === 0) {
      this.gap += piece.rows;
      if (this.gap > MAX_HELD_WITHOUT_ID) this.close();
      return;
    }
    if (this.gap + piece.leadingGap > MAX_HELD_WITHOUT_ID) this.close();
    for (let j = 0; j < n; j++) {
      const id = piece.runIds[j];
      const codes = j === 0 ? piece.headCodes : j === n - 1 ? piece.tailCodes : undefined;
      if (j === 0 && this.open?.id === id) {
        this.fold(codes!);
      } else {
        this.close();
        if (this.ended.has(id)) {
          const row = waiting.firstRow + piece.runStarts[j];
          throw new BatchInputError('NOT_SORTED', `户编号 ${id} 在第 ${row} 行又出现了，它前面的成员已经核查过；去掉 --sorted 再运行`, {
            file: this.file,
            line: row,
            field: 'household_id',
          });
        }
        this.open = { id, state: 0, waiting: [] };
        this.households++;
        if (codes) this.fold(codes);
      }
      if (j === 0) this.open!.waiting.push({ piece: waiting, slot: 'headState' });
      if (j === n - 1) this.open!.waiting.push({ piece: waiting, slot: 'tailState' });
    }
    this.gap = piece.trailingGap;
  }

  /** The spreadsheet row number of the first row of the next piece. */
  get nextRowNumber(): number {
    return this.nextRow;
  }

  /** The end of the file: the last household is complete. */
  end(): void {
    this.close();
  }

  /** Pieces whose households are all known, in file order, each once. */
  ready(): PieceStates[] {
    const out: PieceStates[] = [];
    while (this.pending.length > 0) {
      const p = this.pending[0];
      if (p.runs > 0 && (p.headState === undefined || p.tailState === undefined)) break;
      this.pending.shift();
      out.push({ seq: p.seq, firstRow: p.firstRow, headState: p.headState ?? 0, tailState: p.tailState ?? 0 });
    }
    return out;
  }

  private fold(codes: Int32Array): void {
    let state = this.open!.state;
    for (let i = 0; i < codes.length; i++) state = addMember(state, codes[i]);
    this.open!.state = state;
  }

  private close(): void {
    const open = this.open;
    if (!open) return;
    this.ended.add(open.id);
    for (const w of open.waiting) w.piece[w.slot] = open.state;
    this.open = undefined;
  }
}
