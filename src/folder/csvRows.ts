/**
 * A CSV file of a scenario folder, record by record: the header row names the columns, each
 * later record becomes a row of the list — the one piece of code that turns csv-parse's records
 * into rows, whether the file was parsed whole ({@link readScenarioFolder}) or as a stream
 * ({@link readScenarioFolderAsync}).
 */
import type { IssuePath } from '../index.js';
import type { Problems } from './problems.js';
import type { Column, Table } from './tables.js';

/** A quoted cell whose text means something else unquoted: `""` (an empty string) and `"null"` (the text). */
export class Quoted {
  constructor(readonly text: string) {}
}

/**
 * csv-parse's options for a scenario folder's CSV file. A quoted `""` or `"null"` cell means
 * something other than an unquoted empty or `null` one; telling them apart needs csv-parse's
 * per-cell context, which makes parsing many times slower, so it is asked for (`quotedSpecial`)
 * only when the file may have such a cell ({@link hasQuotedSpecialCell}).
 */
export function csvOptions(quotedSpecial: boolean) {
  const options = { relax_quotes: true, relax_column_count: true } as const;
  if (!quotedSpecial) return options;
  return {
    ...options,
    // A Quoted in place of a string: csv-parse passes cast values through untouched.
    cast: (value: string, context: { quoting: boolean }) =>
      context.quoting && (value === '' || value === 'null') ? new Quoted(value) : value,
  };
}

/** The UTF-8 byte-order mark's length: a CSV file may start with one (Excel writes it), dropped before parsing. */
export const BOM_BYTES = 3;

/** Whether the bytes start with the UTF-8 byte-order mark. */
export const startsWithBom = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

const QUOTE = 0x22;
const isDelimiter = (byte: number | undefined) => byte === undefined || byte === 0x2c || byte === 0x0a || byte === 0x0d;

/**
 * Whether the bytes may hold a whole cell `""` or `"null"` (a quote pair inside a quoted cell may
 * look like one: then the slow path runs, no harm). `bytes` start at the start of the file (its
 * byte-order mark dropped); for a part of it, see {@link QuotedCellScan}.
 */
export function hasQuotedSpecialCell(bytes: Uint8Array): boolean {
  return quotedSpecialCellIn(bytes, 0, bytes.length);
}

/** Whether a cell `""` or `"null"` may open at a quote in `[from, to)`; the byte before `from` is read (a quote at 0 opens the file). */
function quotedSpecialCellIn(bytes: Uint8Array, from: number, to: number): boolean {
  for (let at = bytes.indexOf(QUOTE, from); at !== -1 && at < to; at = bytes.indexOf(QUOTE, at + 1)) {
    if (!isDelimiter(at === 0 ? undefined : bytes[at - 1])) continue;
    const close = bytes[at + 1] === QUOTE ? at + 1 : matchesNull(bytes, at + 1) ? at + 5 : -1;
    if (close !== -1 && bytes[close] === QUOTE && isDelimiter(bytes[close + 1])) return true;
  }
  return false;
}

const matchesNull = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x6e && bytes[at + 1] === 0x75 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x6c;

/** The longest stretch a cell `"null"` with the delimiters around it spans: `,"null",`. */
const PATTERN_BYTES = 8;

/**
 * {@link hasQuotedSpecialCell} over a file given in parts (from its first byte after the
 * byte-order mark): the same answer for every way of cutting the file. A quote near the end of a
 * part is decided with the next part, which is read with the bytes before it.
 */
export class QuotedCellScan {
  /** The end of the last part, not yet decided, with the byte before it. */
  private rest: Uint8Array = new Uint8Array(0);
  /** Where in `rest` the quotes not yet decided start (0 only at the start of the file). */
  private from = 0;
  found = false;

  /** Looks at the next part (`final`: the file's last; an empty last part ends the scan). */
  push(part: Uint8Array, final = false): void {
    if (this.found) return;
    const bytes = this.rest.length === 0 ? part : Buffer.concat([this.rest, part]);
    const to = final ? bytes.length : Math.max(this.from, bytes.length - PATTERN_BYTES + 1);
    this.found = quotedSpecialCellIn(bytes, this.from, to);
    const keep = Math.max(0, to - 1);
    // Copied: the caller reuses the part's buffer.
    this.rest = Uint8Array.from(bytes.subarray(keep));
    this.from = to - keep;
  }
}

