/**
 * The one-call library entry: `check(profile, options)` reads a profile given
 * as a plain object (English or Chinese keys and values, as in a YAML file),
 * checks it against the built-in catalogue (or one you pass) and returns the
 * report of spec/cli.md. Invalid facts throw a CliError whose `issues` name
 * each problem; nothing is printed.
 */
import { loadCatalogue } from './catalogue.js';
import { Checker } from './engine/check.js';
import { buildReport, type CheckReport } from './engine/report.js';
import { CliError, makeIssue } from './issues.js';
import { parseIsoDate, todayIso } from './profile/dates.js';
import { normaliseRecord } from './profile/normalise.js';
import type { Lang } from './rules/describe.js';
import type { Catalogue } from './rules/types.js';

export interface CheckCallOptions {
  /** The check date (YYYY-MM-DD); default today. */
  asOf?: string;
  /** Default: the built-in catalogue. */
  catalogue?: Catalogue;
  domain?: string;
  lang?: Lang;
}

const checkers = new WeakMap<Catalogue, Checker>();
let builtin: Catalogue | undefined;

function checkerFor(catalogue: Catalogue): Checker {
  let checker = checkers.get(catalogue);
  if (!checker) {
    checker = new Checker(catalogue);
    checkers.set(catalogue, checker);
  }
  return checker;
}

export function check(profile: Record<string, unknown>, options: CheckCallOptions = {}): CheckReport {
  const asOf = options.asOf ?? todayIso();
  // Ages are counted to this date: a date that is not one would answer with NaN ages, silently.
  if (!parseIsoDate(asOf)) throw new CliError(2, [makeIssue('BAD_ARGUMENT', `asOf “${asOf}” 不是真实日期，应为 YYYY-MM-DD`, { field: 'asOf' })]);
  const read = normaliseRecord(profile, { asOf });
  if (!read.ok) throw new CliError(2, read.issues);
  const catalogue = options.catalogue ?? (builtin ??= loadCatalogue());
  return buildReport(checkerFor(catalogue), read.profile, { asOf, domain: options.domain, lang: options.lang, profileWarnings: read.warnings });
}
