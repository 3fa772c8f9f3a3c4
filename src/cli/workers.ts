/**
 * `synergy-pay run --workers N` (issue 20 §3): the period run in shards by department on a pool
 * of worker threads (piscina). This thread coordinates ({@link shardPeriod}: the whole scenario
 * checked, the mechanisms that read every department run once, the support pool carved and shared
 * over every shard's people, the company-level result merged); each worker runs one shard and
 * sends its statements as NDJSON chunks over its port (a spill file beyond a few waiting); the
 * chunks are merged by person id into the NDJSON output as they come, which is byte for byte that
 * of a run in one piece. The JSON result (`--format json`) has the statements in its middle: they
 * are merged into a file of the run's temporary folder, then copied into the result once the
 * summary is known.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  shardPeriod,
  SynergyPayError,
  type PayStatement,
  type RunPeriodInput,
  type RunPeriodSummary,
  type ShardedPeriod,
  type ShardPoolInputs,
  type ShardPoolShare,
} from '../index.js';
import {
  emptyTally,
  jsonChunks,
  LONG_ARRAY,
  runSummary,
  STATEMENTS_CSV_HEADER,
  type StatementTally,
} from './format.js';
import { progress, readScenarioToTake, writeFileAtomically, type CliIo } from './io.js';
import { encoded, summaryLine } from './stream.js';
import { InputProblem, ioError, library } from './problems.js';
import { CHUNK_FLOW, type ChunkFlow, type ShardJob, type ShardOutcome, type StatementChunk } from './shardWorker.js';

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
 * `synergy-pay run <scenario> --workers N` (its `--format` checked by {@link checkWorkersFormat}
 * when the command line was read): the run on N worker threads, its statements written as
 * NDJSON (`--format ndjson`) or CSV (`--format csv`), or only tallied (`--format summary`); the
 * summary printed as `run` prints it. Input errors become {@link InputProblem}s as in a run in one piece.
 */
export async function runWorkersCommand(
  { file, workers, format, out, locale }: WorkersRun,
  io: CliIo,
): Promise<number> {
  // The threads start (and load the library) while this thread reads the scenario.
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  try {
    return await runWorkersOn(pool, { file, workers, format, out, locale }, io);
  } finally {
    await pool.destroy();
  }
}

