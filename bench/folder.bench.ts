/**
 * Spreadsheet scenarios and strict JSON (issue 18): the 100,000-person demo scenario read from a
 * CSV folder against the same scenario read from its JSON file, each followed by the run — target
 * ≤ 1.5× — and the cost of the strict JSON reading (UTF-8 check, duplicate-key scan) over a bare
 * `JSON.parse`, against the run — target < 10 %. `npm run bench folder`
 * (FOLDER_BENCH_PEOPLE scales it down, e.g. 20000).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoScenario, runPeriod, type RunPeriodInput } from '../src/index.js';
import { parseJsonBytes, readInputFile, readScenarioFolder, writeScenarioFolder } from '../src/folder/index.js';
import { jsonChunks } from '../src/cli/format.js';
import { benchSuite, formatMs } from './harness.js';

export default async function folderBench(): Promise<void> {
  const people = Number(process.env.FOLDER_BENCH_PEOPLE ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-folder-bench-'));
  try {
    const scenario = demoScenario({ people });
    const json = join(dir, 'scenario.json');
    // As `synergy-pay demo --scenario --out` writes it (in chunks: one string may be too long).
    writeFileSync(json, [...jsonChunks(scenario)].join(''));
    const folder = join(dir, 'folder');
    let started = performance.now();
    writeScenarioFolder(scenario, folder);
    console.log(
      `${people} people: scenario.json ${(statSync(json).size / 1e6).toFixed(1)} MB; folder written in ${formatMs(performance.now() - started)}`,
    );
    started = performance.now();
    runPeriod(scenario);
    console.log(`first run ${formatMs(performance.now() - started)}`);
    const fromJson = () => parseJsonBytes(readInputFile(json)) as RunPeriodInput;
    await benchSuite(
      `a scenario read from JSON and from a CSV folder, ${people} people`,
      [
        { name: 'read the JSON file (strict) and run', run: () => runPeriod(fromJson()), collectBefore: true },
        { name: 'read the CSV folder and run', run: () => runPeriod(readScenarioFolder(folder)), collectBefore: true },
        { name: 'runPeriod alone (the scenario in memory)', run: () => runPeriod(scenario), collectBefore: true },
        { name: 'read the JSON file (strict) alone', run: fromJson, collectBefore: true },
        { name: 'read the CSV folder alone', run: () => readScenarioFolder(folder), collectBefore: true },
        {
          name: 'read the JSON file with a bare JSON.parse (no UTF-8 check, no duplicate-key scan)',
          run: () => JSON.parse(readFileSync(json, 'utf8')) as unknown,
          collectBefore: true,
        },
      ],
      3,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
