/** Checks a condition tree against the profile fields and the operator table. */
import { makeIssue, type Issue } from '../issues.js';
import { FIELD_BY_KEY, RULE_FACTS } from '../profile/fields.js';
import { nearest } from '../profile/keys.js';
import { OPERATOR_BY_NAME, checkLeafValue } from './operators.js';
import { isLeaf, type Condition } from './types.js';

const RULE_FACT_KEYS = RULE_FACTS.map((f) => f.key);

export function checkCondition(cond: Condition, path: (string | number)[], params: ReadonlySet<string>, out: Issue[]): void {
  if ('all' in cond || 'any' in cond) {
    const key = 'all' in cond ? 'all' : 'any';
    const children = 'all' in cond ? cond.all : cond.any;
    if (children.length === 0) {
      out.push(makeIssue('EMPTY_GROUP', `${key} 下没有条件`, { path: [...path, key], hint: '删除这一组，或加入条件；所有人都适用时写 { everyone: true }' }));
    }
    children.forEach((c, i) => checkCondition(c, [...path, key, i], params, out));
    return;
  }
  if ('not' in cond) return checkCondition(cond.not, [...path, 'not'], params, out);
  if (!isLeaf(cond)) return;
  const field = FIELD_BY_KEY.get(cond.fact);
  if (!field || field.displayOnly) {
    const hint = nearest(cond.fact, RULE_FACT_KEYS);
    out.push(makeIssue('UNKNOWN_FACT', `“${cond.fact}”不是可用于规则的档案字段${hint ? `；是不是 ${hint}？` : ''}`, { path: [...path, 'fact'], field: cond.fact, hint: hint && `did you mean ${hint}?` }));
    return;
  }
  const op = OPERATOR_BY_NAME.get(cond.op)!;
  if (!op.accepts.includes(field.type)) {
    const fitting = [...OPERATOR_BY_NAME.values()].filter((o) => o.accepts.includes(field.type)).map((o) => o.name);
    out.push(makeIssue('BAD_OPERATOR', `${cond.op} 不适用于 ${field.type} 类型的字段 ${field.key}（${field.zh}）`, { path: [...path, 'op'], field: field.key, hint: `可用：${fitting.join(', ')}` }));
    return;
  }
  const problem = checkLeafValue(op, field, cond.value, params);
  if (problem) out.push(makeIssue(problem.code, problem.detail, { path: [...path, 'value'], field: field.key }));
}
