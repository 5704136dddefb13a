import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar, looksLikeIdNumber, maskIdNumber, parseIdNumber, parseIdNumberFully } from '../../src/profile/id-number.js';

describe('citizen ID numbers (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
    ['511083196006011237', '1960-06-01', 'male'],
  ])('reads %s', (id, birthDate, sex) => {
    expect(parseIdNumber(id)).toMatchObject({ ok: true, birthDate, sex, legacy: false });
  });
  it('accepts a lower-case x as check character', () => {
    expect(parseIdNumber('11010519491231002x')).toMatchObject({ ok: true, normalised: '11010519491231002X' });
  });
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('51108319600601123')).toBe('7');
  });
  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('511083196006011238')).toMatchObject({ ok: false, problem: 'BAD_ID_CHECKSUM' });
  });
  it('says when an ID number was stored by Excel as a number (E notation, or the last three digits 000), without repeating it', () => {
    for (const text of ['5.11083E+17', '5.11083196006011E+17', '5.1108E17', '5.11083196006011e+017']) {
      const r = parseIdNumber(text);
      expect(r).toMatchObject({ ok: false, problem: 'BAD_ID_FORMAT', detail: expect.stringContaining('在 Excel 中被存成了数字') });
      expect(JSON.stringify(r)).not.toContain('196006');
    }
    expect(parseIdNumber('511083196006011000')).toMatchObject({ ok: false, problem: 'BAD_ID_CHECKSUM', detail: expect.stringContaining('末三位是 000，像是 Excel') });
    expect(parseIdNumber('511083196006011238')).toMatchObject({ ok: false, problem: 'BAD_ID_CHECKSUM', detail: '校验位应为 7' });
  });
  it('rejects an impossible birth date', () => {
    const first17 = '51108320230230123';
    expect(parseIdNumber(first17 + idCheckChar(first17))).toMatchObject({ ok: false, problem: 'BAD_ID_DATE' });
  });
  it('rejects a region code that is not a county code', () => {
    const first17 = '99108319600601123';
    expect(parseIdNumber(first17 + idCheckChar(first17))).toMatchObject({ ok: false, problem: 'BAD_ID_REGION' });
  });
  it.each(['12345', '5110831960060112371', '51108319600601123A', 'abc'])('rejects malformed %s', (id) => {
    expect(parseIdNumber(id)).toMatchObject({ ok: false, problem: 'BAD_ID_FORMAT' });
  });
  it('accepts the 15-digit legacy form as 19YY, flagged legacy', () => {
    expect(parseIdNumber('511028600601123')).toEqual({ ok: true, birthDate: '1960-06-01', sex: 'male', legacy: true, normalised: '511028600601123' });
    expect(parseIdNumber('511028600601124')).toMatchObject({ sex: 'female' });
  });
  it('masks all but the region code and what follows the birth date', () => {
    expect(maskIdNumber('511083196006011237')).toBe('511083********1237');
    // 15 digits: the date is digits 7–12, so only the three-digit sequence is shown.
    expect(maskIdNumber('511028600601123')).toBe('511028******123');
    expect(maskIdNumber('51108319600601123')).toBe('511083********123');
    expect(maskIdNumber('123')).toBe('***');
  });
  it('recognises ID-looking text', () => {
    expect(looksLikeIdNumber('511083196006011237')).toBe(true);
    expect(looksLikeIdNumber('13800138000')).toBe(false);
  });
});

describe('the fast reading of ID numbers', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // Real dates, and dates around the edges: 29 February in leap and common years, month or day 00 or past the end, before 1800.
  const realDate = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
  const edgyDate = fc
    .record({ y: fc.constantFrom(1799, 1800, 1900, 2000, 2023, 2024, 2100), m: fc.integer({ min: 0, max: 13 }), d: fc.constantFrom(0, 1, 28, 29, 30, 31, 32) })
    .map(({ y, m, d }) => `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`);
  const region = fc.oneof(
    fc.constantFrom('511028', '110105', '440524', '820101'),
    fc.constantFrom('820000', '510000', '990101', '051028', '000000'),
    fc.integer({ min: 0, max: 999999 }).map((n) => pad(n, 6)),
  );
  const body = fc.tuple(region, fc.oneof(realDate, edgyDate), fc.integer({ min: 0, max: 999 })).map(([r, date, seq]) => `${r}${date}${pad(seq, 3)}`);
  const valid = body.map((b) => b + idCheckChar(b));
  const replaceOne = (text: string, at: number, ch: string) => text.slice(0, at % text.length) + ch + text.slice((at % text.length) + 1);
  const stray = fc.constantFrom('0', '5', '9', 'X', 'x', ' ', 'a', '０', '/', ':', '');
  const checkChar = fc.constantFrom(...'0123456789Xx');
  const id = fc.oneof(
    valid,
    fc.tuple(valid, fc.nat(), stray).map(([v, at, ch]) => replaceOne(v, at, ch)),
    // A stray character in the first 17 with every check character, so some sums come out right.
    fc.tuple(body, fc.nat(), stray, checkChar).map(([b, at, ch, check]) => replaceOne(b, at, ch) + check),
    fc.tuple(body, checkChar).map(([b, check]) => b + check),
    valid.map((v) => v.toLowerCase()),
    valid.map((v) => ` ${v}\t`),
    valid.map((v) => v.slice(0, 6) + v.slice(8, 17)), // the 15-digit legacy form
    valid.map((v) => v + '1'),
    fc.string({ maxLength: 20 }),
  );

  it('answers exactly as the full reading, for valid and broken ID numbers alike', () => {
    fc.assert(
      fc.property(id, (text) => {
        expect(parseIdNumber(text)).toEqual(parseIdNumberFully(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('takes 29 February only in a leap year', () => {
    const leap = '51102820000229123';
    const common = '51102819000229123';
    expect(parseIdNumber(leap + idCheckChar(leap))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseIdNumber(common + idCheckChar(common))).toMatchObject({ ok: false, problem: 'BAD_ID_DATE' });
  });
});

describe('masking', () => {
  it('masks text of any length: the region code and what follows the birth date (4 of 18 or 19, 3 of 15 or 17, 2 of 16)', () => {
    const reference = (id: string) => {
      if (id.length < 10) return '*'.repeat(id.length);
      const kept = id.length === 15 ? 3 : Math.min(4, Math.max(0, id.length - 14));
      return id.slice(0, 6) + '*'.repeat(id.length - 6 - kept) + (kept > 0 ? id.slice(-kept) : '');
    };
    for (let n = 0; n <= 40; n++) {
      const text = '1234567890'.repeat(4).slice(0, n);
      expect(maskIdNumber(` ${text} `)).toBe(reference(text));
    }
  });

  it('recognises ID-looking text only at 15 characters and more', () => {
    expect(looksLikeIdNumber('511028600601123')).toBe(true);
    expect(looksLikeIdNumber(' 51102819600601123x ')).toBe(true);
    expect(looksLikeIdNumber('51102860060112')).toBe(false);
  });
});
