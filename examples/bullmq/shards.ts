/**
 * A sharded period run as jobs of BullMQ on a Redis server (issue 20 §4; docs/scale.md, "Past one
 * machine"): the coordinator plans the shards ({@link shardPeriod}) and queues one job per shard
 * and phase; worker processes (`worker.ts`, as many as you start, on any machine that reaches
 * Redis) run them with {@link runShard}. No scheduler or transport of our own: BullMQ queues,
 * retries and hands out the jobs; every message is a job's data or return value.
 *
 * The messages are the library's structured-clonable data written with `node:v8`'s serializer
 * (BigInt amounts, maps) and sent as base64 text in the jobs' JSON. A shard job is a pure function
 * of its data: the statements job runs the shard's phase 2 again from its task rather than
 * keeping state between jobs (a worker may die between them; BullMQ gives the job to another).
 */
import { deserialize, serialize } from 'node:v8';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import {
  runPeriodStream,
  runShard,
  shardPeriod,
  type RunPeriodInput,
  type RunPeriodSummary,
  type ShardPoolInputs,
  type ShardPoolShare,
  type ShardSummary,
  type ShardTask,
} from '../../src/index.js';

/** A message as job data: the library's data through `node:v8`'s serializer, as base64. */
export const pack = (value: unknown): string => serialize(value).toString('base64');
export const unpack = (text: string): unknown => deserialize(Buffer.from(text, 'base64'));

/** The data of the two kinds of job. */
export interface PoolInputsJob {
  readonly task: string;
}
export interface StatementsJob {
  readonly task: string;
  readonly share: string;
}
/** What a statements job returns: the shard's statements as NDJSON, and its summary. */
export interface StatementsResult {
  readonly ndjson: string;
  readonly summary: string;
}

/** The run's NDJSON (statements in person id order, then `{"summary": …}`) and its summary. */
export interface QueuedRun {
  readonly ndjson: string;
  readonly summary: RunPeriodSummary;
}

/**
 * Runs `scenario` in `shards` shards as jobs of the BullMQ queue `name` (workers must be listening:
 * `worker.ts`); the NDJSON it returns is `synergy-pay run --format ndjson`'s, byte for byte.
 */
export async function runOnQueue(
  scenario: RunPeriodInput,
  shards: number,
  connection: ConnectionOptions,
  name: string,
): Promise<QueuedRun> {
  const run = shardPeriod(scenario, shards); // phases 0–1: checks, shared runs, the shards' rows
  const queue = new Queue(name, { connection });
  const events = new QueueEvents(name, { connection });
  await events.waitUntilReady();
  try {
    const finished = async <T>(jobName: string, data: object): Promise<T> => {
      const job = await queue.add(jobName, data, { attempts: 3 });
      return (await job.waitUntilFinished(events)) as T;
    };
    const tasks = run.tasks.map((task) => pack(task));
    // Phase 2 on the workers: every shard's pool inputs.
    const inputs = await Promise.all(
      tasks.map(async (task) => unpack(await finished<string>('pool-inputs', { task })) as ShardPoolInputs),
    );
    // Phase 3 here: the pool carved and shared over every shard; phase 4 on the workers.
    const shares = run.pools(inputs);
    const results = await Promise.all(
      tasks.map((task, k) => finished<StatementsResult>('statements', { task, share: pack(shares[k]) })),
    );
    // Phase 5 here: the company-level result, and the statements merged in person id order.
    const summary = run.summary(results.map((result) => unpack(result.summary) as ShardSummary));
    const lines = results.map((result) => result.ndjson.split('\n'));
    const next = lines.map(() => 0);
    let ndjson = '';
    for (const shard of run.order) {
      const line = next[shard]!;
      next[shard] = line + 1;
      ndjson += `${lines[shard]![line]}\n`;
    }
    return { ndjson: `${ndjson}${JSON.stringify({ summary })}\n`, summary };
  } finally {
    await events.close();
    await queue.close();
  }
}

/** The same run in one process, as NDJSON (what the queued run is checked against). */
export function runInOneProcess(scenario: RunPeriodInput): string {
  const run = runPeriodStream(scenario);
  let ndjson = '';
  for (const statement of run.statements) ndjson += `${JSON.stringify(statement)}\n`;
  return `${ndjson}${JSON.stringify({ summary: run.summary() })}\n`;
}

/** A shard's job, run by a worker: its pool inputs (phase 2), or its statements and summary (phases 2 and 4). */
export function shardJob(jobName: string, data: PoolInputsJob | StatementsJob): string | StatementsResult {
  const runner = runShard(unpack(data.task) as ShardTask);
  if (jobName === 'pool-inputs') return pack(runner.poolInputs);
  const stream = runner.finish(unpack((data as StatementsJob).share) as ShardPoolShare);
  let ndjson = '';
  for (const statement of stream.statements) ndjson += `${JSON.stringify(statement)}\n`;
  return { ndjson: ndjson.slice(0, -1), summary: pack(stream.summary()) };
}
