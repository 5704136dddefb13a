/** `longchang-check validate [PATH]`: every problem of every rule file, each at its line. */
import { Option, type Command } from 'commander';
import { formatValidateGithub, formatValidateJson, formatValidateText, type ValidateFormat } from '../../format/validate.js';
import type { Lang } from '../../rules/describe.js';
import { lintRules } from '../../rules/lint.js';
import { requireRuleFiles } from '../../rules/loader.js';
import { addColor, addLang, addRules, chalkFor, rulesPathArgument, rulesPathOrOption } from '../common.js';
import { CliError } from '../../issues.js';
import type { Io } from '../io.js';
import { setExitCode } from '../program.js';

interface ValidateFlags {
  format: ValidateFormat;
  strict?: boolean;
  rules?: string;
  lang: Lang;
  color?: boolean;
}

export function registerValidateCommand(program: Command, io: Io): void {
  const cmd = program
    .command('validate [path]')
    .description('检查规则文件（默认：内置清单），列出所有问题及其行列；有错误时退出码为 1 / validate rule files (default: the built-in catalogue); exit 1 on any error')
    .addOption(new Option('--format <format>', '输出格式 / output format (github: GitHub Actions annotations)').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', '警告也算失败 / warnings fail too');
  addRules(cmd);
  addLang(cmd);
  addColor(cmd);
  cmd.action((pathArgument: string | undefined, flags: ValidateFlags, command: Command) => {
    const path = rulesPathOrOption(pathArgument, flags.rules);
    const cwd = io.cwd ?? process.cwd();
    let target: string;
    try {
      target = rulesPathArgument(io, path);
      requireRuleFiles(target);
    } catch (e) {
      // CI reads JSON or annotations from standard output: a path it cannot read is said there too (exit 2 as ever).
      if (e instanceof CliError && flags.format !== 'text') {
        const view = { path: path ?? 'data', files: [], issues: e.issues, errorCount: e.issues.length, warningCount: 0, itemCount: 0, strict: flags.strict === true };
        io.stdout(flags.format === 'json' ? formatValidateJson(view, { cwd }) : formatValidateGithub(view, { cwd, lang: flags.lang }));
      }
      throw e;
    }
    const report = lintRules(target);
    const view = {
      path: path ?? 'data',
      files: report.files,
      issues: report.issues,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      itemCount: report.catalogue.items.length,
      strict: flags.strict === true,
    };
    if (flags.format === 'json') io.stdout(formatValidateJson(view, { cwd }));
    else if (flags.format === 'github') io.stdout(formatValidateGithub(view, { cwd, lang: flags.lang }));
    else io.stdout(formatValidateText(view, { cwd, lang: flags.lang, chalk: chalkFor(io, flags.color) }));
    if (report.errorCount > 0 || (view.strict && report.warningCount > 0)) setExitCode(command, 1);
  });
}
