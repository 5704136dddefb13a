import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { PLAN_TEXT_FILE } from '../../src/paths.js';
import { CATALOGUE } from '../../src/rules/catalogue.js';
import { runExample } from '../../src/rules/examples.js';
import { builtinCatalogue } from '../engine/helpers.js';

const catalogue = builtinCatalogue();
const checker = new Checker(catalogue);
const planLines = readFileSync(PLAN_TEXT_FILE, 'utf8').split('\n');

/** Items whose rule cannot come out ineligible, and why. */
const CANNOT_BE_INELIGIBLE: Record<string, string> = {
  'hotline-12333': '服务对象为“所有单位和个人”',
};

describe('the catalogue', () => {
  it('holds exactly the 78 ids of the contract, in order, with the seed’s per-domain counts', () => {
    expect(catalogue.items.map((i) => i.id)).toEqual(CATALOGUE.flatMap((d) => d.items.map((i) => i.id)));
    const counts = CATALOGUE.map((d) => catalogue.items.filter((i) => i.domain === d.id).length);
    expect(counts).toEqual([9, 9, 12, 17, 4, 3, 13, 3, 8]);
  });
  it('names every item as the table prints it', () => {
    const names = new Map(CATALOGUE.flatMap((d) => d.items.map((i) => [i.id, i.name] as const)));
    for (const item of catalogue.items) expect(item.name, item.id).toBe(names.get(item.id));
  });
});

describe.each(catalogue.items.map((item) => [item.id, item] as const))('%s', (_id, item) => {
  it('cites its table and chapter, and the seed’s 服务对象 text is on the cited line', () => {
    const domain = CATALOGUE.find((d) => d.id === item.domain)!;
    expect(item.source.table).toBe(domain.table);
    expect(item.source.chapter).toMatch(/^第[一二三四五六七八九十]+章/);
    expect(item.target.length).toBeGreaterThan(0);
    expect(planLines[item.source.line - 1]).toContain(item.target);
  });
  it('is valid for the plan period', () => {
    expect(item.valid).toEqual({ from: '2021-01-01', to: '2025-12-31' });
  });
  it('states amounts only with the seed’s words on the cited line', () => {
    for (const a of [...(item.amounts ?? []), ...(item.parts ?? []).flatMap((p) => p.amounts ?? [])]) {
      expect(planLines[a.source.line - 1]).toContain(a.source.text);
      // A figure is in the words, except a 0 the words state as 取消 (no deductible).
      for (const n of [a.value, a.min, a.max].filter((x) => x !== undefined && x !== 0)) expect(a.source.text).toContain(String(n));
    }
  });
  it('has at least three examples, with an eligible and an ineligible one', () => {
    const statuses = item.examples.map((e) => e.expect);
    expect(item.examples.length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('eligible');
    if (!(item.id in CANNOT_BE_INELIGIBLE)) expect(statuses).toContain('ineligible');
  });
  it.each(item.examples.map((ex, i) => [ex.name, ex, i] as const))('example: %s', (_name, example, index) => {
    const outcome = runExample(checker, item, example, index);
    expect(outcome.problems).toEqual([]);
  });
});
