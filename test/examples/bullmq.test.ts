/**
 * Issue 20 §4, "Must show": the sharded run as jobs of BullMQ on a local Redis server, started by
 * the test, with two worker processes; the merged NDJSON equals the single-process run's, byte for
 * byte. Skipped, saying why, only where no `redis-server` can be found (`.ci/run` installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario, runPeriod } from '../../src/index.js';
import { runInOneProcess, runOnQueue } from '../../examples/bullmq/shards.js';

const redis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
const reason =
  redis.error === undefined
    ? undefined
    : `no redis-server on this machine (${redis.error.message}): apt-get install redis-server`;
if (reason !== undefined) console.warn(`test/examples/bullmq.test.ts skipped: ${reason}`);

/** A free TCP port on this machine. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** A child process's standard output, until `text` appears in it. */
async function until(child: ChildProcess, text: string): Promise<void> {
  let seen = '';
  for await (const chunk of child.stdout!) {
    seen += String(chunk);
    if (seen.includes(text)) return;
  }
  throw new Error(`exited before printing "${text}": ${seen}`);
}

describe.skipIf(reason !== undefined)('the sharded run as BullMQ jobs on Redis', () => {
  const children: ChildProcess[] = [];
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(server);
    await until(server, 'Ready to accept connections');
    for (let w = 0; w < 2; w++) {
      const worker = spawn(
        process.execPath,
        ['--import', 'tsx', 'examples/bullmq/worker.ts', '127.0.0.1', String(port), 'shards-test'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(worker);
      await until(worker, 'ready');
    }
  }, 60_000);
  afterAll(async () => {
    for (const child of children.reverse()) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });

  it('merges to the single-process run, byte for byte', async () => {
    const scenario = demoScenario({ people: 300, seed: 3 });
    const queued = await runOnQueue(scenario, 3, { host: '127.0.0.1', port }, 'shards-test');
    expect(queued.ndjson).toBe(runInOneProcess(scenario));
    const { statements, ...summary } = runPeriod(scenario);
    expect(JSON.stringify(queued.summary)).toBe(JSON.stringify(summary));
    expect(queued.ndjson.split('\n').length - 2).toBe(statements.length);
  }, 120_000);
});
