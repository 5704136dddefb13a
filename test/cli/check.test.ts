import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { CATALOGUE } from '../../src/rules/catalogue.js';
import { runCli } from './run.js';

const EXAMPLE = 'examples/profile-elderly.yaml';
const dir = mkdtempSync(join(tmpdir(), 'lc-check-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('longchang-check PROFILE', () => {
  it('prints a Chinese table grouped by domain, eligible first, with questions to ask', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【老有所养】');
    expect(r.stdout).toContain('511083********1237');
    expect(r.stdout).not.toContain('511083196006011237');
    expect(r.stdout).toMatch(/✓ 符合\s+│ 老年人健康管理/);
    expect(r.stdout).toContain('建议询问');
    const assistance = r.stdout.slice(r.stdout.indexOf('【弱有所扶】'));
    expect(assistance.indexOf('✓ 符合')).toBeLessThan(assistance.indexOf('? 待核实'));
    expect(r.stdout).toMatch(/共 78 项：符合 \d+ 项，待核实 \d+ 项，不符合 \d+ 项/);
  });

  it('`check` is the same command', async () => {
    const a = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--format', 'json']);
    const b = await runCli(['check', EXAMPLE, '--as-of', '2025-06-01', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--format json follows cli.md: every item in catalogue order, masked person', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['as_of', 'catalogue', 'warnings', 'person', 'results']);
    expect(report.as_of).toBe('2025-06-01');
    expect(report.catalogue).toEqual({ title: expect.any(String), valid_from: '2021-01-01', valid_to: '2025-12-31' });
    expect(report.warnings).toEqual([]);
    expect(report.person.id_number).toBe('511083********1237');
    expect(report.results.map((x: { id: string }) => x.id)).toEqual(CATALOGUE.flatMap((d) => d.items.map((i) => i.id)));
    const health = report.results.find((x: { id: string }) => x.id === 'elderly-health-management');
    expect(health).toMatchObject({ name: '老年人健康管理', domain: 'elderly', status: 'eligible', missing: [] });
    const subsidies = report.results.find((x: { id: string }) => x.id === 'disability-subsidies');
    expect(subsidies.parts.map((p: { status: string }) => p.status)).toEqual(['eligible', 'eligible']);
    for (const x of report.results) expect(['eligible', 'ineligible', 'undetermined']).toContain(x.status);
  });

  it('--format yaml gives the same report, without anchors or aliases, dates quoted for YAML 1.1 readers', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--format', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^as_of: "2025-06-01"/m);
    expect(r.stdout).toContain('id_number: 511083********1237');
    // The same list (the person's insurance, seen again in a reason) is written out each time.
    expect(r.stdout).not.toMatch(/[&*]a\d/);
    const json = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--format', 'json']);
    expect(parseYaml(r.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('warns plainly when the check date is after the plan period', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2026-11-28', '--format', 'json']);
    expect(JSON.parse(r.stdout).warnings[0]).toContain('2021—2025');
    const table = await runCli([EXAMPLE, '--as-of', '2026-11-28']);
    expect(table.stdout).toContain('晚于本清单有效期');
  });

  it('--domain keeps one domain; --all shows ineligible items too', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly', '--format', 'json']);
    expect(JSON.parse(r.stdout).results.map((x: { id: string }) => x.id)).toEqual(['elderly-health-management', 'elderly-welfare-allowance', 'employee-pension', 'resident-pension']);
    const without = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly']);
    const withAll = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly', '--all']);
    expect(without.stdout).not.toContain('职工基本养老保险');
    expect(withAll.stdout).toMatch(/✗ 不符合\s+│ 职工基本养老保险/);
  });

  it('--explain shows each condition with the value seen', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly', '--explain']);
    expect(r.stdout).toContain('年龄 ≥ 65（所见：年龄 = 65）');
  });

  it('--explain --lang en uses English punctuation', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly', '--explain', '--lang', 'en']);
    expect(r.stdout).toContain('✓ age ≥ 65 (seen: age = 65)');
    expect(r.stdout).toContain('Health management for older people (elderly-health-management)');
    expect(r.stdout).toMatch(/^ {2}welfare-subsidy:$/m);
  });

  it('--lang en prints English', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--lang', 'en', '--domain', 'elderly']);
    expect(r.stdout).toContain('✓ eligible');
    expect(r.stdout).toContain('【Old age】');
    expect(r.stdout).toContain('Health management for older people');
    expect(r.stdout).toContain('items:');
  });

  it('colours a terminal, but not under NO_COLOR or --no-color', async () => {
    const args = [EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly'];
    expect((await runCli(args, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await runCli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  it('reads standard input with -', async () => {
    const r = await runCli(['-', '--as-of', '2025-06-01', '--format', 'json'], { stdin: 'age: 70\nresident: true\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.find((x: { id: string }) => x.id === 'elderly-health-management').status).toBe('eligible');
  });

  it('an unknown age is undetermined and asks for the birth date', async () => {
    const r = await runCli(['-', '--as-of', '2025-06-01', '--format', 'json'], { stdin: 'resident: true\n' });
    const item = JSON.parse(r.stdout).results.find((x: { id: string }) => x.id === 'elderly-health-management');
    expect(item).toMatchObject({ status: 'undetermined', missing: ['birth_date'] });
  });
});

describe('bad input: exit 2, file, line and field, no stack trace', () => {
  it('refuses a profile saved as GB18030 (as Notepad saves it in China) at its first byte, rather than read keys nobody wrote', async () => {
    const file = join(dir, 'gbk.yaml');
    writeFileSync(file, iconv.encode('年龄: 70\n常住: 是\n', 'gb18030'));
    const r = await runCli([file, '--as-of', '2025-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1:1: 错误 ENCODING`);
    expect(r.stderr).toContain('像是 GB18030/GBK 编码；档案文件须保存为 UTF-8');
    expect(r.stderr).not.toContain('UNKNOWN_KEY');
  });

  it.each([
    ['misspelt key', 'resident: true\nhukuo_type: rural\n', ':2:', 'UNKNOWN_KEY', 'hukou_type'],
    ['impossible date', 'birth_date: 2023-02-30\n', ':1:', 'BAD_DATE', 'birth_date'],
    ['wrong check digit', 'id_number: "511083196006011238"\n', ':1:', 'BAD_ID_CHECKSUM', 'id_number'],
    ['malformed YAML', 'age: [3\n', ':1:6:', 'YAML_SYNTAX', '括号 [ 没有闭合'],
    ['a list instead of a mapping', '- age: 3\n', ':1:', 'NOT_A_MAPPING', ''],
    ['value outside the enum', 'sex: x\n', ':1:', 'BAD_ENUM', 'male'],
    ['a list that says none and something', '参保: 居民医保、无\n', ':1:', 'FACT_CONFLICT', '参保（insurance）既写了“无”又写了 居民医保'],
    // The plan's chronic-disease care is for 原发性高血压 and Ⅱ型糖尿病: the bare words do not say which kind.
    ['diabetes of no stated type', '疾病: 糖尿病\n', ':1:', 'BAD_ENUM', '是不是 Ⅱ型糖尿病？'],
    ['hypertension of no stated kind', '疾病: 高血压\n', ':1:', 'BAD_ENUM', '是不是 原发性高血压？'],
  ])('%s', async (_name, text, place, code, mention) => {
    const file = write(`bad-${code}.yaml`, text);
    const r = await runCli([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}${place}`);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(mention);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('never prints a full ID number, even in an error', async () => {
    const file = write('conflict.yaml', 'id_number: "511083196006011237"\nbirth_date: 1960-06-02\n');
    const r = await runCli([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ID_CONFLICT');
    expect(r.stderr).not.toContain('511083196006011237');
  });
  it('masks an ID number written into another field, in the table and the JSON', async () => {
    const file = write('id-as-name.yaml', 'name: 511083196006011237\nage: 70\n');
    for (const format of ['table', 'json']) {
      const r = await runCli([file, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('511083********1237');
      expect(r.stdout).not.toContain('511083196006011237');
    }
  });
  it('masks a mistyped ID number in the error and its excerpt', async () => {
    const file = write('typo.yaml', 'id_number: "511083196006011238"\n');
    const r = await runCli([file]);
    expect(r.stderr).toContain('BAD_ID_CHECKSUM');
    expect(r.stderr).toContain('511083********1238');
    expect(r.stderr).not.toContain('511083196006011238');
  });
  it('--lang en gives English error headlines', async () => {
    const r = await runCli(['-', '--lang', 'en'], { stdin: 'hukuo_type: rural\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:1:1: error UNKNOWN_KEY [hukuo_type]: unknown key');
  });
  it('a mistyped command is answered with the command it resembles', async () => {
    const r = await runCli(['validat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
    expect(r.stderr).toContain('validate');
  });
  it('a missing file', async () => {
    const r = await runCli(['no-such-profile.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
  });
  it('a --rules folder that does not exist', async () => {
    const r = await runCli([EXAMPLE, '--rules', 'no/such/rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
    expect(r.stderr).not.toContain('internal error');
  });
  it('reads --rules before the profile, even a folder named like a command', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lc-rules-cwd-'));
    try {
      cpSync('data', join(cwd, 'test'), { recursive: true });
      const r = await runCli(['--rules', 'test', join(process.cwd(), EXAMPLE), '--as-of', '2025-06-01', '--format', 'json'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).results).toHaveLength(78);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
  it('a bad --as-of', async () => {
    const r = await runCli([EXAMPLE, '--as-of', '2025-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of');
  });
  it('an unknown option, said in Chinese with the nearest option, in English under --lang en', async () => {
    const r = await runCli([EXAMPLE, '--frmat', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：不认识的选项 --frmat；是不是 --format？（--help 查看用法）\n');
    const en = await runCli([EXAMPLE, '--frmat', 'json', '--lang', 'en']);
    expect(en.stderr).toContain("error: unknown option '--frmat'");
  });
  it.each([
    [['--format', 'xml'], '错误：选项 --format <format> 的值“xml”无效；可选：table, json, yaml'],
    [['--as-of'], '错误：选项 --as-of <date> 缺少取值'],
    [['extra.yaml'], '错误：check 的参数太多：应为 1 个，得到 2 个'],
    [['--domain', '老有'], '错误：选项 --domain <id> 的值“老有”无效：可选 / choices: childcare（幼有所育）'],
  ])('usage error %j, in Chinese', async (args, message) => {
    const r = await runCli([EXAMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('takes a domain by its Chinese name, as the tables print it', async () => {
    const byName = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', '老有所养', '--format', 'json']);
    const byId = await runCli([EXAMPLE, '--as-of', '2025-06-01', '--domain', 'elderly', '--format', 'json']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    expect(JSON.parse(byName.stdout).results.every((r: { domain: string }) => r.domain === 'elderly')).toBe(true);
  });
  it('--help and --version exit 0', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
