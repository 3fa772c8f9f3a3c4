/**
 * The live heap of a streamed period run, stage by stage: `node --expose-gc --import tsx
 * bench/runHeap.ts <folder>`. Reads a scenario folder, hands it to `runPeriodStream` (as a function,
 * keeping no reference of its own), then prints the heap after a full collection: once the mechanisms have
 * run (the stream returned), halfway through the statements, after the last statement and once
 * the summary is built. What the run itself holds (docs/scale.md, "How much heap").
 */
import { readScenarioFolderAsync } from '../src/folder/index.js';
import { runPeriodStream, type RunPeriodInput } from '../src/index.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with node --expose-gc');
const heap = () => {
  collect();
  return `${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`;
};

// The scenario lives in this box only until the run has it: nothing here holds its rows after
// (read inside a function: a top-level `await` would keep the value it gave).
const box: { scenario: RunPeriodInput | undefined } = { scenario: undefined };
await (async () => {
  box.scenario = await readScenarioFolderAsync(process.argv[2]!);
})();
console.log(`read: ${heap()}`);
// Handed over as a function: the run then lets the tickets go before its other mechanisms run.
const run = runPeriodStream(() => {
  const scenario = box.scenario!;
  box.scenario = undefined;
  return scenario;
});
console.log(`mechanisms run (the stream returned): ${heap()}`);
let count = 0;
const half = Number(process.argv[3] ?? 50_000);
for (const statement of run.statements)
  if (++count === half && statement.person !== '') console.log(`statement ${count}: ${heap()}`);
console.log(`after the last of ${count} statements: ${heap()}`);
run.summary();
console.log(`summary built: ${heap()}`);