/** The line breaks inside a record's quoted cells (a record spans one line more per break). */
function lineBreaksIn(record: readonly unknown[]): number {
  let breaks = 0;
  for (const cell of record)
    if (typeof cell === 'string')
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
  return breaks;
}

/** A constructor of plain objects (see `CsvRowReader.Row`), a new one for each file so that each learns its own rows' size. */
function plainRowConstructor(): new () => object {
  function Row(): void {}
  Row.prototype = Object.prototype;
  return Row as unknown as new () => object;
}

/** The most distinct texts of a column shared between its rows (see `CsvRowReader`). */
const DISTINCT_TEXTS = 4096;

/** How many of a column's first distinct texts must be people's ids for the column to be read as person ids. */
const PERSON_ID_SHARE = 0.9;

/**
 * Texts shared between the CSV files of one folder: the people's ids, as `people.csv` gives them
 * (read before the data lists), so that a column of person ids — a rating's rater and ratee, a
 * commission's or a deduction's person, a support score's subject — holds the people's own
 * strings rather than a copy a row: 6,200,000 copies of 24 bytes at a million people, held to the
 * end of the run (the ledger's exclusions name the people they concern).
 */
export class FolderTexts {
  /** Each person's id, as `people.csv` gave it (filled while it is read). */
  readonly people = new Map<string, string>();
}

/** A column read as person ids (see `CsvRowReader.share`). */
const PERSON_IDS = 'personIds';

/** One row of a list and the line of its file it starts on. */
export interface ReadRow {
  readonly row: Record<string, unknown>;
  readonly line: number;
}

/**
 * Turns a CSV file's records into rows, one record at a time, in file order: the first record
 * with a non-empty cell is the header (an unknown or repeated column is a problem, and the rest
 * of the file is then ignored), each later one a row, read cell by cell as its column's kind.
 * Blank records (Excel leaves rows of empty cells) are skipped, and counted in line numbers.
 */
export class CsvRowReader {
  private header: Column[] | undefined;
  private refused = false;
  private line = 1;
  /** How many rows have been read. */
  count = 0;
  private readonly at: IssuePath;
  /**
   * This file's rows are made by a constructor of their own, a plain object each (its prototype
   * `Object.prototype`, as `{}`'s): V8 then gives them room for their fields inside the object,
   * as it does an object literal's, where a `{}` given its fields one by one keeps those past
   * the fourth in a second array — 32 bytes more a row of five fields, a third of a gigabyte over
   * the 12 million rows of the 1,000,000-person folder.
   */
  private readonly Row = plainRowConstructor();

  /** Whether this file is `people.csv`: its ids fill `folder.people`. */
  private readonly isPeople: boolean;

  constructor(
    private readonly table: Table,
    private readonly problems: Problems,
    private readonly folder?: FolderTexts,
  ) {
    this.at = [table.section, table.key];
    this.isPeople = table.section === 'org' && table.key === 'people';
  }

  /** The row of one record, or `undefined` for the header, a blank record, or a record with a wrong number of cells. */
  read(record: readonly unknown[]): ReadRow | undefined {
    const start = this.line;
    this.line += 1 + lineBreaksIn(record);
    // Blank lines, and rows of empty cells (Excel leaves them), carry nothing.
    if (this.refused || record.every((cell) => cell === '')) return undefined;
    if (this.header === undefined) {
      this.header = readHeader(record, start, this.table, this.problems);
      this.refused = this.header === undefined;
      return undefined;
    }
    if (record.length !== this.header.length) {
      this.problems.add(this.at, `line ${start} has ${record.length} cells; the header has ${this.header.length}`);
      return undefined;
    }
    const row = new this.Row() as Record<string, unknown>;
    for (let k = 0; k < this.header.length; k++) {
      readCell(record[k], this.header[k]!, row, this.at, this.count, this.problems);
      this.share(row, this.header[k]!.name, k);
    }
    if (this.isPeople && typeof row.id === 'string') this.folder?.people.set(row.id, row.id);
    this.count++;
    return { row, line: start };
  }

