/**
 * The shape of a rule file, in zod. Types that depend on a fact (does this
 * operator fit a date? is "rural" a value of hukou_type?) are checked after
 * the shape, by check.ts, with the operator table.
 */
import { z } from 'zod';
import { OPERATOR_NAMES } from './operators.js';
import type { Condition } from './types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 日期').describe('日期 YYYY-MM-DD');
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id 应为小写字母、数字和连字符');
const status = z.enum(['eligible', 'ineligible', 'undetermined']).describe('符合 eligible / 不符合 ineligible / 待核实 undetermined');

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).describe('全部满足（且）') }),
    z.strictObject({ any: z.array(conditionSchema).describe('满足其一（或）') }),
    z.strictObject({ not: conditionSchema.describe('不满足（非）') }),
    z.strictObject({ everyone: z.literal(true).describe('所有人') }),
    z.strictObject({
      fact: z.string().describe('档案字段（英文键）'),
      op: z.enum(OPERATOR_NAMES).describe('运算符'),
      value: z.unknown().describe('比较值'),
    }),
  ]),
);

export const sourceSchema = z.strictObject({
  table: z.string().min(1).describe('表号，如 表7—1'),
  chapter: z.string().min(1).describe('章，如 第七章 老有所养'),
  line: z.number().int().positive().describe('在 data/source/plan.txt 中的行号'),
});

export const amountSchema = z
  .strictObject({
    label: z.string().min(1),
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().min(1),
    source: z.strictObject({ line: z.number().int().positive(), text: z.string().min(1).describe('规划原文（须逐字出现在该行）') }),
  })
  .describe('规划中写明的金额或比例');

export const exampleSchema = z.strictObject({
  name: z.string().min(1),
  as_of: isoDate.optional(),
  profile: z.record(z.string(), z.unknown()),
  expect: status,
  parts: z.record(z.string(), status).optional(),
  missing: z.array(z.string()).optional(),
});

export const partSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  target: z.string().optional(),
  note: z.string().optional(),
  rule: conditionSchema,
  amounts: z.array(amountSchema).optional(),
});

export const itemSchema = z.strictObject({
  id: kebabId.describe('服务清单 id（不得更改）'),
  name: z.string().min(1).describe('服务项目（与表中一致）'),
  target: z.string().describe('服务对象（规划原文，逐字）'),
  source: sourceSchema,
  valid: z.strictObject({ from: isoDate, to: isoDate }),
  note: z.string().optional().describe('规划未明确之处'),
  rule: conditionSchema.optional(),
  parts: z.array(partSchema).optional(),
  amounts: z.array(amountSchema).optional(),
  examples: z.array(exampleSchema),
});

export const ruleFileSchema = z.strictObject({
  domain: z.string().min(1).describe('领域 id'),
  name: z.string().min(1).describe('领域名称'),
  source: sourceSchema.optional(),
  items: z.array(itemSchema),
});

export const parameterFileSchema = z.strictObject({
  parameters: z.record(
    z.string(),
    z.strictObject({
      zh: z.string(),
      unit: z.string().optional(),
      note: z.string().optional(),
      values: z.array(z.strictObject({ from: isoDate, value: z.number(), source: z.string().optional() })),
    }),
  ),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;
