/**
 * A worker process of the queued sharded run (`shards.ts`): `node --import tsx
 * examples/bullmq/worker.ts <redis-host> <redis-port> <queue>`. Start as many as you like, on any
 * machine that reaches Redis; each takes one shard job at a time. Stops on SIGTERM or SIGINT after
 * its current job.
 */
import { Worker } from 'bullmq';
import { shardJob, type PoolInputsJob, type StatementsJob } from './shards.js';

const [host = '127.0.0.1', port = '6379', name = 'synergy-pay-shards'] = process.argv.slice(2);
const worker = new Worker<PoolInputsJob | StatementsJob>(name, (job) => Promise.resolve(shardJob(job.name, job.data)), {
  connection: { host, port: Number(port) },
  concurrency: 1,
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => {
    void worker.close().then(() => process.exit(0));
  });
