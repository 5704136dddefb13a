/**
 * The operator table: what each operator accepts, how its value is shaped,
 * how it reads in Chinese and English, how it evaluates and how it compiles.
 * The rule schema's list of operator names is built from this table, so the
 * schema, the checker and the engine cannot drift apart.
 */
import { addYears, completedYears } from '../profile/dates.js';
import type { FieldDef, FieldType } from '../profile/fields.js';

/** How an operator's `value` is shaped. */
export type ValueShape =
  | 'boolean' // true / false
  | 'scalar' // one value of the fact's type
  | 'list' // values of the fact's type
  | 'number' // a number or { param: NAME }
  | 'range' // [min, max]
  | 'member' // one allowed value of a set fact
  | 'members' // allowed values of a set fact
  | 'years'; // a positive number of years

export interface OperatorDef {
  name: string;
  accepts: readonly FieldType[];
  shape: ValueShape;
  zh: string;
  en: string;
  /** Evaluates with both sides known. */
  test: (fact: any, value: any, asOf: string) => boolean;
  /** JavaScript source of the same test; `x` is the fact, `v` the value's source (JSON), `c.asOf` the date. */
  js: (x: string, v: string) => string;
}

const list = (v: string) => JSON.parse(v) as unknown[];
const orJoin = (parts: string[], glue: string, empty: string) => (parts.length ? `(${parts.join(glue)})` : empty);

export const OPERATORS = [
  { name: 'is', accepts: ['boolean'], shape: 'boolean', zh: '为', en: 'is', test: (f, v) => f === v, js: (x, v) => `${x}===${v}` },
  { name: 'eq', accepts: ['enum', 'string', 'integer', 'number'], shape: 'scalar', zh: '为', en: 'is', test: (f, v) => f === v, js: (x, v) => `${x}===${v}` },
  { name: 'ne', accepts: ['enum', 'string', 'integer', 'number'], shape: 'scalar', zh: '不为', en: 'is not', test: (f, v) => f !== v, js: (x, v) => `${x}!==${v}` },
  { name: 'in', accepts: ['enum', 'integer'], shape: 'list', zh: '为以下之一', en: 'is one of', test: (f, v: unknown[]) => v.includes(f), js: (x, v) => orJoin(list(v).map((e) => `${x}===${JSON.stringify(e)}`), '||', 'false') },
  { name: 'not_in', accepts: ['enum', 'integer'], shape: 'list', zh: '不为以下任一', en: 'is none of', test: (f, v: unknown[]) => !v.includes(f), js: (x, v) => orJoin(list(v).map((e) => `${x}!==${JSON.stringify(e)}`), '&&', 'true') },
  { name: 'gt', accepts: ['integer', 'number'], shape: 'number', zh: '>', en: '>', test: (f, v) => f > v, js: (x, v) => `${x}>${v}` },
  { name: 'gte', accepts: ['integer', 'number'], shape: 'number', zh: '≥', en: '≥', test: (f, v) => f >= v, js: (x, v) => `${x}>=${v}` },
  { name: 'lt', accepts: ['integer', 'number'], shape: 'number', zh: '<', en: '<', test: (f, v) => f < v, js: (x, v) => `${x}<${v}` },
  { name: 'lte', accepts: ['integer', 'number'], shape: 'number', zh: '≤', en: '≤', test: (f, v) => f <= v, js: (x, v) => `${x}<=${v}` },
  { name: 'between', accepts: ['integer', 'number'], shape: 'range', zh: '在以下范围内（含两端）', en: 'is between (inclusive)', test: (f, v: number[]) => f >= v[0] && f <= v[1], js: (x, v) => `(${x}>=${list(v)[0]}&&${x}<=${list(v)[1]})` },
  { name: 'has', accepts: ['set'], shape: 'member', zh: '包含', en: 'includes', test: (f: string[], v) => f.includes(v), js: (x, v) => `${x}.includes(${v})` },
  { name: 'has_any', accepts: ['set'], shape: 'members', zh: '包含任一', en: 'includes any of', test: (f: string[], v: string[]) => v.some((e) => f.includes(e)), js: (x, v) => orJoin(list(v).map((e) => `${x}.includes(${JSON.stringify(e)})`), '||', 'false') },
  { name: 'has_all', accepts: ['set'], shape: 'members', zh: '包含全部', en: 'includes all of', test: (f: string[], v: string[]) => v.every((e) => f.includes(e)), js: (x, v) => orJoin(list(v).map((e) => `${x}.includes(${JSON.stringify(e)})`), '&&', 'true') },
  { name: 'within_years', accepts: ['date'], shape: 'years', zh: '在核查日前以下年数之内', en: 'is within this many years before the check date', test: (f: string, v: number, asOf) => f <= asOf && asOf <= addYears(f, v), js: (x, v) => `(${x}<=c.asOf&&c.asOf<=h.addYears(${x},${v}))` },
  { name: 'age_between', accepts: ['date'], shape: 'range', zh: '至核查日的周岁数在以下范围内', en: 'gives an age (in completed years) between', test: (f: string, v: number[], asOf) => { const y = completedYears(f, asOf); return y >= v[0] && y <= v[1]; }, js: (x, v) => `((y=h.years(${x},c.asOf))>=${list(v)[0]}&&y<=${list(v)[1]})` },
] as const satisfies readonly OperatorDef[];

