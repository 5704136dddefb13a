/** `longchang-check [check] PROFILE`: one person, every item, with reasons. */
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { Checker } from '../../engine/check.js';
import { buildReport } from '../../engine/report.js';
import { CliError, makeIssue } from '../../issues.js';
import { addAsOf, addColor, addLang, addRules, catalogueFor, chalkFor, checkDate, domainOption, readProfileArgument } from '../common.js';
import type { Io } from '../io.js';

interface CheckFlags {
  asOf?: string;
  format: 'table' | 'json' | 'yaml';
  lang: 'zh' | 'en';
  domain?: string;
  all?: boolean;
  explain?: boolean;
  color?: boolean;
  rules?: string;
}

export function registerCheckCommand(program: Command, io: Io): void {
  const cmd = program
    .command('check [profile]', { isDefault: true })
    .description('核查一个人的档案：每个服务项目是否符合 / check one person (PROFILE: .yaml, .yml, .json, or - for stdin)')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['table', 'json', 'yaml']).default('table'))
    .addOption(domainOption())
    .option('--all', '也列出不符合的项目 / show ineligible items too')
    .option('--explain', '逐条列出条件与所见取值 / show every condition with the value seen');
  addAsOf(cmd);
  addLang(cmd);
  addRules(cmd);
  addColor(cmd);
  cmd.action(async (profilePath: string | undefined, flags: CheckFlags) => {
    if (!profilePath) {
      throw new CliError(2, [makeIssue('BAD_ARGUMENT', '请给出档案文件（.yaml/.json），或用 - 读标准输入；--help 查看用法', {})]);
    }
    const asOf = checkDate(io, flags.asOf);
    const chalk = chalkFor(io, flags.color);
    const read = await readProfileArgument(io, profilePath, asOf);
    const checker = new Checker(await catalogueFor(io, flags.rules));
    const report = buildReport(checker, read.profile, { asOf, domain: flags.domain, lang: flags.lang, profileWarnings: read.warnings });
    if (flags.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    // No anchors and aliases for repeated lists, and strings a YAML 1.1 reader would take for dates or booleans quoted.
    else if (flags.format === 'yaml') io.stdout(stringify(report, { aliasDuplicateObjects: false, version: '1.1' }));
    else {
      // The table renderer (and cli-table3) is imported only for table output.
      const { formatCheckTable } = await import('../../format/check-table.js');
      io.stdout(
        formatCheckTable(report, {
          lang: flags.lang,
          all: flags.all === true,
          chalk,
          domains: checker.catalogue.domains.filter((d) => !flags.domain || d.id === flags.domain),
          width: tableWidth(io),
          parameters: checker.catalogue.parameters,
          explain: flags.explain
            ? (id) => checker.explain(checker.catalogue.items.find((i) => i.id === id)!, read.profile, asOf)
            : undefined,
        }),
      );
    }
  });
}

/** The terminal's width, or COLUMNS when set to a whole number (as shells export it); otherwise the table's default. */
function tableWidth(io: Io): number | undefined {
  if (io.columns !== undefined && io.columns > 0) return io.columns;
  const columns = io.env?.COLUMNS;
  return columns !== undefined && /^[1-9]\d*$/.test(columns) ? Number(columns) : undefined;
}
