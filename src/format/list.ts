/**
 * The catalogue by domain, for `list`: each item's id, name, parts and
 * whether the plan states amounts; with a profile, each item's status too.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { StatusName } from '../engine/truth.js';
import { displayName } from '../rules/catalogue.js';
import type { Lang } from '../rules/describe.js';
import type { Catalogue, Item } from '../rules/types.js';

export interface ListRow {
  id: string;
  name: string;
  domain: string;
  target: string;
  parts: { id: string; name: string }[];
  amounts: boolean;
  status?: StatusName;
}

export interface ListDomain {
  id: string;
  name: string;
  table?: string;
  items: ListRow[];
}

const T = {
  zh: { id: 'id', name: '服务项目', parts: '分项', amounts: '金额', status: '结果', yes: '有', no: '—', count: (n: number) => `${n} 项`, total: (n: number, d: number) => `共 ${d} 个领域，${n} 项`, eligible: '✓ 符合', undetermined: '? 待核实', ineligible: '✗ 不符合' },
  en: { id: 'id', name: 'item', parts: 'parts', amounts: 'amounts', status: 'status', yes: 'stated', no: '—', count: (n: number) => `${n} items`, total: (n: number, d: number) => `${d} domains, ${n} items`, eligible: '✓ eligible', undetermined: '? undetermined', ineligible: '✗ ineligible' },
};

const hasAmounts = (item: Item) => (item.amounts?.length ?? 0) > 0 || (item.parts ?? []).some((p) => (p.amounts?.length ?? 0) > 0);

/** The rows of `list`, by domain in catalogue order. */
export function listRows(catalogue: Catalogue, tables: ReadonlyMap<string, string>, status?: (item: Item) => StatusName, domain?: string): ListDomain[] {
  return catalogue.domains
    .filter((d) => domain === undefined || d.id === domain)
    .map((d) => ({
      id: d.id,
      name: d.name,
      table: d.source?.table ?? tables.get(d.id),
      items: catalogue.items
        .filter((i) => i.domain === d.id)
        .map((i) => {
          const row: ListRow = { id: i.id, name: i.name, domain: i.domain, target: i.target, parts: (i.parts ?? []).map((p) => ({ id: p.id, name: p.name })), amounts: hasAmounts(i) };
          if (status) row.status = status(i);
          return row;
        }),
    }));
}

export function formatListTable(domains: ListDomain[], options: { lang: Lang; chalk: ChalkInstance; withStatus: boolean }): string {
  const { lang, chalk, withStatus } = options;
  const t = T[lang];
  const out: string[] = [];
  const colour = { eligible: chalk.green, undetermined: chalk.yellow, ineligible: chalk.dim };
  for (const d of domains) {
    out.push(chalk.bold.cyan(`【${displayName(d.id, d.name, lang)}】${d.id}${d.table ? ` · ${d.table}` : ''} · ${t.count(d.items.length)}`));
    const head = [t.id, t.name, t.parts, t.amounts, ...(withStatus ? [t.status] : [])];
    const table = new Table({
      head,
      // Columns size to their content: cli-table3 cuts wrapped CJK text short.
      style: { head: [], border: [], compact: true },
    });
    for (const r of d.items) {
      // Parts have Chinese names only; English output names them by id, as the check table does.
      const parts = r.parts.map((p) => (lang === 'en' ? p.id : p.name)).join('\n') || t.no;
      const row = [r.id, displayName(r.id, r.name, lang), parts, r.amounts ? t.yes : t.no];
      if (withStatus && r.status) row.push(colour[r.status](t[r.status]));
      table.push(row);
    }
    out.push(table.toString());
    out.push('');
  }
  const total = domains.reduce((n, d) => n + d.items.length, 0);
  out.push(chalk.bold(t.total(total, domains.length)));
  return out.join('\n') + '\n';
}
