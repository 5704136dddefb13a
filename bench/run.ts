/**
 * `npm run bench`: evaluation (longchang-check against plain JavaScript,
 * json-logic-js, zen-engine and json-rules-engine on the same generated
 * profiles) and start-up. Prints Markdown tables for BENCHMARKS.md and
 * writes bench/out/results.json.
 *
 *   node dist/bench/run.js [--profiles 100000] [--agree 10000] [--runs 5]
 *     [--warmup 1] [--slow-profiles 10000] [--startup-runs 50] [--only evaluation|startup]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Profile } from '../src/profile/normalise.js';
import { benchCatalogue, disagreements, makeEngines, packageVersion, time, type Timing } from './evaluation.js';
import { plainJs } from './engines/plain-js.js';
import { longchangStatuses } from './engines/longchang.js';
import { lowerCatalogue } from './lower.js';
import { BENCH_AS_OF, BENCH_SEED, generateProfiles } from './profiles.js';
import { startup, type StartupResult } from './startup.js';

const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    agree: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'slow-profiles': { type: 'string', default: '10000' },
    'startup-runs': { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const count = Number(args.profiles);
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const slowCount = Math.min(count, Number(args['slow-profiles']));
const log = (s: string) => process.stderr.write(`${s}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Row extends Timing {
  version: string;
  /** longchang-check's speed over this engine's. */
  ratio: number;
}

async function evaluation(): Promise<{ rows: Row[]; dictionary: Timing[]; profiles: number; agreed: number }> {
  const catalogue = benchCatalogue(BENCH_AS_OF);
  log(`generating ${fmt(count)} profiles (seed ${BENCH_SEED}) …`);
  const built = generateProfiles(count);
  // As a service receives them: parsed from JSON, every profile with the same hidden class.
  const profiles = built.map((p) => JSON.parse(JSON.stringify(p)) as Profile);
  const engines = makeEngines(catalogue, BENCH_AS_OF);
  const agreeCount = Math.min(count, Number(args.agree));
  log(`checking that every engine agrees on the first ${fmt(agreeCount)} profiles …`);
  const found = await disagreements(engines, catalogue, profiles.slice(0, agreeCount));
  if (found.length) {
    for (const d of found) log(`  profile ${d.profile}, ${d.item}: ${d.engine} ${d.theirs === d.ours ? 'left it undetermined' : `says ${d.theirs}, longchang-check ${d.ours}`}`);
    throw new Error('engines disagree; nothing timed');
  }
  const timings: Timing[] = [];
  for (const engine of [engines.ours, ...engines.others, engines.explained]) {
    const sample = engine.slow ? profiles.slice(0, slowCount) : profiles;
    log(`timing ${engine.name} on ${fmt(sample.length)} profiles, ${warmup} + ${runs} runs …`);
    timings.push(await time(engine, sample, runs, warmup));
  }
  const ours = timings[0].perSecond;
  const rows = timings.map((t) => ({ ...t, version: packageVersion(t.pkg), ratio: ours / t.perSecond }));

  // The same, on objects built key by key, as the profile reader builds them (V8 keeps them in dictionary mode).
  log('timing longchang-check and plain JavaScript on key-by-key profiles …');
  const dictionary = [
    await time(longchangStatuses(engines.ours.checker, BENCH_AS_OF), built, runs, warmup),
    await time(plainJs(lowerCatalogue(catalogue, BENCH_AS_OF)), built, runs, warmup),
  ];
  return { rows, dictionary, profiles: count, agreed: agreeCount };
}

function machine() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

function evaluationTable(rows: Row[]): string {
  const lines = [
    '| engine | package | profiles timed | profiles/s (median) | longchang-check is … × faster |',
    '|---|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.pkg === '—' ? '—' : `${r.pkg} ${r.version}`} | ${fmt(r.profiles)} | ${fmt(r.perSecond)} | ${r.ratio === 1 ? '—' : r.ratio < 10 ? r.ratio.toFixed(2) : fmt(r.ratio)} |`),
  ];
  return lines.join('\n');
}

function startupTable(tool: string, results: StartupResult[]): string {
  return [
    `| command (${tool}) | median ms | mean ms | min ms | over \`node -e 0\`, medians | over \`node -e 0\`, minima |`,
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r, i) => `| ${r.label} | ${r.medianMs.toFixed(1)} | ${r.meanMs.toFixed(1)} | ${r.minMs.toFixed(1)} | ${i === 0 ? '—' : r.overFloorMs.toFixed(1)} | ${i === 0 ? '—' : r.overFloorMinMs.toFixed(1)} |`,
    ),
  ].join('\n');
}

const out: Record<string, unknown> = { machine: machine() };
const m = out.machine as ReturnType<typeof machine>;
console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node} (V8 ${m.v8}), ${m.platform}; ${m.date}\n`);

if (args.only !== 'startup') {
  const ev = await evaluation();
  out.evaluation = ev;
  console.log(`Evaluation: ${fmt(ev.profiles)} profiles × 78 items, as of ${BENCH_AS_OF}; all engines agreed on the first ${fmt(ev.agreed)}.\n`);
  console.log(evaluationTable(ev.rows));
  const [ours, plain] = ev.dictionary;
  console.log(`\nKey-by-key (dictionary-mode) profiles: longchang-check ${fmt(ours.perSecond)}/s, plain JavaScript ${fmt(plain.perSecond)}/s.\n`);
}
if (args.only !== 'evaluation') {
  log('timing start-up …');
  const st = startup({ runs: Number(args['startup-runs']) });
  out.startup = st;
  console.log(startupTable(st.tool, st.results));
}
const dir = join(PACKAGE_ROOT, 'bench', 'out');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'results.json'), JSON.stringify(out, null, 2));
log(`results: ${join(dir, 'results.json')}`);
