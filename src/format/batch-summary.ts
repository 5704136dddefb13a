/**
 * `batch --summary`: per item, how many rows got each answer, and in a
 * terminal a bar per item (█ eligible, ▒ undetermined, · ineligible).
 */
import type { BatchItem } from '../household/out-row.js';
import { displayName } from '../rules/catalogue.js';
import type { Lang } from './batch-table.js';

export interface SummaryInput {
  items: readonly BatchItem[];
  /** Per item and status (item * 3 + status: 0 ineligible, 1 undetermined, 2 eligible). */
  counts: Int32Array;
  rows: number;
  errors: number;
}

export interface SummaryOptions {
  lang: Lang;
  /** Draw bars (a terminal). */
  chart: boolean;
  barWidth?: number;
  /** The terminal's width, when known: the bars shrink to fit it, or go. */
  columns?: number;
}

const WORDS = {
  zh: { item: '项目', eligible: '符合', undetermined: '待核实', ineligible: '不符合', rows: (n: number, e: number) => `共 ${n} 行，其中 ${e} 行无法核查` },
  en: { item: 'item', eligible: 'eligible', undetermined: 'undetermined', ineligible: 'ineligible', rows: (n: number, e: number) => `${n} rows, ${e} could not be checked` },
};

/** Columns a text takes in a terminal: Chinese characters take two. */
const columns = (text: string) => {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return n;
};
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - columns(text))) + text;

export function bar(eligible: number, undetermined: number, total: number, width: number): string {
  if (total <= 0) return '·'.repeat(width);
  const e = Math.round((eligible / total) * width);
  const u = Math.min(width - e, Math.round((undetermined / total) * width));
  return '█'.repeat(e) + '▒'.repeat(u) + '·'.repeat(width - e - u);
}

export function formatBatchSummary(input: SummaryInput, options: SummaryOptions): string {
  const w = WORDS[options.lang];
  // The id is what the CSV columns say; the name is what a reader recognises.
  const label = (item: BatchItem) => `${item.id} ${displayName(item.id, item.name, options.lang)}`;
  const idWidth = Math.max(columns(w.item), ...input.items.map((i) => columns(label(i))));
  // Each count column as wide as its heading ("undetermined" is 12) or the largest count.
  const numWidth = (heading: string) => Math.max(8, String(input.rows).length + 1, columns(heading) + 1);
  const [eWidth, uWidth, iWidth] = [numWidth(w.eligible), numWidth(w.undetermined), numWidth(w.ineligible)];
  const lines: string[] = [w.rows(input.rows, input.errors)];
  lines.push(`${pad(w.item, idWidth)} ${padStart(w.eligible, eWidth)} ${padStart(w.undetermined, uWidth)} ${padStart(w.ineligible, iWidth)}`);
  const checked = input.rows - input.errors;
  // A bar that would wrap the line breaks the chart: narrower to fit the terminal, or none below 8.
  const textWidth = idWidth + 3 + eWidth + uWidth + iWidth;
  const barWidth = Math.min(options.barWidth ?? 24, options.columns === undefined ? Infinity : options.columns - 1 - textWidth - 2);
  input.items.forEach((item, i) => {
    const ineligible = input.counts[i * 3];
    const undetermined = input.counts[i * 3 + 1];
    const eligible = input.counts[i * 3 + 2];
    let line = `${pad(label(item), idWidth)} ${padStart(String(eligible), eWidth)} ${padStart(String(undetermined), uWidth)} ${padStart(String(ineligible), iWidth)}`;
    if (options.chart && barWidth >= 8) line += `  ${bar(eligible, undetermined, checked, barWidth)}`;
    lines.push(line);
  });
  return `${lines.join('\n')}\n`;
}
