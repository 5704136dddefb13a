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

const badArgument = (field: string, detail: string) => new CliError(2, [makeIssue('BAD_ARGUMENT', detail, { field })]);

export function check(profile: Record<string, unknown>, given: CheckCallOptions | null = {}): CheckReport {
  const options = given ?? {};
  const asOf = options.asOf ?? todayIso();
  // Ages are counted to this date: a date that is not one would answer with NaN ages, silently.
  if (!parseIsoDate(asOf)) throw badArgument('asOf', `asOf “${asOf}” 不是真实日期，应为 YYYY-MM-DD`);
  if (options.lang !== undefined && options.lang !== 'zh' && options.lang !== 'en') throw badArgument('lang', `lang “${String(options.lang)}”：可用 zh、en`);
  // A profile is one person's facts by key: anything else (null, a string of YAML, a list) is said, not misread.
  // A Map or a Date is an object too, but its facts (if any) are not its keys: it would be read as no facts at all.
  const collection = profile instanceof Map || profile instanceof Set || profile instanceof Date || ArrayBuffer.isView(profile);
  if (profile === null || typeof profile !== 'object' || Array.isArray(profile) || collection) {
    const got = Array.isArray(profile) ? '数组' : profile === null ? 'null' : typeof profile === 'object' ? (profile.constructor?.name ?? 'object') : typeof profile;
    throw new CliError(2, [makeIssue('NOT_A_MAPPING', `档案应为键值对象（如 { 年龄: 65 }），得到 ${got}`, {})]);
  }
  const catalogue = options.catalogue ?? (builtin ??= loadCatalogue());
  // A misspelt domain would otherwise answer "nothing applies to this person".
  if (options.domain !== undefined && !catalogue.domains.some((d) => d.id === options.domain)) {
    throw badArgument('domain', `domain “${options.domain}”：可用 ${catalogue.domains.map((d) => d.id).join('、')}`);
  }
  const read = normaliseRecord(profile, { asOf });
  if (!read.ok) throw new CliError(2, read.issues);
  return buildReport(checkerFor(catalogue), read.profile, { asOf, domain: options.domain, lang: options.lang, profileWarnings: read.warnings });
}
