/**
 * Loading rule files: YAML with positions, the zod shape, then the checks
 * that need the profile fields and the operator table. Every problem of
 * every file is collected, each with file, line and column.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { CliError, makeIssue, type Issue } from '../issues.js';
import { parseIsoDate } from '../profile/dates.js';
import { decodeUtf8Text } from '../utf8-text.js';
import { locate, parseYamlSource, placeIssue, type SourceDoc } from '../yaml-source.js';
import { CATALOGUE } from './catalogue.js';
import { checkCondition } from './check-conditions.js';
import { schemaIssues } from './schema-issues.js';
import { itemSchema, parameterFileSchema, ruleFileSchema, type RuleFile } from './schema.js';
import type { Catalogue, DomainInfo, Item, Parameter } from './types.js';

export const CATALOGUE_TITLE = '隆昌市“十四五”基本公共服务清单（2021—2025年）';
export const PARAMETERS_FILE = 'parameters.yaml';

export interface LoadedRules {
  catalogue: Catalogue;
  issues: Issue[];
  /** Parsed sources by file, for tools that need positions later (validate). */
  sources: Map<string, SourceDoc>;
}

/**
 * What a rule path is: a folder, a regular file, or (thrown as a CliError,
 * exit 2, like a path that is not there) something that cannot be read as
 * rules: a device such as /dev/null, a pipe, a socket.
 */
function pathKind(path: string): 'folder' | 'file' {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    throw unusablePath(path, e);
  }
  if (stats.isDirectory()) return 'folder';
  if (stats.isFile()) return 'file';
  throw new CliError(2, [
    makeIssue('FILE_UNREADABLE', `${path}：不是普通文件，也不是文件夹`, {
      file: path,
      hint: '规则路径应为规则文件夹或一个 .yaml 文件 / give a rule folder or one .yaml file',
    }),
  ]);
}

