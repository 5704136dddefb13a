/**
 * `validate`: every problem of every rule file in one run. Loading (YAML,
 * shape, facts, operators, values, ids, validity) is the loader's; this
 * adds what needs the whole picture: whether each rule can be met and can
 * be failed, the examples, the seed's own words, and coverage of the
 * catalogue. Every issue carries file, line and column.
 */
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { itemCondition, partCondition } from '../engine/compile.js';
import { makeContext, type EvalContext } from '../engine/context.js';
import { makeIssue, type Issue } from '../issues.js';
import { BUILTIN_RULES_DIR } from '../paths.js';
import { parseIsoDate } from '../profile/dates.js';
import { withExcerpt, type SourceDoc } from '../yaml-source.js';
import { DEFAULT_EXAMPLE_DATE } from './examples.js';
import { lintCoverage, type CoverageFile } from './lint-coverage.js';
import { lintExamples, type Placed, type RuleReach } from './lint-examples.js';
import { lintUnusedParameters, paramsReadIn } from './lint-parameters.js';
import { lintAmounts, lintDomainSource, lintSeed, planBeside, readPlanText, type PlanText } from './lint-seed.js';
import { loadRules, PARAMETERS_FILE, ruleFiles } from './loader.js';
import { deadBranches, mentionsEveryone, reach } from './satisfy.js';
import { placeNear } from './schema-issues.js';
import { itemSchema } from './schema.js';
import { isParamRef } from './operators.js';
import { FIELD_BY_KEY } from '../profile/fields.js';
import { leavesOf, type Catalogue, type Condition, type Item, type SourceRef } from './types.js';

type Path = (string | number)[];

export interface LintOptions {
  /**
   * Whether PATH is the built-in catalogue: coverage gaps are then errors.
   * Default: PATH is (or is a file in) the built-in data folder.
   */
  builtin?: boolean;
  /** The plan text to check targets and amounts against; default: source/plan.txt beside PATH (data/source/plan.txt for the built-in rules). */
  planFile?: string;
}

export interface LintReport {
  /** The rule files looked at, in order. */
  files: string[];
  /** Errors and warnings, by file, line and column. */
  issues: Issue[];
  errorCount: number;
  warningCount: number;
  /** The items that loaded, for tools that go on to use them. */
  catalogue: Catalogue;
}

/** Bounds for a parameter without a value compared with a fact that has none of its own. */
const UNBOUNDED = { min: 0, max: 1e9 };

const RULE_CODES = new Set(['SCHEMA', 'UNKNOWN_FACT', 'UNKNOWN_OPERATOR', 'BAD_OPERATOR', 'BAD_VALUE', 'UNKNOWN_PARAM', 'EMPTY_GROUP']);

const startsWith = (path: Path | undefined, prefix: Path) => !!path && prefix.every((seg, i) => path[i] === seg);

function isBuiltin(path: string): boolean {
  const full = resolve(path);
  return full === BUILTIN_RULES_DIR || dirname(full) === BUILTIN_RULES_DIR;
}

/**
 * The contexts a rule is analysed in. Comparisons must be decidable, so a
 * parameter without a value (or one parameters.yaml lacks: said there) is
 * given one: the lowest and then the highest its facts can take. A branch
 * is dead, or a rule always true, only when it is so at both ends: one
 * value alone (a placeholder of 1000 beside an age of 0–150) made rules
 * look impossible that only wait on the parameter.
 */
function analysisContexts(catalogue: Catalogue, item: Item): EvalContext[] {
  const asOf = parseIsoDate(item.valid.to) ? item.valid.to : DEFAULT_EXAMPLE_DATE;
  const bounds = new Map<string, { min: number; max: number }>();
  for (const leaf of leavesOf(itemCondition(item))) {
    if (!isParamRef(leaf.value)) continue;
    const field = FIELD_BY_KEY.get(leaf.fact);
    const b = bounds.get(leaf.value.param) ?? { min: Infinity, max: -Infinity };
    b.min = Math.min(b.min, field?.min ?? UNBOUNDED.min);
    b.max = Math.max(b.max, field?.max ?? UNBOUNDED.max);
    bounds.set(leaf.value.param, b);
  }
  const ctx = makeContext(catalogue, asOf);
  // Every parameter the rule reads has a value: one analysis is all there is.
  if ([...bounds.keys()].every((name) => ctx.params[name] !== undefined)) return [ctx];
  return (['min', 'max'] as const).map((end) => {
    const at = makeContext(catalogue, asOf);
    for (const [name, b] of bounds) at.params[name] ??= b[end];
    return at;
  });
}

