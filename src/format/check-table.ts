/**
 * A single check as a terminal table, grouped by domain: eligible items
 * first, then undetermined ones with the questions to ask, then (with --all)
 * ineligible ones. Returns a string; printing is the CLI's job.
 *
 * No cell is ever cut short: a caseworker needs every fact to ask about.
 * Cells are wrapped here, by terminal columns (a Chinese character takes
 * two), because cli-table3 wraps by UTF-16 length and, as Chinese has no
 * spaces, truncates with "…" what its word wrap cannot break.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { ItemResult } from '../engine/check.js';
import type { CheckReport } from '../engine/report.js';
import type { TraceNode } from '../engine/trace.js';
import { factLabel, type Lang } from '../rules/describe.js';
import { displayName } from '../rules/catalogue.js';
import type { DomainInfo, Parameter } from '../rules/types.js';
import { traceLines } from './trace-tree.js';
import { visibleText } from '../issues.js';

export interface TableOptions {
  lang: Lang;
  all: boolean;
  chalk: ChalkInstance;
  domains: DomainInfo[];
  /**
   * Columns of the terminal the table is printed to, when known; without it
   * (a file, a pipe) the table is DEFAULT_WIDTH wide.
   */
  width?: number;
  /** The catalogue's parameters, to name one that has no value by its Chinese name. */
  parameters?: Record<string, Parameter>;
  /** Present with --explain: the decision tree of an item. */
  explain?: (itemId: string) => { whole: TraceNode; parts?: { id: string; name: string; node: TraceNode }[] };
}

const T = {
  zh: {
    eligible: '符合', undetermined: '待核实', ineligible: '不符合', item: '服务项目', status: '结果', detail: '说明',
    ask: '需核实', parts: '分项', asOf: '核查日期', person: '对象', summary: (e: number, u: number, i: number) => `共 ${e + u + i} 项：符合 ${e} 项，待核实 ${u} 项，不符合 ${i} 项`,
    questions: '建议询问（按影响的项目数排序）', affects: (n: number) => `影响 ${n} 项`, hidden: (n: number) => `另有 ${n} 项不符合，加 --all 显示。`,
    warning: '注意', param: '参数未设定',
  },
  en: {
    eligible: 'eligible', undetermined: 'undetermined', ineligible: 'ineligible', item: 'item', status: 'status', detail: 'details',
    ask: 'ask', parts: 'parts', asOf: 'check date', person: 'person', summary: (e: number, u: number, i: number) => `${e + u + i} items: ${e} eligible, ${u} undetermined, ${i} ineligible`,
    questions: 'Questions to ask (by number of items they settle)', affects: (n: number) => (n === 1 ? '1 item' : `${n} items`), hidden: (n: number) => `${n} ineligible items hidden; --all shows them.`,
    warning: 'note', param: 'parameter not set',
  },
};

/** Table width without a known terminal, and the range a terminal's width is kept to. */
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 60;
const MAX_WIDTH = 160;
/** Three columns: four borders and a space either side of each cell. */
const FRAME = 4 + 3 * 2;

const MARK = { eligible: '✓', undetermined: '?', ineligible: '✗' } as const;

function statusText(status: ItemResult['status'], lang: Lang): string {
  return `${MARK[status]} ${T[lang][status]}`;
}

function colourStatus(status: ItemResult['status'], text: string, chalk: ChalkInstance): string {
  if (status === 'eligible') return chalk.green(text);
  if (status === 'undetermined') return chalk.yellow(text);
  return chalk.dim(text);
}

/** Terminal columns of one character: cli-table3 measures with string-width too, so both agree (a Chinese character takes two). */
const charWidth = (ch: string): number => stringWidth(ch);

/** Terminal columns a plain (uncoloured) text takes on one line. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Punctuation that stays with the character after it, or before it, so that no line starts with 、 or ） nor ends with （. */
const OPENING = new Set('（【「『《〈“‘([{');
const CLOSING = new Set('）】」』》〉”’、，。；：！？)]},.;:!?…');

/**
 * A text as lines at most `width` columns wide, every character kept. Lines
 * break at spaces and between Chinese characters; a word wider than a whole
 * line is broken inside.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Unbreakable pieces, each with the spaces before it.
    const pieces: { gap: string; text: string }[] = [];
    let gap = '';
    let open = false;
    let lastWide = false;
    for (const ch of paragraph) {
      if (/\s/.test(ch)) {
        gap += ch;
        open = false;
        continue;
      }
      const wide = charWidth(ch) === 2;
      const last = pieces.at(-1);
      if (last && gap === '' && (open || CLOSING.has(ch) || (!wide && !lastWide))) last.text += ch;
      else pieces.push({ gap, text: ch });
      gap = '';
      open = OPENING.has(ch);
      lastWide = wide;
    }
    let line = '';
    let used = 0;
    const flush = () => {
      lines.push(line);
      line = '';
      used = 0;
    };
    for (const piece of pieces) {
      const need = (line ? textWidth(piece.gap) : 0) + textWidth(piece.text);
      if (used + need <= width) {
        line += (line ? piece.gap : '') + piece.text;
        used += need;
        continue;
      }
      if (line) flush();
      for (const ch of piece.text) {
        const w = charWidth(ch);
        if (used + w > width && line) flush();
        line += ch;
        used += w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Widths of the text in the status, item and detail columns, the same for every domain's table so they line up. */
