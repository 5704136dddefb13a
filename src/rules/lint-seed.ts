/**
 * Checks against the seed itself (data/source/plan.txt): every target is
 * the plan's words, every source line exists and shows the item, every
 * amount's text is on the line it cites.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeIssue, type Issue } from '../issues.js';
import { decodeUtf8Text } from '../utf8-text.js';
import type { Amount, Item, SourceRef } from './types.js';

type Path = (string | number)[];

export interface PlanText {
  file: string;
  text: string;
  /** Lines, 1-based: lines[0] is empty so lines[n] is line n. */
  lines: string[];
}

/**
 * The plan text, or the one issue that stops the checks against it: a plan
 * in another encoding or an empty one would fail every target and citation
 * of every rule file, a flood that never names the plan.
 */
export function readPlanText(file: string): PlanText | { issue: Issue } {
  const decoded = decodeUtf8Text(readFileSync(file), file, '规划文本');
  if (!decoded.ok) return { issue: decoded.issue };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { issue: makeIssue('NO_PLAN_TEXT', `${file} 是空的：服务对象和金额的原文未核对`, { file, line: 1, column: 1, severity: 'warning', hint: '把规划全文放在规则目录的 source/plan.txt' }) };
  }
  const lines = ['', ...text.split(/\r?\n/)];
  // A final line end does not start a line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { file, text, lines };
}

/** The plan beside a rule folder (or beside a rule file's folder): `source/plan.txt`. */
export function planBeside(path: string): string | undefined {
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const file = join(dir, 'source', 'plan.txt');
  return existsSync(file) ? file : undefined;
}

const lineCount = (plan: PlanText) => plan.lines.length - 1;

/**
 * The 服务对象 cell of a table row for an item: the text after the item's
 * name, when the name stands as a cell of the line (at its start, or after
 * the 服务目标 cell that opens a table's first row); else undefined, the line
 * is no row of that item (a paragraph that mentions it, say).
 */
export function targetCell(line: string, name: string): string | undefined {
  for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
    const before = at === 0 ? ' ' : line[at - 1];
    const after = line[at + name.length] ?? ' ';
    if (/\s/.test(before) && /\s/.test(after)) return line.slice(at + name.length).trim();
  }
  return undefined;
}

/** The plan's table rows of an item (lines where its name stands as a cell). */
function rowsOf(plan: PlanText, name: string): number[] {
  const out: number[] = [];
  plan.lines.forEach((l, i) => {
    if (i > 0 && targetCell(l, name) !== undefined) out.push(i);
  });
  return out;
}

/** The table (9—1) and the chapter heading (第九章 弱有所扶, spaces made one) that a line stands under. */
function placeOf(plan: PlanText, line: number): { table?: string; chapter?: string } {
  let table: string | undefined;
  let chapter: string | undefined;
  for (let i = line; i > 0 && (table === undefined || chapter === undefined); i--) {
    const l = plan.lines[i];
    table ??= /^表?(\d+—\d+)\s/.exec(l)?.[1];
    if (chapter === undefined && /^第[一二三四五六七八九十]+章\s/.test(l)) chapter = oneSpace(l);
  }
  return { table, chapter };
}

const oneSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether a number is written in a text as a number of its own (70 is not in 170, nor 7 in 70%). */
function numberIn(text: string, n: number): boolean {
  const digits = String(n);
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + digits.length] ?? '';
    if (!/[\d.]/.test(before) && !/\d/.test(after) && !(after === '.' && /\d/.test(text[at + digits.length + 1] ?? ''))) return true;
  }
  return false;
}

/** The lines (1-based) of the plan that contain a text. */
function linesWith(plan: PlanText, text: string): number[] {
  const out: number[] = [];
  plan.lines.forEach((l, i) => {
    if (i > 0 && l.includes(text)) out.push(i);
  });
  return out;
}