/** lintRule in each context: an issue found in every one, and what holds or fails in any. */
function lintRuleAtBothEnds(item: Item, path: Path, contexts: EvalContext[], out: Placed[]): RuleReach {
  const runs = contexts.map((ctx) => {
    const found: Placed[] = [];
    return { reach: lintRule(item, path, ctx, found), found };
  });
  const key = (p: Placed) => `${p.issue.code} ${JSON.stringify(p.issue.path)}`;
  const [first, ...rest] = runs;
  out.push(...first.found.filter((p) => rest.every((r) => r.found.some((q) => key(q) === key(p)))));
  const any = (pick: (r: RuleReach) => boolean | undefined) => (runs.some((r) => pick(r.reach) === undefined) ? undefined : runs.some((r) => pick(r.reach)));
  return { canHold: any((r) => r.canHold), canFail: any((r) => r.canFail), everyone: first.reach.everyone };
}

/** Unsatisfiable branches, a rule nobody fails, and what the examples must show. */
function lintRule(item: Item, path: Path, ctx: EvalContext, out: Placed[]): RuleReach {
  const everyone = mentionsEveryone(item.rule) || (item.parts ?? []).some((p) => mentionsEveryone(p.rule));
  const dead = (cond: Condition, at: Path, detail: string) => {
    const found = deadBranches(cond, ctx);
    for (const d of found) {
      out.push({
        issue: makeIssue('UNSATISFIABLE', detail, {
          path: [...at, ...d.path],
          hint: '条件互相矛盾，或要求的取值超出该字段的范围；检查 all 中的各条、数值边界和取值',
        }),
      });
    }
    return found.length > 0;
  };
  let deadFound = false;
  if (item.rule) deadFound = dead(item.rule, [...path, 'rule'], `${item.id}: 没有任何人能满足这个条件`) || deadFound;
  item.parts?.forEach((part, i) => {
    const partPath = [...path, 'parts', i, 'rule'];
    if (dead(part.rule, partPath, `${item.id} 的分项 ${part.id}: 没有任何人能满足这个条件`)) {
      deadFound = true;
    } else if (item.rule) {
      const r = reach(partCondition(item, i), ctx);
      if (r && !r.canHold) {
        deadFound = true;
        out.push({ issue: makeIssue('UNSATISFIABLE', `${item.id} 的分项 ${part.id}: 与项目的 rule 同时成立的人不存在`, { path: partPath }) });
      }
    }
  });
  const whole = reach(itemCondition(item), ctx);
  if (whole && whole.canHold && !whole.canFail && !everyone) {
    out.push({
      issue: makeIssue('ALWAYS_TRUE', `${item.id}: 任何档案都满足这条规则（服务对象：${item.target}）`, {
        path: [...path, item.rule ? 'rule' : 'parts'],
        hint: '该项目若确实面向所有人，写 { everyone: true }；否则检查 any 中是否有恒成立的分支',
      }),
    });
  }
  return { canHold: deadFound ? false : whole?.canHold, canFail: whole?.canFail, everyone };
}

interface FileItems {
  file: string;
  source: SourceDoc;
  raw: Record<string, unknown>;
}

