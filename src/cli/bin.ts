#!/usr/bin/env node
/** The `synergy-pay` executable: wires the CLI to the real process. */
import { processIo } from './io.js';
import { main } from './main.js';

process.exitCode = main(process.argv.slice(2), processIo());
