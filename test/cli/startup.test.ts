/**
 * Start-up stays cheap: a one-person check loads the precompiled catalogue
 * and only its own command, never zod (rule validation) or the batch
 * readers. Spawns the built executable (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commandsFor } from '../../src/cli/program.js';
import { readPrecompiledCatalogue } from '../../src/precompiled.js';

const dir = mkdtempSync(join(tmpdir(), 'lc-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A module hook that reports every module the ESM loader resolves.
writeFileSync(join(dir, 'hooks.mjs'), `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }\n`);
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);

function loaded(args: string[]): { status: number | null; packages: Set<string>; files: string[] } {
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), 'bin/longchang-check.js', ...args], { encoding: 'utf8' });
  const urls = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
  const packages = new Set(urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  return { status: r.status, packages, files: urls };
}

const SLOW = ['zod', 'exceljs', 'papaparse', 'iconv-lite', 'csv-parse'];
const fresh = readPrecompiledCatalogue() !== undefined;

describe('start-up', () => {
  it.skipIf(!fresh)('a one-person check loads neither zod, the rule loader nor the batch readers (skipped while dist/catalogue.json is stale: npm run build)', () => {
    const r = loaded(['examples/profile-elderly.yaml', '--as-of', '2025-06-01']);
    expect(r.status).toBe(0);
    expect(r.packages).toContain('yaml');
    for (const p of SLOW) expect(r.packages).not.toContain(p);
    expect(r.files.filter((f) => /\/rules\/loader\.js$|\/commands\/(?!check\.js)/.test(f))).toEqual([]);
  });

  it('reads rule YAML, zod and all, when given --rules', () => {
    const r = loaded(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', 'data']);
    expect(r.status).toBe(0);
    expect(r.packages).toContain('zod');
  });
});

describe('commandsFor', () => {
  const names = (argv: string[]) => commandsFor(argv).map((c) => c.name);
  it('loads the command the first operand names', () => {
    expect(names(['validate', 'data'])).toEqual(['validate']);
    expect(names(['--debug', 'list'])).toEqual(['list']);
  });
  it('loads the default command for a profile, stdin or no operand', () => {
    expect(names(['p.yaml', '--format', 'json'])).toEqual(['check']);
    expect(names(['-', '--as-of', '2025-06-01'])).toEqual(['check']);
    expect(names(['--as-of', '2025-06-01', 'p.yaml'])).toEqual(['check']);
    expect(names([])).toEqual(['check']);
  });
  it('loads the default command when an option of it comes first, whatever its value', () => {
    expect(names(['--rules', 'test', 'p.yaml'])).toEqual(['check']);
    expect(names(['--as-of', '2025-06-01', 'list'])).toEqual(['check']);
  });
  it('loads every command for the program’s help', () => {
    expect(names(['--help']).length).toBeGreaterThan(1);
    expect(names(['help'])).toEqual(names(['--help']));
    expect(names(['validate', '--help'])).toEqual(['validate']);
    expect(names(['p.yaml', '--help'])).toEqual(['check']);
  });
});
