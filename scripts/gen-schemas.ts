/**
 * Writes the JSON Schemas shipped in schema/ (run by `npm run build`, after
 * tsc). They are exactly what `longchang-check schema profile|rules`
 * prints; a test keeps the two equal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { jsonSchemaText, SCHEMA_FILES, SCHEMA_KINDS } from '../src/rules/json-schema.js';

const dir = join(PACKAGE_ROOT, 'schema');
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(join(dir, SCHEMA_FILES[kind]), jsonSchemaText(kind));