function checkAmount(amount: Amount, path: Path, plan: PlanText, out: Issue[]): void {
  const { line, text } = amount.source;
  if (line > lineCount(plan)) {
    out.push(makeIssue('AMOUNT_SOURCE', `第 ${line} 行超出规划文本（共 ${lineCount(plan)} 行）`, { path: [...path, 'source', 'line'] }));
    return;
  }
  if (!plan.lines[line].includes(text)) {
    const elsewhere = linesWith(plan, text);
    out.push(
      makeIssue('AMOUNT_SOURCE', `“${text}”不在第 ${line} 行${elsewhere.length ? `；见第 ${elsewhere.slice(0, 3).join('、')} 行` : '，规划中也找不到'}`, {
        path: [...path, 'source', 'text'],
        hint: elsewhere.length ? `把 line 改为 ${elsewhere[0]}` : 'text 须逐字抄自规划该行',
      }),
    );
    return;
  }
  // Zero stands for "abolished" (取消起付线) and need not be written out.
  const digits = text.replace(/[,，]/g, '');
  for (const key of ['value', 'min', 'max'] as const) {
    const n = amount[key];
    if (n !== undefined && n !== 0 && !numberIn(digits, n)) {
      out.push(makeIssue('AMOUNT_SOURCE', `${key} ${n} 在出处原文“${text}”中找不到`, { path: [...path, key], severity: 'warning' }));
    }
  }
}

function checkAmountShape(amount: Amount, path: Path, out: Issue[]): void {
  const hasValue = amount.value !== undefined;
  const hasRange = amount.min !== undefined || amount.max !== undefined;
  if (hasValue === hasRange || (hasRange && (amount.min === undefined || amount.max === undefined))) {
    out.push(makeIssue('SCHEMA', `金额“${amount.label}”应写 value，或同时写 min 和 max`, { path }));
  } else if (hasRange && amount.min! > amount.max!) {
    out.push(makeIssue('SCHEMA', `金额“${amount.label}”的 min ${amount.min} 大于 max ${amount.max}`, { path: [...path, 'min'] }));
  }
}

/** Every amount of an item and of its parts, each with its path. */
function amountsOf(item: Item, path: Path): [Amount, Path][] {
  return [
    ...(item.amounts ?? []).map((a, i): [Amount, Path] => [a, [...path, 'amounts', i]]),
    ...(item.parts ?? []).flatMap((p, j) => (p.amounts ?? []).map((a, i): [Amount, Path] => [a, [...path, 'parts', j, 'amounts', i]])),
  ];
}

/** A table's caption line: 表7—1 “十四五”时期隆昌市老有所养服务清单 (the 表 may be lost in the text). */
const CAPTION = /^表?(\d+—\d+)\s/;

/** A rule file's own citation: its line must be the caption of its table, under its chapter. */
export function lintDomainSource(source: SourceRef, plan: PlanText, out: Issue[]): void {
  const { line } = source;
  const table = source.table.replace(/^表/, '');
  const captionAt = plan.lines.findIndex((l, i) => i > 0 && CAPTION.exec(l)?.[1] === table);
  const moveTo = captionAt > 0 ? `把 line 改为 ${captionAt}` : undefined;
  if (line > lineCount(plan)) {
    out.push(makeIssue('MISSING_SOURCE', `第 ${line} 行超出规划文本（共 ${lineCount(plan)} 行）`, { path: ['source', 'line'], severity: 'warning', hint: moveTo }));
    return;
  }
  const caption = CAPTION.exec(plan.lines[line])?.[1];
  if (caption !== table) {
    const found = caption === undefined ? `第 ${line} 行不是${source.table}的表题` : `第 ${line} 行是表${caption}的表题，不是${source.table}的`;
    const hint = caption === undefined ? moveTo : [`把 table 改为 表${caption}`, moveTo].filter(Boolean).join('，或');
    out.push(makeIssue('MISSING_SOURCE', found, { path: ['source', caption === undefined ? 'line' : 'table'], severity: 'warning', hint }));
    return;
  }
  const under = placeOf(plan, line).chapter;
  if (under !== undefined && oneSpace(source.chapter) !== under) {
    out.push(makeIssue('MISSING_SOURCE', `${source.table}在“${under}”中，不在“${source.chapter}”中`, { path: ['source', 'chapter'], severity: 'warning', hint: `把 chapter 改为 ${under}` }));
  }
}

