/** ID numbers in the shapes people type them are masked everywhere a check prints; a profile file has a size limit. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/profile/id-number.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'lc-privacy-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const ID = '511083196006011237';
const AS_OF = ['--as-of', '2025-06-01'];

describe('maskIdNumbersInText', () => {
  it.each([
    ['张三 511083196006011237', '张三 511083********1237'],
    ['5110 8319 6006 0112 37', '5110 8************2 37'],
    ['511083-19600601-1237', '511083**********1237'],
    ['a 511083 19600601 1237 b', 'a 511083**********1237 b'],
    ['５１１０８３１９６００６０１１２３７', '５１１０８３********１２３７'],
    ['51108319600601123７', '511083********123７'],
    ['511083196006011237 511083196006011237', '511083********1237 511083********1237'],
  ])('masks %s', (text, masked) => {
    expect(maskIdNumbersInText(text)).toBe(masked);
  });

  it.each([
    ['two phone numbers', '15256005115 15625648967'],
    ['a phone number in groups', '电话 152 5600 5115'],
    ['a date', '2025-06-01'],
    ['a 14-digit household id', '51102800000001'],
    ['16 digits', '1234567890123456'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskIdNumbersInText(text)).toBe(text);
  });
});

describe('a check never prints a whole ID number', () => {
  it('masks one written into the name, in the table and in JSON', async () => {
    const file = write('name.yaml', `姓名: 张三 ${ID}\n年龄: 65\n`);
    for (const format of ['table', 'json', 'yaml']) {
      const r = await runCli([file, ...AS_OF, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('张三 511083********1237');
      expect(r.stdout + r.stderr).not.toContain(ID);
    }
  });

  it.each([
    ['in groups', '"5110 8319 6006 0112 37"', '5110 8************2 37'],
    ['with hyphens', '"511083-19600601-1237"', '511083**********1237'],
    // A full-width digit is read as the digit (the input method's); one digit short, the number is malformed still.
    ['with a full-width digit, one digit short', '5110831960060112７', '511083********12７'],
    ['one digit short', '"51108319600601123"', '511083********123'],
    ['one digit too many', '"5110831960060112377"', '511083*********2377'],
    ['with a letter for the check digit', '"51108319600601123Y"', '511083********123Y'],
  ])('masks a malformed ID number %s in the error and its source line', async (_what, written, masked) => {
    const file = write('bad-id.yaml', `身份证号: ${written}\n`);
    const r = await runCli([file, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BAD_ID_FORMAT');
    expect(r.stderr).toContain(masked);
    expect(r.stderr.replace(/[^0-9０-９]/g, '')).not.toContain('19600601');
    expect(r.stderr.replace(/[^0-9０-９]/g, '')).not.toContain('１９６００６０１');
  });
});

describe('a mistyped ID number in the message of an error, not only in its excerpt', () => {
  it('is masked wherever the message quotes it, and so is one typed in groups, leaving no digit of the birth date', async () => {
    const file = write('typos.yaml', '出生日期: "5110831960060112"\n户籍性质: "5110831960060112377"\n');
    const r = await runCli([file, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('511083********12');
    expect(r.stderr).toContain('511083*********2377');
    expect(r.stderr.replace(/[^0-9]/g, '')).not.toContain('19600601');
    const grouped = await runCli([write('grouped.yaml', '身份证号: "511083 19600601 123"\n'), ...AS_OF]);
    expect(grouped.stderr).toContain('511083**********123');
    expect(grouped.stderr.replace(/[^0-9]/g, '')).not.toContain('19600601');
  });
});

describe('an ID number pasted as a key, or in the legacy 15-digit form', () => {
  it('is masked in the field tag of the error, in YAML and in JSON', async () => {
    for (const [name, text] of [['key.yaml', `"${ID}": 1\n`], ['key.json', `{"${ID}": 1}`]]) {
      const r = await runCli([write(name, text), ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('UNKNOWN_KEY [511083********1237]');
      expect(r.stderr.replace(/[^0-9]/g, '')).not.toContain('19600601');
    }
  });

  it('shows none of the birth date of a 15-digit number', async () => {
    const r = await runCli([write('old-id.yaml', '身份证号: "511083600229123"\n'), ...AS_OF, '--format', 'json']);
    expect(r.stdout).toContain('"511083******123"');
    expect((r.stdout + r.stderr).replace(/[^0-9]/g, '')).not.toContain('600229');
    expect((r.stdout + r.stderr).replace(/[^0-9]/g, '')).not.toContain('0229');
  });
});

describe('profile size', () => {
  it('refuses a file over 64 KB at once, saying why (a roster belongs to batch)', async () => {
    const file = write('big.yaml', Array.from({ length: 20000 }, (_, i) => `k${i}: ${i}`).join('\n'));
    const r = await runCli([file, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FILE_UNREADABLE.*big\.yaml（\d+ KB；一个人的档案应在 64 KB 以内，名单请用 batch 命令）/);
    // Refused before parsing: no problem with any of its 20,000 keys is listed.
    expect(r.stderr).not.toContain('UNKNOWN_KEY');
  });

  it('refuses standard input over 64 KB', async () => {
    const r = await runCli(['-', ...AS_OF], { stdin: `备注: ${'很长'.repeat(40000)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>.*一个人的档案应在 64 KB 以内/);
  });

  it('reads a profile just under the limit', async () => {
    const file = write('long-remark.yaml', `年龄: 65\n# ${'x'.repeat(60000)}\n`);
    const r = await runCli([file, ...AS_OF]);
    expect(r.code).toBe(0);
  });
});

describe('nothing prints the birth date an ID number encodes (the digits its mask hides)', () => {
  const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

  // Each message names what is wrong, and its digits never hold the ID number's birth date.
  it.each([
    ['a conflict between the ID number and birth_date names only the birth_date given', `身份证号: "${ID}"\n出生日期: 1961-01-01\n`, /ID_CONFLICT.*身份证号中的出生日期与出生日期（birth_date）1961-01-01 不一致/, '19600601'],
    ['an ID number born after the check date is placed on the ID number, without its date', `姓名: 甲\n身份证号: "51108320260101123X"\n`, /message\.yaml:2:7: 错误 FUTURE_DATE \[id_number\]: .*身份证号中的出生日期晚于核查日期 2025-06-01/, '20260101'],
    ['an ID number whose birth date is not a date does not repeat it', '身份证号: "511028198013010116"\n', /BAD_ID_DATE.*第 7—14 位的出生日期不是真实的日期/, '19801301'],
    ['an age that contradicts the ID number does not repeat the ID number birth date', `身份证号: "${ID}"\n年龄: 60\n`, /按身份证号中的出生日期，2025-06-01 时为 65 岁，但年龄（age）为 60/, '19600601'],
  ])('%s', async (_what, profile, message, hidden) => {
    const file = write('message.yaml', profile);
    const r = await runCli([file, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(digitsOf(r.stderr)).not.toContain(hidden);
  });

  it('JSON and YAML show the birth date beside a masked ID number by year only', async () => {
    const file = write('person.yaml', `身份证号: "${ID}"\n`);
    for (const format of ['json', 'yaml']) {
      const r = await runCli([file, ...AS_OF, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('511083********1237');
      expect(r.stdout).toContain('1960-**-**');
      expect(digitsOf(r.stdout)).not.toContain('19600601');
    }
  });

  it('a birth date given without an ID number is shown whole', async () => {
    const file = write('date-only.yaml', '出生日期: 1960-06-01\n');
    const r = await runCli([file, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout).person.birth_date).toBe('1960-06-01');
  });
});

describe('batch output never gives an ID number birth date away', () => {
  it('masks it in JSON lines and leaves it out of conflict messages', async () => {
    const roster = `户编号,身份证号,出生日期\r\nH4,${ID},1961-01-01\r\nH5,${ID},\r\n`;
    const csv = await runCli(['batch', '-', ...AS_OF], { stdin: roster });
    expect(csv.code).toBe(1);
    // The typed date is masked too: one a day off would give the hidden digits away.
    expect(csv.stdout).toContain('身份证号中的出生日期与出生日期（birth_date）1961-**-** 不一致');
    const jsonl = await runCli(['batch', '-', ...AS_OF, '--format', 'jsonl'], { stdin: roster });
    const person = JSON.parse(jsonl.stdout.trim().split('\n')[1]).person;
    expect(person).toMatchObject({ id_number: '511083********1237', birth_date: '1960-**-**', age: 65 });
    for (const out of [csv.stdout, jsonl.stdout]) expect(out.replace(/[^0-9]/g, '')).not.toContain('19600601');
  });
});

describe('a file named by an ID number', () => {
  it('is masked where an error names it, for a profile and for a roster', async () => {
    const named = write(`张三${ID}.yaml`, '年龄: x\n');
    const bad = await runCli([named, ...AS_OF]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('张三511083********1237.yaml:1:5: 错误 BAD_TYPE');
    const missing = await runCli(['batch', `${ID}.csv`, ...AS_OF], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('511083********1237.csv: 错误 FILE_NOT_FOUND');
    expect(bad.stderr + missing.stderr).not.toContain(ID);
  });
});

describe('text from a file cannot drive the terminal', () => {
  it('shows control characters in names and in messages as \\x.. instead of sending them', async () => {
    const name = write('esc-name.yaml', '姓名: "\\e[2J\\e[31m张三"\n年龄: 65\n');
    const table = await runCli([name, ...AS_OF]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('\\x1b[2J\\x1b[31m张三');
    expect(table.stdout).not.toContain('\u001b[2J');
    const value = write('esc-value.yaml', '年龄: "\\e[31mx\\r"\n');
    const bad = await runCli([value, ...AS_OF]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('\\x1b[31mx\\x0d');
    expect(bad.stderr).not.toMatch(/[\u001b\r]/);
  });
});

describe('YAML the profile reader does not take', () => {
  it('a key that is a list is an error of ours, with no warning from the YAML library', async () => {
    const file = write('complex-key.yaml', '? [a, b]: 1\n');
    // The real process: a library warning goes to process.stderr, past the injected io.
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['bin/longchang-check.js', file, ...AS_OF], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('complex-key.yaml:1:1: 错误 UNKNOWN_KEY');
    expect(r.stderr).not.toContain('Warning');
  });
});
