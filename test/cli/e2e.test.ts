/** A few runs of the real executable, as a user would type them (needs `npm run build`). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = 'bin/longchang-check.js';
const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });

describe('the longchang-check executable', () => {
  it('checks the shipped example and prints the Chinese table', () => {
    const r = run(['examples/profile-elderly.yaml', '--as-of', '2025-06-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('【老有所养】');
    expect(r.stdout).toContain('511083********1237');
    expect(r.stdout).not.toContain('511083196006011237');
  });
  it('prints JSON that parses', () => {
    const r = run(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(78);
  });
  it('has no colour codes under NO_COLOR or when piped', () => {
    const r = run(['examples/profile-elderly.yaml', '--as-of', '2025-06-01'], undefined, { NO_COLOR: '1' });
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('exits 2 on bad input with a located message and no stack trace', () => {
    const r = run(['-'], 'age: -1\nhukuo_type: x\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('<stdin>:1:');
    expect(r.stderr).toContain('<stdin>:2:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('shows a stack trace only with --debug', () => {
    const r = run(['-', '--debug'], 'age: -1\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
