/** `longchang-check schema profile|rules`: the JSON Schema editors use to check and complete the YAML. */
import { Argument, type Command } from 'commander';
import { jsonSchemaText, SCHEMA_KINDS, type SchemaKind } from '../../rules/json-schema.js';
import type { Io } from '../io.js';

export function registerSchemaCommand(program: Command, io: Io): void {
  program
    .command('schema')
    .description('打印档案或规则文件的 JSON Schema（供编辑器检查、补全） / print the JSON Schema of a profile or a rule file')
    .addArgument(new Argument('<kind>', 'profile 或 rules').choices([...SCHEMA_KINDS]))
    .addHelpText('after', '\n在 YAML 文件第一行写 / start a YAML file with:\n  # yaml-language-server: $schema=<path>/schema/profile.schema.json')
    .action((kind: SchemaKind) => {
      io.stdout(jsonSchemaText(kind));
    });
}
