// Child process of the determinism test: loads one build of the library (the TypeScript source
// through tsx, the ESM bundle with import(), or the CJS bundle with require()), runs every case
// of a cases file and prints one JSON line per case: the result, or the error's code and issues.
// Usage: node [--import tsx] evaluate.mjs <src|esm|cjs> <library path> <cases.json>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [kind, libraryPath, casesPath] = process.argv.slice(2);
const library =
  kind === 'cjs' ? createRequire(import.meta.url)(libraryPath) : await import(pathToFileURL(libraryPath).href);
const cases = JSON.parse(readFileSync(casesPath, 'utf8'));
const lines = [];
for (const { name, target, input } of cases) {
  const fn = library[target];
  if (typeof fn !== 'function') {
    lines.push(`${name}\tmissing ${target}`);
    continue;
  }
  try {
    lines.push(`${name}\t${JSON.stringify(fn(input))}`);
  } catch (error) {
    lines.push(`${name}\terror ${error?.constructor?.name} ${error?.code} ${JSON.stringify(error?.issues)}`);
  }
}
// A date-dependent sanity line: proves the TZ really differs between children.
lines.push(`tz\t${new Date(2026, 6, 1).getTimezoneOffset()}`);
process.stdout.write(lines.join('\n') + '\n');
