/**
 * Peak memory of reading a scenario folder whole or as streams (issue 20 §1): the demo company at
 * the issue's ratios (5 tickets, 2 ratings, 2 revenue facts a person; 3 commission rows per
 * front-line person, 60 % front line) written as a CSV folder (`bench/bigFolder.ts`), then read
 * in its own process per mode (`bench/folderReadRun.ts`) so that each peak is its own — and gone
 * through row by row with `readScenarioFolderRows`, keeping no row.
 * `FOLDER_READ_BENCH_PEOPLE` lists the sizes (default `100000`). `npx tsx bench/run.ts folderRead`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderBytes, issueRatios, writeDemoFolder } from './bigFolder.js';
import { formatMs } from './harness.js';

interface Measure {
  readonly mode: string;
  readonly readMs: number;
  readonly baselineRssMB: number;
  readonly peakRssMB: number;
  readonly scenarioHeapMB: number;
  readonly rows: number;
  readonly hash: string;
}

const READERS: Readonly<Record<string, string>> = {
  whole: '`readScenarioFolder`',
  stream: '`readScenarioFolderAsync`',
  rows: '`readScenarioFolderRows`, no row kept',
};

function measure(here: string, folder: string, mode: string): Measure {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, 'folderReadRun.ts'), folder, mode],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

export default async function folderReadBench(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const sizes = (process.env.FOLDER_READ_BENCH_PEOPLE ?? '100000').split(',').map(Number);
  console.log('\n## a CSV folder read whole or as streams: peak resident memory of one process');
  console.log('| people | folder | reader | read | RSS before | peak RSS | live heap after |');
  console.log('|---:|---:|---|---:|---:|---:|---:|');
  for (const people of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-folder-read-bench-'));
    try {
      const folder = join(dir, 'folder');
      await writeDemoFolder(folder, issueRatios(people));
      const size = `${Math.round(folderBytes(folder) / 1e6)} MB`;
      const measures = ['whole', 'stream', 'rows'].map((mode) => measure(here, folder, mode));
      if (measures.some((m) => m.hash !== measures[0]!.hash)) throw new Error('the readers read different rows');
      for (const m of measures) {
        const reader = READERS[m.mode]!;
        console.log(
          `| ${people.toLocaleString('en')} | ${size} | ${reader} | ${formatMs(m.readMs)} | ${m.baselineRssMB} MB | ${m.peakRssMB} MB | ${m.scenarioHeapMB} MB |`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
