/**
 * Turning zod's issues on a rule file into our coded issues, each at the
 * YAML node it is about. A condition is a union of five shapes; when it
 * fails, zod reports every shape's complaint, so we keep only the shape the
 * author evidently meant (the one with the fewest complaints) and report its
 * issues at their own place: a misspelled operator points at `op`, not at
 * the whole condition.
 */
import type { z } from 'zod';
import { makeIssue, type Issue, type IssueCode } from '../issues.js';
import { nearest } from '../profile/keys.js';
import { placeIssue, type SourceDoc } from '../yaml-source.js';
import { OPERATOR_NAMES } from './operators.js';

/** A value as a message quotes it: JSON, cut short (a text file given as a rule file is one 80 KB string). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 100)}…（共 ${text.length} 个字符）` : text;
}
import { amountSchema, exampleSchema, itemSchema, partSchema, ruleFileSchema, sourceSchema } from './schema.js';

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

const CONDITION_KEYS = ['all', 'any', 'not', 'everyone', 'fact', 'op', 'value'];
const CONDITION_HINT = '条件应为 { all: [...] }、{ any: [...] }、{ not: ... }、{ everyone: true }，或 { fact, op, value }';

/** The keys allowed where an unknown key was found, judged from the path. */
function knownKeys(path: Path): string[] {
  const last = path[path.length - 1];
  const prev = path[path.length - 2];
  const inRule = path.includes('rule');
  if (path.length === 0) return Object.keys(ruleFileSchema.shape);
  if (path[0] === 'parameters') return path.length === 2 ? ['zh', 'unit', 'note', 'values'] : ['from', 'value', 'source'];
  if (typeof last === 'number') {
    if (prev === 'items') return Object.keys(itemSchema.shape);
    if (prev === 'parts') return Object.keys(partSchema.shape);
    if (prev === 'examples') return Object.keys(exampleSchema.shape);
    if (prev === 'amounts') return Object.keys(amountSchema.shape);
  }
  if (last === 'source') return prev !== undefined && typeof prev === 'number' && path[path.length - 3] === 'amounts' ? ['line', 'text'] : Object.keys(sourceSchema.shape);
  if (last === 'valid') return ['from', 'to'];
  if (inRule) return CONDITION_KEYS;
  return [];
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

const toPath = (p: PropertyKey[]): Path => p.map((s) => (typeof s === 'symbol' ? String(s) : s));

/** How badly a union branch fits: every complaint counts, an unknown key once per key. */
function misfit(issues: readonly ZodIssue[]): number {
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
}

const TYPE_WORDS: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', boolean: 'true/false', array: '列表', object: '映射（键: 值）', record: '映射（键: 值）',
};

function missingKeyCode(path: Path): IssueCode {
  const last = path[path.length - 1];
  const amountsAt = path.lastIndexOf('amounts');
  if (last === 'source' && amountsAt >= 0 && amountsAt === path.length - 3) return 'AMOUNT_SOURCE';
  if (last === 'source') return 'MISSING_SOURCE';
  if (last === 'target') return 'MISSING_TARGET';
  if (last === 'examples') return 'TOO_FEW_EXAMPLES';
  return 'SCHEMA';
}

