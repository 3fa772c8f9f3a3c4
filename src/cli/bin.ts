#!/usr/bin/env node
/** The `synergy-pay` executable: wires the CLI to the real process. */
import { processIo } from './io.js';
import { main } from './main.js';

// `synergy-pay schema | head`: the reader may close the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

process.exitCode = main(process.argv.slice(2), processIo());
