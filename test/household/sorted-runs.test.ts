/**
 * A --sorted roster cut into pieces for worker threads must give every row
 * the household state, and stop at the same row, as the one-thread pass
 * (run-batch.ts checkSorted), wherever the cuts fall.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../src/household/batch-error.js';
import { addMember, householdOfUnknownOthers } from '../../src/household/household-facts.js';
import { MAX_HELD_WITHOUT_ID, PieceSplitter, SortedJoiner, type StateSlot } from '../../src/household/sorted-runs.js';

interface Row {
  id: string;
  code: number;
  blank: boolean;
}

type Outcome = { states: number[]; households: number } | { notSortedAt: number };

/** The one-thread rules, written out plainly: rows held until their household ends. */
function reference(rows: readonly Row[]): Outcome {
  const states: number[] = new Array(rows.length);
  const ended = new Set<string>();
  let current: string | undefined;
  let state = 0;
  let held: number[] = [];
  let withoutId = 0;
  let households = 0;
  const close = () => {
    for (const i of held) states[i] = rows[i].id === '' ? householdOfUnknownOthers(rows[i].code) : state;
    held = [];
    state = 0;
    withoutId = 0;
    if (current !== undefined) ended.add(current);
    current = undefined;
  };
  for (let i = 0; i < rows.length; i++) {
    const { id, code, blank } = rows[i];
    if (id !== '' && id !== current) {
      close();
      if (ended.has(id)) return { notSortedAt: i + 2 };
      current = id;
      households++;
    }
    held.push(i);
    if (id !== '') {
      state = addMember(state, code);
      withoutId = 0;
    } else {
      if (!blank) households++;
      if (current === undefined || ++withoutId > MAX_HELD_WITHOUT_ID) close();
    }
  }
  close();
  return { states, households };
}

/** The same rows cut into pieces at `cuts`, split and joined as the worker threads do. */
function inPieces(rows: readonly Row[], cuts: readonly number[]): Outcome {
  const bounds = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < rows.length).sort((a, b) => a - b), rows.length];
  const states: number[] = new Array(rows.length);
  const later: { start: number; waits: { i: number; slot: StateSlot }[] }[] = [];
  const joiner = new SortedJoiner('roster.csv');
  const settle = () => {
    for (const piece of joiner.ready()) {
      const { start, waits } = later[piece.seq];
      expect(piece.firstRow).toBe(start + 2);
      for (const { i, slot } of waits) states[i] = slot === 'head' ? piece.headState : slot === 'tail' ? piece.tailState : slot;
    }
  };
  try {
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k];
      const waits: { i: number; slot: StateSlot }[] = [];
      later.push({ start, waits });
      const splitter = new PieceSplitter<number>(
        (i, row, state) => {
          expect(row).toBe(start + i);
          states[row] = state;
        },
        (i, row, slot) => waits.push({ i: row, slot }),
      );
      for (let i = start; i < bounds[k + 1]; i++) splitter.add(i, rows[i].id, rows[i].code, rows[i].blank);
      joiner.add(splitter.end());
      settle();
    }
    joiner.end();
    settle();
  } catch (e) {
    if (e instanceof BatchInputError && e.problem === 'NOT_SORTED') return { notSortedAt: e.place.line! };
    throw e;
  }
  expect(states.every((s) => s !== undefined)).toBe(true);
  return { states, households: joiner.households };
}

const ids = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
/** Stretches of rows: a household's rows, or rows without a household id, sometimes more than the limit. */
const stretch = fc.oneof(
  fc.record({ id: fc.constantFrom(...ids), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ id: fc.constant(''), n: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: MAX_HELD_WITHOUT_ID - 2, max: MAX_HELD_WITHOUT_ID + 2 })) }),
);
const roster = fc
  .tuple(fc.array(stretch, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }))
  .map(([stretches, codes, blanks]) => {
    const rows: Row[] = [];
    for (const { id, n } of stretches) {
      for (let k = 0; k < n; k++) rows.push({ id, code: codes[rows.length % codes.length], blank: id === '' && blanks[rows.length % blanks.length] });
    }
    return rows;
  });

describe('a sorted roster in pieces', () => {
  it('gives each row the state, the household count and the NOT_SORTED row of the one-thread pass, wherever it is cut', () => {
    fc.assert(
      fc.property(roster, fc.array(fc.nat({ max: 3000 }), { maxLength: 6 }), (rows, cuts) => {
        expect(inPieces(rows, cuts)).toEqual(reference(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('joins a household cut between pieces into one', () => {
    const rows: Row[] = [
      { id: 'A', code: 1, blank: false },
      { id: 'A', code: 2, blank: false },
      { id: '', code: 4, blank: false },
      { id: 'A', code: 8, blank: false },
      { id: 'B', code: 16, blank: false },
    ];
    const whole = addMember(addMember(addMember(0, 1), 2), 8);
    const outcome = inPieces(rows, [1, 3]);
    expect(outcome).toEqual({ states: [whole, whole, householdOfUnknownOthers(4), whole, addMember(0, 16)], households: 3 });
  });

  it('ends a household after more than the limit of rows without an id, inside a piece or across pieces', () => {
    const around = (gap: number): Row[] => [
      { id: 'A', code: 1, blank: false },
      ...Array.from({ length: gap }, () => ({ id: '', code: 0, blank: true })),
      { id: 'A', code: 2, blank: false },
    ];
    for (const cuts of [[], [1], [MAX_HELD_WITHOUT_ID], [500, 700]]) {
      expect(inPieces(around(MAX_HELD_WITHOUT_ID + 1), cuts)).toEqual({ notSortedAt: MAX_HELD_WITHOUT_ID + 4 });
      const joined = inPieces(around(MAX_HELD_WITHOUT_ID), cuts);
      expect('states' in joined && joined.states[0]).toBe(addMember(addMember(0, 1), 2));
    }
  });

  it('stops at the row where a household comes back, in another piece', () => {
    const rows: Row[] = ['A', 'B', 'A'].map((id) => ({ id, code: 0, blank: false }));
    expect(inPieces(rows, [2])).toEqual({ notSortedAt: 4 });
    expect(reference(rows)).toEqual({ notSortedAt: 4 });
  });
});
