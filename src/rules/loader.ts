/**
 * Loading rule files: YAML with positions, the zod shape, then the checks
 * that need the profile fields and the operator table. Every problem of
 * every file is collected, each with file, line and column.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makeIssue, type Issue } from '../issues.js';
import { parseIsoDate } from '../profile/dates.js';
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

/** The YAML files of a rule folder (or one file), in catalogue domain order. */
export function ruleFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const order = new Map(CATALOGUE.map((d, i) => [d.id, i]));
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f) && f !== PARAMETERS_FILE)
    .sort((a, b) => (order.get(a.replace(/\.ya?ml$/, '')) ?? 99) - (order.get(b.replace(/\.ya?ml$/, '')) ?? 99) || a.localeCompare(b))
    .map((f) => join(path, f));
}

function readSource(file: string, issues: Issue[]): { source: SourceDoc; data: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    issues.push(makeIssue('FILE_UNREADABLE', file, { file }));
    return undefined;
  }
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  return parsed;
}

function loadParameters(dir: string | undefined, issues: Issue[], sources: Map<string, SourceDoc>): Record<string, Parameter> {
  if (!dir) return {};
  const file = join(dir, PARAMETERS_FILE);
  try {
    statSync(file);
  } catch {
    return {};
  }
  const read = readSource(file, issues);
  if (!read) return {};
  sources.set(file, read.source);
  const parsed = parameterFileSchema.safeParse(read.data);
  if (!parsed.success) {
    issues.push(...schemaIssues(parsed.error, read.source, read.data));
    return {};
  }
  return parsed.data.parameters;
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
  const isDir = statSync(path).isDirectory();
  const parameters = loadParameters(isDir ? path : join(path, '..'), issues, sources);
  const params = new Set(Object.keys(parameters));
  const items: Item[] = [];
  const domains: DomainInfo[] = [];
  const seenIds = new Map<string, string>();

  for (const file of ruleFiles(path)) {
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