/** Validates a rule folder (or one rule file): every problem, each at its place. */
export function lintRules(path: string, options: LintOptions = {}): LintReport {
  const builtin = options.builtin ?? isBuiltin(path);
  const whole = statSync(path).isDirectory();
  const loaded = loadRules(path);
  const files = ruleFiles(path);
  const found: Issue[] = [...loaded.issues];
  const loaderErrors = loaded.issues;

  let plan: PlanText | undefined;
  // The built-in data/ has its plan at data/source/plan.txt, like any other folder.
  const planFile = options.planFile ?? planBeside(path);
  if (planFile) {
    const read = readPlanText(planFile);
    if ('issue' in read) found.push(read.issue);
    else plan = read;
  } else {
    found.push(
      makeIssue('NO_PLAN_TEXT', `${path} 旁边没有 source/plan.txt：服务对象和金额的原文未核对`, {
        severity: 'warning',
        hint: '把规划全文放在规则目录的 source/plan.txt',
      }),
    );
  }

  const coverageFiles: CoverageFile[] = [];
  const sourced: FileItems[] = [];
  for (const file of files) {
    const source = loaded.sources.get(file);
    if (!source || basename(file) === PARAMETERS_FILE) continue;
    const raw = source.doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    sourced.push({ file, source, raw: raw as Record<string, unknown> });
  }

  for (const { file, source, raw } of sourced) {
    const placed: Placed[] = [];
    const cited = raw.source as Partial<SourceRef> | undefined;
    if (plan && typeof cited?.table === 'string' && typeof cited.chapter === 'string' && Number.isInteger(cited.line) && cited.line! > 0) {
      const own: Issue[] = [];
      lintDomainSource(cited as SourceRef, plan, own);
      placed.push(...own.map((issue) => ({ issue })));
    }
    const domain = typeof raw.domain === 'string' ? raw.domain : undefined;
    const rawItems = Array.isArray(raw.items) ? (raw.items as unknown[]) : [];
    coverageFiles.push({
      file,
      domain,
      name: typeof raw.name === 'string' ? raw.name : undefined,
      items: rawItems.flatMap((r, index) => {
        const o = r as Record<string, unknown> | null;
        return o && typeof o.id === 'string' ? [{ id: o.id, name: typeof o.name === 'string' ? o.name : undefined, path: ['items', index] }] : [];
      }),
    });
    rawItems.forEach((rawItem, index) => {
      const parsed = itemSchema.safeParse(rawItem);
      if (!parsed.success) return;
      const path: Path = ['items', index];
      const item = { ...parsed.data, domain: domain ?? '', file } as Item;
      const ruleBroken =
        (!item.rule && !item.parts) ||
        loaderErrors.some((i) => i.file === file && RULE_CODES.has(i.code) && (startsWith(i.path, [...path, 'rule']) || startsWith(i.path, [...path, 'parts'])));
      let ruleReach: RuleReach = { everyone: mentionsEveryone(item.rule) };
      if (!ruleBroken) {
        try {
          ruleReach = lintRuleAtBothEnds(item, path, analysisContexts(loaded.catalogue, item), placed);
        } catch {
          // A rule the compiler cannot take is already reported by the loader.
        }
      }
      lintExamples(item, path, source, ruleReach, placed);
      const plain: Issue[] = [];
      lintAmounts(item, path, plain);
      if (plan) lintSeed(item, path, plan, plain);
      placed.push(...plain.map((issue) => ({ issue })));
    });
    for (const { issue, key } of placed) {
      found.push(issue.line ? withExcerpt(source, { ...issue, file }) : placeNear(source, issue, key));
    }
  }

  // A domain's file that is there but did not load is not missing: its own errors say why.
  const unloaded = files.filter((f) => basename(f) !== PARAMETERS_FILE && !sourced.some((s) => s.file === f)).map((f) => basename(f));
  for (const c of lintCoverage(coverageFiles, { severity: builtin ? 'error' : 'warning', whole, folder: path, unloaded })) {
    const source = c.file ? loaded.sources.get(c.file) : undefined;
    found.push(source ? placeNear(source, c.issue, c.key) : c.issue);
  }

  // Whether a parameter is read can be told only from the whole folder, every rule file loaded.
  const parametersFile = join(path, PARAMETERS_FILE);
  const parametersSource = whole ? loaded.sources.get(parametersFile) : undefined;
  if (parametersSource && unloaded.length === 0) {
    const read = new Set<string>();
    for (const { raw } of sourced) paramsReadIn(raw.items, read);
    for (const issue of lintUnusedParameters(Object.keys(loaded.catalogue.parameters), read)) {
      found.push(placeNear(parametersSource, { ...issue, file: parametersFile }, true));
    }
  }

  const order = new Map(files.map((f, i) => [f, i]));
  const issues = found
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (order.get(a.issue.file ?? '') ?? (a.issue.file ? -1 : 1e9)) - (order.get(b.issue.file ?? '') ?? (b.issue.file ? -1 : 1e9)) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
  return {
    files,
    issues,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    catalogue: loaded.catalogue,
  };
}
