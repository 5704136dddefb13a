/**
 * validate's checks that need more than one broken fixture can show: each
 * case is good.yaml with one edit, and names the issue it must raise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IssueCode, Severity } from '../../src/issues.js';
import { lintRules } from '../../src/rules/lint.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');
const PLAN = join(FIXTURES, 'source', 'plan.txt');
const good = readFileSync(join(FIXTURES, 'good.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'lc-lint-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RULE = '    rule: { fact: age, op: gte, value: 65 }\n';
const amount = (fields: string) => `    amounts:\n      - { label: 高龄津贴, ${fields}, unit: 元/人/月 }\n${RULE}`;
const parts = (...list: string[]) => `    parts:\n${list.map((p) => `      - ${p}\n`).join('')}`;

/** good.yaml with `from` replaced by `to` (which must be found). */
function edited(from: string, to: string): string {
  expect(good).toContain(from);
  return good.replace(from, to);
}

const CASES: [string, string, string, IssueCode, string, Severity][] = [
  ['an amount the cited text does not show', RULE, amount('value: 200, source: { line: 6, text: 每人每月100元 }'), 'AMOUNT_SOURCE', 'value 200 在出处原文“每人每月100元”中找不到', 'warning'],
  ['an amount cited beyond the plan', RULE, amount('value: 100, source: { line: 60, text: 每人每月100元 }'), 'AMOUNT_SOURCE', '第 60 行超出规划文本', 'error'],
  ['an amount with both a value and a range', RULE, amount('value: 100, min: 100, max: 200, source: { line: 6, text: 100元 }'), 'SCHEMA', '应写 value，或同时写 min 和 max', 'error'],
  ['an amount whose range is upside down', RULE, amount('min: 200, max: 100, source: { line: 6, text: 100元 }'), 'SCHEMA', 'min 200 大于 max 100', 'error'],
  ['a target from another line of the plan', 'target: 65岁及以上老年人', 'target: 符合条件的老年人', 'TARGET_NOT_IN_SEED', '不在出处第 4 行，见第 5 行', 'warning'],
  ['an empty item name', 'name: 老年人健康管理', 'name: ""', 'SCHEMA', 'items.0.name: 不能为空', 'error'],
  ['a value the fact can never take', RULE, '    rule: { fact: disability_grade, op: in, value: [1, 9] }\n', 'BAD_VALUE', '9 不是 disability_grade 的取值（1—4）', 'error'],
  ['a target cut short', 'target: 65岁及以上老年人', 'target: 65岁及以上老年', 'TARGET_NOT_IN_SEED', '服务对象与第 4 行表中的不一致，表中为“65岁及以上老年人”', 'warning'],
  ['a source line that is no table row of the item', 'chapter: 第七章 老有所养, line: 4 }', 'chapter: 第七章 老有所养, line: 5 }', 'MISSING_SOURCE', '第 5 行不是服务项目“老年人健康管理”在表中的那一行；见第 4 行', 'warning'],
  ['a table number the row is not in', 'table: 表7—1, chapter: 第七章 老有所养, line: 4 }', 'table: 表7—2, chapter: 第七章 老有所养, line: 4 }', 'MISSING_SOURCE', '第 4 行在表7—1中，不在表7—2中', 'warning'],
  ['a chapter the row is not in', 'table: 表7—1, chapter: 第七章 老有所养, line: 4 }', 'table: 表7—1, chapter: 第八章 住有所居, line: 4 }', 'MISSING_SOURCE', '第 4 行在“第七章 老有所养”中，不在“第八章 住有所居”中', 'warning'],
  ['an amount whose digits are only part of a number in the text', RULE, amount('value: 10, source: { line: 6, text: 每人每月100元 }'), 'AMOUNT_SOURCE', 'value 10 在出处原文“每人每月100元”中找不到', 'warning'],
  ['a part target not in the plan', RULE, parts('{ id: a, name: 甲, target: 规划里没有的人, rule: { fact: age, op: gte, value: 65 } }'), 'TARGET_NOT_IN_SEED', '分项 a 的服务对象“规划里没有的人”', 'error'],
  ['a part id twice', RULE, parts('{ id: a, name: 甲, rule: { fact: age, op: gte, value: 65 } }', '{ id: a, name: 乙, rule: { fact: age, op: gte, value: 70 } }'), 'DUPLICATE_ID', '部分 id a 重复', 'error'],
  ['a part nobody meets together with the rule', RULE, RULE + parts('{ id: a, name: 甲, rule: { fact: age, op: lt, value: 60 } }'), 'UNSATISFIABLE', '分项 a: 与项目的 rule 同时成立的人不存在', 'error'],
  ['missing on a case that is not undetermined', '        expect: ineligible\n', '        expect: ineligible\n        missing: [age]\n', 'BAD_EXAMPLE', 'missing 只用于 expect: undetermined，这里是 ineligible', 'error'],
  ['a missing fact that is not a profile field', 'missing: [birth_date]', 'missing: [birth_dat]', 'BAD_EXAMPLE', '“birth_dat” 不是档案字段；是不是 birth_date？', 'error'],
  ['a check date that is no real date', '      - name: 65岁\n', '      - name: 65岁\n        as_of: 2025-02-30\n', 'BAD_DATE', 'as_of 2025-02-30 不是真实日期', 'error'],
  ['parts in a case of an item without parts', '        expect: eligible\n', '        expect: eligible\n        parts: { a: eligible }\n', 'BAD_EXAMPLE', 'elderly-health-management 没有分项，却写了 parts', 'error'],
  ['the domain under another name', 'name: 老有所养', 'name: 老年', 'COVERAGE', '领域名称应为“老有所养”', 'warning'],
  ['an item under another name', 'name: 老年人健康管理', 'name: 老年人健康', 'COVERAGE', 'elderly-health-management 的名称应为“老年人健康管理”', 'warning'],
  ['the items a domain lacks', '', '', 'COVERAGE', '缺少 3 项：elderly-welfare-allowance', 'warning'],
];

describe('validate finds', () => {
  it.each(CASES)('%s', (_name, from, to, code, message, severity) => {
    const file = join(dir, 'elderly.yaml');
    writeFileSync(file, from === '' ? good : edited(from, to));
    const { issues } = lintRules(file, { planFile: PLAN });
    const found = issues.filter((i) => i.code === code && i.message.includes(message));
    expect(found, JSON.stringify(issues.map((i) => [i.code, i.message]), null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ file, severity });
    expect(found[0].line).toBeGreaterThan(0);
  });
});

describe('validate on a folder', () => {
  it('finds a domain written in two files, and a misspelt parameter key', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(folder, 'elderly.yaml'), good);
    writeFileSync(join(folder, 'elderly-more.yaml'), good.replace('id: elderly-health-management', 'id: elderly-welfare-allowance').replace('name: 老年人健康管理', 'name: 老年人福利补贴'));
    writeFileSync(join(folder, 'parameters.yaml'), 'parameters:\n  dibao_standard:\n    zh: 低保标准\n    unti: 元/人/月\n    values: []\n');
    const issues = lintRules(folder, { planFile: PLAN }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COVERAGE', file: join(folder, 'elderly-more.yaml'), message: expect.stringContaining('领域 elderly 已在 elderly.yaml 中') }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SCHEMA', file: join(folder, 'parameters.yaml'), hint: 'did you mean unit?' }));
  });
});
