/**
 * A single check as a terminal table, grouped by domain: eligible items
 * first, then undetermined ones with the questions to ask, then (with --all)
 * ineligible ones. Returns a string; printing is the CLI's job.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { ItemResult } from '../engine/check.js';
import type { CheckReport } from '../engine/report.js';
import type { TraceNode } from '../engine/trace.js';
import { factLabel, type Lang } from '../rules/describe.js';
import { displayName } from '../rules/catalogue.js';
import type { DomainInfo } from '../rules/types.js';
import { traceLines } from './trace-tree.js';

export interface TableOptions {
  lang: Lang;
  all: boolean;
  chalk: ChalkInstance;
  domains: DomainInfo[];
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

function statusText(status: ItemResult['status'], lang: Lang, chalk: ChalkInstance): string {
  const t = T[lang];
  if (status === 'eligible') return chalk.green(`✓ ${t.eligible}`);
  if (status === 'undetermined') return chalk.yellow(`? ${t.undetermined}`);
  return chalk.dim(`✗ ${t.ineligible}`);
}

function detailText(r: ItemResult, lang: Lang): string {
  const t = T[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines: string[] = [];
  if (r.parts) {
    for (const p of r.parts) lines.push(`${lang === 'en' ? p.id : p.name}${colon}${t[p.status]}`);
  }
  if (r.status === 'undetermined') {
    if (r.missing.length) lines.push(`${t.ask}${colon}${r.missing.map((k) => factLabel(k, lang)).join(lang === 'zh' ? '、' : ', ')}`);
    if (r.missing_parameters?.length) lines.push(`${t.param}${colon}${r.missing_parameters.join(', ')}`);
  }
  return lines.join('\n');
}

export function formatCheckTable(report: CheckReport, options: TableOptions): string {
  const { lang, chalk } = options;
  const t = T[lang];
  const out: string[] = [];
  const person = report.person;
  const who = [person.name, person.id_number, person.age !== undefined ? (lang === 'zh' ? `${String(person.age)}岁` : `age ${String(person.age)}`) : undefined]
    .filter((x) => x !== undefined)
    .join('  ');
  const colon = lang === 'zh' ? '：' : ': ';
  out.push(chalk.bold(lang === 'zh' ? report.catalogue.title : "Longchang's basic public services catalogue (2021–2025)"));
  out.push(`${t.asOf}${colon}${report.as_of}${who ? `    ${t.person}${colon}${who}` : ''}`);
  for (const w of report.warnings) out.push(chalk.yellow(`${t.warning}${colon}${w}`));

  const counts = { eligible: 0, undetermined: 0, ineligible: 0 };
  for (const r of report.results) counts[r.status]++;

  for (const domain of options.domains) {
    const rows = report.results.filter((r) => r.domain === domain.id);
    const shown = [
      ...rows.filter((r) => r.status === 'eligible'),
      ...rows.filter((r) => r.status === 'undetermined'),
      ...(options.all ? rows.filter((r) => r.status === 'ineligible') : []),
    ];
    if (shown.length === 0) continue;
    const table = new Table({
      head: [t.status, t.item, t.detail],
      style: { head: [], border: [] },
      colWidths: [12, 40, 46],
      wordWrap: true,
      wrapOnWordBoundary: lang === 'en',
    });
    for (const r of shown) table.push([statusText(r.status, lang, chalk), displayName(r.id, r.name, lang), detailText(r, lang)]);
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