/** {@link runWorkersCommand} on a started pool of threads. */
async function runWorkersOn(
  pool: Piscina,
  { file, workers, format, out, locale }: WorkersRun,
  io: CliIo,
): Promise<number> {
  // Taken, not kept: the coordinator lets go of the rows its shared mechanisms have read.
  const { take, locate } = readScenarioToTake(file, io);
  const decoder = new TextDecoder();
  const toStdout = (chunks: Iterable<string | Uint8Array>) => {
    for (const chunk of chunks) io.out(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  };
  const lines = format === 'csv' || format === 'json' ? format : 'ndjson';
  const output: WorkersOutput =
    format === 'summary' ? null : out !== undefined ? { file: out, lines } : { write: toStdout, lines };
  let outcome: { summary: RunPeriodSummary; tally: StatementTally };
  try {
    outcome = await runOnWorkers(pool, take, workers, output, io);
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
  if (out !== undefined) io.out(`Wrote ${WRITTEN[lines]} to ${out}\n`);
  return 0;
}

/** What `--out` received, in the words of the run in one piece. */
const WRITTEN = {
  ndjson: 'the statements, then the summary, as NDJSON',
  csv: 'CSV statements',
  json: 'the full result (JSON)',
} as const;

/** Refuses a `--format` the run on workers does not write (before its scenario is read). */
export function checkWorkersFormat(format: string): void {
  if (format !== 'ndjson' && format !== 'csv' && format !== 'json' && format !== 'summary')
    throw new InputProblem(`synergy-pay run --workers: writes --format ndjson, csv, json or summary, not "${format}"`);
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
 * Where the statements go, and as what (`lines`: NDJSON, then the summary line; or CSV, its
 * header first; or the whole result as JSON): a file (written whole or not at all), or `write`
 * (piece by piece), or nowhere (`null`: the summary alone).
 */
export type WorkersOutput =
  | { readonly file: string; readonly lines: StatementLines }
  | { readonly write: (chunks: Iterable<string | Uint8Array>) => void; readonly lines: StatementLines }
  | null;

/** How a run on workers writes its statements. */
type StatementLines = 'ndjson' | 'csv' | 'json';

/**
 * Runs the scenario `input()` gives in `workers` shards on the threads of `pool`; gives the NDJSON
 * text (statements in person id order, then the `{"summary": …}` line) to `write`, piece by piece,
 * and returns the company-level result and the tally of the statements. The scenario comes from a
 * function, so that no frame here holds it while the shards run.
 *
 * @throws {@link SynergyPayError} the run's input errors (from the coordinator or a shard).
 */
export async function runOnWorkers(
  pool: Piscina,
  input: () => RunPeriodInput,
  workers: number,
  output: WorkersOutput,
  io: CliIo,
  flow: ChunkFlow = CHUNK_FLOW,
): Promise<{ summary: RunPeriodSummary; tally: StatementTally }> {
  progress(io, `planning ${workers} shards…`);
  // Taken, not kept: the coordinator lets go of the rows its shared mechanisms have read.
  const run = shardPeriod(input(), workers);
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-shards-'));
  const ports = run.tasks.map(() => new MessageChannel());
  try {
    const shards: Shards = {
      ports: ports.map((channel) => channel.port1),
      spills: run.tasks.map((_, k) => join(dir, `shard-${k}.ndjson`)),
      inFlight: run.tasks.map(() => new Int32Array(new SharedArrayBuffer(4))),
      done: [],
      batch: flow.batch,
    };
    for (const [k, task] of run.tasks.entries()) {
      const job: ShardJob = {
        task,
        port: ports[k]!.port2,
        lines: output === null ? null : output.lines === 'csv' ? 'csv' : 'ndjson',
        inFlight: shards.inFlight[k]!,
        spill: shards.spills[k]!,
        flow,
      };
      shards.done.push(pool.run(job, { transferList: [ports[k]!.port2] }) as Promise<ShardOutcome>);
    }
    progress(io, `running ${run.tasks.length} shards on ${run.tasks.length} workers…`);
    const inputs = await Promise.all(shards.ports.map((port, k) => poolInputsOf(port, shards.done[k]!)));
    const shares = run.pools(inputs);
    progress(io, `support pool shared; ${run.order.length} statements to write…`);
    const merged = join(dir, 'statements.ndjson');
    const finish = (emit: (bytes: Uint8Array | string) => void) =>
      output?.lines === 'json'
        ? finishJson(merged, (into) => finishRun(run, shards, shares, { lines: 'json', emit: into }, io), emit)
        : finishRun(run, shards, shares, output === null ? null : { lines: output.lines, emit }, io);
    if (output === null) return await finish(() => undefined);
    if ('write' in output)
      return await finish((bytes) => {
        output.write([bytes]);
      });
    let result: { summary: RunPeriodSummary; tally: StatementTally } | undefined;
    await writeFileAtomically(output.file, async (fd) => {
      result = await finish((bytes) => {
        writeAll(fd, bytes);
      });
    });
    return result!;
  } finally {
    for (const channel of ports) channel.port1.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The shards on their threads: this thread's end of each one's port, its spill file, its chunks in flight, its outcome. */
interface Shards {
  readonly ports: readonly MessagePort[];
  readonly spills: readonly string[];
  readonly inFlight: readonly Int32Array[];
  readonly done: Promise<ShardOutcome>[];
  /** About how many bytes of the merged statements go to each write. */
  readonly batch: number;
}

/**
 * Phases 4–5: each shard sent its share of the pool; the statements' lines given to `emit` as the
 * shards send them, in person id order (none wanted when `output` is `null`) — after the CSV
 * header, or followed by the NDJSON summary line.
 */
async function finishRun(
  run: ShardedPeriod,
  shards: Shards,
  shares: readonly ShardPoolShare[],
  output: { lines: StatementLines; emit: (bytes: Uint8Array | string) => void } | null,
  io: CliIo,
): Promise<{ summary: RunPeriodSummary; tally: StatementTally }> {
  const emit = output?.emit ?? null;
  if (output?.lines === 'csv') output.emit(STATEMENTS_CSV_HEADER);
  const total = run.order.length;
  let shown = 0;
  const written = (count: number) => {
    // On a terminal: a line at every tenth of the statements written.
    if (count === total || count - shown >= Math.max(1, Math.ceil(total / 10))) {
      progress(io, `${count} of ${total} statements written`);
      shown = count;
    }
  };
  const merged = emit === null ? undefined : mergeChunks(shards, run.order, emit, written);
  shards.ports.forEach((port, k) => {
    port.postMessage(shares[k]);
  });
  shards.done.forEach((done, k) => {
    done.then(
      () => {
        progress(io, `shard ${k + 1} of ${shards.done.length} done`);
      },
      () => undefined,
    );
  });
  const outcomes = (await Promise.all(shards.done)).map(succeeded);
  const { error, count } = (await merged) ?? { error: undefined, count: total };
  if (error !== undefined) throw error;
  if (count !== total) throw new Error('the shards sent fewer statements than they have people');
  const summary = run.summary(outcomes.map((outcome) => outcome.summary));
  if (output?.lines === 'ndjson')
    // About 1 MiB a write: the summary's long lists are many small chunks (one per exclusion).
    for (const piece of encoded(summaryLine(summary))) output.emit(piece);
  return { summary, tally: mergeTallies(outcomes) };
}

/**
 * The run's JSON result, as `run --format json` writes it: `merge` gives the statements' NDJSON
 * lines to `file` (nothing of them held), then the result goes to `emit` with the statements
 * copied from the file into their place (after `departments`, as `runPeriod` orders its result).
 */
async function finishJson(
  file: string,
  merge: (into: (bytes: Uint8Array | string) => void) => Promise<{ summary: RunPeriodSummary; tally: StatementTally }>,
  emit: (bytes: Uint8Array | string) => void,
): Promise<{ summary: RunPeriodSummary; tally: StatementTally }> {
  const fd = openSync(file, 'w');
  let outcome: { summary: RunPeriodSummary; tally: StatementTally };
  try {
    outcome = await merge((bytes) => {
      writeAll(fd, bytes);
    });
  } finally {
    closeSync(fd);
  }
  for (const chunk of resultJson(outcome.summary, file, outcome.tally.people)) emit(chunk);
  return outcome;
}

/** The JSON text of the result (see {@link finishJson}), then a newline; each chunk valid until the next is asked for. */
function* resultJson(summary: RunPeriodSummary, file: string, count: number): Generator<string | Uint8Array> {
  if (count <= LONG_ARRAY) {
    // A short list of statements is written field by field: read them back and write the result as `run` does.
    const statements = readFileSync(file, 'utf8')
      .split('\n')
      .slice(0, count)
      .map((line) => JSON.parse(line) as PayStatement);
    yield* jsonChunks(withStatementsAfter(summary, statements));
  } else {
    yield '{';
    let first = true;
    for (const [key, value] of Object.entries(withStatementsAfter(summary, null))) {
      yield `${first ? '' : ','}\n${JSON.stringify(key)}:`;
      first = false;
      if (key === 'statements') yield* spilledArray(file);
      else yield* jsonChunks(value, 1);
    }
    yield '\n}';
  }
  yield '\n';
}

/** The summary's fields with `statements` after `departments`, where `runPeriod`'s result has them. */
function withStatementsAfter(summary: RunPeriodSummary, statements: PayStatement[] | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (value === undefined) continue;
    result[key] = value;
    if (key === 'departments') result.statements = statements;
  }
  return result;
}

/**
 * A file of NDJSON lines as a long JSON array, as {@link jsonChunks} writes one: `[`, the lines
 * joined by `,` and a line break, `]` — read `size` bytes at a time (1 MiB), each piece a view of
 * one buffer.
 */
export function* spilledArray(file: string, size = BATCH): Generator<string | Uint8Array> {
  yield '[\n';
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    // A line has ended: its separator goes before the next byte (none after the last line).
    let ended = false;
    for (let got = readSync(fd, buffer); got > 0; got = readSync(fd, buffer)) {
      const bytes = buffer.subarray(0, got);
      for (let start = 0; start < got;) {
        if (ended) yield ',\n';
        const end = bytes.indexOf(0x0a, start);
        ended = end !== -1;
        if (!ended) {
          yield bytes.subarray(start);
          break;
        }
        if (end > start) yield bytes.subarray(start, end);
        start = end + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  yield '\n]';
}

/** Writes all of `bytes` (or a string's UTF-8) at the file's position. */
function writeAll(fd: number, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
}

/** A chunk of a shard's statements waiting to be written: its bytes (read from the spill file when needed), where the next line starts. */
interface Waiting {
  bytes: Uint8Array | undefined;
  readonly spilled: number;
  readonly size: number;
  readonly lengths: Int32Array;
  line: number;
  at: number;
}

/**
 * The shards' statement chunks merged in person id order — `order` names the shard of each
 * statement; lines are copied as they are, none parsed — and given to `emit` about 1 MiB at a
 * time, each piece a view of one buffer that is filled again after `emit` returns (`written` told
 * how many so far). Settles when every shard has sent its last chunk, with
 * how many statements were written, or the error that stopped it (a spill file that cannot be
 * read, an output that cannot be written).
 */
function mergeChunks(
  { ports, inFlight, spills, batch: most }: Shards,
  order: Int32Array,
  emit: (bytes: Uint8Array) => void,
  written: (count: number) => void,
): Promise<{ error: Error | undefined; count: number }> {
  const queues: Waiting[][] = ports.map(() => []);
  let next = 0;
  // One buffer, filled again once `emit` has written it: no new bytes a write for the collector to track.
  const batch = new Uint8Array(most);
  let size = 0;
  let ended = 0;
  let error: Error | undefined;
  const flush = () => {
    if (size > 0) emit(batch.subarray(0, size));
    size = 0;
  };
  const drain = () => {
    for (let k = order[next]!, head = queues[k]?.[0]; head !== undefined; k = order[next]!, head = queues[k]?.[0]) {
      head.bytes ??= readSpilled(spills[k]!, head.spilled, head.size);
      const length = head.lengths[head.line++]!;
      const line = head.bytes.subarray(head.at, (head.at += length));
      if (size + length > most) flush();
      if (length > most) emit(line);
      else {
        batch.set(line, size);
        size += length;
      }
      next++;
      if (head.line === head.lengths.length) {
        queues[k]!.shift();
        if (head.spilled < 0) Atomics.sub(inFlight[k]!, 0, 1);
      }
    }
  };
  return new Promise((resolve) => {
    ports.forEach((port, k) =>
      port.on('message', (chunk: StatementChunk) => {
        if ('end' in chunk) ended++;
        else if ('bytes' in chunk)
          queues[k]!.push({
            bytes: chunk.bytes,
            spilled: -1,
            size: chunk.bytes.length,
            lengths: chunk.lengths,
            line: 0,
            at: 0,
          });
        else queues[k]!.push({ bytes: undefined, ...chunk, line: 0, at: 0 });
        try {
          if (error === undefined) drain();
          if (ended === ports.length && error === undefined) flush();
          written(next);
        } catch (thrown) {
          error =
            thrown instanceof Error
              ? thrown
              : new Error('the shards’ statements could not be merged', { cause: thrown });
        }
        if (ended === ports.length) resolve({ error, count: next });
      }),
    );
  });
}

/** `size` bytes of a shard's spill file from `at`. */
function readSpilled(file: string, at: number, size: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(size);
    for (let read = 0; read < size;) {
      const got = readSync(fd, bytes, read, size - read, at + read);
      if (got === 0) throw new Error('a shard spill file ended early');
      read += got;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A shard's pool inputs, or its input errors if it stopped before sending them. */
async function poolInputsOf(port: MessageChannel['port1'], done: Promise<ShardOutcome>): Promise<ShardPoolInputs> {
  const message = once(port, 'message').then(([value]) => value as { inputs: ShardPoolInputs } | { end: true });
  const first = await Promise.race([message, done]);
  if ('inputs' in first) return first.inputs;
  succeeded('end' in first ? await done : first);
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

/** About 1 MiB per write. */
const BATCH = 1 << 20;
