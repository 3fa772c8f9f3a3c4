/**
 * `synergy-pay run --workers N` (issue 20 §3): the period run in shards by department on a pool
 * of worker threads (piscina). This thread coordinates ({@link shardPeriod}: the whole scenario
 * checked, the mechanisms that read every department run once, the support pool carved and shared
 * over every shard's people, the company-level result merged); each worker runs one shard and
 * writes its statements to a part file; the parts are merged by person id into the NDJSON output,
 * which is byte for byte that of a run in one piece.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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
import { emptyTally, jsonChunks, runSummary, type StatementTally } from './format.js';
import { progress, readScenario, writeFileAtomically, type CliIo } from './io.js';
import { InputProblem, ioError, library } from './problems.js';
import type { PlaceJob, ShardJob, ShardOutcome } from './shardWorker.js';

/** Person ids in the library's order: by UTF-16 code units (as the statements are). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `run --workers` was asked: the scenario, the number of workers, and where and how to write. */
export interface WorkersRun {
  readonly file: string;
  readonly workers: number;
  readonly format: string;
  readonly out: string | undefined;
  readonly locale: string;
}

/**
 * `synergy-pay run <scenario> --workers N`: the run on N worker threads, its statements written as
 * NDJSON (`--format ndjson`) or only tallied (`--format summary`); the summary printed as `run`
 * prints it. Input errors become {@link InputProblem}s as in a run in one piece.
 */
export async function runWorkersCommand(
  { file, workers, format, out, locale }: WorkersRun,
  io: CliIo,
): Promise<number> {
  checkWorkersFormat(format);
  const { value, locate } = readScenario(file, io, true);
  const decoder = new TextDecoder();
  const toStdout = (chunks: Iterable<string | Uint8Array>) => {
    for (const chunk of chunks) io.out(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  };
  const output: WorkersOutput = format === 'summary' ? null : out !== undefined ? { file: out } : { write: toStdout };
  let outcome: { summary: RunPeriodSummary; tally: StatementTally };
  try {
    outcome = await runOnWorkers(value as RunPeriodInput, workers, output, io);
  } catch (error) {
    // A file that cannot be written, as `run` says it; the library's refusals as in a run in one piece.
    if (out !== undefined && (error as NodeJS.ErrnoException).syscall !== undefined)
      throw new InputProblem(`synergy-pay: cannot write ${out}: ${ioError(error)}`);
    return library(
      file,
      () => {
        throw error;
      },
      locate,
    );
  }
  if (format === 'summary' || out !== undefined) io.out(runSummary(outcome.summary, outcome.tally, locale));
  if (out !== undefined) io.out(`Wrote the statements, then the summary, as NDJSON to ${out}\n`);
  return 0;
}

/** Refuses a `--format` the run on workers does not write (before its scenario is read). */
export function checkWorkersFormat(format: string): void {
  if (format !== 'ndjson' && format !== 'summary')
    throw new InputProblem(`synergy-pay run --workers: writes --format ndjson or summary, not "${format}"`);
}

/** `--workers N`: a whole number from 1 to 256; `--workers auto` (or a bare `--workers`), the machine's cores. */
export function workerCount(text: string): number {
  if (text === 'auto') return availableParallelism();
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new InputProblem(`synergy-pay run: --workers must be a whole number from 1 to 256, or auto, not "${text}"`);
  return count;
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
/**
 * Where the NDJSON goes: a file (each worker writes its statements into it at their places), or
 * `write` (the statements merged here, in order), or nowhere (`null`: the summary alone).
 */
export type WorkersOutput =
  { readonly file: string } | { readonly write: (chunks: Iterable<string | Uint8Array>) => void } | null;

export async function runOnWorkers(
  input: RunPeriodInput,
  workers: number,
  output: WorkersOutput,
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
    const lengths = summaries.map((outcome) => outcome.lengths);
    if (output !== null && 'file' in output) {
      progress(io, `writing ${output.file}…`);
      await writeFileAtomically(output.file, (fd) => placeLines(pool, fd, files, lengths, run.order, summary));
    } else output?.write(mergedLines(files, lengths, run.order, summary));
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

/**
 * The shards' NDJSON parts merged in person id order — `order` names the shard of each statement,
 * `lengths` each shard's line lengths: bytes copied as they are, no line read — then the summary line.
 */
function* mergedLines(
  files: readonly string[],
  lengths: readonly Int32Array[],
  order: Int32Array,
  summary: RunPeriodSummary,
): Generator<string | Uint8Array> {
  const readers = files.map((file) => new PartReader(file));
  const next = new Int32Array(files.length);
  let batch: Uint8Array[] = [];
  let size = 0;
  for (const shard of order) {
    const length = lengths[shard]![next[shard]!++]!;
    const line = readers[shard]!.take(length);
    batch.push(line);
    size += length;
    if (size >= BATCH) {
      yield Buffer.concat(batch, size);
      batch = [];
      size = 0;
    }
  }
  for (const reader of readers) reader.close();
  if (size > 0) yield Buffer.concat(batch, size);
  yield '{"summary":';
  yield* jsonChunks(summary, 0, '');
  yield '}\n';
}

/**
 * The output written in place: each shard's statements copied by its worker to their positions
 * (`order` and the lengths give them), side by side; then the summary line after the last.
 */
async function placeLines(
  pool: Piscina,
  fd: number,
  files: readonly string[],
  lengths: readonly Int32Array[],
  order: Int32Array,
  summary: RunPeriodSummary,
): Promise<void> {
  const positions = lengths.map((list) => new Float64Array(list.length));
  const next = new Int32Array(files.length);
  let at = 0;
  for (const shard of order) {
    const i = next[shard]!++;
    positions[shard]![i] = at;
    at += lengths[shard]![i]!;
  }
  await Promise.all(
    files.map((file, k) => {
      const job: PlaceJob = { file, fd, lengths: lengths[k]!, positions: positions[k]! };
      return pool.run(job, { name: 'place' }) as Promise<void>;
    }),
  );
  for (const chunk of ['{"summary":', ...jsonChunks(summary, 0, ''), '}\n']) at += writeSync(fd, chunk, at);
}

/** About 1 MB per write. */
const BATCH = 1 << 20;

/** A part file read front to back in pieces of known length, 4 MiB from the disk at a time. */
class PartReader {
  private readonly fd: number;
  private buffer: Buffer = Buffer.alloc(0);
  private at = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  /** The next `length` bytes. */
  take(length: number): Uint8Array {
    if (this.at + length > this.buffer.length) {
      const rest = this.buffer.subarray(this.at);
      const chunk = Buffer.allocUnsafe(Math.max(1 << 22, length));
      rest.copy(chunk);
      const read = readSync(this.fd, chunk, rest.length, chunk.length - rest.length, null);
      this.buffer = chunk.subarray(0, rest.length + read);
      this.at = 0;
      if (length > this.buffer.length) throw new Error('a shard part file is shorter than its statements');
    }
    const piece = this.buffer.subarray(this.at, this.at + length);
    this.at += length;
    return piece;
  }

  close(): void {
    closeSync(this.fd);
  }
}
