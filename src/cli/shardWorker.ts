/**
 * One shard of `synergy-pay run --workers N`, in a worker thread of the pool (piscina; issue 20
 * §3): runs the shard's task (phase 2), sends its pool inputs to the coordinator over `port` and
 * waits for its share of the pool (phase 3), then writes its statements as NDJSON to `file`, in
 * person id order (phase 4), and returns its summary and a tally of its statements. An input
 * error comes back as `{ issues }` (an error's class does not cross threads).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import {
  runShard,
  SynergyPayError,
  type Issue,
  type ShardPoolShare,
  type ShardSummary,
  type ShardTask,
} from '../index.js';
import { emptyTally, tallyStatement, type StatementTally } from './format.js';

/** What the coordinator gives a worker. */
export interface ShardJob {
  readonly task: ShardTask;
  readonly port: MessagePort;
  /** Where the shard's statements go, one a line. */
  readonly file: string;
}

/** What a worker gives back: its summary and the tally of its statements (with where each score source first appeared), or its input errors. */
export type ShardOutcome =
  | {
      readonly summary: ShardSummary;
      readonly tally: StatementTally;
      readonly firstSeen: Map<string, string>;
      /** Each statement line's length in bytes (with its newline), in order. */
      readonly lengths: Int32Array;
    }
  | { readonly issues: readonly Issue[] };

/** About 64 KB of NDJSON per write (see the CLI's streamed writer). */
const BATCH = 1 << 16;

/** Runs one shard (the worker's task). */
export default async function shardJob({ task, port, file }: ShardJob): Promise<ShardOutcome> {
  try {
    const runner = runShard(task);
    port.postMessage({ inputs: runner.poolInputs });
    const [share] = (await once(port, 'message')) as [ShardPoolShare];
    port.close();
    const stream = runner.finish(share);
    const tally = emptyTally();
    const firstSeen = new Map<string, string>();
    const lengths: number[] = [];
    const fd = openSync(file, 'w');
    try {
      let pending = '';
      for (const statement of stream.statements) {
        tallyStatement(tally, statement);
        for (const source of tally.bySource.keys()) if (!firstSeen.has(source)) firstSeen.set(source, statement.person);
        const line = `${JSON.stringify(statement)}\n`;
        lengths.push(Buffer.byteLength(line));
        pending += line;
        if (pending.length >= BATCH) {
          writeSync(fd, pending);
          pending = '';
        }
      }
      if (pending.length > 0) writeSync(fd, pending);
    } finally {
      closeSync(fd);
    }
    return { summary: stream.summary(), tally, firstSeen, lengths: Int32Array.from(lengths) };
  } catch (error) {
    port.close();
    if (error instanceof SynergyPayError) return { issues: error.issues };
    throw error;
  }
}

/** Where a shard's statements go in the output: the output's descriptor (this process's), and each line's length and position. */
export interface PlaceJob {
  readonly file: string;
  readonly fd: number;
  readonly lengths: Int32Array;
  readonly positions: Float64Array;
}

/**
 * Copies a shard's part file into the output at its statements' positions (`synergy-pay run
 * --workers` with `--out`): consecutive statements in one write; the workers write side by side.
 */
export function place({ file, fd, lengths, positions }: PlaceJob): void {
  const part = openSync(file, 'r');
  try {
    let longest = 0;
    for (const length of lengths) longest = Math.max(longest, length);
    const buffer = Buffer.allocUnsafe(Math.max(1 << 22, longest));
    let held = 0; // bytes of the buffer holding statements read, not yet written
    let first = 0; // the first of them
    let start = 0; // where the run of consecutive statements being gathered starts in the buffer
    let runStart = 0; // its first statement
    const flush = (end: number, until: number) => {
      if (end > start) writeSync(fd, buffer, start, end - start, positions[runStart]);
      start = end;
      runStart = until;
    };
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (held + length > buffer.length) {
        flush(held, i);
        held = 0;
        start = 0;
        first = i;
      }
      if (readSync(part, buffer, held, length, null) !== length) throw new Error('a shard part file ended early');
      if (i > first && positions[i] !== positions[i - 1]! + lengths[i - 1]!) flush(held, i);
      held += length;
    }
    flush(held, lengths.length);
  } finally {
    closeSync(part);
  }
}