function unusablePath(path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  return new CliError(2, [makeIssue(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', path, { file: path })]);
}

/**
 * The YAML files of a rule folder (or one file), in catalogue domain order.
 * Throws a CliError (exit 2) when the path is missing or is neither a file
 * nor a folder.
 */
export function ruleFiles(path: string): string[] {
  // parameters.yaml named alone is checked as what it is (loadRules reads it as the parameters), not as a rule file.
  if (pathKind(path) === 'file') return basename(path) === PARAMETERS_FILE ? [] : [path];
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (e) {
    throw unusablePath(path, e);
  }
  const order = new Map(CATALOGUE.map((d, i) => [d.id, i]));
  return names
    .filter((f) => /\.ya?ml$/.test(f) && f !== PARAMETERS_FILE)
    .sort((a, b) => (order.get(a.replace(/\.ya?ml$/, '')) ?? 99) - (order.get(b.replace(/\.ya?ml$/, '')) ?? 99) || a.localeCompare(b))
    .map((f) => join(path, f));
}

/**
 * For validate and test: a folder without rule files cannot be used at all
 * (a wrong path, a checkout without data/): exit 2 with one message, not a
 * report of nine missing domains.
 */
export function requireRuleFiles(path: string): void {
  if (pathKind(path) === 'folder' && ruleFiles(path).length === 0) throw new CliError(2, [noRuleFiles(path)]);
}

function noRuleFiles(path: string): Issue {
  return makeIssue('FILE_NOT_FOUND', `${path} 中没有规则文件（*.yaml，parameters.yaml 除外）`, {
    file: path,
    hint: '规则目录里每个领域一个文件，如 elderly.yaml（见 docs/rule-format.md） / a rule folder holds one <domain>.yaml per domain',
  });
}

/** A rule file's text: UTF-8 only (utf8-text.ts). */
export function decodeRuleText(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; issue: Issue } {
  return decodeUtf8Text(bytes, file, '规则文件');
}

function readSource(file: string, issues: Issue[]): { source: SourceDoc; data: unknown } | undefined {
  let bytes: Buffer | undefined;
  try {
    // A pipe or a device named *.yaml would block or read as nothing: only regular files are rule files.
    if (statSync(file).isFile()) bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  if (!bytes) {
    issues.push(makeIssue('FILE_UNREADABLE', file, { file }));
    return undefined;
  }
  const decoded = decodeRuleText(bytes, file);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return undefined;
  }
  const parsed = parseYamlSource(decoded.text, file);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  return parsed;
}

/** Every parameter name, for rules checked while parameters.yaml itself is broken (its own errors say why). */
class AnyName extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** The parameters, or undefined when parameters.yaml is there but cannot be read or is invalid. */
function loadParameters(dir: string | undefined, issues: Issue[], sources: Map<string, SourceDoc>): Record<string, Parameter> | undefined {
  if (!dir) return {};
  const file = join(dir, PARAMETERS_FILE);
  try {
    statSync(file);
  } catch {
    return {};
  }
  const read = readSource(file, issues);
  if (!read) return undefined;
  sources.set(file, read.source);
  const parsed = parameterFileSchema.safeParse(read.data);
  if (!parsed.success) {
    issues.push(...schemaIssues(parsed.error, read.source, read.data));
    return undefined;
  }
  const parameters: Record<string, Parameter> = {};
  for (const [name, parameter] of Object.entries(parsed.data.parameters)) {
    parameters[name] = { ...parameter, values: datedValues(name, parameter.values, read.source, issues) };
  }
  return parameters;
}

/**
 * A parameter's values whose `from` is a real date, each date once. The
 * engine picks a value by comparing `from` as text, so 2025-13-01 would
 * never apply, 2025-02-30 would, and of two values from one day the last
 * would silently win: each is an error at its `from`, and is left out.
 */
function datedValues(name: string, values: Parameter['values'], source: SourceDoc, issues: Issue[]): Parameter['values'] {
  const kept: Parameter['values'] = [];
  const firstIndex = new Map<string, number>();
  values.forEach((value, index) => {
    const path = ['parameters', name, 'values', index, 'from'];
    if (!parseIsoDate(value.from)) {
      issues.push(placeIssue(source, makeIssue('BAD_DATE', `${name} 的 from ${value.from}`, { path })));
      return;
    }
    const first = firstIndex.get(value.from);
    if (first !== undefined) {
      const line = locate(source, ['parameters', name, 'values', first, 'from'])?.line;
      const detail = `${name} 的 from ${value.from} 出现两次${line ? `（另见第 ${line} 行）` : ''}；同一天起只能有一个取值`;
      issues.push(placeIssue(source, makeIssue('DUPLICATE_KEY', detail, { path })));
      return;
    }
    firstIndex.set(value.from, index);
    kept.push(value);
  });
  return kept;
}

function checkItemShape(item: RuleFile['items'][number], path: (string | number)[], params: ReadonlySet<string>, source: SourceDoc, out: Issue[]): void {
  const local: Issue[] = [];
  if (!item.rule && !item.parts) local.push(makeIssue('SCHEMA', `${item.id}: 需要 rule 或 parts`, { path }));
  if (item.rule) checkCondition(item.rule, [...path, 'rule'], params, local);
  item.parts?.forEach((part, i) => checkCondition(part.rule, [...path, 'parts', i, 'rule'], params, local));
  const partIds = new Set<string>();
  item.parts?.forEach((part, i) => {
    if (partIds.has(part.id)) local.push(makeIssue('DUPLICATE_ID', `部分 id ${part.id} 重复`, { path: [...path, 'parts', i, 'id'] }));
    partIds.add(part.id);
  });
  const from = parseIsoDate(item.valid.from);
  const to = parseIsoDate(item.valid.to);
  if (!from) local.push(makeIssue('BAD_DATE', item.valid.from, { path: [...path, 'valid', 'from'] }));
  if (!to) local.push(makeIssue('BAD_DATE', item.valid.to, { path: [...path, 'valid', 'to'] }));
  if (from && to && item.valid.from > item.valid.to) {
    local.push(makeIssue('BAD_VALIDITY', `起始 ${item.valid.from} 晚于截止 ${item.valid.to}`, { path: [...path, 'valid'] }));
  }
  if (item.target.trim() === '') local.push(makeIssue('MISSING_TARGET', item.id, { path: [...path, 'target'] }));
  out.push(...local.map((i) => placeIssue(source, i)));
}

/** Loads a rule folder (or a single rule file) and reports every problem found. */
export function loadRules(path: string): LoadedRules {
  const issues: Issue[] = [];
  const sources = new Map<string, SourceDoc>();
  const isDir = pathKind(path) === 'folder';
  const files = ruleFiles(path);
  const loadedParameters = loadParameters(isDir ? path : join(path, '..'), issues, sources);
  const parameters = loadedParameters ?? {};
  // A broken parameters.yaml is reported once, in itself, not again at every rule that reads a parameter.
  const params: ReadonlySet<string> = loadedParameters ? new Set(Object.keys(parameters)) : new AnyName();
  const items: Item[] = [];
  const domains: DomainInfo[] = [];
  const seenIds = new Map<string, string>();

  // An empty folder (a wrong path, a checkout without data/) would otherwise validate clean and check nobody against nothing.
  if (isDir && files.length === 0) issues.push(noRuleFiles(path));

  for (const file of files) {
    const read = readSource(file, issues);
    if (!read) continue;
    sources.set(file, read.source);
    const parsed = ruleFileSchema.safeParse(read.data);
    if (!parsed.success) {
      issues.push(...schemaIssues(parsed.error, read.source, read.data));
      // The items that do parse are still checked, so one broken item does not hide the others' mistakes.
      const rawItems = (read.data as { items?: unknown } | null)?.items;
      if (Array.isArray(rawItems)) {
        rawItems.forEach((raw, index) => {
          const one = itemSchema.safeParse(raw);
          if (one.success) checkItemShape(one.data, ['items', index], params, read.source, issues);
        });
      }
      continue;
    }
    const data = parsed.data;
    domains.push({ id: data.domain, name: data.name, source: data.source, file: basename(file) });
    data.items.forEach((item, index) => {
      const path = ['items', index];
      const before = issues.length;
      checkItemShape(item, path, params, read.source, issues);
      const previous = seenIds.get(item.id);
      if (previous) {
        issues.push(placeIssue(read.source, makeIssue('DUPLICATE_ID', `${item.id} 已在 ${previous} 中定义`, { path: [...path, 'id'] })));
      }
      seenIds.set(item.id, basename(file));
      if (issues.length === before) items.push({ ...item, domain: data.domain, file, line: locate(read.source, path)?.line } as Item);
    });
  }

  return {
    catalogue: { title: CATALOGUE_TITLE, valid_from: '2021-01-01', valid_to: '2025-12-31', domains, items, parameters },
    issues,
    sources,
  };
}
