/** `longchang-check list [PROFILE]`: the catalogue by domain; with a profile, each item's status. */
import { Option, type Command } from 'commander';
import { Checker } from '../../engine/check.js';
import { formatIssues } from '../../format/issues.js';
import { formatListTable, listRows } from '../../format/list.js';
import { CATALOGUE } from '../../rules/catalogue.js';
import type { Lang } from '../../rules/describe.js';
import { addAsOf, addColor, addLang, addRules, catalogueFor, chalkFor, checkDate, domainOption, readProfileArgument } from '../common.js';
import type { Io } from '../io.js';

interface ListFlags {
  format: 'table' | 'json';
  domain?: string;
  asOf?: string;
  lang: Lang;
  rules?: string;
  color?: boolean;
}

const TABLES = new Map(CATALOGUE.map((d) => [d.id, d.table]));

export function registerListCommand(program: Command, io: Io): void {
  const cmd = program
    .command('list [profile]')
    .description('按领域列出清单：id、服务项目、分项、是否写明金额；给出档案时加上每项结果 / list the catalogue by domain; with a profile, each item\'s status')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['table', 'json']).default('table'))
    .addOption(domainOption());
  addAsOf(cmd);
  addLang(cmd);
  addRules(cmd);
  addColor(cmd);
  cmd.action(async (profilePath: string | undefined, flags: ListFlags) => {
    const chalk = chalkFor(io, flags.color);
    const catalogue = await catalogueFor(io, flags.rules);
    let status: ((item: (typeof catalogue.items)[number]) => 'eligible' | 'ineligible' | 'undetermined') | undefined;
    if (profilePath !== undefined) {
      const asOf = checkDate(io, flags.asOf);
      const read = await readProfileArgument(io, profilePath, asOf);
      if (read.warnings.length && flags.format === 'table') io.stderr(formatIssues(read.warnings, chalk));
      const checker = new Checker(catalogue);
      status = (item) => checker.checkItem(item, read.profile, asOf, flags.lang).status;
    }
    const domains = listRows(catalogue, TABLES, status, flags.domain);
    if (flags.format === 'json') io.stdout(JSON.stringify({ domains }, null, 2) + '\n');
    else io.stdout(formatListTable(domains, { lang: flags.lang, chalk, withStatus: status !== undefined }));
  });
}
