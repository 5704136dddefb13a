/** The check table shows every cell whole: long cells wrap onto more lines, none is cut short with "…". */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { buildReport } from '../../src/engine/report.js';
import { formatCheckTable, textWidth, wrapText } from '../../src/format/check-table.js';
import { readProfileText } from '../../src/profile/read.js';
import { displayName } from '../../src/rules/catalogue.js';
import { factLabel, type Lang } from '../../src/rules/describe.js';
import { runCli } from '../cli/run.js';
import { builtinCatalogue } from '../engine/helpers.js';

const EXAMPLE = 'examples/profile-elderly.yaml';
const AS_OF = '2025-06-01';
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** Terminal columns, counted independently of the module: Chinese characters and fullwidth punctuation take two. */
const columns = (text: string) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/** The rows of every table in the output, each as its status, item and detail cells with the wrapped lines joined. */
function tableRows(text: string): { status: string; item: string; detail: string }[] {
  const rows: { status: string; item: string; detail: string }[] = [];
  let row: { status: string; item: string; detail: string } | undefined;
  for (const line of text.split('\n')) {
    if (/^[┌├└]/.test(line)) row = undefined;
    else if (line.startsWith('│')) {
      const [, status, item, detail] = line.split('│');
      if (!row) rows.push((row = { status: '', item: '', detail: '' }));
      row.status += ` ${status.trim()}`;
      row.item += ` ${item.trim()}`;
      row.detail += ` ${detail.trim()}`;
    }
  }
  return rows;
}

const tableLines = (text: string) => text.split('\n').filter((line) => /^[┌├└│]/.test(line));

describe('check table of examples/profile-elderly.yaml', () => {
  it.each(['zh', 'en'] as const)('--lang %s: every status whole, every fact to ask about shown, nothing cut with …', async (lang) => {
    const table = await runCli([EXAMPLE, '--as-of', AS_OF, '--lang', lang]);
    const json = await runCli([EXAMPLE, '--as-of', AS_OF, '--lang', lang, '--format', 'json']);
    expect(table.code).toBe(0);
    expect(tableLines(table.stdout).filter((line) => line.includes('…'))).toEqual([]);

    const rows = tableRows(table.stdout);
    const undetermined = (JSON.parse(json.stdout) as { results: { id: string; name: string; status: string; missing: string[] }[] }).results.filter(
      (r) => r.status === 'undetermined',
    );
    expect(undetermined.length).toBeGreaterThan(0);
    for (const r of undetermined) {
      const row = rows.find((x) => squeeze(x.item) === squeeze(displayName(r.id, r.name, lang)));
      expect(row, r.id).toBeDefined();
      expect(row!.status.trim(), r.id).toBe(lang === 'zh' ? '? 待核实' : '? undetermined');
      for (const fact of r.missing) expect(squeeze(row!.detail), `${r.id}: ${fact}`).toContain(squeeze(factLabel(fact, lang)));
    }
  });

  it('lists all five facts of the secondary vocational grant, 家庭经济困难 included', async () => {
    const r = await runCli([EXAMPLE, '--as-of', AS_OF]);
    const row = tableRows(r.stdout).find((x) => squeeze(x.item) === '中等职业教育国家助学金');
    expect(squeeze(row!.detail)).toBe('需核实：就读学段、年级、正式学籍、专业类别、家庭经济困难');
  });

  it('--lang en shows the word "undetermined" whole', async () => {
    const r = await runCli([EXAMPLE, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.stdout).toContain('│ ? undetermined │');
    expect(r.stdout).not.toContain('undetermi…');
  });
});

describe('table width', () => {
  const read = readProfileText(readFileSync(EXAMPLE, 'utf8'), { file: EXAMPLE, asOf: AS_OF });
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  const checker = new Checker(builtinCatalogue());
  const render = (lang: Lang, width?: number) =>
    formatCheckTable(buildReport(checker, read.profile, { asOf: AS_OF, lang }), {
      lang,
      all: true,
      chalk: new Chalk({ level: 0 }),
      domains: checker.catalogue.domains,
      width,
    });

  it.each([
    ['zh', undefined, 100],
    ['en', undefined, 100],
    ['zh', 40, 60],
    ['en', 60, 60],
    ['zh', 80, 80],
    ['en', 120, 120],
    ['zh', 250, 160],
    ['en', 250, 160],
  ] as const)('%s in a terminal of %s columns: every table line is %i columns, every cell whole', (lang, width, expected) => {
    const text = render(lang, width);
    const lines = tableLines(text);
    expect(new Set(lines.map(columns))).toEqual(new Set([expected]));
    expect(lines.filter((line) => line.includes('…'))).toEqual([]);
    const rows = tableRows(text);
    const statuses = lang === 'zh' ? ['✓ 符合', '? 待核实', '✗ 不符合'] : ['✓ eligible', '? undetermined', '✗ ineligible'];
    const heading = lang === 'zh' ? '结果' : 'status';
    for (const row of rows) expect([heading, ...statuses]).toContain(row.status.trim());
    for (const r of buildReport(checker, read.profile, { asOf: AS_OF, lang }).results) {
      const row = rows.find((x) => squeeze(x.item) === squeeze(displayName(r.id, r.name, lang)));
      expect(row, r.id).toBeDefined();
      for (const fact of r.missing) expect(squeeze(row!.detail), `${r.id}: ${fact}`).toContain(squeeze(factLabel(fact, lang)));
    }
  });
});

describe('wrapText', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', '\n', '张', '学', '、', '，', '（', '）', '“', '”', '-', '.', '(', ')') });

  it('keeps every character, in order, on lines no wider than asked', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), (input, width) => {
        const lines = wrapText(input, width);
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
        expect(squeeze(lines.join(''))).toBe(squeeze(input));
      }),
      { numRuns: 500 },
    );
  });

  it('breaks between Chinese characters and at spaces, never before 、 or ）', () => {
    expect(wrapText('需核实：就读学段、年级、正式学籍', 10)).toEqual(['需核实：就', '读学段、年', '级、正式学', '籍']);
    expect(wrapText('出国（境）留学', 6)).toEqual(['出国', '（境）', '留学']);
    expect(wrapText('ask: school level, grade', 12)).toEqual(['ask: school', 'level, grade']);
    expect(wrapText('supercalifragilistic', 8)).toEqual(['supercal', 'ifragili', 'stic']);
  });
});

