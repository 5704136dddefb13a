/**
 * The catalogue as two-valued condition trees for one check date, ready to
 * translate into other engines: parameters replaced by their values, and the
 * two date operators (`within_years`, `age_between`) turned into a date
 * range found with our own date functions, so every engine compares ISO
 * date strings and none needs our calendar rules (29 February).
 */
import { itemCondition } from '../src/engine/compile.js';
import { makeContext } from '../src/engine/context.js';
import { addYears, completedYears } from '../src/profile/dates.js';
import { OPERATOR_BY_NAME, isParamRef, type OperatorName } from '../src/rules/operators.js';
import { isLeaf, type Catalogue, type Condition } from '../src/rules/types.js';

export type LoweredOp = Exclude<OperatorName, 'within_years' | 'age_between'> | 'date_gte' | 'date_lte';
export type LoweredLeaf = { fact: string; op: LoweredOp; value: unknown };
export type Lowered = { all: Lowered[] } | { any: Lowered[] } | { not: Lowered } | { everyone: true } | LoweredLeaf;

export const isLoweredLeaf = (c: Lowered): c is LoweredLeaf => 'fact' in c;

const DAY = 86_400_000;
const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

/** The first day in [lo, hi] where a monotone (false…true) test holds, or undefined. */
function firstTrue(lo: number, hi: number, test: (day: number) => boolean): number | undefined {
  if (!test(hi)) return undefined;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const SPAN = 300 * 366;

/**
 * The dates d that satisfy a date operator on `asOf`, as [from, to] (either
 * open when the set reaches the search span), or undefined when none do.
 */
export function dateRange(op: 'within_years' | 'age_between', value: unknown, asOf: string): [string | undefined, string | undefined] | undefined {
  const today = toDays(asOf);
  const lo = today - SPAN;
  const hi = today + SPAN;
  const iso = (d: number) => fromDays(d);
  if (op === 'within_years') {
    // d ≤ asOf and asOf ≤ addYears(d, N); addYears only grows with d.
    const n = value as number;
    const first = firstTrue(lo, today, (d) => asOf <= addYears(iso(d), n));
    return first === undefined ? undefined : [first === lo ? undefined : iso(first), asOf];
  }
  // min ≤ completedYears(d, asOf) ≤ max; completed years only shrink as d grows.
  const [min, max] = value as [number, number];
  const first = firstTrue(lo, hi, (d) => completedYears(iso(d), asOf) <= max);
  const afterLast = firstTrue(lo, hi, (d) => completedYears(iso(d), asOf) < min);
  if (first === undefined) return undefined;
  const last = afterLast === undefined ? hi : afterLast - 1;
  if (last < first) return undefined;
  return [first === lo ? undefined : iso(first), last === hi ? undefined : iso(last)];
}

/** One condition, two-valued, for `asOf` and the parameter values in force. */
export function lower(cond: Condition, asOf: string, params: Record<string, number | undefined>): Lowered {
  if (isLeaf(cond)) {
    if (!OPERATOR_BY_NAME.has(cond.op)) throw new Error(`bench: unknown operator ${cond.op}`);
    if (cond.op === 'within_years' || cond.op === 'age_between') {
      const range = dateRange(cond.op, cond.value, asOf);
      if (!range) return { any: [] };
      const parts: Lowered[] = [];
      if (range[0] !== undefined) parts.push({ fact: cond.fact, op: 'date_gte', value: range[0] });
      if (range[1] !== undefined) parts.push({ fact: cond.fact, op: 'date_lte', value: range[1] });
      return parts.length === 1 ? parts[0] : { all: parts };
    }
    if (isParamRef(cond.value)) {
      const value = params[cond.value.param];
      if (value === undefined) throw new Error(`bench: parameter ${cond.value.param} has no value on ${asOf}`);
      return { fact: cond.fact, op: cond.op, value };
    }
    return { fact: cond.fact, op: cond.op, value: cond.value };
  }
  if ('everyone' in cond) return { everyone: true };
  if ('not' in cond) return { not: lower(cond.not, asOf, params) };
  if ('all' in cond) return { all: cond.all.map((c) => lower(c, asOf, params)) };
  return { any: cond.any.map((c) => lower(c, asOf, params)) };
}

/** Every item's whole rule (its own rule and any of its parts), lowered, in catalogue order. */
export function lowerCatalogue(catalogue: Catalogue, asOf: string): { id: string; rule: Lowered }[] {
  const { params } = makeContext(catalogue, asOf);
  return catalogue.items.map((item) => ({ id: item.id, rule: lower(itemCondition(item), asOf, params) }));
}

/** Evaluates a lowered tree directly: the reference the translations are tested against. */
export function evaluateLowered(cond: Lowered, p: Record<string, unknown>): boolean {
  if (isLoweredLeaf(cond)) {
    const x = p[cond.fact];
    if (cond.op === 'date_gte') return (x as string) >= (cond.value as string);
    if (cond.op === 'date_lte') return (x as string) <= (cond.value as string);
    return OPERATOR_BY_NAME.get(cond.op)!.test(x, cond.value, '');
  }
  if ('everyone' in cond) return true;
  if ('not' in cond) return !evaluateLowered(cond.not, p);
  if ('all' in cond) return cond.all.every((c) => evaluateLowered(c, p));
  return cond.any.some((c) => evaluateLowered(c, p));
}
