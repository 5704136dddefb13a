/** Entry for the bin shim: real process streams in, exit code out. */
import { processIo } from './io.js';
import { run } from './program.js';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (| head) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // Output cannot be written (disk full…): say so on what is left, no stack.
      try {
        process.stderr.write(`longchang-check: 无法写出结果 / cannot write output: ${e.message}\n`);
      } finally {
        process.exit(2);
      }
    });
  }
  process.exitCode = await run(argv, processIo());
}
