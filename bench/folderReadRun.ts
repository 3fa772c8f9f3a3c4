/**
 * One process of `bench/folderRead.bench.ts`: `node --expose-gc --import tsx bench/folderReadRun.ts
 * <folder> <whole|stream>`. Reads the scenario folder with `readScenarioFolder` (whole: each file's
 * bytes, then its records, then its rows) or `readScenarioFolderAsync` (stream: csv-parse's stream
 * parser, records dropped as they become rows), and prints one JSON line: the read's time, the
 * process's resident memory before and at its peak, the live heap after the read (the scenario),
 * and a hash of the scenario (the two modes must agree).
 */
import { createHash } from 'node:crypto';
import { readScenarioFolder, readScenarioFolderAsync } from '../src/folder/index.js';
import { jsonChunks } from '../src/cli/format.js';

const [dir, mode] = process.argv.slice(2) as [string, string];
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
collect();
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const scenario = mode === 'whole' ? readScenarioFolder(dir) : await readScenarioFolderAsync(dir);
const readMs = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
collect();
const scenarioHeap = process.memoryUsage().heapUsed;
const hash = createHash('sha256');
for (const chunk of jsonChunks(scenario)) hash.update(chunk);
console.log(
  JSON.stringify({
    mode,
    readMs: Math.round(readMs),
    baselineRssMB: mb(baselineRss),
    peakRssMB: mb(peakRss),
    scenarioHeapMB: mb(scenarioHeap),
    people: scenario.org.people.length,
    hash: hash.digest('hex').slice(0, 16),
  }),
);
