/** `longchang-check test [PATH]`: run the example cases written beside the rules. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { Checker } from '../../engine/check.js';
import { formatIssues } from '../../format/issues.js';
import { formatTestReport, type FailedCase } from '../../format/test-report.js';
import { displayPath, withDisplayPath } from '../../format/validate.js';
import { CliError, makeIssue } from '../../issues.js';
import { nearest } from '../../profile/keys.js';
import { parseIsoDate } from '../../profile/dates.js';
import { normaliseRecord } from '../../profile/normalise.js';
import type { Lang } from '../../rules/describe.js';
import { CATALOGUE } from '../../rules/catalogue.js';
import { DEFAULT_EXAMPLE_DATE, runExamples } from '../../rules/examples.js';
import { PARAMETERS_FILE, loadRules, requireRuleFiles } from '../../rules/loader.js';
import { examplePlace } from '../../rules/places.js';
import { addColor, addLang, addRules, chalkFor, rulesPathArgument, rulesPathOrOption } from '../common.js';
import type { Io } from '../io.js';
import { setExitCode } from '../program.js';

interface TestFlags {
  filter?: string;
  rules?: string;
  lang: Lang;
  color?: boolean;
}

/** The catalogue's item ids (spec/catalogue.md), to tell an unknown --filter from one whose file did not load. */
const CATALOGUE_IDS = new Set(CATALOGUE.flatMap((d) => d.items.map((i) => i.id)));

export function registerTestCommand(program: Command, io: Io): void {
  const cmd = program
    .command('test [path]')
    .description('运行规则旁的示例（默认：内置清单）；有失败时退出码为 1 / run the example cases beside the rules; exit 1 on any failure')
    .option('--filter <id>', '只运行一个项目的示例 / run one item\'s cases only');
  addRules(cmd);
  addLang(cmd);
  addColor(cmd);
  cmd.action((pathArgument: string | undefined, flags: TestFlags, command: Command) => {
    const target = rulesPathArgument(io, rulesPathOrOption(pathArgument, flags.rules));
    requireRuleFiles(target);
    const cwd = io.cwd ?? process.cwd();
    const chalk = chalkFor(io, flags.color);
    const loaded = loadRules(target);
    const { catalogue } = loaded;
    // Rule files that do not load are problems too: shown first, and they fail the run.
    if (loaded.issues.length > 0) io.stdout(formatIssues(loaded.issues.map((i) => withDisplayPath(i, cwd)), chalk, flags.lang) + '\n');
    if (flags.filter !== undefined && !catalogue.items.some((i) => i.id === flags.filter)) {
      if (loaded.issues.length > 0 && CATALOGUE_IDS.has(flags.filter)) {
        // The item is in the catalogue: it is in a rule file that did not load, whose problems are above.
        io.stdout(flags.lang === 'zh' ? `${flags.filter} 所在的规则文件没有加载成功（见上），它的示例没有运行\n` : `the rule file of ${flags.filter} did not load (see above); its cases were not run\n`);
        setExitCode(command, 1);
        return;
      }
      const guess = nearest(flags.filter, catalogue.items.map((i) => i.id));
      throw new CliError(2, [makeIssue('BAD_ARGUMENT', `--filter：没有项目 ${flags.filter}${guess ? `；是不是 ${guess}？` : ''}`, { field: '--filter' })]);
    }

    const checker = new Checker(catalogue);
    const outcomes = runExamples(checker, flags.filter === undefined ? undefined : (item) => item.id === flags.filter);
    const failures: FailedCase[] = outcomes
      .filter((o) => !o.passed)
      .map((outcome) => {
        const at = examplePlace(loaded.sources, outcome.item, outcome.index);
        const asOf = outcome.example.as_of ?? DEFAULT_EXAMPLE_DATE;
        // A case dated on no real day failed for that alone: there is nothing to explain on it.
        const read = parseIsoDate(asOf) ? normaliseRecord(outcome.example.profile, { asOf }) : undefined;
        return {
          outcome,
          place: at ? `${displayPath(outcome.item.file, cwd)}:${at.line}:${at.column}` : displayPath(outcome.item.file, cwd),
          explain: read?.ok ? checker.explain(outcome.item, read.profile, asOf) : undefined,
        };
      });
    const passed = outcomes.length - failures.length;
    // Rule files with errors: what in them did not load had its cases skipped (parameters.yaml has none).
    const notLoaded = new Set(loaded.issues.filter((i) => i.severity !== 'warning' && i.file !== undefined && basename(i.file) !== PARAMETERS_FILE).map((i) => i.file)).size;
    io.stdout(formatTestReport(failures, { passed, failed: failures.length, notLoaded }, flags.lang, chalk));
    if (failures.length > 0 || loaded.issues.length > 0) setExitCode(command, 1);
  });
}
