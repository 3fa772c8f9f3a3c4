#!/usr/bin/env node
/** The `synergy-pay` executable: wires the CLI to the real process. */
import { processIo } from './io.js';
import { mainAsync } from './main.js';
import { loadReportRenderer } from './report.js';

// `synergy-pay schema | head`: the reader may close the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

// The report renderer (and the optional chart packages it imports) is loaded only for `report`.
if (process.argv.slice(2).includes('report')) await loadReportRenderer();
process.exitCode = await mainAsync(process.argv.slice(2), processIo());
