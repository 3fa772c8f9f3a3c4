/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` suite (or those whose file name
 * contains one of the given names), each exporting a default async function.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
console.log(`# synergy-pay benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const file of files) {
  const suite = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await suite.default();
}
