/**
 * Coverage: the rule files against the catalogue contract (the 78 ids in
 * their 9 domains, src/rules/catalogue.ts). For the built-in catalogue a
 * gap is an error; for another folder it is a warning.
 */
import { basename } from 'node:path';
import { makeIssue, type Issue, type Severity } from '../issues.js';
import { nearest } from '../profile/keys.js';
import { CATALOGUE } from './catalogue.js';

type Path = (string | number)[];

export interface CoverageFile {
  file: string;
  /** The file's `domain`, when it is a string. */
  domain?: string;
  name?: string;
  items: { id: string; name?: string; path: Path }[];
}

export interface CoverageIssue {
  file?: string;
  issue: Issue;
  key?: boolean;
}

const DOMAIN_BY_ID = new Map(CATALOGUE.map((d) => [d.id, d]));
const ITEM_BY_ID = new Map(CATALOGUE.flatMap((d) => d.items.map((item) => [item.id, { ...item, domain: d.id }] as const)));
const ALL_IDS = [...ITEM_BY_ID.keys()];

/**
 * `whole` is true when a folder was given (every domain is expected), false
 * for one file (only its own domain is compared).
 */
export function lintCoverage(files: CoverageFile[], options: { severity: Severity; whole: boolean; folder: string; unloaded?: readonly string[] }): CoverageIssue[] {
  const { severity } = options;
  const out: CoverageIssue[] = [];
  const push = (file: string | undefined, detail: string, path: Path | undefined, extra: Partial<Issue> = {}, key = false) =>
    out.push({ file, issue: makeIssue('COVERAGE', detail, { severity, ...(path ? { path } : {}), ...extra }), key });
  const fileOfDomain = new Map<string, string>();

  for (const f of files) {
    const domain = f.domain === undefined ? undefined : DOMAIN_BY_ID.get(f.domain);
    if (f.domain !== undefined && !domain) {
      const guess = nearest(f.domain, [...DOMAIN_BY_ID.keys()]);
      push(f.file, `“${f.domain}”不是清单的领域${guess ? `；是不是 ${guess}？` : ''}`, ['domain'], { hint: `领域：${[...DOMAIN_BY_ID.keys()].join(', ')}` });
    }
    if (domain) {
      const other = fileOfDomain.get(domain.id);
      if (other) push(f.file, `领域 ${domain.id} 已在 ${basename(other)} 中`, ['domain']);
      fileOfDomain.set(domain.id, f.file);
      if (basename(f.file).replace(/\.ya?ml$/, '') !== domain.id) {
        push(f.file, `领域 ${domain.id} 的文件应命名为 ${domain.id}.yaml`, ['domain'], { severity: 'warning' });
      }
      if (f.name !== undefined && f.name !== domain.zh) push(f.file, `领域名称应为“${domain.zh}”`, ['name']);
    }
    for (const item of f.items) {
      const known = ITEM_BY_ID.get(item.id);
      if (!known) {
        const guess = nearest(item.id, ALL_IDS);
        push(f.file, `“${item.id}”不是清单中的项目 id${guess ? `；是不是 ${guess}？` : ''}`, [...item.path, 'id'], { hint: 'id 是公开的契约（JSON、批量列名都用它），须与 src/rules/catalogue.ts 一致' });
        continue;
      }
      if (domain && known.domain !== domain.id) push(f.file, `${item.id} 属于领域 ${known.domain}，不属于 ${domain.id}`, [...item.path, 'id']);
      if (item.name !== undefined && item.name !== known.name) push(f.file, `${item.id} 的名称应为“${known.name}”（表中的服务项目）`, [...item.path, 'name']);
    }
  }

  for (const [domainId, file] of fileOfDomain) {
    const domain = DOMAIN_BY_ID.get(domainId)!;
    const present = new Set(files.filter((f) => f.domain === domainId).flatMap((f) => f.items.map((i) => i.id)));
    const missing = domain.items.filter((i) => !present.has(i.id)).map((i) => i.id);
    if (missing.length) {
      push(file, `领域 ${domainId}（${domain.zh}，${domain.table}）清单有 ${domain.items.length} 项，缺少 ${missing.length} 项：${missing.join(', ')}`, ['items'], {}, true);
    }
  }
  if (options.whole) {
    const absent = CATALOGUE.filter((d) => !fileOfDomain.has(d.id) && !options.unloaded?.includes(`${d.id}.yaml`));
    if (absent.length) {
      push(undefined, `${options.folder} 缺少 ${absent.length} 个领域的规则文件：${absent.map((d) => `${d.id}.yaml（${d.zh}，${d.items.length} 项）`).join('、')}`, undefined);
    }
  }
  return out;
}
