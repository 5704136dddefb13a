/**
 * One roster row from cells to an output row, in two steps so households
 * can be folded in between: prepare (normalise, mask, member facts), then
 * finish (add the household's facts, check every item).
 */
import { looksLikeIdNumber, maskIdNumber } from '../profile/id-number.js';
import type { Profile } from '../profile/normalise.js';
import { rowIssue, type Lang, type RowIssue } from './batch-error.js';
import type { BatchChecker } from './batch-checker.js';
import type { ColumnPlan } from './columns.js';
import { applyHouseholdFacts } from './household-facts.js';
import { MEMBER_KEYS, UNKNOWN_MEMBER, memberCode } from './member-facts.js';
import type { OutRow } from './out-row.js';
import { compileRowNormaliser, type RowNormaliser } from './row-normaliser.js';
import { isBlankRow } from './rows.js';

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
}

/** An ID number inside other text (“身份证 5110…”): 15 or 18 characters not touching other digits. */
const EMBEDDED_ID = /(?<!\d)(\d{17}[\dXx]|\d{15})(?![\dXx])/g;

/** Masks ID numbers that stand inside a longer cell; cheap when the cell has no long run of digits. */
export function maskEmbeddedIds(text: string): string {
  if (text.length < 15) return text;
  EMBEDDED_ID.lastIndex = 0;
  return EMBEDDED_ID.test(text) ? text.replace(EMBEDDED_ID, (id) => maskIdNumber(id)) : text;
}

/** Output column order of the shown cells: identifying columns, then carried ones. */
export function shownColumns(plan: ColumnPlan): number[] {
  return [...plan.identifying, ...plan.carried];
}

/** Why a row cannot even be read as cells, or undefined. */
export function unreadable(cells: readonly string[], width: number, broken: string | undefined, lang: Lang): RowIssue | undefined {
  if (broken !== undefined) return rowIssue('BROKEN_ROW', lang, broken);
  if (isBlankRow(cells)) return rowIssue('EMPTY_ROW', lang);
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
  private readonly normalise: RowNormaliser;
  private readonly identifyingCols: number[];
  private readonly carriedCols: number[];
  private readonly maskCols: Set<number>;
  private readonly idCol: number;
  private readonly width: number;

  constructor(private readonly options: RowProcessorOptions) {
    const { plan } = options;
    this.normalise = compileRowNormaliser(plan, { asOf: options.asOf, file: options.file });
    this.identifyingCols = plan.identifying;
    this.carriedCols = plan.carried;
    this.maskCols = plan.idNamed;
    this.idCol = plan.columnOf.get('id_number') ?? -1;
    this.width = plan.labels.length;
    this.counts = new Int32Array(options.checker.items.length * 3);
  }

  /** Identifying cells as written (the ID number masked), then carried cells with any ID number in them masked. */
  private shown(cells: readonly string[]): string[] {
    const out: string[] = [];
    for (const c of this.identifyingCols) {
      const raw = cells[c] ?? '';
      out.push(c === this.idCol && raw !== '' ? maskIdNumber(raw.trim()) : raw);
    }
    for (const c of this.carriedCols) {
      const raw = cells[c] ?? '';
      if (raw === '') out.push('');
      else if (this.maskCols.has(c) || looksLikeIdNumber(raw)) out.push(maskIdNumber(raw.trim()));
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

  prepare(cells: readonly string[], row: number, broken?: string): PreparedRow {
    const { plan, lang } = this.options;
    const householdId = plan.household >= 0 ? (cells[plan.household] ?? '').trim() : '';
    const shown = this.shown(cells);
    const bad = unreadable(cells, this.width, broken, lang);
    if (bad) return { row, householdId, shown, code: UNKNOWN_MEMBER, issues: [bad] };
    const result = this.normalise(cells, row);
    if (!result.ok) {
      const issues = result.issues.map((i) => ({ code: i.code, message: i.message, field: this.fieldLabel(i.field) }));
      return { row, householdId, shown, code: UNKNOWN_MEMBER, issues };
    }
    return { row, householdId, shown, code: memberCode(result.profile), profile: result.profile };
  }

  /** Adds the household state's facts and checks every item. */
  finish(p: PreparedRow, householdState: number): OutRow {
    this.rows++;
    const out: OutRow = { row: p.row, householdId: p.householdId, shown: p.shown };
    if (!p.profile) {
      this.errors++;
      out.issues = p.issues;
      return out;
    }
    const profile = applyHouseholdFacts(p.profile, householdState, p.code);
    const { checker } = this.options;
    const statuses = new Uint8Array(checker.items.length);
    checker.statuses(profile, statuses);
    const counts = this.counts;
    for (let i = 0; i < statuses.length; i++) counts[i * 3 + statuses[i]]++;
    out.statuses = statuses;
    if (this.options.full) {
      out.profile = profile;
      out.results = checker.results(profile);
    }
    return out;
  }
}

/**
 * Pass 1's reading of a row: only the keys household facts need. A row
 * that will be an error row counts as a member of whom nothing is known.
 */
export function memberReader(plan: ColumnPlan, asOf: string): (cells: readonly string[], row: number, broken?: string) => number {
  const normalise = compileRowNormaliser(plan, { asOf, keys: MEMBER_KEYS });
  const width = plan.labels.length;
  return (cells, row, broken) => {
    if (unreadable(cells, width, broken, 'zh')) return UNKNOWN_MEMBER;
    const result = normalise(cells, row);
    return result.ok ? memberCode(result.profile) : UNKNOWN_MEMBER;
  };
}
