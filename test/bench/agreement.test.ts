/**
 * The evaluation benchmark, small: every engine's translation of the
 * catalogue gives longchang-check's eligible set on 1,000 generated
 * profiles, the profiles are what the reader would make of them, and the
 * date operators' translation into date ranges is exact.
 */
import { describe, expect, it } from 'vitest';
import { benchCatalogue, disagreements, makeEngines } from '../../bench/evaluation.js';
import { dateRange } from '../../bench/lower.js';
import { BENCH_AS_OF, ONLY_WITH, generateProfiles } from '../../bench/profiles.js';
import { loadCatalogue } from '../../src/catalogue.js';
import { itemCondition } from '../../src/engine/compile.js';
import { normaliseRecord } from '../../src/profile/normalise.js';
import { OPERATOR_BY_NAME } from '../../src/rules/operators.js';
import { isLeaf, type Condition } from '../../src/rules/types.js';

const catalogue = benchCatalogue(BENCH_AS_OF, loadCatalogue());
const profiles = generateProfiles(1000);

function factsRead(cond: Condition, into = new Set<string>()): Set<string> {
  if (isLeaf(cond)) into.add(cond.fact);
  else if ('not' in cond) factsRead(cond.not, into);
  else if ('all' in cond) cond.all.forEach((c) => factsRead(c, into));
  else if ('any' in cond) cond.any.forEach((c) => factsRead(c, into));
  return into;
}

describe('evaluation benchmark', () => {
  it('gives the facts the catalogue reads, in a form the profile reader keeps as it is', () => {
    const read = new Set<string>();
    for (const item of catalogue.items) factsRead(itemCondition(item), read);
    // Every fact is given, except one the reader accepts only with another (a grade without a complication).
    for (const p of profiles) {
      for (const fact of read) if (!(fact in ONLY_WITH && !ONLY_WITH[fact](p))) expect(p[fact], fact).toBeDefined();
    }
    for (const p of profiles.slice(0, 300)) {
      const normalised = normaliseRecord(p, { asOf: BENCH_AS_OF });
      expect(normalised.ok ? normalised.profile : normalised.issues).toEqual(p);
    }
  });

  it('is the same seeded sequence every time', () => {
    expect(generateProfiles(5)).toEqual(profiles.slice(0, 5));
  });

  it('has every engine agree with longchang-check on 1,000 profiles, with nothing undetermined', async () => {
    const engines = makeEngines(catalogue, BENCH_AS_OF);
    expect(await disagreements(engines, catalogue, profiles)).toEqual([]);
    // Every engine's timed pass runs too.
    for (const engine of [engines.ours, ...engines.others, engines.explained]) await engine.pass(profiles.slice(0, 20));
  }, 30_000);

  it('reports an engine that disagrees on one item, and an undetermined answer of ours', async () => {
    const engines = makeEngines(catalogue, BENCH_AS_OF);
    const sample = profiles.slice(0, 3);
    for (const k of [0, engines.others.length - 1, -1]) {
      const victim = k < 0 ? engines.explained : engines.others[k];
      const wrong = { ...victim, name: `wrong ${victim.name}`, eligible: async (p: (typeof profiles)[number]) => {
        const answer = Uint8Array.from(await victim.eligible(p));
        answer[5] = 1 - answer[5];
        return answer;
      } };
      const others = engines.others.map((e, i) => (i === k ? wrong : e));
      const found = await disagreements({ ...engines, others, explained: k < 0 ? wrong : engines.explained }, catalogue, sample);
      expect(found.map((d) => [d.profile, d.engine, d.item])).toEqual(sample.map((_, i) => [i, wrong.name, catalogue.items[5].id]));
    }
    // Ours leaving a fact unknown is a disagreement too: every profile in the benchmark is complete.
    const undetermined = await disagreements({ ...engines, others: [] }, catalogue, [{}]);
    expect(undetermined.length).toBeGreaterThan(0);
    expect(undetermined.some((d) => d.engine === engines.ours.name && d.ours === 1)).toBe(true);
  });

  it('finds mixed answers: the profiles are not all alike', () => {
    const engines = makeEngines(catalogue, BENCH_AS_OF);
    const eligibleSomewhere = new Set<number>();
    const ineligibleSomewhere = new Set<number>();
    for (const p of profiles) {
      engines.ours.statuses(p).forEach((s, i) => (s === 2 ? eligibleSomewhere : ineligibleSomewhere).add(i));
    }
    // Most items are won and lost by someone in a thousand people.
    const mixed = catalogue.items.filter((_, i) => eligibleSomewhere.has(i) && ineligibleSomewhere.has(i));
    expect(mixed.length).toBeGreaterThan(catalogue.items.length / 2);
  });
});

describe('date operators as date ranges', () => {
  const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10));
  const inRange = (d: string, r: [string | undefined, string | undefined] | undefined) => r !== undefined && (r[0] === undefined || d >= r[0]) && (r[1] === undefined || d <= r[1]);

  it.each([
    ['within_years', 2, '2025-06-01'],
    ['within_years', 1, '2025-03-01'],
    ['within_years', 4, '2028-02-29'],
    ['age_between', [15, 49], '2025-06-01'],
    ['age_between', [0, 0], '2024-02-29'],
    ['age_between', [60, 200], '2025-03-01'],
  ] as const)('%s %j on %s holds on exactly the dates the operator accepts', (op, value, asOf) => {
    const range = dateRange(op, value, asOf);
    const test = OPERATOR_BY_NAME.get(op)!.test;
    const span = op === 'within_years' ? days('2019-01-01', 365 * 11) : [...days('1970-01-01', 365 * 4), ...days('2019-01-01', 365 * 10), ...days('1824-01-01', 365 * 3)];
    for (const d of span) expect(inRange(d, range), d).toBe(test(d, value, asOf));
  });
});
