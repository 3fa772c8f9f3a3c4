/**
 * Reading a list of a scenario folder from an NDJSON file (`tickets.ndjson`): one JSON object per
 * line, read in chunks so that no string of the whole file, nor a list of its lines, is built.
 */
import { closeSync, readSync } from 'node:fs';
import { SynergyPayError } from '../index.js';
import { MAX_INPUT_BYTES, openInputFile } from './files.js';
import { parseJsonLineBytes } from './strictJson.js';

/** How much of an NDJSON file is read at a time: 1 MiB. */
export const NDJSON_CHUNK_BYTES = 1024 * 1024;

/** One line of an NDJSON file: its 1-based number and its bytes (without the line break). */
export interface NdjsonLine {
  readonly line: number;
  /** Valid only until the next line is asked for (the read buffer is reused). */
  readonly bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;

/** Whether a line holds only spaces, tabs and carriage returns (a blank line, skipped). */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== CR) return false;
  return true;
}

/**
 * The non-blank lines of a file, read `chunkBytes` at a time; a line that spans chunks is carried
 * over. LF or CRLF line ends; the last line may end without one.
 *
 * @throws `SynergyPayError` `INVALID_INPUT` for a file that is not regular, or a line longer than
 *   {@link MAX_INPUT_BYTES}; Node's error for a missing file.
 */
export function* ndjsonLines(path: string, chunkBytes = NDJSON_CHUNK_BYTES): Generator<NdjsonLine> {
  const fd = openInputFile(path);
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let carry: Buffer = Buffer.alloc(0);
    let line = 0;
    for (let n = readSync(fd, buffer, 0, chunkBytes, null); n > 0; n = readSync(fd, buffer, 0, chunkBytes, null)) {
      const chunk = buffer.subarray(0, n);
      let start = 0;
      for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
        const part = chunk.subarray(start, end);
        const bytes = carry.length === 0 ? part : Buffer.concat([carry, part]);
        carry = Buffer.alloc(0);
        start = end + 1;
        line++;
        if (!isBlank(bytes)) yield { line, bytes: bytes.at(-1) === CR ? bytes.subarray(0, -1) : bytes };
      }
      // The rest of the chunk starts a line the next chunk ends: copied, as the buffer is reused.
      carry = Buffer.concat([carry, chunk.subarray(start)]);
      if (carry.length > MAX_INPUT_BYTES)
        throw new SynergyPayError([
          { code: 'INVALID_INPUT', path: [], message: `line ${line + 1} is longer than ${MAX_INPUT_BYTES} bytes` },
        ]);
    }
    if (!isBlank(carry)) yield { line: line + 1, bytes: carry.at(-1) === CR ? carry.subarray(0, -1) : carry };
  } finally {
    closeSync(fd);
  }
}

/** A bad line: the path in its row (a duplicate key's) and what is wrong. */
export interface NdjsonProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** What reading an NDJSON file gives: its rows, the line of each, and the problems of bad lines. */
export interface NdjsonRows {
  readonly rows: object[];
  readonly lines: number[];
  /** A bad line: the index of the row it would have been, its path in the row (a duplicate key's), and what is wrong. */
  readonly problems: { readonly index: number; readonly path: (string | number)[]; readonly message: string }[];
}

/**
 * The row of one NDJSON line, parsed strictly ({@link parseJsonLineBytes}: UTF-8, no duplicate
 * keys) and kept as JSON gives it. A bad line (not JSON, or not an object) is an empty row, its
 * problem added to `problems`.
 */
export function ndjsonRow(bytes: Uint8Array, problems: NdjsonProblem[]): object {
  let row: unknown;
  try {
    row = parseJsonLineBytes(bytes);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    const issue = error.issues[0]!;
    problems.push({ path: [...issue.path], message: issue.message });
    row = {};
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    const found = row === null ? 'null' : Array.isArray(row) ? 'an array' : `a ${typeof row}`;
    problems.push({ path: [], message: `expected a JSON object (one row a line), found ${found}` });
    row = {};
  }
  return row as object;
}

/**
 * Reads the rows of an NDJSON file, each line read by {@link ndjsonRow}. A bad line is a problem
 * at the index of the row it would have been, whose line is recorded with the rows'.
 *
 * @throws As {@link ndjsonLines}.
 */
export function readNdjsonRows(path: string, chunkBytes = NDJSON_CHUNK_BYTES): NdjsonRows {
  const result: NdjsonRows = { rows: [], lines: [], problems: [] };
  const bad: NdjsonProblem[] = [];
  for (const { line, bytes } of ndjsonLines(path, chunkBytes)) {
    const index = result.rows.length;
    result.rows.push(ndjsonRow(bytes, bad));
    result.lines.push(line);
    for (const problem of bad.splice(0)) result.problems.push({ index, ...problem });
  }
  return result;
}
