/**
 * The command-line program as a function: run(argv, io) → exit code. The
 * only place that prints; every command is registered from its own module.
 */
import { Command, CommanderError } from 'commander';
import { commanderMessage } from './commander-errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../issues.js';
import { PACKAGE_ROOT } from '../paths.js';
import { formatIssues } from '../format/issues.js';
import { chalkFor } from './common.js';
import type { Io } from './io.js';

export type { Io } from './io.js';

export type RegisterCommand = (program: Command, io: Io) => void;

/**
 * Every command, each in its own module; the first is the default. A module
 * is imported only when the command line needs it, so a one-person check
 * does not pay for what other commands import (exceljs, zod…).
 */
const COMMANDS: { name: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'check', load: async () => (await import('./commands/check.js')).registerCheckCommand },
  { name: 'batch', load: async () => (await import('./commands/batch.js')).registerBatchCommand },
  { name: 'validate', load: async () => (await import('./commands/validate.js')).registerValidateCommand },
  { name: 'test', load: async () => (await import('./commands/test.js')).registerTestCommand },
  { name: 'schema', load: async () => (await import('./commands/schema.js')).registerSchemaCommand },
  { name: 'list', load: async () => (await import('./commands/list.js')).registerListCommand },
  { name: 'show', load: async () => (await import('./commands/show.js')).registerShowCommand },
];

/**
 * The commands argv needs, as commander will dispatch it: past the program's
 * own --debug, the first word names a command, or asks for the program's
 * help (all of them); anything else, an option of the default command
 * included (`--rules test p.yaml`), goes to the default.
 */
export function commandsFor(argv: string[]): typeof COMMANDS {
  const first = argv.find((a) => a !== '--debug');
  if (first === 'help' || first === '-h' || first === '--help') return COMMANDS;
  return [COMMANDS.find((c) => c.name === first) ?? COMMANDS[0]];
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The program with the commands `argv` needs (every command when argv is not given). */
export async function buildProgram(io: Io, argv?: string[]): Promise<Command> {
  const lang = langOf(argv ?? []);
  const output = { writeOut: io.stdout, writeErr: io.stderr, outputError: (text: string, write: (s: string) => void) => write(commanderMessage(text, lang)) };
  const program = new Command('longchang-check')
    .description('隆昌市“十四五”基本公共服务清单核查工具：这个人能享受哪些基本公共服务？\nWhich of Longchang\'s 2021–2025 basic public services can this person get?')
    .version(version(), '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .option('--debug', '出错时显示堆栈 / show stack traces on errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  const registers = await Promise.all((argv ? commandsFor(argv) : COMMANDS).map((c) => c.load()));
  for (const register of registers) register(program, io);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output);
  return program;
}

/** The output language asked for, read before commander has parsed (errors may come first). */
function langOf(argv: string[]): 'zh' | 'en' {
  const i = argv.indexOf('--lang');
  return argv[i + 1] === 'en' || argv.includes('--lang=en') ? 'en' : 'zh';
}

/** Runs the program; resolves to the exit code (0 done, 1 problems found, 2 unusable input). */
export async function run(argv: string[], io: Io): Promise<number> {
  const program = await buildProgram(io, argv);
  let exitCode = 0;
  program.hook('postAction', (_this, action) => {
    const code = (action as Command & { exitCodeOut?: number }).exitCodeOut;
    if (code !== undefined) exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; usage errors are bad arguments.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    const debug = argv.includes('--debug');
    if (e instanceof CliError) {
      io.stderr(formatIssues(e.issues, chalkFor({ ...io, isTTY: io.stderrIsTTY }, !argv.includes('--no-color')), langOf(argv)));
      if (debug && e.stack) io.stderr(e.stack + '\n');
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`longchang-check: 内部错误 / internal error: ${message}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    else io.stderr('（加 --debug 查看详情 / add --debug for details）\n');
    return 2;
  }
}

/** A command reports "problems found" (exit 1) by setting this on itself. */
export function setExitCode(cmd: Command, code: number): void {
  (cmd as Command & { exitCodeOut?: number }).exitCodeOut = code;
}
