/**
 * Compiling condition trees into JavaScript functions, once per catalogue.
 * Every value from a rule file enters the source through JSON.stringify and
 * every fact name as a JSON string property key, never by pasting text.
 */
import { addYears, completedYears, daysInMonth, isLeapYear } from '../profile/dates.js';
import { CODEGEN_HELPERS, OPERATOR_BY_NAME, isParamRef } from '../rules/operators.js';
import { isLeaf, leavesOf, type Catalogue, type Condition, type Item, type Leaf } from '../rules/types.js';
import type { EvalContext } from './context.js';
import type { Truth } from './truth.js';

type Profile = Record<string, unknown>;
export type CompiledCondition = (p: Profile, c: EvalContext) => Truth;

/** YYYYMMDD of an ISO date string that parseIsoDate accepts, else -1; no regular expression, no allocation. */
function isoNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) ? -1 : n;
}

/**
 * The generated code's date helpers: the same answers as dates.ts's
 * completedYears and addYears for every input (test/engine checks it),
 * several times faster on the well-formed strings a profile holds.
 */
export const FAST_HELPERS: typeof CODEGEN_HELPERS = {
  years(from, to) {
    if (typeof from !== 'string' || typeof to !== 'string') return completedYears(from, to);
    const a = isoNumber(from);
    const b = isoNumber(to);
    // (b − a) / 10000 counts whole years: month and day sit in the last four digits.
    return a < 0 || b < 0 ? NaN : Math.floor((b - a) / 10000);
  },
  addYears(date, years) {
    if (typeof date !== 'string' || !Number.isInteger(years)) return addYears(date, years);
    const a = isoNumber(date);
    if (a < 0) return date;
    const y = Math.floor(a / 10000) + years;
    if (y < 1000 || y > 9999) return addYears(date, years);
    return a % 10000 === 229 && !isLeapYear(y) ? `${y}-03-01` : `${y}${date.slice(4)}`;
  },
};

/** Names for one generated function: its variables and its block labels. */
class Emitter {
  private next = 0;
  private nextLabel = 0;
  readonly vars: string[] = [];
  fresh(): string {
    const name = `v${this.next++}`;
    this.vars.push(name);
    return name;
  }
  label(): string {
    return `L${this.nextLabel++}`;
  }
}

/**
 * A condition partly answered before any profile is seen: a Truth stands
 * for a part whose answer is already known (see settleUnknown).
 */
export type Settled = Truth | Leaf | { all: Settled[] } | { any: Settled[] } | { not: Settled };

/** Leaves read the profile and the parameters directly, or through a function's locals. */
function leafCode(leaf: Leaf, out: string, locals?: Locals): string {
  const op = OPERATOR_BY_NAME.get(leaf.op)!;
  const fact = locals ? locals.fact(leaf.fact) : `p[${JSON.stringify(leaf.fact)}]`;
  if (isParamRef(leaf.value)) {
    const param = locals ? locals.param(leaf.value.param) : `c.params[${JSON.stringify(leaf.value.param)}]`;
    return `x=${fact};z=${param};${out}=(x===undefined||z===undefined)?1:(${op.js('x', 'z')})?2:0;`;
  }
  return `x=${fact};${out}=x===undefined?1:(${op.js('x', JSON.stringify(leaf.value))})?2:0;`;
}

function nodeCode(cond: Condition | Settled, out: string, em: Emitter, locals?: Locals): string {
  if (typeof cond === 'number') return `${out}=${cond};`;
  if ('fact' in cond) return leafCode(cond, out, locals);
  if ('everyone' in cond) return `${out}=2;`;
  if ('not' in cond) {
    const t = em.fresh();
    return `${nodeCode(cond.not, t, em, locals)}${out}=2-${t};`;
  }
  const isAll = 'all' in cond;
  const children: (Condition | Settled)[] = isAll ? cond.all : cond.any;
  const label = em.label();
  const t = em.fresh();
  // AND stops at the first false, OR at the first true; unknown is remembered.
  const decisive = isAll ? 0 : 2;
  let code = `${out}=${isAll ? 2 : 0};${label}:{`;
  for (const child of children) {
    code += `${nodeCode(child, t, em, locals)}if(${t}===${decisive}){${out}=${decisive};break ${label};}if(${t}===1)${out}=1;`;
  }
  return `${code}}`;
}

/** Collects the profile keys and the parameters a condition reads. */
function reads(cond: Condition | Settled, facts: Set<string>, params: Set<string>): void {
  for (const leaf of settledLeaves(cond)) {
    facts.add(leaf.fact);
    if (isParamRef(leaf.value)) params.add(leaf.value.param);
  }
}

/**
 * The facts and parameters a generated function reads once, at its top,
 * into locals named by us (a0, a1 … b0 …); rule text appears only inside
 * JSON string keys.
 */
class Locals {
  private readonly facts = new Map<string, string>();
  private readonly params = new Map<string, string>();

