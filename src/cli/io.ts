/** What the CLI talks to, injected so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void;
  /**
   * Bytes for standard output, resolving once they are written (their buffer
   * may then be reused). Without it, bytes are decoded and given to `stdout`.
   */
  stdoutBytes?: (bytes: Uint8Array) => Promise<void>;
  stderr: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
  /** Whether stdout is a terminal (colour, progress bars). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY?: boolean;
  /** The width of stdout when it is a terminal (tables fit it). */
  columns?: number;
  /** The width of stderr when it is a terminal (the progress line fits it). */
  stderrColumns?: number;
  env?: Record<string, string | undefined>;
  /** The working directory relative paths are read from. */
  cwd?: string;
  /** "Today", for the default check date; injectable for tests. */
  today?: () => string;
}

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    // A write error also reaches the stream's 'error' handler (main.ts), which ends the run.
    stdoutBytes: (bytes) => new Promise((resolve) => process.stdout.write(bytes, () => resolve())),
    stderr: (t) => process.stderr.write(t),
    stdin: process.stdin,
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}