/** Amount shapes: needs no plan. */
export function lintAmounts(item: Item, path: Path, out: Issue[]): void {
  for (const [a, at] of amountsOf(item, path)) checkAmountShape(a, at, out);
}

/** Targets, source lines and amounts of one item against the plan. Paths are relative to the file. */
export function lintSeed(item: Item, path: Path, plan: PlanText, out: Issue[]): void {
  const line = item.source.line;
  const target = item.target.trim();
  const inPlan = line <= lineCount(plan);
  const cell = inPlan ? targetCell(plan.lines[line], item.name) : undefined;
  if (!inPlan) {
    out.push(makeIssue('MISSING_SOURCE', `第 ${line} 行超出规划文本（共 ${lineCount(plan)} 行）`, { path: [...path, 'source', 'line'] }));
  } else if (cell === undefined) {
    // A paragraph that mentions the item is not its source: the table row is.
    const rows = rowsOf(plan, item.name);
    out.push(
      makeIssue('MISSING_SOURCE', `第 ${line} 行不是服务项目“${item.name}”在表中的那一行${rows.length ? `；见第 ${rows.slice(0, 3).join('、')} 行` : ''}`, {
        path: [...path, 'source', 'line'],
        severity: 'warning',
        hint: rows.length ? `把 line 改为 ${rows[0]}` : undefined,
      }),
    );
  } else {
    const under = placeOf(plan, line);
    if (under.table !== undefined && item.source.table.replace(/^表/, '') !== under.table) {
      out.push(makeIssue('MISSING_SOURCE', `第 ${line} 行在表${under.table}中，不在${item.source.table}中`, { path: [...path, 'source', 'table'], severity: 'warning', hint: `把 table 改为 表${under.table}` }));
    }
    if (under.chapter !== undefined && oneSpace(item.source.chapter) !== under.chapter) {
      out.push(makeIssue('MISSING_SOURCE', `第 ${line} 行在“${under.chapter}”中，不在“${item.source.chapter}”中`, { path: [...path, 'source', 'chapter'], severity: 'warning', hint: `把 chapter 改为 ${under.chapter}` }));
    }
    if (target !== '' && cell !== target && plan.lines[line].includes(target)) {
      // The whole cell, verbatim: a target cut short reads as another group of people.
      out.push(makeIssue('TARGET_NOT_IN_SEED', `服务对象与第 ${line} 行表中的不一致，表中为“${cell}”`, { path: [...path, 'target'], severity: 'warning', hint: '服务对象须逐字抄录表中整格' }));
    }
  }

  if (target !== '') {
    const at = linesWith(plan, target);
    if (at.length === 0) {
      out.push(
        makeIssue('TARGET_NOT_IN_SEED', `“${target}”`, {
          path: [...path, 'target'],
          hint: '服务对象须逐字抄自规划的表格（含标点）；规划之外的解释写在 note 里',
        }),
      );
    } else if (line <= lineCount(plan) && !at.includes(line)) {
      out.push(
        makeIssue('TARGET_NOT_IN_SEED', `“${target}”不在出处第 ${line} 行，见第 ${at.slice(0, 3).join('、')} 行`, {
          path: [...path, 'target'],
          severity: 'warning',
        }),
      );
    }
  }
  item.parts?.forEach((part, j) => {
    if (part.target && part.target.trim() !== '' && !plan.text.includes(part.target.trim())) {
      out.push(makeIssue('TARGET_NOT_IN_SEED', `分项 ${part.id} 的服务对象“${part.target}”`, { path: [...path, 'parts', j, 'target'], hint: '分项的 target 也须逐字抄自规划' }));
    }
  });

  for (const [a, at] of amountsOf(item, path)) checkAmount(a, at, plan, out);
}
