/**
 * YAML syntax errors point where the mend is (the opening of an unclosed
 * quote or bracket), say what is wrong in Chinese, and do not list the
 * follow-on errors of a parser that has lost its place.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../src/yaml-source.js';

function issues(text: string) {
  const parsed = parseYamlSource(text, 'f.yaml');
  if (parsed.ok) throw new Error('expected the text to be refused');
  return parsed.issues;
}

describe('YAML syntax errors', () => {
  it.each([
    ['an unclosed double quote, which swallows the rest of the file', 'a: 1\nb: "abc\nc: 3\nd: 4\n', 2, 4, '引号 " 没有闭合'],
    ['an unclosed single quote', "a: 1\nb: 'abc\nc: 3\n", 2, 4, "引号 ' 没有闭合"],
    ["a single quote closed after an escaped '' inside", "a: 'it''s\nb: 2\n", 1, 4, "引号 ' 没有闭合"],
    ['a double quote whose last quote is escaped', 'a: "say \\"\nb: 2\n', 1, 4, '引号 " 没有闭合'],
    ['an unclosed flow mapping, reported on its own line, not the next', 'a: 1\nb: { x: 1, y: 2\nc: 3\n', 2, 4, '括号 { 没有闭合'],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', 1, 4, '括号 [ 没有闭合'],
  ])('%s', (_name, text, line, column, message) => {
    const [first, ...rest] = issues(text);
    expect(first).toMatchObject({ code: 'YAML_SYNTAX', line, column });
    expect(first.message).toContain(message);
    expect(rest).toEqual([]);
  });

  it('accepts quotes that are closed, escapes and all', () => {
    expect(parseYamlSource("a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: ''\n", 'f.yaml')).toMatchObject({ ok: true, data: { a: "it's", b: 'say "hi"', c: '' } });
  });

  it('names a tab used as indentation, says how to mend it, and counts the follow-on errors instead of listing them', () => {
    const all = issues('items:\n  - id: a\n\tname: b\n    note: c\n    rule: d\n');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 3, column: 1 });
    expect(all[0].message).toContain('用了制表符（Tab）缩进');
    expect(all[0].hint).toMatch(/把行首的 Tab 换成空格。其后还有 \d+ 处格式错误未列出/);
    expect(all.map((i) => i.code)).not.toContain('DUPLICATE_KEY');
  });

  it.each([
    ['contents of a closed bracket indented less than the key', '姓名: 张\n家庭:\n  参保: [\n    居民医保\n]\n', 5, 1, '缩进不够'],
    ['a tab before the contents of a bracket', '姓名: 张\n参保: [\n\t居民医保]\n', 3, 1, '用了制表符（Tab）缩进'],
  ])('%s: not called unclosed', (_name, text, line, column, message) => {
    const [first] = issues(text);
    expect(first).toMatchObject({ code: 'YAML_SYNTAX', line, column });
    expect(first.message).toContain(message);
    expect(first.message).not.toContain('没有闭合');
  });

  it('reports brackets nested thousands deep as a syntax error, without overflowing the stack', () => {
    for (const text of [`a: ${'['.repeat(4000)}\n`, `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, `a: ${'['.repeat(4000)}\nb: 1\nb: 2\n`]) {
      expect(issues(text)[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 1 });
    }
  });

  it.each([
    ['no space after the colon', '姓名: 张三\n常住: 是\n年龄:65\n', 3, 3, '冒号后面少了空格'],
    ['a Chinese colon', '姓名: 张三\n常住：是\n年龄: 65\n', 2, 3, '用了中文冒号“：”'],
    ['a value starting with @', '姓名: @张三\n', 1, 5, '值不能以这个符号开头'],
  ])('%s: said as such, at the colon', (_name, text, line, column, message) => {
    const [first] = issues(text);
    expect(first).toMatchObject({ code: 'YAML_SYNTAX', line, column });
    expect(first.message).toContain(message);
    expect(first.hint).toBeTruthy();
  });

  it('cuts a long line around the column in the excerpt, masking ID numbers before it cuts', () => {
    const text = `a: ${'x'.repeat(300)} 511083196006011237 ${'y'.repeat(300)}: z\n`;
    const [first] = issues(text);
    expect(first.excerpt!.length).toBeLessThan(170);
    expect(first.excerpt).not.toMatch(/19600601/);
  });

  it('names a tab after a block scalar as the tab, not as bad indentation', () => {
    const [first] = issues('items:\n  - id: a\n    note: >-\n      text\n\trule: x\n');
    expect(first).toMatchObject({ code: 'YAML_SYNTAX', line: 5, column: 1 });
    expect(first.message).toContain('用了制表符（Tab）缩进');
  });

  it('names a repeated key and the line where it first stands', () => {
    expect(issues('a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n')).toMatchObject([{ code: 'DUPLICATE_KEY', line: 5, column: 3, message: '键重复：x 出现两次（另见第 3 行）' }]);
  });

  it('names the first line of each of many repeated keys', () => {
    const text = `a: 0\n${Array.from({ length: 2000 }, (_, i) => `k${i}: 1\nk${i}: 2\n`).join('')}`;
    const found = issues(text);
    expect(found).toHaveLength(2000);
    expect(found[1999]).toMatchObject({ code: 'DUPLICATE_KEY', line: 4001, message: '键重复：k1999 出现两次（另见第 4000 行）' });
  });

  it('keeps a repeated key that comes before a syntax error', () => {
    expect(issues('a: 1\na: 2\nb: [3\n').map((i) => [i.code, i.line])).toEqual([
      ['DUPLICATE_KEY', 2],
      ['YAML_SYNTAX', 3],
    ]);
  });
});
