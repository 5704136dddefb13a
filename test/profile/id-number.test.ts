import { describe, expect, it } from 'vitest';
import { idCheckChar, looksLikeIdNumber, maskIdNumber, parseIdNumber } from '../../src/profile/id-number.js';

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
  it('masks all but the region code and the last four', () => {
    expect(maskIdNumber('511083196006011237')).toBe('511083********1237');
    expect(maskIdNumber('511028600601123')).toBe('511028*****1123');
    expect(maskIdNumber('123')).toBe('***');
  });
  it('recognises ID-looking text', () => {
    expect(looksLikeIdNumber('511083196006011237')).toBe(true);
    expect(looksLikeIdNumber('13800138000')).toBe(false);
  });
});
