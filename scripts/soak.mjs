// The long soak of the hardening suite (issue 9): runs the cross-cutting properties, the fuzzers
// and the bad-input corpus with many more fast-check runs than CI, and reports how long it took.
//
//     FUZZ_RUNS=100000 npm run test:soak        (package.json: "test:soak": "node scripts/soak.mjs")
//     node scripts/soak.mjs [extra vitest args, e.g. --maxWorkers=1 or more folders]  (FUZZ_RUNS defaults to 100000 here)
//
// Every property reads its run count through `runs()` in test/helpers.ts, so FUZZ_RUNS raises
// them all. The soak covers the cross-cutting folders; name a mechanism folder to add its own
// *.prop.test.ts files (e.g. `npm run test:soak -- test/pool`). On two cores pass
// `--maxWorkers=2` when nothing else runs: vitest otherwise uses one worker.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fuzzRuns = process.env.FUZZ_RUNS ?? '100000';
const targets = ['test/properties', 'test/fuzz', 'test/corpus', ...process.argv.slice(2)];
const started = Date.now();
console.log(`soak: FUZZ_RUNS=${fuzzRuns} on ${targets.join(' ')}`);
const result = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...targets,
    '--testTimeout=0',
    '--hookTimeout=0',
    '--reporter=verbose',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: fuzzRuns },
  },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`soak: ${result.status === 0 ? 'passed' : 'FAILED'} in ${minutes} min (FUZZ_RUNS=${fuzzRuns})`);
process.exit(result.status ?? 1);
