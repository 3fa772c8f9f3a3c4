/**
 * One list of a scenario folder read as a stream (issue 20 §1): a CSV file through csv-parse's
 * stream API, each record turned into its row as it comes and then dropped; an NDJSON file a
 * chunk at a time. Neither the file's bytes nor its records are ever held whole — only the rows
 * the caller keeps.
 */
import type { FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse, type Parser } from 'csv-parse';
import { SynergyPayError, type IssuePath } from '../index.js';
import {
  BOM_BYTES,
  csvOptions,
  CsvRowReader,
  QuotedCellScan,
  startsWithBom,
  type FolderTexts,
  type ReadRow,
} from './csvRows.js';
import { openInputHandle } from './files.js';
import type { FolderList } from './folderContents.js';
import { ndjsonLines, ndjsonRow, type NdjsonProblem } from './ndjson.js';
import type { Problems } from './problems.js';
import type { Table } from './tables.js';
import { Utf8Check } from './strictJson.js';

/**
 * How much of a CSV file is read at a time: 64 KiB. A chunk's records wait in the parser's buffer
 * while they are turned into rows; with 1 MiB chunks enough of them outlived two young-generation
 * collections to be promoted, and the old generation's collections took three times as long
 * (the million-person folder read in 51–57 s instead of 36 s).
 */
export const CSV_CHUNK_BYTES = 64 * 1024;

/** NDJSON rows handed up at a time. */
const NDJSON_BATCH = 1024;

/** Set when a list's file was refused as a whole: its rows, read before, count for nothing. */
export interface ListOutcome {
  failed: boolean;
}

/**
 * The rows of one list, in file order, with the line each starts on, in batches (the rows of the
 * records csv-parse has ready, or of a thousand NDJSON lines: one `await` a batch, not a row, for
 * the loops above this one). The problems are those of the file read whole, in the same order: a
 * file refused as a whole (invalid UTF-8, a CSV syntax error, an NDJSON line too long) is that one
 * problem — the problems of its rows found before are taken back, and `outcome.failed` says its
 * rows count for nothing. `texts`: what the folder's CSV files share (the people's ids).
 *
 * @throws `SynergyPayError` for a CSV file that is not a regular file (as the whole-file reader);
 *   Node's error for a missing or unreadable file.
 */
export function listRows(
  list: FolderList,
  problems: Problems,
  outcome: ListOutcome,
  chunkBytes = CSV_CHUNK_BYTES,
  texts?: FolderTexts,
): AsyncIterable<ReadRow[]> | Iterable<ReadRow[]> {
  return list.file === list.table.file
    ? csvRows(list, problems, outcome, chunkBytes, texts)
    : ndjsonRows(list, problems, outcome, chunkBytes);
}

