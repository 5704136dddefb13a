/**
 * longchang-check as a library: read a profile, load the catalogue, check.
 *
 * ```ts
 * import { check } from 'longchang-check';
 * const report = check({ 年龄: 70, 常住: '是' }, { asOf: '2025-06-01' });
 * report.results.filter((r) => r.status === 'eligible').map((r) => r.name);
 *
 * // Many people: compile once, reuse.
 * import { loadCatalogue, Checker, readProfileText, buildReport } from 'longchang-check';
 * const checker = new Checker(loadCatalogue());
 * const read = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
 * if (read.ok) console.log(buildReport(checker, read.profile, { asOf: '2025-06-01' }).results);
 * ```
 */
export { check, type CheckCallOptions } from './api.js';
export { loadCatalogue } from './catalogue.js';
export { Checker, publicPerson, type ItemResult, type PartResult, type Reason, type CheckOptions } from './engine/check.js';
export { buildReport, checkWarnings, type CheckReport } from './engine/report.js';
export { compileCondition, compileCatalogue } from './engine/compile.js';
export { makeContext, type EvalContext } from './engine/context.js';
export { trace, missingFacts, type TraceNode } from './engine/trace.js';
export { STATUS_OF_TRUTH, type StatusName } from './engine/truth.js';
export { readProfileText, type ReadProfileResult } from './profile/read.js';
export { normaliseRecord, type Profile, type NormaliseResult } from './profile/normalise.js';
export { resolveKey, fieldForKey } from './profile/keys.js';
export { FIELDS, FIELD_BY_KEY, type FieldDef } from './profile/fields.js';
export { parseIdNumber, maskIdNumber, looksLikeIdNumber } from './profile/id-number.js';
export { completedYears, parseIsoDate, todayIso } from './profile/dates.js';
export { loadRules, ruleFiles, type LoadedRules } from './rules/loader.js';
export { describe, describeLeaf, type Lang } from './rules/describe.js';
export { lintRules, type LintReport, type LintOptions } from './rules/lint.js';
export { runExamples, runExample, type ExampleOutcome } from './rules/examples.js';
export { jsonSchema, jsonSchemaText, type SchemaKind } from './rules/json-schema.js';
export { CATALOGUE } from './rules/catalogue.js';
export type { Catalogue, Item, Part, Condition, Example, Amount } from './rules/types.js';
export { CliError, makeIssue, ISSUE_CODES, type Issue, type IssueCode } from './issues.js';
export { BUILTIN_RULES_DIR, PLAN_TEXT_FILE } from './paths.js';