  /**
   * Each column's texts seen so far, while it has few distinct ones; once it has many, `null`, or
   * {@link PERSON_IDS} when nearly all of them were people's ids.
   */
  private readonly texts: (Map<string, string> | null | typeof PERSON_IDS)[] = [];

  /** The person id each column of person ids held last (a person's own string). */
  private readonly lastId: (string | undefined)[] = [];

  /**
   * Makes a text cell the same string as the equal texts of its column before it — a department,
   * a unit, a date, a currency repeated on a million rows is then held once, not a million times
   * (the texts are equal either way). A column with more than {@link DISTINCT_TEXTS} distinct
   * texts stops being looked up — unless {@link PERSON_ID_SHARE} of them are people's ids (a
   * column of person ids, with as many distinct texts as people): its texts are then looked up
   * among the people's ids ({@link FolderTexts}); other ids and instants are left as read.
   */
  private share(row: Record<string, unknown>, name: string, k: number): void {
    const value = row[name];
    if (typeof value !== 'string') return;
    let texts = this.texts[k];
    if (texts === undefined) this.texts[k] = texts = new Map();
    if (texts === null) return;
    if (texts === PERSON_IDS) {
      // The same person as the row before (a person's commissions come together): no lookup.
      const last = this.lastId[k];
      const id = last === value ? last : this.folder!.people.get(value);
      if (id !== undefined) row[name] = this.lastId[k] = id;
      return;
    }
    const known = texts.get(value);
    if (known !== undefined) row[name] = known;
    else if (texts.size < DISTINCT_TEXTS) texts.set(value, value);
    else if (this.arePersonIds(texts)) {
      this.texts[k] = PERSON_IDS;
      this.share(row, name, k);
    } else this.texts[k] = null;
  }

  /** Whether a column's first distinct texts are nearly all people's ids (of another file than `people.csv`). */
  private arePersonIds(texts: ReadonlyMap<string, string>): boolean {
    const people = this.folder?.people;
    if (this.isPeople || people === undefined || people.size === 0) return false;
    let ids = 0;
    for (const text of texts.keys()) if (people.has(text)) ids++;
    return ids >= texts.size * PERSON_ID_SHARE;
  }

  /** After the last record: a file without a header row is a problem. */
  end(): void {
    if (this.header === undefined && !this.refused) this.problems.add(this.at, 'no header row (the file is empty)');
  }
}

/** The column of each header cell; an unknown or repeated column is refused. */
function readHeader(record: readonly unknown[], line: number, table: Table, problems: Problems): Column[] | undefined {
  const at: IssuePath = [table.section, table.key];
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const header: Column[] = [];
  const before = problems.issues.length;
  for (const cell of record) {
    const name = cell instanceof Quoted ? cell.text : String(cell);
    const column = byName.get(name);
    if (column === undefined)
      problems.add(
        at,
        `line 1: unknown column "${name}" (the columns are ${table.columns.map((c) => c.name).join(', ')})`,
      );
    else if (header.includes(column)) problems.add(at, `line ${line}: the column "${name}" appears twice`);
    else header.push(column);
  }
  return problems.issues.length === before ? header : undefined;
}

/** Reads one cell into `row` as its column's kind; an empty cell is a missing field. */
function readCell(
  cell: unknown,
  column: Column,
  row: Record<string, unknown>,
  table: IssuePath,
  index: number,
  problems: Problems,
): void {
  if (cell === '') return;
  const quoted = cell instanceof Quoted;
  const text = quoted ? cell.text : (cell as string);
  let value: unknown = text;
  if (!quoted && text === 'null' && column.nullable) value = null;
  else if (column.kind === 'number')
    value = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
  else if (column.kind === 'boolean') value = text === 'true' ? true : text === 'false' ? false : text;
  else if (column.kind === 'json')
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.add([...table, index, column.name], `not JSON (${(error as Error).message})`);
      return;
    }
  row[column.name] = value;
}
