/** Runs the CLI in-process with captured output. */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/program.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    today: () => '2025-06-01',
  });
  return { code, stdout, stderr };
}
