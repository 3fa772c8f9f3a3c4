/**
 * A streamed period run at the command line (issue 20): statements written as they come — NDJSON,
 * one statement a line, then one `{"summary": …}` line; or CSV, one row a person — while the
 * summary printed at the end reads only a tally of them. No more than one statement is held.
 */
import type { PayStatement, RunPeriodStream, RunPeriodSummary } from '../index.js';
import {
  emptyTally,
  jsonChunks,
  runSummary,
  statementsCsvLines,
  tallyStatement,
  type StatementTally,
} from './format.js';
import { writeOut, type CliIo } from './io.js';
import { library, type Locate } from './problems.js';

/** How a streamed run is written: `format` summary, csv or ndjson; `out` a file (or stdout); `locale` of the summary. */
export interface StreamOptions {
  readonly format: string;
  readonly out: string | undefined;
  readonly locale: string;
}

/**
 * The stream with the library's refusals turned into input problems naming `what` (as
 * {@link library} does for a whole run): a declared control total that disagrees, a blocked
 * finding — raised when the last statement is out — exit 2 like any refused input.
 */
export function checkedStream(run: RunPeriodStream, what: string, locate?: Locate): RunPeriodStream {
  const statements: IterableIterator<PayStatement> = {
    next: () => library(what, () => run.statements.next(), locate),
    [Symbol.iterator]: () => statements,
  };
  return { statements, summary: () => library(what, () => run.summary(), locate) };
}

/**
 * Writes a streamed run: with `out`, the statements (NDJSON or CSV) to the file, whole or not at
 * all, then the summary on stdout; without, the statements on stdout (or, for `summary`, the
 * summary only). `look` sees every statement as it goes by (the demo keeps one to explain).
 * Returns the company-level result and the tally of the statements.
 */
export function writeStream(
  run: RunPeriodStream,
  { format, out, locale }: StreamOptions,
  io: CliIo,
  look?: (statement: PayStatement) => void,
): { summary: RunPeriodSummary; tally: StatementTally } {
  const tally = emptyTally();
  const statements = watched(run.statements, (statement) => {
    tallyStatement(tally, statement);
    look?.(statement);
  });
  if (format === 'summary') for (const _statement of statements);
  else {
    const lines = format === 'csv' ? statementsCsvLines(statements) : ndjsonLines(statements, run);
    if (out === undefined) for (const chunk of batched(lines)) io.out(chunk);
    else writeOut(out, encoded(lines), io, true);
  }
  const summary = run.summary();
  if (format === 'summary' || out !== undefined) io.out(runSummary(summary, tally, locale));
  if (out !== undefined)
    io.out(`Wrote ${format === 'csv' ? 'CSV statements' : 'the statements, then the summary, as NDJSON'} to ${out}\n`);
  return { summary, tally };
}

/** The statements, each shown to `see` as it goes by. */
function* watched(statements: Iterable<PayStatement>, see: (statement: PayStatement) => void): Generator<PayStatement> {
  for (const statement of statements) {
    see(statement);
    yield statement;
  }
}

/**
 * NDJSON: one statement a line, in person id order, then the company-level result as the last
 * line, `{"summary": …}` (written when the run's checks have held: a file without it is not a
 * complete run). The summary's long lists are written piece by piece, on the same line.
 */
export function* ndjsonLines(statements: Iterable<PayStatement>, run: RunPeriodStream): Generator<string> {
  for (const statement of statements) yield `${JSON.stringify(statement)}\n`;
  yield* summaryLine(run.summary());
}

/** The NDJSON line of the company-level result, `{"summary": …}`, in chunks (its long lists piece by piece). */
export function* summaryLine(summary: RunPeriodSummary): Generator<string> {
  yield '{"summary":';
  yield* jsonChunks(summary, 0, '');
  yield '}\n';
}

/**
 * About 64 KB of text per write (ten statements or so): fewer system calls than a write per
 * statement, and short-lived enough for the young generation — batches of 1 MB kept a thousand
 * statements' JSON alive long enough to be promoted, and doubled the peak memory of a streamed run.
 */
const BATCH = 1 << 16;

/** The chunks joined into pieces of about {@link BATCH} characters. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= BATCH) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** About 1 MiB of UTF-8 per write to a file. */
const BYTES = 1 << 20;

/**
 * The chunks' UTF-8 in pieces of about {@link BYTES} bytes, each a view of one buffer that is
 * filled again once the next piece is asked for (a file write reads it before): each text is
 * encoded once, into the buffer, and is garbage at once — no joined text, no buffer a write.
 */
export function* encoded(chunks: Iterable<string>, size = BYTES): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(size);
  let used = 0;
  for (const chunk of chunks) {
    const { read, written } = encoder.encodeInto(chunk, buffer.subarray(used));
    if (read === chunk.length) {
      used += written;
      continue;
    }
    // It does not fit: what the buffer holds goes first, then the chunk, in the buffer if it fits
    // (3 bytes at most per UTF-16 code unit), else on its own.
    if (used > 0) yield buffer.subarray(0, used);
    if (chunk.length * 3 > size) {
      used = 0;
      yield encoder.encode(chunk);
    } else used = encoder.encodeInto(chunk, buffer).written;
  }
  if (used > 0) yield buffer.subarray(0, used);
}
