/**
 * Checks on the example cases written beside a rule: enough of them, at
 * least one eligible and one ineligible person where the rule allows both,
 * and every example readable (its profile, its date, its parts, its missing
 * facts). Whether the rule gives the expected answers is `test`'s job.
 */
import { makeIssue, type Issue } from '../issues.js';
import { parseIsoDate } from '../profile/dates.js';
import { FIELD_BY_KEY } from '../profile/fields.js';
import { nearest } from '../profile/keys.js';
import { normaliseRecord } from '../profile/normalise.js';
import { locate, type SourceDoc } from '../yaml-source.js';
import { DEFAULT_EXAMPLE_DATE } from './examples.js';
import type { Item } from './types.js';

type Path = (string | number)[];

const MIN_EXAMPLES = 3;

/** What the rule analysis found; undefined parts are unknown (rule broken or search gave up). */
export interface RuleReach {
  canHold?: boolean;
  canFail?: boolean;
  /** The item says `{ everyone: true }`. */
  everyone: boolean;
}

/** One issue plus whether it points at a key rather than a value. */
export interface Placed {
  issue: Issue;
  key?: boolean;
}

export function lintExamples(item: Item, path: Path, source: SourceDoc, reach: RuleReach, out: Placed[]): void {
  const examplesPath = [...path, 'examples'];
  const n = item.examples.length;
  if (n < MIN_EXAMPLES) {
    out.push({
      issue: makeIssue('TOO_FEW_EXAMPLES', `${item.id} 只有 ${n} 个示例，至少需要 ${MIN_EXAMPLES} 个`, {
        path: examplesPath,
        hint: '至少写一个符合、一个不符合的人，再加一个边界或信息不全的情形',
      }),
      key: true,
    });
  }
  const has = (status: string) => item.examples.some((e) => e.expect === status);
  if (!has('eligible') && reach.canHold !== undefined) {
    out.push({
      issue: makeIssue('MISSING_EXAMPLE', `${item.id} 没有 expect: eligible 的示例`, { path: examplesPath, severity: reach.canHold ? 'error' : 'warning' }),
      key: true,
    });
  }
  // A rule for everyone cannot be failed; saying so with { everyone: true } is enough.
  if (!has('ineligible') && reach.canFail !== undefined && !(reach.everyone && !reach.canFail)) {
    out.push({
      issue: makeIssue('MISSING_EXAMPLE', `${item.id} 没有 expect: ineligible 的示例`, {
        path: examplesPath,
        severity: reach.canFail ? 'error' : 'warning',
        hint: reach.canFail ? '写一个不符合的人，最好恰在边界之外' : '这条规则没有人不符合；若该项目面向所有人，写 { everyone: true }',
      }),
      key: true,
    });
  }

  const partIds = (item.parts ?? []).map((p) => p.id);
  item.examples.forEach((ex, i) => {
    const at = [...examplesPath, i];
    const label = `示例“${ex.name}”`;
    if (ex.as_of !== undefined && !parseIsoDate(ex.as_of)) {
      out.push({ issue: makeIssue('BAD_DATE', `${label}的 as_of ${ex.as_of} 不是真实日期`, { path: [...at, 'as_of'] }) });
    }
    const asOf = ex.as_of !== undefined && parseIsoDate(ex.as_of) ? ex.as_of : DEFAULT_EXAMPLE_DATE;
    const read = normaliseRecord(ex.profile, {
      asOf,
      locate: (key, part) => locate(source, [...at, 'profile', key], part === 'key'),
    });
    if (!read.ok) {
      for (const inner of read.issues) {
        out.push({ issue: { ...makeIssue('BAD_EXAMPLE', `${label}的档案：${inner.message}`, { path: [...at, 'profile'], hint: inner.hint }), line: inner.line, column: inner.column, field: inner.field } });
      }
    }
    for (const partId of Object.keys(ex.parts ?? {})) {
      if (partIds.includes(partId)) continue;
      const guess = nearest(partId, partIds);
      out.push({
        issue: makeIssue('BAD_EXAMPLE', `${label}：${item.parts ? `没有分项 ${partId}${guess ? `；是不是 ${guess}？` : ''}` : `${item.id} 没有分项，却写了 parts`}`, {
          path: [...at, 'parts', partId],
          hint: item.parts ? `分项：${partIds.join(', ')}` : undefined,
        }),
        key: true,
      });
    }
    if (ex.missing) {
      if (ex.expect !== 'undetermined') {
        out.push({ issue: makeIssue('BAD_EXAMPLE', `${label}：missing 只用于 expect: undetermined，这里是 ${ex.expect}`, { path: [...at, 'missing'] }), key: true });
      }
      ex.missing.forEach((key, j) => {
        if (FIELD_BY_KEY.has(key)) return;
        const guess = nearest(key, [...FIELD_BY_KEY.keys()]);
        out.push({ issue: makeIssue('BAD_EXAMPLE', `${label}：missing 中的 “${key}” 不是档案字段${guess ? `；是不是 ${guess}？` : ''}`, { path: [...at, 'missing', j] }) });
      });
    }
  });
}
