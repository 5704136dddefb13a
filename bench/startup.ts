/**
 * Start-up benchmark: `longchang-check PROFILE` for one person against
 * `node -e 0`, the floor. Uses hyperfine when it is on PATH, else a timing
 * loop of spawned processes. Needs a built package (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

export interface StartupCase {
  label: string;
  args: string[];
}

export interface StartupResult {
  label: string;
  command: string;
  medianMs: number;
  meanMs: number;
  minMs: number;
  /** Median minus the floor's median. */
  overFloorMs: number;
  /** Fastest run minus the floor's fastest: the least disturbed by other load. */
  overFloorMinMs: number;
}

const PROFILE = 'examples/profile-elderly.yaml';

export const STARTUP_CASES: StartupCase[] = [
  { label: 'node -e 0 (the floor)', args: ['-e', '0'] },
  { label: 'longchang-check PROFILE (table)', args: ['bin/longchang-check.js', PROFILE, '--as-of', '2025-06-01'] },
  { label: 'longchang-check PROFILE --format json', args: ['bin/longchang-check.js', PROFILE, '--as-of', '2025-06-01', '--format', 'json'] },
  { label: 'longchang-check PROFILE --rules data (YAML, no precompiled catalogue)', args: ['bin/longchang-check.js', PROFILE, '--as-of', '2025-06-01', '--rules', 'data'] },
];

const quote = (a: string) => (/^[\w./=-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function withHyperfine(cases: StartupCase[], runs: number, warmup: number): Omit<StartupResult, 'overFloorMs' | 'overFloorMinMs'>[] {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  const file = join(dir, 'startup.json');
  try {
    const commands = cases.map((c) => [process.execPath, ...c.args].map(quote).join(' '));
    const run = spawnSync('hyperfine', ['-N', '-w', String(warmup), '-r', String(runs), '--export-json', file, ...commands], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error('hyperfine failed (does every command exit 0?)');
    const { results } = JSON.parse(readFileSync(file, 'utf8')) as { results: { median: number; mean: number; min: number }[] };
    return results.map((r, i) => ({ label: cases[i].label, command: commands[i], medianMs: r.median * 1000, meanMs: r.mean * 1000, minMs: r.min * 1000 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withLoop(cases: StartupCase[], runs: number, warmup: number): Omit<StartupResult, 'overFloorMs' | 'overFloorMinMs'>[] {
  return cases.map((c) => {
    const times: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t0 = process.hrtime.bigint();
      const run = spawnSync(process.execPath, c.args, { cwd: PACKAGE_ROOT, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (run.status !== 0) throw new Error(`${c.label} exited ${run.status}`);
      if (i >= warmup) times.push(ms);
    }
    return { label: c.label, command: ['node', ...c.args].map(quote).join(' '), medianMs: median(times), meanMs: times.reduce((a, b) => a + b, 0) / times.length, minMs: Math.min(...times) };
  });
}

/** Times every case; the first is the floor the others are measured against. */
export function startup(options: { runs?: number; warmup?: number; cases?: StartupCase[] } = {}): { tool: string; results: StartupResult[] } {
  const cases = options.cases ?? STARTUP_CASES;
  const runs = options.runs ?? 50;
  const warmup = options.warmup ?? 5;
  const tool = hasHyperfine() ? 'hyperfine' : 'node timing loop';
  const raw = tool === 'hyperfine' ? withHyperfine(cases, runs, warmup) : withLoop(cases, runs, warmup);
  const [floor] = raw;
  return { tool, results: raw.map((r) => ({ ...r, overFloorMs: r.medianMs - floor.medianMs, overFloorMinMs: r.minMs - floor.minMs })) };
}