  add(cond: Condition | Settled): this {
    const facts = new Set<string>();
    const params = new Set<string>();
    reads(cond, facts, params);
    for (const f of facts) if (!this.facts.has(f)) this.facts.set(f, `a${this.facts.size}`);
    for (const n of params) if (!this.params.has(n)) this.params.set(n, `b${this.params.size}`);
    return this;
  }

  fact(name: string): string {
    return this.facts.get(name)!;
  }

  param(name: string): string {
    return this.params.get(name)!;
  }

  declarations(): string {
    const all = [
      ...[...this.facts].map(([f, local]) => `${local}=p[${JSON.stringify(f)}]`),
      ...[...this.params].map(([n, local]) => `${local}=c.params[${JSON.stringify(n)}]`),
    ];
    return all.length ? `const ${all.join(',')};` : '';
  }
}

/** Two-valued JavaScript for a condition, valid only when every fact and parameter it reads is known. */
function knownCode(cond: Condition, locals: Locals): string {
  if (isLeaf(cond)) {
    const op = OPERATOR_BY_NAME.get(cond.op)!;
    const value = isParamRef(cond.value) ? locals.param(cond.value.param) : JSON.stringify(cond.value);
    return `(${op.js(locals.fact(cond.fact), value)})`;
  }
  if ('everyone' in cond) return 'true';
  if ('not' in cond) return `!${knownCode(cond.not, locals)}`;
  const [children, glue, empty] = 'all' in cond ? [cond.all, '&&', 'true'] : [cond.any, '||', 'false'];
  return children.length ? `(${children.map((c) => knownCode(c, locals)).join(glue)})` : empty;
}

/**
 * Code setting `out` to a condition's answer. When everything the condition
 * reads is known, Kleene logic is plain boolean logic, so a guard checks
 * that and takes a two-valued shortcut (the common case in batches); the
 * three-valued code `slow` runs only when something is unknown. Both give
 * the same answer, stopping at the same condition.
 */
function shortcutCode(cond: Condition, out: string, slow: string, locals: Locals): string {
  const facts = new Set<string>();
  const params = new Set<string>();
  reads(cond, facts, params);
  const guards = [...[...facts].map((f) => locals.fact(f)), ...[...params].map((n) => locals.param(n))].map((v) => `${v}!==undefined`);
  const known = `${out}=${knownCode(cond, locals)}?2:0;`;
  return guards.length ? `if(${guards.join('&&')}){${known}}else{${out}=${slow};}` : known;
}

/** The body of a function (p, c, h) returning a condition's answer with three-valued logic. */
function threeValuedSource(cond: Condition): string {
  const em = new Emitter();
  const body = nodeCode(cond, 'r', em);
  const decls = ['x', 'y', 'z', 'r', ...em.vars].join(',');
  return `let ${decls};${body}return r;`;
}

type Inner<Extra extends unknown[], R> = (p: Profile, c: EvalContext, h: typeof CODEGEN_HELPERS, ...extra: Extra) => R;

/**
 * Functions (p, c, h, …extra) from source, with each condition's
 * three-valued function in scope as s0, s1 ….
 */
function build<Extra extends unknown[], R>(conditions: Condition[], extraParams: string[], body: (locals: Locals) => string): Inner<Extra, R> {
  const slow = conditions.map((cond) => new Function('p', 'c', 'h', threeValuedSource(cond)));
  const locals = new Locals();
  conditions.forEach((cond) => locals.add(cond));
  const params = ['p', 'c', 'h', ...extraParams].join(',');
  const source = `return function(${params}){${locals.declarations()}${body(locals)}};`;
  return new Function(...slow.map((_, i) => `s${i}`), source)(...slow) as Inner<Extra, R>;
}

/** Compiles one condition tree into a function returning 0, 1 or 2. */
export function compileCondition(cond: Condition): CompiledCondition {
  const inner = build<[], Truth>([cond], [], (locals) => `let r;${shortcutCode(cond, 'r', 's0(p,c,h)', locals)}return r;`);
  return (p, c) => inner(p, c, FAST_HELPERS);
}

/** The rule an item's part is judged by: the item's own rule AND the part's. */
export function partCondition(item: Item, partIndex: number): Condition {
  const part = item.parts![partIndex];
  return item.rule ? { all: [item.rule, part.rule] } : part.rule;
}

/** An item's whole rule: its own rule, and when it has parts, any of them. */
export function itemCondition(item: Item): Condition {
  if (!item.parts) return item.rule!;
  const anyPart: Condition = { any: item.parts.map((p) => p.rule) };
  return item.rule ? { all: [item.rule, anyPart] } : anyPart;
}

/**
 * One function for a whole catalogue, writing every item's answer (0
 * ineligible, 1 undetermined, 2 eligible) into `out`, in catalogue order.
 * This is the fast path for batches and benchmarks: no explanations.
 *
 * The function reads every fact once; an item whose facts are all known is
 * a plain boolean expression, inline, and only an item with something
 * unknown calls its own three-valued function. Keeping the three-valued code
 * out of line keeps the main function small enough for V8 to optimise.
 */
