import { describe, expect, it } from 'vitest';
import { addYears, completedYears, parseIsoDate } from '../../src/profile/dates.js';

describe('calendar dates', () => {
  it.each(['2023-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', ''])('rejects %s', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '1960-06-01'])('accepts %s', (text) => {
    expect(parseIsoDate(text)).toBeDefined();
  });
  it('knows 1900 was not a leap year and 2000 was', () => {
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    expect(parseIsoDate('2000-02-29')).toEqual({ y: 2000, m: 2, d: 29 });
  });
});

describe('age in completed years', () => {
  it('turns 65 on the birthday, not the day before (profile.md)', () => {
    expect(completedYears('1960-11-29', '2025-11-29')).toBe(65);
    expect(completedYears('1960-11-29', '2025-11-28')).toBe(64);
  });
  it('is 0 on the day of birth', () => {
    expect(completedYears('2025-06-01', '2025-06-01')).toBe(0);
  });
  it('a 29 February birth turns a year older on 1 March in common years', () => {
    expect(completedYears('2004-02-29', '2025-02-28')).toBe(20);
    expect(completedYears('2004-02-29', '2025-03-01')).toBe(21);
    expect(completedYears('2004-02-29', '2024-02-29')).toBe(20);
    expect(completedYears('2004-02-29', '2024-02-28')).toBe(19);
  });
  it('moves 29 February anniversaries to 1 March in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-07-15', 2)).toBe('2025-07-15');
  });
});
