/**
 * Pass 1 of an unsorted roster: which household each row belongs to and the
 * folded facts of every household, without keeping any row. Memory is a
 * map of household ids while reading (dropped at the end), one int per
 * household and one int per row: a million rows cost about 4 MB plus the ids.
 */
import { addMember, householdOfUnknownOthers } from './household-facts.js';
import { NumberTable, idAsNumber } from './number-table.js';

export class HouseholdIndex {
  private ids: Map<string, number> | undefined = new Map();
  /** Household ids that are numbers (most rosters'), kept apart from the text ones: cheaper by far. */
  private numbers = new NumberTable();
  private states: Int32Array = new Int32Array(1024);
  private households = 0;
  private rowHousehold: Int32Array = new Int32Array(4096);
  private rows = 0;

  /** Records the next row: its household id ('' for none: a household of unknown others) and member code. */
  add(householdId: string, code: number): void {
    const number = idAsNumber(householdId);
    if (!Number.isNaN(number)) {
      this.addNumber(number, code);
      return;
    }
    const ids = this.ids;
    if (!ids) throw new Error('HouseholdIndex: add after finish');
    if (householdId === '') {
      const h = this.newHousehold();
      this.states[h] = householdOfUnknownOthers(code);
      this.push(h);
      return;
    }
    let h = ids.get(householdId);
    if (h === undefined) {
      h = this.newHousehold();
      ids.set(householdId, h);
    }
    this.addTo(h, code);
  }

  /** Records the next row by its household id as a number (idAsNumber): a worker sends such ids as numbers. */
  addNumber(householdId: number, code: number): void {
    if (!this.ids) throw new Error('HouseholdIndex: add after finish');
    let h = this.numbers.get(householdId);
    if (h < 0) {
      h = this.newHousehold();
      this.numbers.set(householdId, h);
    }
    this.addTo(h, code);
  }

  private newHousehold(): number {
    const h = this.households++;
    if (h >= this.states.length) this.states = grow(this.states);
    return h;
  }

  private addTo(h: number, code: number): void {
    this.states[h] = addMember(this.states[h], code);
    this.push(h);
  }

  /** Records the next row as one that belongs to no household (a blank row). */
  skip(): void {
    this.push(-1);
  }

  private push(h: number): void {
    if (this.rows >= this.rowHousehold.length) this.rowHousehold = grow(this.rowHousehold);
    this.rowHousehold[this.rows++] = h;
  }

  get rowCount(): number {
    return this.rows;
  }

  get householdCount(): number {
    return this.households;
  }

  /** Ends pass 1: the id map is dropped; what pass 2 needs is the state of each row's household. */
  finish(): HouseholdStates {
    this.ids = undefined;
    this.numbers = new NumberTable(0);
    return new HouseholdStates(this.rowHousehold.subarray(0, this.rows), this.states.subarray(0, this.households));
  }
}

/** The household state of each row, by its position among the data rows (0 = first after the header). */
export class HouseholdStates {
  constructor(
    readonly rowHousehold: Int32Array,
    readonly states: Int32Array,
  ) {}

  get rowCount(): number {
    return this.rowHousehold.length;
  }

  stateOfRow(ordinal: number): number {
    const h = this.rowHousehold[ordinal];
    return h === undefined || h < 0 ? 0 : this.states[h];
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
