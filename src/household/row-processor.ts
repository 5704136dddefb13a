/**
 * One roster row from cells to an output row, in two steps so households
 * can be folded in between: prepare (normalise, mask, member facts), then
 * finish (add the household's facts, check every item).
 */
import { isExcelENotation } from '../profile/excel-number.js';
import { looksLikeIdNumber, maskBirthDateText, maskIdNumber, maskIdNumbersInText } from '../profile/id-number.js';
import type { Profile } from '../profile/normalise.js';
import { rowIssue, type Lang, type RowIssue, type RowProblem } from './batch-error.js';
import type { BatchChecker } from './batch-checker.js';
import type { ColumnPlan } from './columns.js';
import { absentFacts } from './absent-facts.js';
import { applyHouseholdFacts } from './household-facts.js';
import { MEMBER_KEYS, UNKNOWN_MEMBER, memberCode, unknownMember } from './member-facts.js';
import type { OutRow } from './out-row.js';
import { compileRowNormaliser, type RowNormaliser } from './row-normaliser.js';
import { LONE_LINE_FEED } from './csv-source.js';
import { householdIdOf, noPersonTest, type NoPersonTest } from './rows.js';
import { StatusSlab } from './status-slab.js';
import { WarningTally } from './warning-tally.js';
import type { Issue } from '../issues.js';

export interface RowProcessorOptions {
  plan: ColumnPlan;
  asOf: string;
  lang: Lang;
  checker: BatchChecker;
  file?: string;
  /** Keep the profile and full results (JSON lines). */
  full?: boolean;
}

export interface PreparedRow {
  row: number;
  householdId: string;
  shown: string[];
  /** The member's facts for the household, packed (member-facts.ts). */
  code: number;
  profile?: Profile;
  issues?: RowIssue[];
  /** What the reader warned of (checked all the same). */
  warnings?: readonly Issue[];
}

/** The problems of a row that could not be read as cells (unreadable()). */
/** Rows that are nobody: in no household (rows.ts noPersonTest). */
const NO_PERSON: ReadonlySet<string> = new Set<RowProblem>(['EMPTY_ROW', 'FOOTER_ROW', 'HEADER_ROW', 'TITLE_ROW']);
const UNREADABLE: ReadonlySet<string> = new Set([...NO_PERSON, 'BROKEN_ROW', 'TOO_MANY_CELLS', 'MIXED_LINE_ENDS']);

/** A date in a message: 1960-06-01, 1960/6/1, 1960年6月1日. */
const DATE_IN_TEXT = /(?<![0-9])([0-9]{4})[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?/g;
/** A date written as eight digits (19600601). */
const COMPACT_DATE = /(?<![0-9])(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])/g;

/** Whether a prepared row is nobody (blank, a footer, the header again, a title): in no household. */
export const isNobody = (p: PreparedRow): boolean => p.issues !== undefined && NO_PERSON.has(p.issues[0].code);

/**
 * The household a prepared row is grouped in for --sorted: its id, or none
 * when the id cannot be trusted (E notation: the row is an error row, and it
 * must not end the household around it) or the row is nobody (a footer).
 */
export const groupingId = (p: PreparedRow): string => {
  const code = p.issues?.[0]?.code;
  return code === undefined ? p.householdId : code === 'HOUSEHOLD_ID_LOST' || NO_PERSON.has(code) ? '' : p.householdId;
};

/** A carried column whose name says birth date: its month and day would give a masked ID number's hidden digits away. */
const BIRTH_COLUMN_NAME = /出生|生日|birth/i;

/** Masks ID numbers that stand inside a longer cell; cheap when the cell is too short to hold one. */
function maskEmbeddedIds(text: string): string {
  return text.length < 15 ? text : maskIdNumbersInText(text);
}

/** Output column order of the shown cells: identifying columns, then carried ones. */
export function shownColumns(plan: ColumnPlan): number[] {
  return [...plan.identifying, ...plan.carried];
}

/** Why a row cannot even be read as cells, or is nobody (`noPerson`, rows.ts), or undefined. */
export function unreadable(cells: readonly string[], width: number, broken: string | undefined, lang: Lang, noPerson: NoPersonTest): RowIssue | undefined {
  if (broken === LONE_LINE_FEED) return rowIssue('MIXED_LINE_ENDS', lang);
  if (broken !== undefined) return rowIssue('BROKEN_ROW', lang, broken);
  const nobody = noPerson(cells);
  if (nobody !== undefined) return rowIssue(nobody, lang);
  for (let i = width; i < cells.length; i++) {
    if (cells[i].trim() !== '') return rowIssue('TOO_MANY_CELLS', lang, `${cells.length} > ${width}`);
  }
  return undefined;
}