export function compileCatalogue(catalogue: Catalogue): (p: Profile, c: EvalContext, out: Uint8Array) => Uint8Array {
  let all: Inner<[Uint8Array], Uint8Array> | undefined;
  // Compiled on first use: a one-person check explains itself by tracing and never calls this.
  return (p, c, out) => {
    all ??= compileAll(catalogue.items.map(itemCondition));
    return all(p, c, FAST_HELPERS, out);
  };
}

function compileAll(conditions: Condition[]): Inner<[Uint8Array], Uint8Array> {
  return build<[Uint8Array], Uint8Array>(conditions, ['o'], (locals) =>
    `${conditions.map((cond, i) => shortcutCode(cond, `o[${i}]`, `s${i}(p,c,h)`, locals)).join('')}return o;`,
  );
}

/** The leaves of a condition, settled or not. */
function settledLeaves(cond: Condition | Settled, out: Leaf[] = []): Leaf[] {
  if (typeof cond === 'number') return out;
  if ('fact' in cond) out.push(cond);
  else if ('all' in cond) for (const c of cond.all) settledLeaves(c, out);
  else if ('any' in cond) for (const c of cond.any) settledLeaves(c, out);
  else if ('not' in cond) settledLeaves(cond.not, out);
  return out;
}

/**
 * A condition with every comparison that reads a fact in `unknown`, or a
 * parameter without a value (`unset`), answered unknown before any profile
 * is seen, and the all/any/not above folded by the engine's Kleene logic:
 * an all with a false part is false, an any with a true part is true, and
 * an unknown part caps an all at unknown and floors an any at it. What is
 * left reads only the other facts; for a profile in which the `unknown`
 * facts are indeed unknown it answers as the whole condition does.
 */
export function settleUnknown(cond: Condition, unknown: ReadonlySet<string>, unset: (param: string) => boolean): Settled {
  if (isLeaf(cond)) return unknown.has(cond.fact) || (isParamRef(cond.value) && unset(cond.value.param)) ? 1 : cond;
  if ('everyone' in cond) return 2;
  if ('not' in cond) {
    const inner = settleUnknown(cond.not, unknown, unset);
    return typeof inner === 'number' ? ((2 - inner) as Truth) : { not: inner };
  }
  const isAll = 'all' in cond;
  const decisive = isAll ? 0 : 2;
  const neutral = isAll ? 2 : 0;
  let capped = false;
  const rest: Settled[] = [];
  for (const child of isAll ? cond.all : cond.any) {
    const settled = settleUnknown(child, unknown, unset);
    if (settled === decisive) return decisive;
    if (settled === neutral) continue;
    if (settled === 1) capped = true;
    else rest.push(settled);
  }
  if (rest.length === 0) return capped ? 1 : neutral;
  if (capped) rest.push(1);
  if (rest.length === 1) return rest[0];
  return isAll ? { all: rest } : { any: rest };
}

/**
 * The whole catalogue's answers, as compileCatalogue gives them, for a batch
 * whose roster has no column for the facts in `absent`: those are settled as
 * unknown once (settleUnknown), with the parameters in force on the check
 * date, so most items are a constant or a few comparisons, inline, instead
 * of a call to their full three-valued function. A profile that has one of
 * those facts after all (say the profile reader learns to derive a fact
 * that absent-facts.ts does not know of yet) is answered by `general`, so
 * every profile gets the same answers.
 */
export function compileSettled(
  catalogue: Catalogue,
  ctx: EvalContext,
  absent: ReadonlySet<string>,
  general: (p: Profile, c: EvalContext, out: Uint8Array) => Uint8Array,
): (p: Profile, out: Uint8Array) => Uint8Array {
  const conditions = catalogue.items.map(itemCondition);
  const read = new Set(conditions.flatMap((cond) => leavesOf(cond).map((leaf) => leaf.fact)));
  const assumed = [...absent].filter((fact) => read.has(fact));
  const settled = conditions.map((cond) => settleUnknown(cond, new Set(assumed), (param) => ctx.params[param] === undefined));
  const locals = new Locals();
  settled.forEach((cond) => locals.add(cond));
  const em = new Emitter();
  const body = settled.map((cond, i) => `${nodeCode(cond, 'r', em, locals)}o[${i}]=r;`).join('');
  const guard = assumed.map((fact) => `p[${JSON.stringify(fact)}]!==undefined`).join('||');
  const source =
    `return function(p,c,h,o){${guard ? `if(${guard})return g(p,c,o);` : ''}` +
    `${locals.declarations()}let ${['x', 'y', 'z', 'r', ...em.vars].join(',')};${body}return o;};`;
  const inner = new Function('g', source)(general) as Inner<[Uint8Array], Uint8Array>;
  return (p, out) => inner(p, ctx, FAST_HELPERS, out);
}