function convert(zi: ZodIssue, base: Path, data: unknown, out: { issue: Issue; key: boolean }[]): void {
  const path = [...base, ...toPath(zi.path)];
  const where = path.join('.') || '(根)';
  const push = (code: IssueCode, detail: string, extra: Partial<Issue> = {}, key = false): void => {
    out.push({ issue: makeIssue(code, detail, { path, ...extra }), key });
  };

  switch (zi.code) {
    case 'invalid_union': {
      if (zi.errors.length === 0) return push('SCHEMA', `${where}: ${CONDITION_HINT}`);
      const best = zi.errors.reduce((a, b) => (misfit(b) < misfit(a) ? b : a));
      const strangers = best.find((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
      const value = valueAt(data, path);
      if (value === null || typeof value !== 'object' || Array.isArray(value) || strangers) {
        // No shape fits: say what a condition looks like, and name a likely key.
        const unknown = strangers?.code === 'unrecognized_keys' ? strangers.keys : [];
        const guess = unknown.map((k) => nearest(k, CONDITION_KEYS)).find((g) => g !== undefined);
        const detail = `${where}: ${CONDITION_HINT}${unknown.length ? `；不认识的键：${unknown.join(', ')}` : ''}${guess ? `；是不是 ${guess}？` : ''}`;
        return push('SCHEMA', detail, { hint: guess ? `did you mean ${guess}?` : CONDITION_HINT });
      }
      for (const inner of best) convert(inner, path, data, out);
      return;
    }
    case 'unrecognized_keys': {
      const candidates = knownKeys(path);
      for (const k of zi.keys) {
        const guess = nearest(k, candidates);
        out.push({
          issue: makeIssue('SCHEMA', `${where}: 不认识的键 “${k}”${guess ? `；是不是 ${guess}？` : ''}`, {
            path: [...path, k],
            hint: guess ? `did you mean ${guess}?` : candidates.length ? `可用的键：${candidates.join(', ')}` : undefined,
          }),
          key: true,
        });
      }
      return;
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        const last = path[path.length - 1];
        return push(missingKeyCode(path), `${path.slice(0, -1).join('.') || '(根)'}: 缺少 ${String(last)}`);
      }
      return push('SCHEMA', `${where}: 应为${TYPE_WORDS[zi.expected] ?? zi.expected}，得到 ${shown(value)}`);
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      if (path[path.length - 1] === 'op') {
        const guess = typeof value === 'string' ? nearest(value, OPERATOR_NAMES) : undefined;
        return push('UNKNOWN_OPERATOR', `“${String(value)}”不是运算符${guess ? `；是不是 ${guess}？` : ''}`, {
          hint: guess ? `did you mean ${guess}?` : `可用：${OPERATOR_NAMES.join(', ')}`,
        });
      }
      return push('SCHEMA', `${where}: 应为以下之一：${zi.values.map((v) => String(v)).join(', ')}，得到 ${shown(value)}`);
    }
    case 'invalid_format': {
      const last = path[path.length - 1];
      if (last === 'from' || last === 'to' || last === 'as_of') return push('BAD_DATE', `${where}: ${JSON.stringify(valueAt(data, path))} 应为 YYYY-MM-DD 日期`);
      return push('SCHEMA', `${where}: ${zi.message}`);
    }
    case 'too_small':
      if (zi.origin === 'string') return push(missingKeyCode(path), `${where}: 不能为空`);
      return push('SCHEMA', `${where}: ${zi.message}`);
    default:
      return push('SCHEMA', `${where}: ${zi.message}`);
  }
}

/** Every zod issue of a parsed file as a coded issue with file, line, column and excerpt. */
export function schemaIssues(error: z.ZodError, source: SourceDoc, data: unknown): Issue[] {
  const out: { issue: Issue; key: boolean }[] = [];
  for (const zi of error.issues) convert(zi as ZodIssue, [], data, out);
  return out.map(({ issue, key }) => placeNear(source, issue, key));
}

/**
 * Places an issue at its path; when that node has no position (a key
 * without a value: `{ table, line: 4 }`), at its key, else at the nearest
 * node above it.
 */
export function placeNear(source: SourceDoc, issue: Issue, key = false): Issue {
  const path = issue.path ?? [];
  for (let n = path.length; n >= 0; n--) {
    const at = { ...issue, path: path.slice(0, n) };
    for (const k of n === path.length ? [key, true] : [true, false]) {
      const placed = placeIssue(source, at, k);
      if (placed.line) return { ...placed, path };
    }
  }
  return placeIssue(source, issue, key);
}