export class RowProcessor {
  /** Per item and status (item * 3 + status): how many rows got that answer. */
  readonly counts: Int32Array;
  rows = 0;
  errors = 0;
  /** Warnings of the rows finished, by code. */
  readonly warnings = new WarningTally();
  /** Rows (not blank ones) without a household id: their household facts are unknown (merged cells, say). */
  withoutId = 0;
  /** Rows that are nobody (blank, a footer, the header again, a title), among the errors. */
  nobody = 0;
  private readonly normalise: RowNormaliser;
  private readonly member: (cells: readonly string[], row: number) => number;
  private readonly shownCols: number[];
  /** By shown column: the ID column or a column named for ID numbers, masked whole. */
  private readonly maskWhole: boolean[];
  /** By shown column: a carried column named for birth dates (生日, 出生年月), month and day masked. */
  private readonly maskDate: boolean[];
  private readonly width: number;
  /** Blank rows, footers, the header again, titles (rows.ts). */
  readonly noPerson: NoPersonTest;
  private readonly slab: StatusSlab;
  private readonly statuses: (profile: Profile, out: Uint8Array) => void;

  constructor(private readonly options: RowProcessorOptions) {
    const { plan } = options;
    this.normalise = compileRowNormaliser(plan, { asOf: options.asOf, file: options.file });
    this.member = memberReader(plan, options.asOf);
    this.shownCols = shownColumns(plan);
    const idCol = plan.columnOf.get('id_number');
    this.maskWhole = this.shownCols.map((c) => c === idCol || plan.idNamed.has(c));
    this.maskDate = this.shownCols.map((c) => plan.keys[c] === undefined && BIRTH_COLUMN_NAME.test(plan.labels[c]));
    this.width = plan.labels.length;
    this.noPerson = noPersonTest(plan.labels);
    this.counts = new Int32Array(options.checker.items.length * 3);
    this.slab = new StatusSlab(options.checker.items.length);
    const { checker } = options;
    this.statuses = checker.without ? checker.without(absentFacts(plan)) : (profile, out) => checker.statuses(profile, out);
  }

  /**
   * The shown cells as written, but for ID numbers: the ID column, a column
   * named for them and a cell that is one are masked whole, any other cell
   * has the ID numbers inside it masked (a household id that is the head's
   * ID number, a remark, the rest of a file swallowed by an unclosed quote).
   */
  private shown(cells: readonly string[]): string[] {
    const cols = this.shownCols;
    const out: string[] = [];
    for (let i = 0; i < cols.length; i++) {
      const raw = cells[cols[i]] ?? '';
      if (raw === '') out.push('');
      else if (this.maskWhole[i] || looksLikeIdNumber(raw)) out.push(maskIdNumber(raw.trim()));
      else if (this.maskDate[i]) out.push(maskBirthDateText(maskEmbeddedIds(raw)));
      else out.push(maskEmbeddedIds(raw));
    }
    return out;
  }

  private fieldLabel(key: string | undefined): string | undefined {
    if (key === undefined) return undefined;
    const col = this.options.plan.columnOf.get(key);
    const label = col === undefined ? key : this.options.plan.labels[col];
    return label === key ? key : `${label}（${key}）`;
  }

  /** A message with the month and day of every date but the check date masked, and a quoted birth date's every digit but the year. */
  private maskDates(message: string, field: string | undefined): string {
    const asOf = this.options.asOf;
    const masked = message
      .replace(DATE_IN_TEXT, (date, year: string) => (date === asOf ? date : year + date.slice(4).replace(/[0-9]/g, '*')))
      .replace(COMPACT_DATE, (date: string) => `${date.slice(0, 4)}****`);
    return field === 'birth_date' ? masked.replace(/“([^”]*)”/g, (_, value: string) => `“${maskBirthDateText(value)}”`) : masked;
  }

