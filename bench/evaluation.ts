/**
 * Evaluation benchmark: the whole catalogue against complete profiles, in
 * longchang-check and in the engines a user might pick instead, each fed
 * the catalogue translated by code from the same loaded rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../src/catalogue.js';
import { makeContext } from '../src/engine/context.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Profile } from '../src/profile/normalise.js';
import type { Catalogue } from '../src/rules/types.js';
import { jsonLogicEngine } from './engines/json-logic.js';
import { rulesEngine } from './engines/json-rules-engine.js';
import { checkerFor, longchangExplained, longchangStatuses } from './engines/longchang.js';
import { plainJs } from './engines/plain-js.js';
import type { BenchEngine } from './engines/types.js';
import { zenEngine } from './engines/zen.js';
import { lowerCatalogue } from './lower.js';

/**
 * Values for parameters the plan leaves open, so that every comparison has
 * two sides. Illustrative figures, not policy; a parameter missing here gets
 * DEFAULT_PARAMETER.
 */
export const BENCH_PARAMETERS: Record<string, number> = { dibao_standard: 700, public_rental_income_limit: 1400, youth_age_limit: 35 };
const DEFAULT_PARAMETER = 1000;

/** The built-in catalogue with a value in force on `asOf` for every parameter. */
export function benchCatalogue(asOf: string, catalogue: Catalogue = loadCatalogue()): Catalogue {
  const inForce = makeContext(catalogue, asOf).params;
  const parameters = Object.fromEntries(
    Object.entries(catalogue.parameters).map(([name, p]) => [
      name,
      inForce[name] !== undefined ? p : { ...p, values: [...p.values, { from: '1900-01-01', value: BENCH_PARAMETERS[name] ?? DEFAULT_PARAMETER, source: 'bench' }] },
    ]),
  );
  return { ...catalogue, parameters };
}

export interface Engines {
  ours: ReturnType<typeof longchangStatuses>;
  /** The plain-JS limit first, then the other engines. */
  others: BenchEngine[];
  explained: BenchEngine;
}

/** longchang-check and every peer, for one catalogue and check date. */
export function makeEngines(catalogue: Catalogue, asOf: string): Engines {
  const checker = checkerFor(catalogue);
  const lowered = lowerCatalogue(catalogue, asOf);
  return {
    ours: longchangStatuses(checker, asOf),
    others: [plainJs(lowered), jsonLogicEngine(lowered), zenEngine(lowered), zenEngine(lowered, 64), rulesEngine(lowered)],
    explained: longchangExplained(checker, asOf),
  };
}

/** An engine's answer that differs from longchang-check's (ours === theirs === 1: left undetermined). */
export interface Disagreement {
  profile: number;
  engine: string;
  item: string;
  ours: number;
  theirs: number;
}

/**
 * Every engine's eligible set for each profile, against longchang-check's;
 * also that longchang-check leaves nothing undetermined (every fact is
 * known). Returns the first `limit` disagreements.
 */
export async function disagreements(engines: Engines, catalogue: Catalogue, profiles: readonly Profile[], limit = 20): Promise<Disagreement[]> {
  const found: Disagreement[] = [];
  const ids = catalogue.items.map((i) => i.id);
  for (let i = 0; i < profiles.length && found.length < limit; i++) {
    const statuses = engines.ours.statuses(profiles[i]);
    const ours = await engines.ours.eligible(profiles[i]);
    statuses.forEach((s, j) => {
      if (s === 1) found.push({ profile: i, engine: engines.ours.name, item: ids[j], ours: s, theirs: s });
    });
    for (const engine of [...engines.others, engines.explained]) {
      const theirs = await engine.eligible(profiles[i]);
      for (let j = 0; j < ids.length; j++) {
        if (theirs[j] !== ours[j]) found.push({ profile: i, engine: engine.name, item: ids[j], ours: ours[j], theirs: theirs[j] });
      }
    }
  }
  return found.slice(0, limit);
}

export interface Timing {
  name: string;
  pkg: string;
  profiles: number;
  runs: number;
  /** Seconds per run, measured runs only. */
  seconds: number[];
  perSecond: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median profiles per second over `runs` passes after `warmup` passes. */
export async function time(engine: BenchEngine, profiles: readonly Profile[], runs: number, warmup: number): Promise<Timing> {
  const seconds: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = process.hrtime.bigint();
    await engine.pass(profiles);
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r >= warmup) seconds.push(dt);
  }
  return { name: engine.name, pkg: engine.pkg, profiles: profiles.length, runs, seconds, perSecond: profiles.length / median(seconds) };
}

/** The installed version of a package, for the results table. */
export function packageVersion(name: string): string {
  if (name === '—') return '—';
  const file = name === 'longchang-check' ? join(PACKAGE_ROOT, 'package.json') : join(PACKAGE_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
