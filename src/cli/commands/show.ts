/** `longchang-check show ID`: one item in full: target, rule as a sentence, parts, amounts, source, examples. */
import { Option, type Command } from 'commander';
import { formatShow, formatShowJson } from '../../format/show.js';
import { displayPath } from '../../format/validate.js';
import { CliError, makeIssue } from '../../issues.js';
import { nearest } from '../../profile/keys.js';
import type { Lang } from '../../rules/describe.js';
import { planBeside, readPlanText } from '../../rules/lint-seed.js';
import { addColor, addLang, addRules, catalogueFor, chalkFor, rulesPathArgument } from '../common.js';
import type { Io } from '../io.js';

interface ShowFlags {
  format: 'text' | 'json';
  lang: Lang;
  rules?: string;
  color?: boolean;
}

export function registerShowCommand(program: Command, io: Io): void {
  const cmd = program
    .command('show <id>')
    .description('显示一个服务项目：服务对象原文、规则、分项、金额及出处、有效期和示例 / show one item: target, rule, parts, amounts with sources, validity, examples')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'));
  addLang(cmd);
  addRules(cmd);
  addColor(cmd);
  cmd.action(async (id: string, flags: ShowFlags) => {
    const cwd = io.cwd ?? process.cwd();
    const dir = rulesPathArgument(io, flags.rules);
    const catalogue = await catalogueFor(io, flags.rules);
    const item = catalogue.items.find((i) => i.id === id || i.name === id);
    if (!item) {
      const ids = catalogue.items.map((i) => i.id);
      const near = nearest(id, ids);
      const guesses = near ? [near] : ids.filter((i) => i.includes(id) || id.split('-').every((w) => w.length > 2 && i.includes(w.slice(0, 3)))).slice(0, 3);
      throw new CliError(2, [
        makeIssue('BAD_ARGUMENT', `没有服务项目 ${id}${guesses.length ? `；是不是 ${guesses.join('、')}？` : ''}`, { hint: 'longchang-check list 列出所有项目 / lists every item' }),
      ]);
    }
    if (flags.format === 'json') {
      io.stdout(formatShowJson(item, { lang: flags.lang, file: displayPath(item.file, cwd) }));
      return;
    }
    const planFile = planBeside(dir);
    // A plan that cannot be read (another encoding, empty) is left out; validate says why.
    const plan = planFile ? readPlanText(planFile) : undefined;
    io.stdout(
      formatShow(item, {
        lang: flags.lang,
        chalk: chalkFor(io, flags.color),
        domainName: catalogue.domains.find((d) => d.id === item.domain)?.name,
        planLines: plan && 'lines' in plan ? plan.lines : undefined,
        place: `${displayPath(item.file, cwd)}${item.line ? `:${item.line}` : ''}`,
      }),
    );
  });
}
