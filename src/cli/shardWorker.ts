/**
 * One shard of `synergy-pay run --workers N`, in a worker thread of the pool (piscina; issue 20
 * §3): runs the shard's task (phase 2), sends its pool inputs to the coordinator over `port` and
 * waits for its share of the pool (phase 3), then sends its statements as NDJSON or CSV lines, in
 * person id order, over the same port as they are written (phase 4; see {@link StatementChunk}), and
 * returns its summary and a tally of its statements. An input error comes back as `{ issues }`
 * (an error's class does not cross threads).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import {
  runShard,
  SynergyPayError,
  type Issue,
  type PayStatement,
  type ShardPoolShare,
  type ShardSummary,
  type ShardTask,
} from '../index.js';
import { emptyTally, statementCsvLine, tallyStatement, type StatementTally } from './format.js';

/** A statement's NDJSON line. */
const ndjsonLine = (statement: PayStatement) => `${JSON.stringify(statement)}\n`;

/** What the coordinator gives a worker. */
export interface ShardJob {
  readonly task: ShardTask;
  readonly port: MessagePort;
  /** How the statements are wanted: a JSON line each (`ndjson`), a CSV line each, or not at all (`null`: their tally only). */
  readonly lines: 'ndjson' | 'csv' | null;
  /** Chunks sent and not yet written by the coordinator (one `Int32Array` element, shared). */
  readonly inFlight: Int32Array;
  /** The file a chunk goes to when `flow.inFlight` chunks are waiting already (created when needed). */
  readonly spill: string;
  readonly flow: ChunkFlow;
}

/**
 * How statements travel (see {@link StatementChunk}): about `chunk` bytes of statement lines a
 * chunk, and at most `inFlight` chunks waiting at the coordinator — beyond, a shard writes them to
 * its spill file (the coordinator merges the shards in person id order, and one shard's people may
 * all come after another's), so that neither side waits and memory stays bounded.
 */
export interface ChunkFlow {
  readonly chunk: number;
  readonly inFlight: number;
  /** About how many bytes of the merged statements the coordinator writes at a time. */
  readonly batch: number;
}

/** 1 MiB chunks, 16 waiting at most per shard; 1 MiB writes. */
export const CHUNK_FLOW: ChunkFlow = { chunk: 1 << 20, inFlight: 16, batch: 1 << 20 };

/**
 * Statement lines, as the coordinator receives them: `bytes` (their UTF-8, whole lines) with each
 * line's length, or — when the coordinator was `flow.inFlight` chunks behind — where they were
 * written in the shard's spill file instead; `{ end: true }` after the last.
 */
export type StatementChunk =
  | { readonly bytes: Uint8Array; readonly lengths: Int32Array }
  | { readonly spilled: number; readonly size: number; readonly lengths: Int32Array }
  | { readonly end: true };

/** What a worker gives back: its summary and the tally of its statements (with where each score source first appeared), or its input errors. */
export type ShardOutcome =
  | {
      readonly summary: ShardSummary;
      readonly tally: StatementTally;
      readonly firstSeen: Map<string, string>;
    }
  | { readonly issues: readonly Issue[] };

/** Runs one shard (the worker's task). */
export default async function shardJob({ task, port, lines, inFlight, spill, flow }: ShardJob): Promise<ShardOutcome> {
  try {
    const runner = runShard(task);
    port.postMessage({ inputs: runner.poolInputs });
    const [share] = (await once(port, 'message')) as [ShardPoolShare];
    const stream = runner.finish(share);
    const tally = emptyTally();
    const firstSeen = new Map<string, string>();
    const see = (statement: PayStatement) => {
      tallyStatement(tally, statement);
      for (const source of tally.bySource.keys()) if (!firstSeen.has(source)) firstSeen.set(source, statement.person);
    };
    if (lines !== null)
      sendLines(stream.statements, see, port, {
        lineOf: lines === 'csv' ? statementCsvLine : ndjsonLine,
        inFlight,
        spill,
        flow,
      });
    else for (const statement of stream.statements) see(statement);
    return { summary: stream.summary(), tally, firstSeen };
  } catch (error) {
    if (error instanceof SynergyPayError) return { issues: error.issues };
    throw error;
  } finally {
    port.postMessage({ end: true } satisfies StatementChunk);
  }
}

/** Sends the statements' lines (`lineOf` each) in chunks over `port` (see {@link StatementChunk}). */
function sendLines(
  statements: Iterable<PayStatement>,
  see: (statement: PayStatement) => void,
  port: MessagePort,
  {
    lineOf,
    inFlight,
    spill,
    flow,
  }: Pick<ShardJob, 'inFlight' | 'spill' | 'flow'> & { lineOf: (s: PayStatement) => string },
): void {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(flow.chunk);
  let used = 0;
  let lengths: number[] = [];
  let spillFd = -1;
  let spilled = 0;
  const send = () => {
    if (lengths.length === 0) return;
    const lineLengths = Int32Array.from(lengths);
    if (Atomics.load(inFlight, 0) < flow.inFlight) {
      Atomics.add(inFlight, 0, 1);
      port.postMessage({ bytes: bytes.subarray(0, used), lengths: lineLengths } satisfies StatementChunk, [
        bytes.buffer,
        lineLengths.buffer,
      ]);
      bytes = new Uint8Array(flow.chunk);
    } else {
      if (spillFd < 0) spillFd = openSync(spill, 'w');
      writeSync(spillFd, bytes, 0, used);
      port.postMessage({ spilled, size: used, lengths: lineLengths } satisfies StatementChunk, [lineLengths.buffer]);
      spilled += used;
    }
    used = 0;
    lengths = [];
  };
  try {
    for (const statement of statements) {
      see(statement);
      const line = lineOf(statement);
      let written = encoder.encodeInto(line, bytes.subarray(used));
      if (written.read < line.length) {
        send();
        if (bytes.length < line.length * 3) bytes = new Uint8Array(line.length * 3);
        written = encoder.encodeInto(line, bytes);
      }
      used += written.written;
      lengths.push(written.written);
    }
    send();
  } finally {
    if (spillFd >= 0) closeSync(spillFd);
  }
}