describe('the table fits the terminal it is printed to', () => {
  it('uses COLUMNS when set, and 100 columns otherwise', async () => {
    const widest = (text: string) => Math.max(...text.split('\n').filter((l) => l.startsWith('│')).map((l) => textWidth(l)));
    const narrow = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01'], { env: { COLUMNS: '80' } });
    expect(widest(narrow.stdout)).toBe(80);
    const plain = await runCli(['examples/profile-elderly.yaml', '--as-of', '2025-06-01'], { env: { COLUMNS: 'wide' } });
    expect(widest(plain.stdout)).toBe(100);
  });
});

describe('an item that waits on a parameter with no value', () => {
  it('names the parameter by the plan, and does not ask for a fact that cannot settle it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lc-param-')), 'dibao.yaml');
    writeFileSync(file, '救助身份: 低收入家庭\n家庭救助身份: 低收入家庭\n家庭财产符合低保规定: 是\n');
    const table = await runCli([file, '--as-of', '2025-06-01', '--domain', 'assistance']);
    const dibaoRow = table.stdout.split('├').find((block) => block.includes('最低生活保障'))!;
    expect(dibaoRow.replace(/[│\s]/g, '')).toContain('参数未设定：隆昌市城乡最低生活保障标准（dibao_standard）');
    expect(dibaoRow).not.toContain('家庭人均月收入');
    const json = JSON.parse((await runCli([file, '--as-of', '2025-06-01', '--format', 'json'])).stdout);
    const dibao = json.results.find((r: { id: string }) => r.id === 'dibao');
    expect(dibao).toMatchObject({ status: 'undetermined', missing: [], missing_parameters: ['dibao_standard'] });
  });
});
