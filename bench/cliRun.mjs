/**
 * One process of `bench/million.bench.ts`: `node bench/cliRun.mjs <bin> <args…>` (plain Node) runs the CLI executable `bin` with the arguments given, as `node <bin> <args…>` would,
 * and prints, on its last line of standard error, the process's peak resident memory (every
 * thread's) as JSON: `{"maxRssMB": …}`.
 */
import { pathToFileURL } from 'node:url';

const [bin, ...args] = process.argv.slice(2);
if (bin === undefined) throw new Error('usage: node bench/cliRun.mjs <bin> <args…>');
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
});
process.argv = [process.argv[0], bin, ...args];
await import(pathToFileURL(bin).href);
