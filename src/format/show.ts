/**
 * One item in full, for `show ID`: the seed's 服务对象 in its own words, the
 * rule as a sentence generated from the rule itself, parts, amounts with the
 * plan lines they come from, source, validity, note and example cases.
 */
import type { ChalkInstance } from 'chalk';
import { maskIdNumber } from '../profile/id-number.js';
import { fieldForKey } from '../profile/keys.js';
import { describe, factLabel, valueLabel, type Lang } from '../rules/describe.js';
import { displayName } from '../rules/catalogue.js';
import type { Amount, Example, Item } from '../rules/types.js';

export interface ShowOptions {
  lang: Lang;
  chalk: ChalkInstance;
  /** The domain's name. */
  domainName?: string;
  /** The plan's lines (1-based; index 0 unused), when the plan text is at hand. */
  planLines?: string[];
  /** Where the item is written, e.g. data/elderly.yaml:6. */
  place?: string;
}

const T = {
  zh: {
    domain: '领域', target: '服务对象（规划原文）', rule: '规则', parts: '分项', amounts: '金额', source: '出处', valid: '有效期', to: '至', note: '说明', examples: '示例', file: '文件',
    line: (n: number) => `规划第 ${n} 行`, partRule: '分项规则', itemAnd: '（且须满足项目规则）', asOf: '核查日', noProfile: '（空档案）',
    eligible: '符合', ineligible: '不符合', undetermined: '待核实', missing: '待核实字段', none: '规划未写明金额',
  },
  en: {
    domain: 'domain', target: 'target (the plan\'s words)', rule: 'rule', parts: 'parts', amounts: 'amounts', source: 'source', valid: 'valid', to: 'to', note: 'note', examples: 'examples', file: 'file',
    line: (n: number) => `plan line ${n}`, partRule: 'part rule', itemAnd: ' (and the item\'s rule)', asOf: 'as of', noProfile: '(empty profile)',
    eligible: 'eligible', ineligible: 'ineligible', undetermined: 'undetermined', missing: 'missing', none: 'the plan states no amount',
  },
};

function amountText(a: Amount, lang: Lang, planLines: string[] | undefined): string[] {
  const t = T[lang];
  const figure = a.value !== undefined ? `${a.value}` : `${a.min}—${a.max}`;
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [`· ${a.label}${colon}${figure} ${a.unit}`];
  lines.push(`    ${t.line(a.source.line)}${colon}“${a.source.text}”`);
  const row = planLines?.[a.source.line];
  if (row !== undefined && row.length <= 160) lines.push(`    > ${row.trim()}`);
  return lines;
}

/** An example's profile as written, but an ID number masked under whichever spelling of its key. */
function shownProfile(profile: Example['profile']): Example['profile'] {
  const masked = (key: string, value: unknown) => (fieldForKey(key)?.key === 'id_number' && value != null ? maskIdNumber(String(value)) : value);
  return Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, masked(k, v)]));
}

function profileText(ex: Example, lang: Lang): string {
  const entries = Object.entries(shownProfile(ex.profile));
  if (entries.length === 0) return T[lang].noProfile;
  return entries.map(([k, v]) => `${factLabel(k, lang)}=${valueLabel(k, v, lang)}`).join(lang === 'zh' ? '，' : ', ');
}

export function formatShow(item: Item, options: ShowOptions): string {
  const { lang, chalk, planLines } = options;
  const t = T[lang];
  const out: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  const label = (s: string) => chalk.bold(`${s}${colon}`);
  const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
  out.push(chalk.bold.cyan(`${displayName(item.id, item.name, lang)}${open}${item.id}${close}`));
  out.push(`${label(t.domain)}${displayName(item.domain, options.domainName ?? item.domain, lang)}${open}${item.domain}${close}`);
  out.push(`${label(t.target)}${item.target}`);
  if (item.rule) out.push(`${label(t.rule)}${describe(item.rule, lang)}`);
  if (item.parts) {
    out.push(label(t.parts));
    for (const p of item.parts) {
      out.push(lang === 'zh' ? `· ${p.name}（${p.id}）` : `· ${p.id} (${p.name})`);
      if (p.target) out.push(`    ${t.target}${colon}${p.target}`);
      out.push(`    ${t.partRule}${colon}${describe(p.rule, lang)}${item.rule ? t.itemAnd : ''}`);
      if (p.note) out.push(`    ${t.note}${colon}${p.note}`);
      for (const a of p.amounts ?? []) out.push(...amountText(a, lang, planLines).map((l) => `    ${l}`));
    }
  }
  const amounts = item.amounts ?? [];
  if (amounts.length) {
    out.push(label(t.amounts));
    for (const a of amounts) out.push(...amountText(a, lang, planLines));
  } else if (!(item.parts ?? []).some((p) => p.amounts?.length)) {
    out.push(`${label(t.amounts)}${t.none}`);
  }
  out.push(`${label(t.source)}${item.source.table} · ${item.source.chapter} · ${t.line(item.source.line)}`);
  const row = planLines?.[item.source.line];
  if (row !== undefined) out.push(`    > ${row.trim()}`);
  out.push(`${label(t.valid)}${item.valid.from} ${t.to} ${item.valid.to}`);
  if (item.note) out.push(`${label(t.note)}${item.note}`);
  out.push(label(`${t.examples}（${item.examples.length}）`));
  item.examples.forEach((ex, i) => {
    const parts = ex.parts ? `；${Object.entries(ex.parts).map(([id, s]) => `${id}: ${t[s]}`).join(lang === 'zh' ? '，' : ', ')}` : '';
    const missing = ex.missing ? `；${t.missing}：${ex.missing.join(', ')}` : '';
    out.push(`${i + 1}. ${ex.name}${ex.as_of ? `（${t.asOf} ${ex.as_of}）` : ''}`);
    out.push(`    ${profileText(ex, lang)} → ${t[ex.expect]}${parts}${missing}`);
  });
  if (options.place) out.push(chalk.dim(`${t.file}${colon}${options.place}`));
  return out.join('\n') + '\n';
}

/** One item as JSON for `show --format json`: the item with its rules in words; `file` as the user knows it. */
export function formatShowJson(item: Item, options: { lang: Lang; file: string }): string {
  const { file: _file, line: _line, ...rest } = item;
  const body = {
    ...rest,
    rule_text: item.rule ? describe(item.rule, options.lang) : undefined,
    parts: item.parts?.map((p) => ({ ...p, rule_text: describe(p.rule, options.lang) })),
    examples: item.examples.map((ex) => ({ ...ex, profile: shownProfile(ex.profile) })),
    file: options.file,
  };
  return JSON.stringify(body, null, 2) + '\n';
}