function columnWidths(report: CheckReport, options: TableOptions): [number, number, number] {
  const t = T[options.lang];
  const total = options.width === undefined ? DEFAULT_WIDTH : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, options.width));
  // The status never wraps: "? undetermined" is one phrase.
  const status = Math.max(textWidth(t.status), ...(['eligible', 'undetermined', 'ineligible'] as const).map((s) => textWidth(statusText(s, options.lang))));
  const rest = total - FRAME - status;
  const longestName = Math.max(textWidth(t.item), ...report.results.map((r) => textWidth(displayName(r.id, r.name, options.lang))));
  const item = Math.min(longestName, Math.floor(rest / 2));
  return [status, item, rest - item];
}

function detailText(r: ItemResult, lang: Lang, parameters: Record<string, Parameter> = {}): string {
  const t = T[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines: string[] = [];
  if (r.parts) {
    for (const p of r.parts) lines.push(`${lang === 'en' ? p.id : p.name}${colon}${t[p.status]}`);
  }
  if (r.status === 'undetermined') {
    if (r.missing.length) lines.push(`${t.ask}${colon}${r.missing.map((k) => factLabel(k, lang)).join(lang === 'zh' ? '、' : ', ')}`);
    // A parameter is named as the plan's own thing (隆昌市城乡最低生活保障标准), the rule files' key after it.
    const label = (name: string) => (lang === 'zh' && parameters[name] ? `${parameters[name].zh}（${name}）` : name);
    if (r.missing_parameters?.length) lines.push(`${t.param}${colon}${r.missing_parameters.map(label).join(lang === 'zh' ? '、' : ', ')}`);
  }
  return lines.join('\n');
}

export function formatCheckTable(report: CheckReport, options: TableOptions): string {
  const { lang, chalk } = options;
  const t = T[lang];
  const out: string[] = [];
  const person = report.person;
  const who = [typeof person.name === 'string' ? visibleText(person.name) : person.name, person.id_number, person.age !== undefined ? (lang === 'zh' ? `${String(person.age)}岁` : `age ${String(person.age)}`) : undefined]
    .filter((x) => x !== undefined)
    .join('  ');
  const colon = lang === 'zh' ? '：' : ': ';
  out.push(chalk.bold(lang === 'zh' ? report.catalogue.title : "Longchang's basic public services catalogue (2021–2025)"));
  out.push(`${t.asOf}${colon}${report.as_of}${who ? `    ${t.person}${colon}${who}` : ''}`);
  for (const w of report.warnings) out.push(chalk.yellow(`${t.warning}${colon}${w}`));

  const counts = { eligible: 0, undetermined: 0, ineligible: 0 };
  for (const r of report.results) counts[r.status]++;
  const widths = columnWidths(report, options);

  for (const domain of options.domains) {
    const rows = report.results.filter((r) => r.domain === domain.id);
    const shown = [
      ...rows.filter((r) => r.status === 'eligible'),
      ...rows.filter((r) => r.status === 'undetermined'),
      ...(options.all ? rows.filter((r) => r.status === 'ineligible') : []),
    ];
    if (shown.length === 0) continue;
    // No colWidths: cli-table3 would cut a line that it measures wider than
    // we do. Headings padded to the width set each column instead, and a
    // column still grows to its widest line.
    const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - textWidth(text)));
    const table = new Table({
      head: [pad(t.status, widths[0]), pad(t.item, widths[1]), pad(t.detail, widths[2])],
      style: { head: [], border: [] },
    });
    for (const r of shown) {
      table.push([
        colourStatus(r.status, statusText(r.status, lang), chalk),
        wrapText(displayName(r.id, r.name, lang), widths[1]).join('\n'),
        wrapText(detailText(r, lang, options.parameters), widths[2]).join('\n'),
      ]);
    }
    out.push('');
    out.push(chalk.bold.cyan(`【${displayName(domain.id, domain.name, lang)}】`));
    out.push(table.toString());
    if (options.explain) {
      const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
      const lines = (node: TraceNode, indent: string) => traceLines(node, { lang, chalk, indent, seenWord: true });
      for (const r of shown) {
        const tree = options.explain(r.id);
        out.push(`${chalk.bold(displayName(r.id, r.name, lang))}${open}${r.id}${close}`);
        if (tree.parts) {
          for (const p of tree.parts) {
            out.push(`  ${lang === 'en' ? `${p.id}:` : `${p.name}：`}`);
            out.push(...lines(p.node, '    '));
          }
        } else out.push(...lines(tree.whole, '  '));
      }
    }
  }

  out.push('');
  out.push(chalk.bold(t.summary(counts.eligible, counts.undetermined, counts.ineligible)));
  if (!options.all && counts.ineligible > 0) out.push(chalk.dim(t.hidden(counts.ineligible)));

  const asked = new Map<string, number>();
  for (const r of report.results) if (r.status === 'undetermined') for (const k of r.missing) asked.set(k, (asked.get(k) ?? 0) + 1);
  if (asked.size > 0) {
    out.push('');
    out.push(chalk.bold(t.questions));
    const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
    for (const [k, n] of [...asked].sort((a, b) => b[1] - a[1])) out.push(`  · ${factLabel(k, lang)}${open}${k}${close} — ${t.affects(n)}`);
  }
  return out.join('\n') + '\n';
}
