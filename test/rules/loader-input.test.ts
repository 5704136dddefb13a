/**
 * What the loader is given before any rule is read: a path that is not a
 * file or a folder, a file that is not UTF-8, parameters.yaml's dates, a
 * folder with no rule files. Each answer is a coded issue at a place (or an
 * exit code), never an internal error.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/issues.js';
import { decodeRuleText, loadRules } from '../../src/rules/loader.js';
import { lintRules } from '../../src/rules/lint.js';
import { runCli } from '../cli/run.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');
const good = readFileSync(join(FIXTURES, 'good.yaml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'lc-loader-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder under the test's temporary one. */
let folders = 0;
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = join(tmp, `case-${++folders}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const errors = (path: string) => lintRules(path).issues.filter((i) => i.severity === 'error');

describe('a rule path that is neither a regular file nor a folder', () => {
  it.each([
    ['validate', ['validate', '/dev/null']],
    ['test', ['test', '/dev/null']],
    ['check --rules', ['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', '/dev/null']],
  ])('%s /dev/null: FILE_UNREADABLE naming the path, exit 2', async (_name, argv) => {
    const r = await runCli(argv);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.stderr).toContain('/dev/null: 错误 FILE_UNREADABLE: 无法读取文件：/dev/null：不是普通文件，也不是文件夹');
    expect(r.code).toBe(2);
  });

  it('is a CliError with exit code 2 from the library too', () => {
    let thrown: unknown;
    try {
      loadRules('/dev/null');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect(thrown).toMatchObject({ exitCode: 2, issues: [{ code: 'FILE_UNREADABLE', file: '/dev/null' }] });
  });

  it.runIf(process.platform !== 'win32')('a named pipe is unreadable as well', async () => {
    const fifo = join(tmp, 'rules.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['validate', fifo]);
    expect(r.stderr).toContain(`${fifo}: 错误 FILE_UNREADABLE`);
    expect(r.code).toBe(2);
  });
});

describe('a rule file that is not UTF-8', () => {
  const notUtf8 = Buffer.concat([Buffer.from(good.slice(0, good.indexOf('老年人健康管理'))), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(good.slice(good.indexOf('老年人健康管理') + 7))]);
  const cases: [string, Buffer, number, number, string][] = [
    // line 8 is "    name: 老年人健康管理": the bad bytes start after "    name: ".
    ['stray bytes', notUtf8, 8, 11, '第一个无效字节 0xFF'],
    // 没 is C3 BB in GB18030, which UTF-8 reads as û: the first bad byte is the next one, D3.
    ['GB18030', iconv.encode(good, 'gb18030'), 2, 4, '第一个无效字节 0xD3，像是 GB18030/GBK 编码'],
    ['UTF-16 with a BOM', Buffer.from('\ufeff' + good, 'utf16le'), 1, 1, '第一个无效字节 0xFF，像是 UTF-16 编码'],
    ['UTF-16 without a BOM', Buffer.from(good, 'utf16le'), 1, 2, '含有 NUL 字符，像是 UTF-16 编码'],
  ];

  it.each(cases)('%s: ENCODING at the first byte that is not UTF-8', (_name, bytes, line, column, found) => {
    const dir = folder({ 'elderly.yaml': bytes });
    const file = join(dir, 'elderly.yaml');
    const found_ = errors(file);
    expect(found_).toHaveLength(1);
    expect(found_[0]).toMatchObject({ code: 'ENCODING', file, line, column });
    expect(found_[0].message).toContain(found);
    expect(found_[0].message).toContain('规则文件须保存为 UTF-8');
    expect(found_[0].hint).toContain('save the file as UTF-8');
    expect(found_[0].excerpt).not.toContain('\u0000');
  });

  it('shows file:line:column, the line with a caret, and exits 1 from validate', async () => {
    const dir = folder({ 'elderly.yaml': notUtf8 });
    const r = await runCli(['validate', join(dir, 'elderly.yaml')]);
    expect(r.stdout).toContain(`${join(dir, 'elderly.yaml')}:8:11: 错误 ENCODING: 文件不是 UTF-8 编码：第一个无效字节 0xFF；规则文件须保存为 UTF-8`);
    expect(r.stdout).toMatch(/ 8 \|     name: \uFFFD\uFFFD\uFFFD\n\s+\| {11}\^/);
    expect(r.code).toBe(1);
  });

  it('refuses to check anyone against it (exit 2), so no name shows as U+FFFD', async () => {
    const dir = folder({ 'elderly.yaml': notUtf8 });
    const r = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENCODING');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('accepts UTF-8 with a BOM, and a U+FFFD written in the file', () => {
    const withBom = folder({ 'elderly.yaml': '\ufeff' + good });
    expect(errors(join(withBom, 'elderly.yaml'))).toEqual([]);
    const text = decodeRuleText(Buffer.from('\ufeffname: a\ufffdb\n'), 'x.yaml');
    expect(text).toEqual({ ok: true, text: 'name: a\ufffdb\n' });
  });

  it('places the first bad byte after a BOM and a U+FFFD written in the file', () => {
    const bytes = Buffer.concat([Buffer.from('\ufeffa: 1\nname: 优\ufffd抚'), Buffer.from([0xc0]), Buffer.from('\n')]);
    const read = decodeRuleText(bytes, 'x.yaml');
    expect(read).toMatchObject({ ok: false, issue: { code: 'ENCODING', line: 2, column: 10 } });
    expect(read.ok || read.issue.message).toContain('0xC0');
  });

  it('answers any bytes with the text or one coded issue at the first bad byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string(), (before, bad, after) => {
        const clean = before.replaceAll('\u0000', '').replace(/^\ufeff/, '');
        const bytes = Buffer.concat([Buffer.from(clean), Buffer.from(bad), Buffer.from(after)]);
        const read = decodeRuleText(bytes, 'x.yaml');
        const valid = (() => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            return !bytes.includes(0);
          } catch {
            return false;
          }
        })();
        expect(read.ok).toBe(valid);
        if (read.ok) return;
        expect(read.issue.code).toBe('ENCODING');
        const lines = clean.split('\n');
        // Nothing in `before` is wrong, so the first bad byte is at or after its end.
        expect(read.issue.line).toBeGreaterThanOrEqual(lines.length);
        if (read.issue.line === lines.length) expect(read.issue.column).toBeGreaterThanOrEqual(lines.at(-1)!.length + 1);
      }),
    );
  });
});

describe('parameters.yaml: the from dates of dated values', () => {
  const dir = join(FIXTURES, 'parameter-dates');
  const file = join(dir, 'parameters.yaml');

  it.each([
    { code: 'BAD_DATE', line: 7, column: 17, text: '不是有效日期：dibao_standard 的 from 2025-13-01' },
    { code: 'BAD_DATE', line: 8, column: 17, text: '不是有效日期：dibao_standard 的 from 2025-02-30' },
    { code: 'DUPLICATE_KEY', line: 17, column: 15, text: '键重复：public_rental_income_limit 的 from 2024-07-01 出现两次（另见第 14 行）' },
  ])('$code at $line:$column', ({ code, line, column, text }) => {
    const found = errors(dir).filter((i) => i.line === line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, file, line, column });
    expect(found[0].message).toContain(text);
  });

  it('finds nothing else wrong, and keeps only the values that can be applied', () => {
    expect(errors(dir)).toHaveLength(3);
    expect(loadRules(dir).catalogue.parameters).toMatchObject({
      dibao_standard: { values: [{ from: '2024-01-01', value: 600 }] },
      public_rental_income_limit: { values: [{ from: '2024-07-01', value: 1200 }] },
    });
  });

  it('validate exits 1 and shows each at file:line:column; checking with them exits 2', async () => {
    const rel = 'test/fixtures/rules/parameter-dates';
    const v = await runCli(['validate', rel]);
    expect(v.stdout).toContain(`${rel}/parameters.yaml:7:17: 错误 BAD_DATE`);
    expect(v.stdout).toContain(`${rel}/parameters.yaml:8:17: 错误 BAD_DATE`);
    expect(v.stdout).toContain(`${rel}/parameters.yaml:17:15: 错误 DUPLICATE_KEY`);
    expect(v.code).toBe(1);
    const c = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', rel]);
    expect(c.code).toBe(2);
  });

  it('passes real dates, one value per day', () => {
    const ok = folder({
      'elderly.yaml': good,
      'parameters.yaml': 'parameters:\n  dibao_standard:\n    zh: 低保标准\n    values:\n      - { from: 2024-02-29, value: 600 }\n      - { from: 2025-01-01, value: 700 }\n',
    });
    expect(errors(ok)).toEqual([]);
  });
});

describe('a folder with no rule files', () => {
  it.each([
    ['empty', {}],
    ['with parameters.yaml only', { 'parameters.yaml': 'parameters: {}\n', 'notes.txt': 'x' }],
  ])('%s: an error naming the folder', (_name, files) => {
    const dir = folder(files);
    const found = errors(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'FILE_NOT_FOUND', file: dir });
    expect(found[0].message).toContain(`${dir} 中没有规则文件`);
  });

  it('validate, test and a check against it exit 2, input that cannot be used at all, with that one message', async () => {
    const dir = folder();
    const v = await runCli(['validate', dir]);
    expect(v.stderr).toContain(`${dir}: 错误 FILE_NOT_FOUND: 找不到文件：${dir} 中没有规则文件`);
    expect(v.stderr).not.toContain('COVERAGE');
    expect(v.code).toBe(2);
    const t = await runCli(['test', dir]);
    expect(t.stderr).toContain('FILE_NOT_FOUND');
    expect(t.code).toBe(2);
    const c = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', dir]);
    expect(c.stderr).toContain('FILE_NOT_FOUND');
    expect(c.code).toBe(2);
  });

  it('a missing domain file is still only a COVERAGE warning', () => {
    const dir = folder();
    cpSync(join(FIXTURES, 'good.yaml'), join(dir, 'elderly.yaml'));
    expect(errors(dir)).toEqual([]);
    expect(lintRules(dir).issues.some((i) => i.code === 'COVERAGE' && i.severity === 'warning')).toBe(true);
  });
});

describe('a rule file with no content', () => {
  it.each([
    ['empty', ''],
    ['only a comment', '# 只有注释\n'],
  ])('%s: SCHEMA at line 1, column 1, so an editor and a GitHub annotation can point at it', (_name, text) => {
    const dir = folder({ 'elderly.yaml': text });
    const found = errors(join(dir, 'elderly.yaml'));
    expect(found.map((i) => [i.code, i.line, i.column])).toEqual([['SCHEMA', 1, 1]]);
  });
});