  prepare(cells: readonly string[], row: number, broken?: string): PreparedRow {
    const { plan, lang } = this.options;
    const householdId = householdIdOf(cells, plan.household);
    const shown = this.shown(cells);
    const bad = unreadable(cells, this.width, broken, lang, this.noPerson);
    if (bad) return { row, householdId, shown, code: UNKNOWN_MEMBER, issues: [bad] };
    // Excel shows a number of 12 digits or more so (5.11028E+13): its digits are lost.
    if (isExcelENotation(householdId, 11)) {
      return { row, householdId, shown, code: UNKNOWN_MEMBER, issues: [{ ...rowIssue('HOUSEHOLD_ID_LOST', lang), field: this.fieldLabel('household_id') }] };
    }
    const result = this.normalise(cells, row);
    if (!result.ok) {
      // A date a message quotes (a birth date typed wrongly, or given as the reason for an age) may be what a masked ID number hides.
      const issues = result.issues.map((i) => ({ code: i.code, message: this.maskDates(i.message, i.field), field: this.fieldLabel(i.field) }));
      // What the household learns from the row is what pass 1 reads from it, in a sorted run too.
      return { row, householdId, shown, code: this.member(cells, row), issues };
    }
    const prepared: PreparedRow = { row, householdId, shown, code: memberCode(result.profile), profile: result.profile };
    if (result.warnings.length > 0) prepared.warnings = result.warnings;
    return prepared;
  }

  /** Adds the household state's facts and checks every item; warnings go to `warnings` (this.warnings unless a piece keeps its own). */
  finish(p: PreparedRow, householdState: number, warnings: WarningTally = this.warnings): OutRow {
    this.rows++;
    // A row that could not be read as cells is not counted: its facts are not read at all.
    if (p.householdId === '' && !UNREADABLE.has(p.issues?.[0]?.code ?? '')) this.withoutId++;
    if (isNobody(p)) this.nobody++;
    const out: OutRow = { row: p.row, householdId: p.householdId, shown: p.shown };
    if (!p.profile) {
      this.errors++;
      out.issues = p.issues;
      return out;
    }
    const profile = applyHouseholdFacts(p.profile, householdState, p.code);
    const statuses = this.slab.next();
    this.statuses(profile, statuses);
    const counts = this.counts;
    for (let i = 0; i < statuses.length; i++) counts[i * 3 + statuses[i]]++;
    out.statuses = statuses;
    if (p.warnings) {
      out.warnings = p.warnings.map((w) => w.message);
      // A merged township is named in the note: it says what to put right.
      for (const w of p.warnings) warnings.add(w.code, p.row, w.code === 'OLD_TOWNSHIP' ? String(profile.township) : undefined);
    }
    if (this.options.full) {
      out.profile = profile;
      out.results = this.options.checker.results(profile);
    }
    return out;
  }
}

/**
 * Pass 1's reading of a row: only the keys household facts need, so a row
 * that fails on another cell still tells its household what these say. A
 * row whose member cells are bad counts as a member of whom nothing is
 * known but, when that cell is good, its relationship to the head.
 */
export function memberReader(plan: ColumnPlan, asOf: string): (cells: readonly string[], row: number, broken?: string) => number {
  const normalise = compileRowNormaliser(plan, { asOf, keys: MEMBER_KEYS });
  const relationship = compileRowNormaliser(plan, { asOf, keys: ['relationship'] });
  // Normalisers without the cells that failed, made when a row first needs one (error rows are few).
  const without = new Map<string, ReturnType<typeof compileRowNormaliser>>();
  const width = plan.labels.length;
  const noPerson = noPersonTest(plan.labels);
  return (cells, row, broken) => {
    if (unreadable(cells, width, broken, 'zh', noPerson)) return UNKNOWN_MEMBER;
    const result = normalise(cells, row);
    if (result.ok) return memberCode(result.profile);
    // The cells that failed are unknown; the member's other facts still count.
    const failed = new Set(result.issues.map((i) => i.field));
    if (!failed.has(undefined)) {
      const keys = MEMBER_KEYS.filter((k) => !failed.has(k));
      const name = keys.join(',');
      let rest = without.get(name);
      if (!rest) without.set(name, (rest = compileRowNormaliser(plan, { asOf, keys })));
      const again = rest(cells, row);
      if (again.ok) return memberCode(again.profile);
    }
    const rel = relationship(cells, row);
    return unknownMember(rel.ok ? rel.profile.relationship : undefined);
  };
}
