/** The single-check report, in the JSON shape of spec/cli.md. */
import { CliError, makeIssue, type Issue } from '../issues.js';
import { parseIsoDate } from '../profile/dates.js';
import type { Profile } from '../profile/normalise.js';
import type { Lang } from '../rules/describe.js';
import type { Catalogue } from '../rules/types.js';
import { publicPerson, type Checker, type ItemResult } from './check.js';

export interface CheckReport {
  as_of: string;
  catalogue: { title: string; valid_from: string; valid_to: string };
  warnings: string[];
  person: Profile;
  results: ItemResult[];
}

/** Warnings that belong to the check itself rather than to the profile. */
export function checkWarnings(catalogue: Catalogue, asOf: string, lang: Lang = 'zh', domain?: string): string[] {
  const out: string[] = [];
  if (asOf > catalogue.valid_to) {
    out.push(
      lang === 'zh'
        ? `核查日期 ${asOf} 晚于本清单有效期（${catalogue.valid_from} 至 ${catalogue.valid_to}）：结果依据的是“十四五”（2021—2025年）清单，新的清单发布后应以新清单为准。`
        : `The check date ${asOf} is after the catalogue's period (${catalogue.valid_from} to ${catalogue.valid_to}): answers follow the 2021–2025 catalogue; a newer catalogue, once published, prevails.`,
    );
  } else if (asOf < catalogue.valid_from) {
    out.push(lang === 'zh' ? `核查日期 ${asOf} 早于本清单有效期（自 ${catalogue.valid_from} 起）。` : `The check date ${asOf} is before the catalogue's period (from ${catalogue.valid_from}).`);
  }
  // An item whose own period is not the catalogue's, checked outside it: answered, and said (a rule set may narrow one item's dates).
  for (const item of catalogue.items) {
    if (domain !== undefined && item.domain !== domain) continue;
    const { from, to } = item.valid;
    if ((from === catalogue.valid_from && to === catalogue.valid_to) || (asOf >= from && asOf <= to)) continue;
    out.push(
      lang === 'zh'
        ? `${item.name}（${item.id}）：核查日期 ${asOf} 不在本项有效期（${from} 至 ${to}）内，其结果仅供参考。`
        : `${item.id}: the check date ${asOf} is outside this item's period (${from} to ${to}); its answer is for reference only.`,
    );
  }
  return out;
}

export function buildReport(
  checker: Checker,
  profile: Profile,
  options: { asOf: string; domain?: string; lang?: Lang; profileWarnings?: Issue[] },
): CheckReport {
  if (parseIsoDate(options.asOf) === undefined) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', `asOf “${String(options.asOf)}” 不是真实日期，应为 YYYY-MM-DD`, { field: 'asOf' })]);
  }
  const { catalogue } = checker;
  return {
    as_of: options.asOf,
    catalogue: { title: catalogue.title, valid_from: catalogue.valid_from, valid_to: catalogue.valid_to },
    warnings: [...checkWarnings(catalogue, options.asOf, options.lang, options.domain), ...(options.profileWarnings ?? []).map((w) => w.message)],
    person: publicPerson(profile),
    results: checker.check(profile, { asOf: options.asOf, domain: options.domain, lang: options.lang }),
  };
}
