/** The maintainers' commands, run in-process: validate, test, schema, list, show. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const F = 'test/fixtures/rules';
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

/** A copy of the built-in rules with one edit to elderly.yaml: the folder. */
function rulesWithElderly(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-rules-'));
  cpSync('data', dir, { recursive: true });
  const file = join(dir, 'elderly.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('validate', () => {
  it('passes the built-in catalogue, even with --strict', async () => {
    const r = await runCli(['validate', '--strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.stdout).toContain('78 项');
  });

  it('says a path it cannot read in the format CI reads too, and exits 2', async () => {
    const github = await runCli(['validate', 'no-such-folder', '--format', 'github']);
    expect(github.code).toBe(2);
    expect(github.stdout).toMatch(/^::error file=no-such-folder,title=FILE_NOT_FOUND::/);
    const json = await runCli(['validate', 'no-such-folder', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: 1, issues: [{ code: 'FILE_NOT_FOUND' }] });
  });

  it('reports every broken file of a folder with file:line:column, a caret and a hint, and exits 1', async () => {
    const r = await runCli(['validate', F]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${F}/UNKNOWN_FACT.yaml:12:19: 错误 UNKNOWN_FACT`);
    expect(r.stdout).toContain(`${F}/BAD_OPERATOR.yaml:15:33: 错误 BAD_OPERATOR`);
    expect(r.stdout).toContain(`${F}/YAML_SYNTAX.yaml:12:11: 错误 YAML_SYNTAX: YAML 格式错误：括号 { 没有闭合`);
    expect(r.stdout).toContain(`${F}/UNKNOWN_OPERATOR.yaml:12:28: 错误 UNKNOWN_OPERATOR`);
    expect(r.stdout).toMatch(/12 \|     rule: \{ fact: agee, op: gte, value: 65 \}\n\s+\| {19}\^/);
    expect(r.stdout).toContain('提示: did you mean age?');
    expect(lastLine(r.stdout)).toMatch(/^\d+ 个错误，\d+ 个警告（23 个规则文件/);
  });

  it('takes the rule folder as --rules PATH too, as the other commands do, and refuses two different paths', async () => {
    const viaOption = await runCli(['validate', '--rules', `${F}/UNKNOWN_FACT.yaml`]);
    expect(viaOption.code).toBe(1);
    expect(viaOption.stdout).toContain('UNKNOWN_FACT');
    const test = await runCli(['test', '--rules', `${F}/good.yaml`]);
    expect(test.code).toBe(0);
    expect(lastLine(test.stdout)).toMatch(/^\d+ passed, 0 failed$/);
    const both = await runCli(['validate', `${F}/good.yaml`, '--rules', `${F}/UNKNOWN_FACT.yaml`]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('BAD_ARGUMENT');
    // One folder written two ways is one path.
    expect((await runCli(['validate', 'data', '--rules', './data/', '--strict'])).code).toBe(0);
  });

  it('test reports a case dated on no real day as a failed case, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-asof-'));
    cpSync('data', dir, { recursive: true });
    const file = join(dir, 'elderly.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('as_of: 2025-06-01', 'as_of: 2025-02-30'));
    const r = await runCli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('as_of: 2025-02-30 is not a real calendar date');
    expect(lastLine(r.stdout)).toMatch(/^\d+ passed, 1 failed$/);
  });

  it('a check with --rules naming parameters.yaml is refused, rather than answer nothing applies', async () => {
    const r = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', 'data/parameters.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('中没有服务项目');
  });

  it('checks parameters.yaml named alone as the parameter file it is, not as a rule file', async () => {
    expect((await runCli(['validate', 'data/parameters.yaml', '--strict'])).code).toBe(0);
    const r = await runCli(['validate', `${F}/parameter-dates/parameters.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BAD_DATE');
    expect(r.stdout).not.toContain('缺少 domain');
  });

  it('exits 0 on warnings alone, and 1 with --strict', async () => {
    expect((await runCli(['validate', `${F}/COVERAGE.yaml`])).code).toBe(0);
    expect((await runCli(['validate', `${F}/COVERAGE.yaml`, '--strict'])).code).toBe(1);
  });

  it('writes GitHub Actions annotations', async () => {
    const r = await runCli(['validate', `${F}/UNKNOWN_FACT.yaml`, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${F}/UNKNOWN_FACT.yaml,line=12,col=19,title=UNKNOWN_FACT::.*agee.*%0Adid you mean age\\?$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=.*,title=COVERAGE::/));
  });

  it('writes JSON with the same issues', async () => {
    const r = await runCli(['validate', `${F}/BAD_VALUE.yaml`, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { ok: boolean; errors: number; issues: { code: string; file: string; line: number; column: number }[] };
    expect(body.ok).toBe(false);
    expect(body.errors).toBe(1);
    expect(body.issues).toContainEqual(expect.objectContaining({ code: 'BAD_VALUE', file: `${F}/BAD_VALUE.yaml`, line: 15, column: 46 }));
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await runCli(['validate', 'no/such/rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
  });
});

describe('test', () => {
  it('runs every example of the built-in catalogue', async () => {
    const r = await runCli(['test']);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  });

  it('reports a failing case with its place, expected and actual status and why, and exits 1', async () => {
    const r = await runCli(['test', `${F}/examples-fail`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ ${F}/examples-fail/elderly.yaml:18:9 elderly-health-management #2「64岁，故意写错为符合」: expected eligible, got ineligible`);
    expect(r.stdout).toContain('✗ 年龄 ≥ 65（年龄 = 64）');
    expect(lastLine(r.stdout)).toBe('2 passed, 1 failed');
  });

  it('runs one item with --filter', async () => {
    const r = await runCli(['test', '--filter', 'elderly-welfare-allowance']);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toBe('5 passed, 0 failed');
  });

  it('exits 2 for an unknown --filter id, naming the nearest', async () => {
    const r = await runCli(['test', '--filter', 'elderly-welfare-alowance']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('elderly-welfare-allowance');
  });

  it('fails when rule files do not load, and says where', async () => {
    const r = await runCli(['test', `${F}/UNKNOWN_FACT.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${F}/UNKNOWN_FACT.yaml:12:19`);
    expect(lastLine(r.stdout)).toBe('0 passed, 0 failed; 1 rule file with errors: the cases of what did not load were not run');
  });
});

describe('schema', () => {
  it.each(['profile', 'rules'])('prints the %s schema shipped in schema/', async (kind) => {
    const r = await runCli(['schema', kind]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`schema/${kind}.schema.json`, 'utf8'));
    expect(JSON.parse(r.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('exits 2 for another kind', async () => {
    expect((await runCli(['schema', 'person'])).code).toBe(2);
  });
});

describe('list', () => {
  it('prints the catalogue by domain', async () => {
    const r = await runCli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【幼有所育】childcare · 表3—1 · 9 项');
    expect(r.stdout).toContain('family-planning-special-support');
    expect(lastLine(r.stdout)).toBe('共 9 个领域，78 项');
  });

  it('names domains and items in English with --lang en', async () => {
    const r = await runCli(['list', '--lang', 'en', '--domain', 'elderly']);
    expect(r.stdout).toContain('【Old age】elderly');
    expect(r.stdout).toContain('Health management for older people');
  });

  it('adds each item\'s status for a profile', async () => {
    const r = await runCli(['list', 'examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const items = (JSON.parse(r.stdout) as { domains: { items: { id: string; status: string; amounts: boolean }[] }[] }).domains.flatMap((d) => d.items);
    expect(items).toHaveLength(78);
    expect(items.find((i) => i.id === 'elderly-health-management')?.status).toBe('eligible');
    expect(items.find((i) => i.id === 'employee-pension')?.status).toBe('ineligible');
    expect(items.find((i) => i.id === 'family-planning-reward')?.amounts).toBe(true);
  });
});

describe('show', () => {
  it('prints the seed\'s words, the rule as a sentence, parts, amounts with their lines, source, validity and examples', async () => {
    const r = await runCli(['show', 'family-planning-special-support']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('服务对象（规划原文）：独生子女伤残死亡家庭夫妇和三级以上计划生育手术并发症人员');
    expect(r.stdout).toContain('分项规则：年龄 ≥ 18 且 计划生育情况 为 独生子女伤残');
    expect(r.stdout).toContain('独生子女伤残家庭特别扶助金：8160 元/年/人');
    expect(r.stdout).toContain('规划第 40 行：“独子伤残家庭8160元/年/人”');
    expect(r.stdout).toContain('出处：表6—1 · 第六章 病有所医 · 规划第 400 行\n    > 计划生育家庭特别扶助 独生子女伤残死亡家庭夫妇和三级以上计划生育手术并发症人员');
    expect(r.stdout).toContain('有效期：2021-01-01 至 2025-12-31');
    expect(r.stdout).toMatch(/示例（\d+）/);
  });

  it('masks the ID numbers in the examples, as text and as JSON', async () => {
    const text = await runCli(['show', 'elderly-health-management']);
    expect(text.stdout).toContain('身份证号=511083********1237');
    const json = await runCli(['show', 'elderly-health-management', '--format', 'json']);
    const body = JSON.parse(json.stdout) as { examples: { profile: Record<string, unknown> }[] };
    expect(body.examples.map((e) => e.profile.id_number).filter(Boolean)).toEqual(['511083********1237']);
    for (const r of [text, json]) expect(r.stdout).not.toContain('511083196006011237');
  });

  it('quotes the plan beside the --rules file', async () => {
    const r = await runCli(['show', 'elderly-health-management', '--rules', `${F}/good.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('规划第 4 行\n    > 老年人健康管理 65岁及以上老年人');
  });

  it('exits 2 for a --rules folder that does not exist', async () => {
    const r = await runCli(['show', 'dibao', '--rules', 'no/such/rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['show', 'elderly-health-management', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rule: age ≥ 65');
  });

  it('exits 2 for an unknown id, naming the nearest', async () => {
    const r = await runCli(['show', 'elderly-helth-management']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('elderly-health-management');
  });
});

describe('validate --lang en', () => {
  it('gives each issue its English heading and title', async () => {
    const dir = rulesWithElderly((text) => text.replace('op: ', 'op: bogus_'));
    const r = await runCli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/elderly\.yaml:\d+:\d+: error UNKNOWN_OPERATOR: unknown operator: /);
    expect(r.stdout).not.toContain('错误 UNKNOWN_OPERATOR');
  });
});

describe('test --filter on rules that do not all load', () => {
  it('shows the load problems and says the item was not run, exit 1, instead of "no such item"', async () => {
    const dir = rulesWithElderly((text) => text.replace('fact: age,', 'fact: agee,'));
    const r = await runCli(['test', dir, '--filter', 'elderly-health-management']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/elderly\.yaml:\d+:\d+: 错误 UNKNOWN_FACT/);
    expect(r.stdout).toContain('elderly-health-management 所在的规则文件没有加载成功（见上），它的示例没有运行');
    expect(r.stderr).not.toContain('没有项目');
  });
});

describe('periods of validity', () => {
  it("warns when the check date is outside an item's own period, in the table, JSON and a batch", async () => {
    const dir = rulesWithElderly((text) => text.replace('valid: { from: 2021-01-01, to: 2025-12-31 }', 'valid: { from: 2021-01-01, to: 2023-12-31 }'));
    const table = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', dir]);
    expect(table.stdout + table.stderr).toContain('（elderly-health-management）：核查日期 2025-06-01 不在本项有效期（2021-01-01 至 2023-12-31）内，其结果仅供参考。');
    const json = JSON.parse((await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01', '--rules', dir, '--format', 'json'])).stdout);
    expect(json.warnings.some((w: string) => w.includes('elderly-health-management'))).toBe(true);
    const inside = await runCli(['examples/profile-elderly.yaml', '--as-of', '2023-06-01', '--rules', dir, '--format', 'json']);
    expect(JSON.parse(inside.stdout).warnings).toEqual([]);
  });

  it('tells a batch run when the check date is after the catalogue period', async () => {
    const r = await runCli(['batch', '-', '--as-of', '2026-01-01', '--domain', 'elderly'], { stdin: '户编号,姓名\nH1,甲\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('核查日期 2026-01-01 晚于本清单有效期（2021-01-01 至 2025-12-31）');
  });
});