async function* csvRows(
  { table, path }: FolderList,
  problems: Problems,
  outcome: ListOutcome,
  chunkBytes: number,
  texts: FolderTexts | undefined,
): AsyncGenerator<ReadRow[]> {
  const refuse = refuser(table, problems, outcome);
  const handle = await openInputHandle(path);
  try {
    let scan: CsvScan;
    try {
      scan = await scanCsv(handle, chunkBytes);
    } catch (error) {
      if (!(error instanceof SynergyPayError)) throw error;
      refuse(error.issues[0]!.message);
      return;
    }
    const reader = new CsvRowReader(table, problems, texts);
    try {
      const parser = csvRecords(handle, scan, chunkBytes);
      let batch: ReadRow[] = [];
      for await (const record of parser as AsyncIterable<unknown[]>) {
        const read = reader.read(record);
        if (read !== undefined) batch.push(read);
        // The parser has no record ready: the batch goes up while the next chunk is read.
        if (parser.readableLength === 0 && batch.length > 0) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      refuse(error.message);
      return;
    }
    reader.end();
  } finally {
    // Waits for a read still under way (a loop left early).
    await handle.close();
  }
}

/** What a first pass over a CSV file tells: its byte-order mark, and whether it may hold a quoted `""` or `"null"` cell. */
interface CsvScan {
  readonly bom: boolean;
  readonly quotedSpecial: boolean;
}

/**
 * The file's bytes from `start`, `chunkBytes` at a time: each part a new buffer (csv-parse keeps
 * a view of the end of a part it has not finished parsing), or with `reuse` one buffer for all.
 */
async function* fileParts(
  handle: FileHandle,
  start: number,
  chunkBytes: number,
  reuse = false,
): AsyncGenerator<Buffer> {
  const shared = reuse ? Buffer.allocUnsafe(chunkBytes) : undefined;
  for (let position = start; ;) {
    const buffer = shared ?? Buffer.allocUnsafe(chunkBytes);
    const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * Reads a CSV file once before it is parsed, as the whole-file reader looks at its bytes first:
 * checks it is UTF-8 ({@link Utf8Check}, the same refusal as for the file read whole), and scans
 * it for a quoted `""` or `"null"` cell (csv-parse's slower per-cell context is asked for only
 * then). Costs a second read of the file, no parsing.
 *
 * @throws `SynergyPayError` `INVALID_INPUT` for a file that is not UTF-8.
 */
async function scanCsv(handle: FileHandle, chunkBytes: number): Promise<CsvScan> {
  const scan = new CsvScanner();
  // One buffer: the checks copy what they keep of a part.
  for await (const part of fileParts(handle, 0, chunkBytes, true)) scan.push(part);
  return scan.end();
}

/** The checks of {@link scanCsv}, over the file's parts. */
class CsvScanner {
  private readonly utf8 = new Utf8Check();
  private readonly quoted = new QuotedCellScan();
  /** The first bytes, gathered until they tell whether the file starts with a byte-order mark. */
  private start: Uint8Array | undefined = new Uint8Array(0);
  private bom = false;

  push(part: Uint8Array): void {
    this.utf8.push(part);
    if (this.start === undefined) this.quoted.push(part);
    else {
      this.start = Buffer.concat([this.start, part]);
      if (this.start.length >= BOM_BYTES) this.quoted.push(this.afterStart(this.start));
    }
  }

  end(): CsvScan {
    this.utf8.end();
    this.quoted.push(this.start === undefined ? new Uint8Array(0) : this.afterStart(this.start), true);
    return { bom: this.bom, quotedSpecial: this.quoted.found };
  }

  /** The first bytes without the byte-order mark (the quotes are looked for after it, as csv-parse reads them). */
  private afterStart(start: Uint8Array): Uint8Array {
    this.bom = startsWithBom(start);
    this.start = undefined;
    return start.subarray(this.bom ? BOM_BYTES : 0);
  }
}

/** The file's records, parsed by csv-parse's stream (a Transform) as the file is read: loop over it with `for await`. */
function csvRecords(handle: FileHandle, scan: CsvScan, chunkBytes: number): Parser {
  const source = Readable.from(fileParts(handle, scan.bom ? BOM_BYTES : 0, chunkBytes), { objectMode: false });
  const parser = parse(csvOptions(scan.quotedSpecial));
  // An error of either ends both, and the loop over the parser throws it.
  pipeline(source, parser, () => undefined);
  return parser;
}

/** An NDJSON file's rows, read a chunk at a time as the whole-file reader reads them (synchronously, as it does). */
function* ndjsonRows(
  { table, path }: FolderList,
  problems: Problems,
  outcome: ListOutcome,
  chunkBytes: number,
): Generator<ReadRow[]> {
  const at: IssuePath = [table.section, table.key];
  const refuse = refuser(table, problems, outcome);
  const bad: NdjsonProblem[] = [];
  let index = 0;
  try {
    let batch: ReadRow[] = [];
    for (const { line, bytes } of ndjsonLines(path, chunkBytes)) {
      const row = ndjsonRow(bytes, bad) as Record<string, unknown>;
      for (const problem of bad.splice(0)) problems.add([...at, index, ...problem.path], problem.message);
      index++;
      batch.push({ row, line });
      if (batch.length === NDJSON_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    refuse(error.issues[0]!.message);
  }
}

/**
 * How a list's file is refused as a whole (a CSV syntax error, a file that is not UTF-8): the
 * problems its rows raised until then forgotten, the one problem added, `outcome.failed` set.
 */
function refuser({ section, key }: Table, problems: Problems, outcome: ListOutcome): (message: string) => void {
  const mark = problems.mark();
  return (message) => {
    problems.rollBack(mark);
    problems.add([section, key], message);
    outcome.failed = true;
  };
}
