#!/usr/bin/env node
/** The `synergy-pay` executable: wires the CLI to the real process. */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { namedScenarios } from './args.js';
import { HEAP_ENV, heapOptions, inputSize, nodeOptionWords, runSized } from './heap.js';

// `synergy-pay schema | head`: the reader may close the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

const args = process.argv.slice(2);
// A large input: the command runs in a Node process started with the heap it needs (heap.ts).
// Decided before the CLI is loaded, so that this process, which then only waits, stays small.
const sized = heapOptions({
  inputs: [...new Set(namedScenarios(args))].flatMap((file) => inputSize(file) ?? []),
  nodeOptions: [...process.execArgv, ...nodeOptionWords(process.env.NODE_OPTIONS)],
  setting: process.env[HEAP_ENV],
  heapLimit: getHeapStatistics().heap_size_limit,
  memory: Math.min(totalmem(), process.constrainedMemory() || Infinity),
});
if (sized.length > 0) {
  // On a terminal, as the CLI's progress: what was chosen, and how not to.
  if (process.stderr.isTTY)
    process.stderr.write(
      `synergy-pay: a large input: running with ${sized.join(' ')} (SYNERGY_PAY_HEAP=keep: without)\n`,
    );
  process.exitCode = await runSized(sized, process.argv[1]!, args);
} else {
  const [{ mainAsync }, { processIo }, { loadReportRenderer }] = await Promise.all([
    import('./main.js'),
    import('./io.js'),
    import('./report.js'),
  ]);
  // The report renderer (and the optional chart packages it imports) is loaded only for `report`.
  if (args.includes('report')) await loadReportRenderer();
  // Scenario folders are read as streams (mainAsync), before the command runs.
  process.exitCode = await mainAsync(args, processIo());
}
