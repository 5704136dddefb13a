/**
 * Problems are data: a closed set of codes, each issue with a place. The
 * wording lives in one table per language, keyed by code, so tests assert
 * codes and places and the text can change.
 */

import { maskIdLikeText, maskIdNumbersInText } from './profile/id-number.js';

export const ISSUE_CODES = [
  // reading a file
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'ENCODING',
  'YAML_SYNTAX',
  'JSON_SYNTAX',
  'ALIAS_LIMIT',
  'DUPLICATE_KEY',
  'NOT_A_MAPPING',
  // profile facts
  'UNKNOWN_KEY',
  'BAD_TYPE',
  'BAD_ENUM',
  'BAD_DATE',
  'FUTURE_DATE',
  'OUT_OF_RANGE',
  'BAD_ID_FORMAT',
  'BAD_ID_REGION',
  'BAD_ID_DATE',
  'BAD_ID_CHECKSUM',
  'ID_CONFLICT',
  'AGE_CONFLICT',
  'FACT_CONFLICT',
  'LEGACY_ID',
  'OLD_TOWNSHIP',
  // rule files
  'SCHEMA',
  'UNKNOWN_FACT',
  'UNKNOWN_OPERATOR',
  'BAD_OPERATOR',
  'BAD_VALUE',
  'UNKNOWN_PARAM',
  'UNUSED_PARAM',
  'DUPLICATE_ID',
  'EMPTY_GROUP',
  'UNSATISFIABLE',
  'ALWAYS_TRUE',
  'BAD_VALIDITY',
  'MISSING_SOURCE',
  'MISSING_TARGET',
  'TARGET_NOT_IN_SEED',
  'AMOUNT_SOURCE',
  'COVERAGE',
  'TOO_FEW_EXAMPLES',
  'MISSING_EXAMPLE',
  'BAD_EXAMPLE',
  'NO_PLAN_TEXT',
  // arguments
  'BAD_ARGUMENT',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** What was found, after the code's title (already masked); the message is title + detail. */
  detail?: string;
  /** Human message (Chinese by default); built from the code table plus details. */
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Path inside the document, e.g. ['items', 3, 'rule', 'all', 0, 'fact']. */
  path?: (string | number)[];
  /** The profile key or rule field concerned. */
  field?: string;
  hint?: string;
  /** The source line the caret points into, for display. */
  excerpt?: string;
  /** The caret's column in `excerpt`, when the excerpt is a cut of a long line. */
  excerptColumn?: number;
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

/** Short headline per code; details follow after a colon. */
export const ISSUE_TITLES: Record<IssueCode, { zh: string; en: string }> = {
  FILE_NOT_FOUND: { zh: '找不到文件', en: 'file not found' },
  FILE_UNREADABLE: { zh: '无法读取文件', en: 'cannot read the file' },
  ENCODING: { zh: '文件不是 UTF-8 编码', en: 'the file is not UTF-8' },
  YAML_SYNTAX: { zh: 'YAML 格式错误', en: 'YAML syntax error' },
  JSON_SYNTAX: { zh: 'JSON 格式错误', en: 'JSON syntax error' },
  ALIAS_LIMIT: { zh: 'YAML 别名展开过多（疑似别名炸弹），已拒绝', en: 'too many YAML alias expansions (alias bomb), refused' },
  DUPLICATE_KEY: { zh: '键重复', en: 'duplicate key' },
  NOT_A_MAPPING: { zh: '应为键值映射', en: 'expected a mapping' },
  UNKNOWN_KEY: { zh: '未知的字段', en: 'unknown key' },
  BAD_TYPE: { zh: '取值类型不对', en: 'wrong type of value' },
  BAD_ENUM: { zh: '取值不在允许范围内', en: 'value not allowed' },
  BAD_DATE: { zh: '不是有效日期', en: 'not a valid date' },
  FUTURE_DATE: { zh: '日期晚于核查日期', en: 'date is after the check date' },
  OUT_OF_RANGE: { zh: '数值超出范围', en: 'number out of range' },
  BAD_ID_FORMAT: { zh: '身份证号格式错误', en: 'malformed ID number' },
  BAD_ID_REGION: { zh: '身份证号地区码无效', en: 'invalid region code in ID number' },
  BAD_ID_DATE: { zh: '身份证号中的出生日期无效', en: 'invalid birth date in ID number' },
  BAD_ID_CHECKSUM: { zh: '身份证号校验位错误', en: 'wrong check digit in ID number' },
  ID_CONFLICT: { zh: '身份证号与其他字段矛盾', en: 'ID number contradicts another field' },
  AGE_CONFLICT: { zh: '年龄与出生日期矛盾', en: 'age contradicts the birth date' },
  FACT_CONFLICT: { zh: '字段之间相互矛盾', en: 'facts contradict each other' },
  LEGACY_ID: { zh: '15位旧身份证号', en: 'legacy 15-digit ID number' },
  OLD_TOWNSHIP: { zh: '镇街名称已撤并', en: 'town name merged away' },
  SCHEMA: { zh: '规则文件结构错误', en: 'rule file structure error' },
  UNKNOWN_FACT: { zh: '规则引用了未知的档案字段', en: 'rule refers to an unknown profile key' },
  UNKNOWN_OPERATOR: { zh: '未知的运算符', en: 'unknown operator' },
  BAD_OPERATOR: { zh: '运算符不适用于该字段类型', en: 'operator does not fit the key type' },
  BAD_VALUE: { zh: '比较值与字段类型不符', en: 'comparison value does not fit the key' },
  UNKNOWN_PARAM: { zh: '引用了未定义的参数', en: 'unknown parameter' },
  UNUSED_PARAM: { zh: '参数未被使用', en: 'unused parameter' },
  DUPLICATE_ID: { zh: 'ID 重复', en: 'duplicate id' },
  EMPTY_GROUP: { zh: '空的 all/any 条件组', en: 'empty all/any group' },
  UNSATISFIABLE: { zh: '规则任何人都不能满足', en: 'no profile can satisfy the rule' },
  ALWAYS_TRUE: { zh: '规则对所有人都成立，但该项目并非面向所有人', en: 'every profile satisfies a rule that is not for everyone' },
  BAD_VALIDITY: { zh: '有效期起止日期错误', en: 'validity dates out of order' },
  MISSING_SOURCE: { zh: '缺少出处', en: 'missing source' },
  MISSING_TARGET: { zh: '缺少规划原文的服务对象', en: "missing the seed's 服务对象 text" },
  TARGET_NOT_IN_SEED: { zh: '服务对象与规划原文不符', en: 'target does not match the plan' },
  AMOUNT_SOURCE: { zh: '金额缺少出处或出处与原文不符', en: 'amount without a matching source line' },
  COVERAGE: { zh: '与服务清单不一致', en: 'does not match the catalogue' },
  TOO_FEW_EXAMPLES: { zh: '示例不足', en: 'too few examples' },
  MISSING_EXAMPLE: { zh: '缺少符合或不符合的示例', en: 'no eligible or no ineligible example' },
  BAD_EXAMPLE: { zh: '示例有误', en: 'invalid example' },
  NO_PLAN_TEXT: { zh: '找不到规划文本，未核对原文', en: 'plan text not found; seed text not checked' },
  BAD_ARGUMENT: { zh: '参数错误', en: 'bad argument' },
};

/**
 * Text from a file made safe for a terminal: control characters (an escape
 * sequence that would clear the screen or recolour it, a carriage return
 * that would overwrite the line) are shown as \x.. instead of obeyed. Tab
 * and line feed stay.
 */
export function visibleText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function makeIssue(
  code: IssueCode,
  detail: string,
  place: Omit<Issue, 'code' | 'message' | 'severity'> & { severity?: Severity } = {},
): Issue {
  const { severity = 'error', ...rest } = place;
  const title = ISSUE_TITLES[code].zh;
  // Messages may quote what the user wrote; an ID number never appears in full.
  const masked = visibleText(maskIdLikeText(detail));
  const message = masked ? `${title}：${masked}` : title;
  // A file named by an ID number (张三511083….csv) is masked where it is named, too.
  if (rest.file !== undefined) rest.file = maskIdNumbersInText(rest.file);
  // A key the user wrote (an ID number pasted as a key) is shown as the field.
  if (rest.field !== undefined) rest.field = maskIdLikeText(String(rest.field));
  return { code, severity, message, ...(masked ? { detail: masked } : {}), ...rest };
}

/** The message in another language: the code's title in that language, the details as found. */
export function issueMessage(issue: Issue, lang: 'zh' | 'en'): string {
  if (lang === 'zh' || !ISSUE_TITLES[issue.code]) return issue.message;
  const title = ISSUE_TITLES[issue.code].en;
  return issue.detail ? `${title}: ${issue.detail}` : title;
}

/** An error the CLI turns into an exit code and a message, never a stack. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'CliError';
  }
}
