/**
 * One process of `bench/folderRead.bench.ts`: `node --expose-gc --import tsx bench/folderReadRun.ts
 * <folder> <whole|stream|rows>`. Reads the scenario folder with `readScenarioFolder` (whole: each
 * file's bytes, then its records, then its rows) or `readScenarioFolderAsync` (stream: csv-parse's
 * stream parser, records dropped as they become rows), or goes through its rows with
 * `readScenarioFolderRows` keeping none (rows: what a reader that routes each row elsewhere
 * pays), and prints one JSON line: the read's time, the process's resident memory before and at
 * its peak, the live heap after the read (the scenario), and a hash of the scenario (of the rows
 * in order, for `rows`: the modes must agree).
 */
import { createHash } from 'node:crypto';
import { readScenarioFolder, readScenarioFolderAsync, readScenarioFolderRows } from '../src/folder/index.js';
import type { RunPeriodInput } from '../src/index.js';

const [dir, mode] = process.argv.slice(2) as [string, string];
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
collect();
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const hash = createHash('sha256');
let rows = 0;
let scenario: RunPeriodInput | undefined;
if (mode === 'rows')
  for await (const { row } of readScenarioFolderRows(dir)) {
    hash.update(JSON.stringify(row));
    rows++;
  }
else scenario = mode === 'whole' ? readScenarioFolder(dir) : await readScenarioFolderAsync(dir);
const readMs = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
collect();
const scenarioHeap = process.memoryUsage().heapUsed;
if (scenario !== undefined)
  for (const section of [scenario.org, scenario.data ?? {}])
    for (const list of Object.values(section) as unknown[][])
      for (const row of list) {
        hash.update(JSON.stringify(row));
        rows++;
      }
console.log(
  JSON.stringify({
    mode,
    readMs: Math.round(readMs),
    baselineRssMB: mb(baselineRss),
    peakRssMB: mb(peakRss),
    scenarioHeapMB: mb(scenarioHeap),
    rows,
    hash: hash.digest('hex').slice(0, 16),
  }),
);
