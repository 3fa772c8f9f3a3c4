/**
 * `synergy-pay run --workers N` (issue 20 §3): the period run in shards by department on a pool
 * of worker threads (piscina). This thread coordinates ({@link shardPeriod}: the whole scenario
 * checked, the mechanisms that read every department run once, the support pool carved and shared
 * over every shard's people, the company-level result merged); each worker runs one shard and
 * writes its statements to a part file; the parts are merged by person id into the NDJSON output,
 * which is byte for byte that of a run in one piece.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  shardPeriod,
  SynergyPayError,
  type RunPeriodInput,
  type RunPeriodSummary,
  type ShardPoolInputs,
} from '../index.js';
import { emptyTally, jsonChunks, type StatementTally } from './format.js';
import { progress, type CliIo } from './io.js';
import type { ShardJob, ShardOutcome } from './shardWorker.js';

/** Person ids in the library's order: by UTF-16 code units (as the statements are). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The default number of workers: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The worker module beside this one (its TypeScript source when run from the sources). */
function workerFile(): string {
  const here = import.meta.url;
  return new URL(`./shardWorker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
}

/**
 * Runs `input` in `workers` shards on as many worker threads; gives the NDJSON text (statements in
 * person id order, then the `{"summary": …}` line) to `write`, piece by piece, and returns the
 * company-level result and the tally of the statements.
 *
 * @throws {@link SynergyPayError} the run's input errors (from the coordinator or a shard).
 */
export async function runOnWorkers(
  input: RunPeriodInput,
  workers: number,
  write: (chunks: Iterable<string | Uint8Array>) => void,
  io: CliIo,
): Promise<{ summary: RunPeriodSummary; tally: StatementTally }> {
  progress(io, `planning ${workers} shards…`);
  const run = shardPeriod(input, workers);
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-shards-'));
  const pool = new Piscina({ filename: workerFile(), minThreads: run.tasks.length, maxThreads: run.tasks.length });
  try {
    const files = run.tasks.map((_, k) => join(dir, `shard-${k}.ndjson`));
    const channels = run.tasks.map(() => new MessageChannel());
    const done = run.tasks.map((task, k) => {
      const job: ShardJob = { task, port: channels[k]!.port2, file: files[k]! };
      return pool.run(job, { transferList: [channels[k]!.port2] }) as Promise<ShardOutcome>;
    });
    progress(io, `running ${run.tasks.length} shards on ${run.tasks.length} workers…`);
    const inputs = await Promise.all(channels.map((channel, k) => poolInputsOf(channel.port1, done[k]!)));
    const shares = run.pools(inputs);
    channels.forEach((channel, k) => {
      channel.port1.postMessage(shares[k]);
      channel.port1.close();
    });
    const outcomes = await Promise.all(done);
    const summaries = outcomes.map(succeeded);
    const summary = run.summary(summaries.map((outcome) => outcome.summary));
    write(mergedLines(files, run.order, summary));
    return { summary, tally: mergeTallies(summaries) };
  } finally {
    await pool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A shard's pool inputs, or its input errors if it stopped before sending them. */
async function poolInputsOf(port: MessageChannel['port1'], done: Promise<ShardOutcome>): Promise<ShardPoolInputs> {
  const message = once(port, 'message').then(([value]) => value as { inputs: ShardPoolInputs });
  const first = await Promise.race([message, done]);
  if ('inputs' in first) return first.inputs;
  succeeded(first);
  throw new Error('a shard ended without its pool inputs');
}

/** The outcome of a shard that succeeded; a shard's input errors are thrown. */
function succeeded(outcome: ShardOutcome): Extract<ShardOutcome, { summary: unknown }> {
  if ('issues' in outcome) throw new SynergyPayError([...outcome.issues]);
  return outcome;
}

/** The shards' tallies added up; score sources in the order of the first statement naming each. */
function mergeTallies(outcomes: readonly Extract<ShardOutcome, { summary: unknown }>[]): StatementTally {
  const tally = emptyTally();
  const firstSeen = new Map<string, string>();
  for (const { tally: part, firstSeen: seen } of outcomes) {
    tally.people += part.people;
    tally.awards += part.awards;
    tally.fallbacks += part.fallbacks;
    tally.pending += part.pending;
    for (const side of ['front', 'middle', 'back'] as const) tally.sides[side] += part.sides[side];
    for (const [source, person] of seen) {
      const known = firstSeen.get(source);
      if (known === undefined || compareIds(person, known) < 0) firstSeen.set(source, person);
    }
  }
  const sources = [...firstSeen].sort(([, a], [, b]) => compareIds(a, b)).map(([source]) => source);
  for (const source of sources)
    tally.bySource.set(
      source,
      outcomes.reduce((sum, { tally: part }) => sum + (part.bySource.get(source) ?? 0), 0),
    );
  return tally;
}

/** The shards' NDJSON parts merged in person id order (`order`: the shard of each statement), then the summary line. */
function* mergedLines(
  files: readonly string[],
  order: Int32Array,
  summary: RunPeriodSummary,
): Generator<string | Uint8Array> {
  const readers = files.map((file) => lineReader(file));
  let batch: Uint8Array[] = [];
  let size = 0;
  for (const shard of order) {
    const line = readers[shard]!.next();
    if (line.done === true) throw new Error(`shard ${shard} gave fewer statements than it has people`);
    batch.push(line.value);
    size += line.value.length;
    if (size >= BATCH) {
      yield Buffer.concat(batch, size);
      batch = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(batch, size);
  yield '{"summary":';
  yield* jsonChunks(summary, 0, '');
  yield '}\n';
}

/** About 1 MB per write. */
const BATCH = 1 << 20;

/** A file's lines as bytes, each with its newline, read 4 MiB at a time (no text decoding: the bytes are copied as they are). */
function* lineReader(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    let carried: Buffer = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 22);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const bytes = carried.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carried, chunk.subarray(0, read)]);
      let start = 0;
      for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
        yield bytes.subarray(start, end + 1);
        start = end + 1;
      }
      carried = Buffer.from(bytes.subarray(start));
    }
    if (carried.length > 0) yield carried;
  } finally {
    closeSync(fd);
  }
}
