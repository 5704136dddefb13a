/** Runs `longchang-check batch …` in-process with captured output. */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/program.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  stderrIsTTY?: boolean;
  /** Standard output is a terminal too. */
  isTTY?: boolean;
  /** The width of the terminal standard error is. */
  stderrColumns?: number;
}

export async function runBatchCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(['batch', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: Readable.from([typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? Buffer.alloc(0))]),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stderrColumns: options.stderrColumns,
    env: {},
    cwd: options.cwd ?? process.cwd(),
    today: () => '2025-06-01',
  });
  return { code, stdout, stderr };
}
