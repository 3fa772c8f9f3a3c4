// Packs the package, unpacks it under .smoke/node_modules and checks that both `import` and
// `require` load it and compute the same allocation. Dependencies resolve from the project's
// own node_modules (two levels up), so no network is needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const smoke = join(root, '.smoke');
rmSync(smoke, { recursive: true, force: true });
mkdirSync(join(smoke, 'node_modules', 'synergy-pay'), { recursive: true });
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', smoke], { cwd: root, encoding: 'utf8' });
const [{ filename, files }] = JSON.parse(out);
const paths = files.map((file) => file.path);
const stray = paths.filter((path) => !/^(dist\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(path));
if (stray.length > 0) throw new Error(`unexpected files in the package: ${stray.join(', ')}`);
for (const needed of [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/cli.js',
  'dist/scenario.schema.json',
]) {
  if (!paths.includes(needed)) throw new Error(`missing from the package: ${needed}`);
}
const maps = paths.filter((path) => path.endsWith('.map'));
if (maps.length > 0) throw new Error(`source maps in the package (issue 16 ships none): ${maps.join(', ')}`);
execFileSync('tar', [
  '-xzf',
  join(smoke, filename),
  '-C',
  join(smoke, 'node_modules', 'synergy-pay'),
  '--strip-components=1',
]);
const probe = `{ total: '0.05', currency: 'CNY', shares: [{ id: 'a', weight: 3 }, { id: 'b', weight: 7 }] }`;
writeFileSync(
  join(smoke, 'esm.mjs'),
  `import { allocate } from 'synergy-pay';\nconsole.log(JSON.stringify(allocate(${probe}).parts));\n`,
);
writeFileSync(
  join(smoke, 'cjs.cjs'),
  `const { allocate } = require('synergy-pay');\nconsole.log(JSON.stringify(allocate(${probe}).parts));\n`,
);
const esm = execFileSync(process.execPath, [join(smoke, 'esm.mjs')], { cwd: smoke, encoding: 'utf8' });
const cjs = execFileSync(process.execPath, [join(smoke, 'cjs.cjs')], { cwd: smoke, encoding: 'utf8' });
if (esm !== cjs) throw new Error(`ESM and CJS differ:\n${esm}\n${cjs}`);
if (!esm.includes('"amount":"0.02"')) throw new Error(`unexpected result: ${esm}`);
const cli = join(smoke, 'node_modules', 'synergy-pay', 'dist', 'cli.js');
const schema = JSON.parse(execFileSync(process.execPath, [cli, 'schema'], { cwd: smoke, encoding: 'utf8' }));
if (typeof schema !== 'object' || schema === null) throw new Error('the packed CLI printed no JSON Schema');
const demo = execFileSync(process.execPath, [cli, 'demo', '--people', '60'], { cwd: smoke, encoding: 'utf8' });
if (demo.length === 0) throw new Error('the packed CLI demo printed nothing');
rmSync(smoke, { recursive: true, force: true });
console.log(`smoke-pack: ${paths.length} files packed; import and require agree; the CLI runs`);
