/**
 * Writes the JSON Schema of scenario files (`scenarioJsonSchema()`) to a file, by default
 * `dist/scenario.schema.json`, so the package ships it for editors:
 * `npx tsx scripts/scenario-schema.ts [path]` (run after `tsup`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { scenarioJsonSchema } from '../src/period/jsonSchema.js';

const target = resolve(process.argv[2] ?? 'dist/scenario.schema.json');
mkdirSync(dirname(target), { recursive: true });
// Minified: editors read it, people read docs/period.md (the indented file was 167 KB of a 2 MB budget).
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema())}\n`);
console.log(`wrote ${target}`);
