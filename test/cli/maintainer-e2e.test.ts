/** The maintainers' commands as CI runs them: the real executable (needs `npm run build`). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) => spawnSync(process.execPath, ['bin/longchang-check.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the executable for rule maintainers', () => {
  it('validate --strict passes the built-in catalogue', () => {
    const r = run(['validate', '--strict']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('validate fails CI on broken rules with GitHub annotations', () => {
    const r = run(['validate', 'test/fixtures/rules/several', '--format', 'github']);
    expect(r.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations.map((l) => /line=(\d+),col=(\d+),title=(\w+)/.exec(l)?.slice(1).join(':'))).toEqual([
      '12:19:UNKNOWN_FACT',
      '30:33:BAD_OPERATOR',
      '48:28:UNKNOWN_OPERATOR',
      '72:29:BAD_EXAMPLE',
    ]);
  });

  it('test runs the example cases and closes with the count', () => {
    const ok = run(['test']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    const failing = run(['test', 'test/fixtures/rules/examples-fail']);
    expect(failing.status).toBe(1);
    expect(failing.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
});
