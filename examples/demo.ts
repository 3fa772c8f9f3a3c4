/**
 * The quick-start demo: `npm run demo`. Runs the built-in demo company — seed 001's provincial
 * broadcast network, 5,000 people (60 % front line), Q2 2026 with the 5G plan change on 1 May —
 * and prints the period summary, as `synergy-pay demo` does. Extra arguments are passed on
 * (`npm run demo -- --people 500`, `--format csv --out statements.csv`).
 */
import { processIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

process.exitCode = main(['demo', ...process.argv.slice(2)], processIo());
