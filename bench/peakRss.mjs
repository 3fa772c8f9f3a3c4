/**
 * Imported into every process of a benchmarked run (`bench/cliRun.mjs` puts it in `NODE_OPTIONS`):
 * when the process exits, appends its peak resident memory (every thread's) as a JSON line to the
 * file `SYNERGY_PAY_PEAK_RSS` names.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.SYNERGY_PAY_PEAK_RSS;
if (file !== undefined)
  process.on('exit', () => {
    const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, maxRssMB })}\n`);
  });
