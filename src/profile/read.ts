/** Reading one profile from YAML or JSON text, with positions for every problem. */
import { isMap, isScalar } from 'yaml';
import { makeIssue, type Issue } from '../issues.js';
import { jsonSyntaxIssue } from '../json-syntax.js';
import { locate, parseYamlSource, placeIssue, withExcerpt, type SourceDoc } from '../yaml-source.js';
import { fieldForKey } from './keys.js';
import type { ElementAt } from './coerce.js';
import { normaliseRecord, type Profile } from './normalise.js';

export type ReadProfileResult =
  | { ok: true; profile: Profile; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

/**
 * Text fields written as plain numbers (an 18-digit ID number unquoted in
 * YAML) lose digits as JS numbers; take the characters as written instead.
 */
function keepTextFieldsAsWritten(source: SourceDoc, data: Record<string, unknown>): void {
  const root = source.doc.contents;
  if (!isMap(root)) return;
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const field = fieldForKey(String(pair.key.value));
    if (field?.type === 'string' && typeof pair.value.value === 'number' && pair.value.source) {
      data[String(pair.key.value)] = pair.value.source;
    }
  }
}

/** A .json profile; anything else (.yaml, .yml, standard input) is read as YAML, which reads JSON too. */
const JSON_FILE = /\.json$/i;

/** Where one element of a set's value is: a list item, or a word inside a string split on 、 or ;. */
function locateElement(source: SourceDoc, key: string, element: ElementAt): { line: number; column: number } | undefined {
  if ('index' in element) return locate(source, [key, element.index]);
  const at = locate(source, [key]);
  const node = source.doc.get(key, true);
  if (!at || !isScalar(node) || typeof node.value !== 'string' || !node.range) return at;
  // The value as written (quotes and all): the element is found in it where it is written unchanged.
  const written = source.text.slice(node.range[0], node.range[1]);
  const start = written.indexOf(node.value);
  if (start < 0 || written.slice(0, start + element.offset).includes('\n')) return at;
  return { line: at.line, column: at.column + start + element.offset };
}

export function readProfileText(text: string, options: { file: string; asOf: string }): ReadProfileResult {
  const jsonIssue = JSON_FILE.test(options.file) ? jsonSyntaxIssue(text, options.file) : undefined;
  if (jsonIssue) return { ok: false, issues: [withExcerpt({ text }, jsonIssue)], warnings: [] };
  const parsed = parseYamlSource(text, options.file);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, warnings: [] };
  const { source, data } = parsed;
  if (data === null || data === undefined) {
    return { ok: false, issues: [makeIssue('NOT_A_MAPPING', '文件是空的；档案应为“字段: 取值”的映射', { file: options.file, line: 1, column: 1 })], warnings: [] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    // One line such as 姓名:张三 or 姓名：张三 is read as one value: the colon was typed wrong.
    const hint = typeof data === 'string' && /[:：]/.test(data) ? '键和值之间用英文冒号加一个空格，如 姓名: 张三' : undefined;
    const issue = placeIssue(source, makeIssue('NOT_A_MAPPING', `档案应为“字段: 取值”的映射，得到${Array.isArray(data) ? '列表' : '单个值'}`, { path: [], hint }));
    return { ok: false, issues: [issue], warnings: [] };
  }
  const record = data as Record<string, unknown>;
  keepTextFieldsAsWritten(source, record);
  const result = normaliseRecord(record, {
    asOf: options.asOf,
    file: options.file,
    locate: (key, part, element) => (part === 'value' && element ? locateElement(source, key, element) : locate(source, [key], part === 'key')),
  });
  const excerpt = (issue: Issue) => (issue.line ? placeIssue(source, issue) : issue);
  if (!result.ok) return { ok: false, issues: result.issues.map(excerpt), warnings: result.warnings.map(excerpt) };
  return { ok: true, profile: result.profile, warnings: result.warnings.map(excerpt) };
}
