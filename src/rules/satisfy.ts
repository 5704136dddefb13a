/**
 * Can a rule be met at all? Can anyone fail it? Answered by evaluating the
 * compiled rule over the finite domains of its facts: both booleans, every
 * enum value, every subset of the set members the rule names, and for
 * numbers and dates the values on and around each boundary the rule
 * mentions. Facts are assigned one at a time, the rest left unknown; the
 * three-valued engine settles many branches before every fact is known
 * (Kleene logic is monotone: a known answer stays when more becomes known),
 * so the search stays small.
 */
import { compileCondition } from '../engine/compile.js';
import type { EvalContext } from '../engine/context.js';
import { FALSE, TRUE, UNKNOWN, type Truth } from '../engine/truth.js';
import { addYears } from '../profile/dates.js';
import { FIELD_BY_KEY, type FieldDef } from '../profile/fields.js';
import { isParamRef } from './operators.js';
import { isLeaf, leavesOf, type Condition, type Leaf } from './types.js';

/** Beyond this many evaluations a search gives up and says nothing. */
const BUDGET = 200_000;

/** A value standing for "any text the rule does not mention". */
const OTHER_TEXT = '\u0000其他';

/** Whether a condition tree says `{ everyone: true }` anywhere. */
export function mentionsEveryone(cond: Condition | undefined): boolean {
  if (!cond || isLeaf(cond)) return false;
  if ('everyone' in cond) return true;
  if ('not' in cond) return mentionsEveryone(cond.not);
  return ('all' in cond ? cond.all : cond.any).some(mentionsEveryone);
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function subsets<T>(members: T[]): T[][] {
  let out: T[][] = [[]];
  for (const m of members) out = out.concat(out.map((s) => [...s, m]));
  return out;
}

function numbersAround(thresholds: number[], field: FieldDef): number[] {
  const integer = field.type === 'integer';
  const ts = [...new Set(thresholds)].sort((a, b) => a - b);
  const raw: number[] = [];
  if (ts.length === 0) raw.push(field.min ?? 0);
  ts.forEach((t, i) => {
    raw.push(t, t - 1, t + 1);
    if (i + 1 < ts.length) raw.push((t + ts[i + 1]) / 2);
  });
  if (field.min !== undefined) raw.push(field.min);
  if (field.max !== undefined) raw.push(field.max);
  const out = new Set<number>();
  for (const n of raw) {
    for (const v of integer ? [Math.floor(n), Math.ceil(n)] : [n]) {
      if (field.min !== undefined && v < field.min) continue;
      if (field.max !== undefined && v > field.max) continue;
      out.add(v);
    }
  }
  return [...out];
}

/** The candidate values of each fact, enough to reach every answer the rule can give. */
export function factDomains(cond: Condition, ctx: EvalContext): Map<string, unknown[]> {
  const byFact = new Map<string, Leaf[]>();
  for (const leaf of leavesOf(cond)) byFact.set(leaf.fact, [...(byFact.get(leaf.fact) ?? []), leaf]);
  const domains = new Map<string, unknown[]>();
  for (const [fact, leaves] of byFact) {
    const field = FIELD_BY_KEY.get(fact);
    if (!field) continue;
    const values = leaves.flatMap((l) => {
      const v = isParamRef(l.value) ? ctx.params[l.value.param] : l.value;
      return Array.isArray(v) ? v : v === undefined ? [] : [v];
    });
    switch (field.type) {
      case 'boolean':
        domains.set(fact, [true, false]);
        break;
      case 'enum':
        domains.set(fact, (field.values ?? []).map((v) => v.value));
        break;
      case 'set':
        domains.set(fact, subsets([...new Set(values.filter((v): v is string => typeof v === 'string'))]));
        break;
      case 'integer':
      case 'number':
        domains.set(fact, numbersAround(values.filter((v): v is number => typeof v === 'number'), field));
        break;
      case 'string':
        domains.set(fact, [...new Set([...values.filter((v) => typeof v === 'string'), OTHER_TEXT])]);
        break;
      case 'date': {
        const years = [...new Set(values.filter((v): v is number => typeof v === 'number').flatMap((y) => [y, y + 1]))];
        const dates = new Set<string>([ctx.asOf, shiftDays(ctx.asOf, 1)]);
        for (const y of years) {
          const at = addYears(ctx.asOf, -y);
          dates.add(at).add(shiftDays(at, 1)).add(shiftDays(at, -1));
        }
        domains.set(fact, [...dates]);
        break;
      }
    }
  }
  return domains;
}

export interface Reach {
  /** Some profile makes the rule hold. */
  canHold: boolean;
  /** Some profile makes the rule fail. */
  canFail: boolean;
}

/**
 * Which answers a condition can give, over fully known profiles. Undefined
 * when the search ran out of budget (too many facts to settle).
 */
export function reach(cond: Condition, ctx: EvalContext): Reach | undefined {
  const fn = compileCondition(cond);
  const domains = [...factDomains(cond, ctx)];
  const profile: Record<string, unknown> = {};
  let budget = BUDGET;
  const find = (want: Truth, i: number): boolean | undefined => {
    if (--budget < 0) return undefined;
    const r = fn(profile, ctx);
    if (r !== UNKNOWN) return r === want;
    if (i === domains.length) return false;
    const [fact, values] = domains[i];
    let result: boolean | undefined = false;
    for (const v of values) {
      profile[fact] = v;
      result = find(want, i + 1);
      if (result !== false) break;
    }
    delete profile[fact];
    return result;
  };
  const canHold = find(TRUE, 0);
  budget = BUDGET;
  const canFail = find(FALSE, 0);
  if (canHold === undefined || canFail === undefined) return undefined;
  return { canHold, canFail };
}

export interface DeadBranch {
  /** Path from the condition given to the branch that can never hold. */
  path: (string | number)[];
  condition: Condition;
}

/**
 * The smallest sub-conditions that no profile can satisfy: a branch of an
 * `any` that can never hold, or an `all` whose members contradict each
 * other. A node is named only when none of its children already is.
 */
export function deadBranches(cond: Condition, ctx: EvalContext, path: (string | number)[] = []): DeadBranch[] {
  const found: DeadBranch[] = [];
  if (!isLeaf(cond) && !('everyone' in cond)) {
    if ('not' in cond) found.push(...deadBranches(cond.not, ctx, [...path, 'not']));
    else {
      const key = 'all' in cond ? 'all' : 'any';
      const children = 'all' in cond ? cond.all : cond.any;
      children.forEach((c, i) => found.push(...deadBranches(c, ctx, [...path, key, i])));
    }
  }
  if (found.length > 0) return found;
  const r = reach(cond, ctx);
  return r && !r.canHold ? [{ path, condition: cond }] : [];
}
