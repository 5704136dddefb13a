/** Runs `longchang-check batch …` in-process with captured output. */
import { Command, CommanderError } from 'commander';
import { Readable } from 'node:stream';
import { registerBatchCommand } from '../../src/cli/commands/batch.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram, run } from '../../src/cli/program.js';
import { CliError } from '../../src/issues.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  stderrIsTTY?: boolean;
}

/** The program as the lead's run() builds it; a stand-in registration until batch is wired into it. */
async function runProgram(argv: string[], io: Io): Promise<number> {
  if ((await buildProgram(io)).commands.some((c) => c.name() === 'batch')) return run(argv, io);
  const program = new Command('longchang-check').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerBatchCommand(program, io);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let exitCode = 0;
  program.hook('postAction', (_this, action) => {
    const code = (action as Command & { exitCodeOut?: number }).exitCodeOut;
    if (code !== undefined) exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' ? 0 : 2;
    if (e instanceof CliError) {
      io.stderr(e.issues.map((i) => `${[i.file, i.line, i.column].filter((p) => p !== undefined).join(':')}: ${i.code}${i.field ? ` [${i.field}]` : ''}: ${i.message}`).join('\n') + '\n');
      return e.exitCode;
    }
    throw e;
  }
}

export async function runBatchCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runProgram(['batch', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: Readable.from([typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? Buffer.alloc(0))]),
    isTTY: false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: {},
    cwd: options.cwd ?? process.cwd(),
    today: () => '2025-06-01',
  });
  return { code, stdout, stderr };
}
