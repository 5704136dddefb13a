/** How `test` judges an example case: what counts as a failure. */
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { runExample } from '../../src/rules/examples.js';
import type { Example } from '../../src/rules/types.js';
import { catalogueOf } from '../engine/helpers.js';

// One item: eligible when the person is 60 or older AND has rural hukou.
const catalogue = catalogueOf({ all: [{ fact: 'age', op: 'gte', value: 60 }, { fact: 'hukou_type', op: 'eq', value: 'rural' }] });
const checker = new Checker(catalogue);
const item = catalogue.items[0];
const run = (example: Example) => runExample(checker, item, example, 0);

describe('an example case', () => {
  it('passes when the status and the missing facts are as written', () => {
    expect(run({ name: 'x', as_of: '2025-06-01', profile: {}, expect: 'undetermined', missing: ['birth_date', 'hukou_type'] }).problems).toEqual([]);
  });

  it('fails when its missing list names one fact twice and leaves another out', () => {
    const outcome = run({ name: 'x', as_of: '2025-06-01', profile: {}, expect: 'undetermined', missing: ['birth_date', 'birth_date'] });
    expect(outcome.passed).toBe(false);
    expect(outcome.problems).toEqual(['missing: expected [birth_date, birth_date], got [birth_date, hukou_type]']);
  });

  it('fails on a check date that is no calendar date, rather than checking on it', () => {
    const outcome = run({ name: 'x', as_of: '2025-02-30', profile: { age: 70, hukou_type: 'rural' }, expect: 'eligible' });
    expect(outcome.passed).toBe(false);
    expect(outcome.problems).toEqual(['as_of: 2025-02-30 is not a real calendar date (YYYY-MM-DD)']);
  });
});
