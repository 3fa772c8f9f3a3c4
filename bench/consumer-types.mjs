// What the package's types cost a consumer's compiler (issue 16): `tsc --noEmit` on a 10-line
// file importing allocate, carvePool and runPeriod from the built package, against the same file
// with the import replaced by three local declarations. Medians of wall time and peak memory.
//
//   npm run build && npm run bench:types [-- --runs 5] [--resolution bundler|node16] [--skip-lib-check]
//
// The consumer lives in a temporary project whose node_modules/synergy-pay is a symlink to this
// repository, so tsc resolves the package through its `exports` to the real dist/*.d.ts (and zod,
// decimal.js, date-fns from this repository's node_modules), as an installed copy would. tsc is
// this repository's TypeScript, strict, with lib checking on unless --skip-lib-check. Peak
// memory is the tsc process's own `process.resourceUsage().maxRSS`, read by a preloaded hook.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    resolution: { type: 'string', multiple: true },
    'skip-lib-check': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const resolutions = values.resolution ?? ['bundler', 'node16'];
const root = resolve(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(join(root, 'dist', 'index.d.ts'))) throw new Error('dist/index.d.ts not found: run `npm run build`');

const body = `
export const parts = allocate({ total: '100.00', currency: 'CNY', shares: [{ id: 'a', weight: 1 }] }).parts;
export const pool: string = carvePool({ currency: 'CNY', rate: '0.12', commissions: [{ id: 'x', amount: '10.00' }] }).pool;
export function payOf(input: Parameters<typeof runPeriod>[0], person: string): string | undefined {
  return runPeriod(input).statements.find((statement) => statement.person === person)?.total;
}
`;
const files = {
  'with import': `import { allocate, carvePool, runPeriod } from 'synergy-pay';\n${body}`,
  'without import': `declare function allocate(input: { total: string; currency: string; shares: { id: string; weight: number }[] }): { parts: { id: string; amount: string }[] };
declare function carvePool(input: { currency: string; rate: string; commissions: { id: string; amount: string }[] }): { pool: string };
declare function runPeriod(input: object): { statements: { person: string; total: string }[] };
${body}`,
};

const work = mkdtempSync(join(tmpdir(), 'synergy-consumer-types-'));
try {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'synergy-pay'), 'junction');
  const hook = join(work, 'max-rss.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeSync(2, '\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n`,
  );

  const cases = [];
  for (const resolution of resolutions) {
    const module = resolution === 'bundler' ? 'esnext' : resolution;
    for (const [name, text] of Object.entries(files)) {
      const slug = `${resolution}-${name.replace(' ', '-')}`;
      writeFileSync(join(work, `${slug}.ts`), text);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module,
        moduleResolution: resolution,
        skipLibCheck: values['skip-lib-check'],
        types: [],
      };
      writeFileSync(join(work, `${slug}.json`), JSON.stringify({ compilerOptions, files: [`${slug}.ts`] }));
      cases.push({ resolution, name, config: join(work, `${slug}.json`), times: [], rss: [] });
    }
  }

  const compile = (entry) => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--require', hook, tsc, '-p', entry.config], {
      cwd: work,
      encoding: 'utf8',
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (child.status !== 0) {
      throw new Error(`tsc failed on ${entry.resolution} ${entry.name}:\n${child.stdout}${child.stderr}`);
    }
    return { seconds, rssBytes: Number(/maxRSS (\d+)/.exec(child.stderr)[1]) * 1024 };
  };

  for (const entry of cases) compile(entry); // warm-up, and proof that every file compiles
  for (let run = 0; run < runs; run++) {
    for (const entry of cases) {
      const { seconds, rssBytes } = compile(entry);
      entry.times.push(seconds);
      entry.rss.push(rssBytes);
    }
  }

  const median = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const libCheck = values['skip-lib-check'] ? 'skipLibCheck' : 'lib check on';
  console.log(`# consumer tsc --noEmit (strict, ${libCheck}), median of ${runs} runs — Node ${process.version}`);
  console.log('resolution  file              wall       max RSS');
  for (const resolution of resolutions) {
    const [withImport, without] = cases.filter((entry) => entry.resolution === resolution);
    const rows = [withImport, without].map((entry) => ({
      entry,
      seconds: median(entry.times),
      megabytes: median(entry.rss) / 1e6,
    }));
    for (const { entry, seconds, megabytes } of rows) {
      console.log(
        `${resolution.padEnd(10)}  ${entry.name.padEnd(16)}  ${seconds.toFixed(2).padStart(6)} s  ${megabytes.toFixed(0).padStart(6)} MB`,
      );
    }
    const [a, b] = rows;
    console.log(
      `${resolution.padEnd(10)}  ${'ratio'.padEnd(16)}  ${(a.seconds / b.seconds).toFixed(2).padStart(6)} ×  ${(a.megabytes / b.megabytes).toFixed(2).padStart(6)} ×   (issue 16: time ≤ 1.5 ×)`,
    );
  }
} finally {
  rmSync(join(work, 'node_modules', 'synergy-pay'), { force: true }); // the link only, never its target
  rmSync(work, { recursive: true, force: true });
}
