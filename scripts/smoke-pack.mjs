// Packs the package, unpacks it under .smoke/node_modules and checks that both `import` and
// `require` load it and compute the same allocation, and that an error thrown through one build
// is recognised by the other (one process loading both: the dual-package hazard). Dependencies resolve from the project's
// own node_modules (two levels up), so no network is needed. It packs dist/ as built
// (`--ignore-scripts`: `npm test` has just built it, and `prepare` would build it again).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const smoke = join(root, '.smoke');
rmSync(smoke, { recursive: true, force: true });
mkdirSync(join(smoke, 'node_modules', 'synergy-pay'), { recursive: true });
const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', smoke], {
  cwd: root,
  encoding: 'utf8',
});
const [{ filename, files }] = JSON.parse(out);
const paths = files.map((file) => file.path);
const stray = paths.filter(
  (path) =>
    !/^(dist\/|examples\/scenarios\/[\w-]+\.json$|report\/package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(
      path,
    ),
);
if (stray.length > 0) throw new Error(`unexpected files in the package: ${stray.join(', ')}`);
for (const needed of [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/cli/bin.js',
  'dist/scenario.schema.json',
  'dist/report/index.js',
  'dist/report.cjs',
  'dist/report.d.ts',
  'dist/report.d.cts',
  'report/package.json',
  'examples/scenarios/ten-person-month.json',
  'examples/scenarios/quarter-plan-change.json',
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
writeFileSync(
  join(smoke, 'cross.mjs'),
  `import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('synergy-pay');
const esm = await import('synergy-pay');
if (cjs.SynergyPayError === esm.SynergyPayError) throw new Error('require and import gave one class: nothing to test');
function thrownBy(library) {
  try {
    library.allocate({ total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: -1 }] });
  } catch (error) {
    return error;
  }
  throw new Error('allocate accepted a negative weight');
}
const seen = (error, library) => [
  error.constructor.name,
  error.code,
  library.isSynergyPayError(error),
  library.SynergyPayError.is(error),
  error instanceof library.SynergyPayError,
];
console.log(JSON.stringify({
  cjsSeenByEsm: seen(thrownBy(cjs), esm),
  esmSeenByCjs: seen(thrownBy(esm), cjs),
  plainErrorSeenByEsm: seen(new Error('x'), esm).slice(2),
  plainErrorSeenByCjs: seen(new Error('x'), cjs).slice(2),
}));
`,
);
const cross = JSON.parse(execFileSync(process.execPath, [join(smoke, 'cross.mjs')], { cwd: smoke, encoding: 'utf8' }));
const recognised = ['SynergyPayError', 'NEGATIVE_VALUE', true, true, true];
const expected = {
  cjsSeenByEsm: recognised,
  esmSeenByCjs: recognised,
  plainErrorSeenByEsm: [false, false, false],
  plainErrorSeenByCjs: [false, false, false],
};
if (JSON.stringify(cross) !== JSON.stringify(expected)) {
  throw new Error(`errors are not recognised across the builds:\n${JSON.stringify(cross)}`);
}
const cli = join(smoke, 'node_modules', 'synergy-pay', 'dist', 'cli', 'bin.js');
const schema = JSON.parse(execFileSync(process.execPath, [cli, 'schema'], { cwd: smoke, encoding: 'utf8' }));
if (typeof schema !== 'object' || schema === null) throw new Error('the packed CLI printed no JSON Schema');
const demo = execFileSync(process.execPath, [cli, 'demo', '--people', '60'], { cwd: smoke, encoding: 'utf8' });
if (demo.length === 0) throw new Error('the packed CLI demo printed nothing');
// The shipped scenarios, run as a user would: `npx synergy-pay run` from the installed package
// (the tarball unpacked by hand has no .bin link: make the one npm would). Each must reconcile.
mkdirSync(join(smoke, 'node_modules', '.bin'));
chmodSync(cli, 0o755);
symlinkSync('../synergy-pay/dist/cli/bin.js', join(smoke, 'node_modules', '.bin', 'synergy-pay'));
const npx = (...args) =>
  execFileSync('npx', ['--no-install', 'synergy-pay', ...args], { cwd: smoke, encoding: 'utf8' });
for (const [name, total] of [
  ['ten-person-month', '113,378.75'],
  ['quarter-plan-change', '173,493.97'],
]) {
  const run = npx('run', `node_modules/synergy-pay/examples/scenarios/${name}.json`);
  const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(run) ?? [];
  if (holding === undefined || holding !== all || !run.includes(`statements total     CN¥${total}`))
    throw new Error(`npx synergy-pay run ${name}.json from the package:\n${run}`);
}
// The report entry from both builds, and the report command (d3-scale and d3-shape resolve from
// the project's node_modules, as the optional peer dependencies a user installs).
npx('report', 'node_modules/synergy-pay/examples/scenarios/ten-person-month.json', '--out', join(smoke, 'report.html'));
if (
  !readFileSync(join(smoke, 'report.html'), 'utf8').includes('data-figure="totals.statements" data-value="113378.75"')
)
  throw new Error('synergy-pay report from the package wrote no figures');
writeFileSync(
  join(smoke, 'report.mjs'),
  `import { createRequire } from 'node:module';
const esm = await import('synergy-pay/report');
const cjs = createRequire(import.meta.url)('synergy-pay/report');
const { runPeriod } = await import('synergy-pay');
const result = runPeriod(JSON.parse((await import('node:fs')).readFileSync('node_modules/synergy-pay/examples/scenarios/quarter-plan-change.json', 'utf8')));
console.log(esm.renderReport(result) === cjs.renderReport(result) ? 'same' : 'different');
`,
);
const same = execFileSync(process.execPath, [join(smoke, 'report.mjs')], { cwd: smoke, encoding: 'utf8' }).trim();
if (same !== 'same') throw new Error(`synergy-pay/report: import and require render differently (${same})`);
rmSync(smoke, { recursive: true, force: true });
console.log(
  `smoke-pack: ${paths.length} files packed; import and require agree and recognise each other's errors; the CLI runs the shipped scenarios and writes a report`,
);