export type OperatorName = (typeof OPERATORS)[number]['name'];

export const OPERATOR_NAMES = OPERATORS.map((o) => o.name) as [OperatorName, ...OperatorName[]];

export const OPERATOR_BY_NAME: ReadonlyMap<string, OperatorDef> = new Map(OPERATORS.map((o) => [o.name, o as OperatorDef]));

/** Helpers the generated code calls. */
export const CODEGEN_HELPERS = { addYears, years: completedYears };

/** Whether `value` is a legal single value of `field` (an enum value, an integer…). */
const inRange = (field: FieldDef, n: number) => (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);

export function isValueOfField(field: FieldDef, value: unknown): boolean {
  switch (field.type) {
    case 'enum':
    case 'set':
      return typeof value === 'string' && (field.values ?? []).some((v) => v.value === value);
    // A value the fact can never take (disability grade 9 of 1–4) is a typo, not a rule.
    case 'integer':
      return Number.isInteger(value) && inRange(field, value as number);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && inRange(field, value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string';
  }
}

export function isParamRef(value: unknown): value is { param: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { param?: unknown }).param === 'string';
}

/**
 * Checks a leaf's value against its operator and fact; returns a problem
 * description or undefined. `params` are the defined parameter names.
 */
export function checkLeafValue(op: OperatorDef, field: FieldDef, value: unknown, params: ReadonlySet<string>): { code: 'BAD_VALUE' | 'UNKNOWN_PARAM'; detail: string } | undefined {
  const bad = (detail: string) => ({ code: 'BAD_VALUE' as const, detail });
  const allowed = () => (field.values ?? []).map((v) => v.value).join(', ');
  const range = field.min !== undefined || field.max !== undefined ? `（${field.min ?? '…'}—${field.max ?? '…'}）` : '';
  switch (op.shape) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad(`${op.name} 需要 true 或 false`);
    case 'scalar':
      if (isValueOfField(field, value)) return undefined;
      return bad(field.values ? `${JSON.stringify(value)} 不是 ${field.key} 的取值（${allowed()}）` : `${op.name} 需要一个 ${field.type} 类型的值${range}，得到 ${JSON.stringify(value)}`);
    case 'list':
    case 'members':
      if (!Array.isArray(value) || value.length === 0) return bad(`${op.name} 需要一个非空列表`);
      for (const e of value) {
        if (!isValueOfField(field, e)) return bad(`${JSON.stringify(e)} 不是 ${field.key} 的取值${field.values ? `（${allowed()}）` : range}`);
      }
      return undefined;
    case 'member':
      return isValueOfField(field, value) ? undefined : bad(`${JSON.stringify(value)} 不是 ${field.key} 的取值（${allowed()}）`);
    case 'number':
      if (isParamRef(value)) return params.has(value.param) ? undefined : { code: 'UNKNOWN_PARAM', detail: `参数 ${value.param} 未在 parameters.yaml 中定义` };
      return typeof value === 'number' && Number.isFinite(value) ? undefined : bad(`${op.name} 需要数字或 { param: 名称 }，得到 ${JSON.stringify(value)}`);
    case 'range':
      if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n)) && value[0] <= value[1]) return undefined;
      return bad(`${op.name} 需要 [最小值, 最大值]（最小值 ≤ 最大值），得到 ${JSON.stringify(value)}`);
    case 'years':
      return typeof value === 'number' && value > 0 ? undefined : bad(`${op.name} 需要一个正数（年），得到 ${JSON.stringify(value)}`);
  }
}
