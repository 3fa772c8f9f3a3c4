/**
 * Reading a scenario folder: `plan.json`, `period.json`, an optional `scenario.json`, and a CSV
 * file per list of `org` and `data` (see `tables.ts`), into the `runPeriod` input.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SynergyPayError, type Issue, type IssuePath, type RunPeriodInput } from '../index.js';
import { fileKind, readInputFile } from './files.js';
import { rememberLocations, type FolderLayout, type TableLines } from './locations.js';
import { readNdjsonRows } from './ndjson.js';
import { checkUtf8, parseJsonBytes } from './strictJson.js';
import { PERIOD_FILE, PLAN_FILE, SCENARIO_FILE, scenarioTables, type Column, type Table } from './tables.js';

/** A quoted cell whose text means something else unquoted: `""` (an empty string) and `"null"` (the text). */
class Quoted {
  constructor(readonly text: string) {}
}

const MAX_ISSUES = 200;

/** The issues found while reading, thrown together. */
class Problems {
  readonly issues: Issue[] = [];
  add(path: IssuePath, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code: 'INVALID_INPUT', path, message });
  }
}

/** The fields of `scenario.json`: every top-level field but the ones with their own files. */
const OWN_FILES: Readonly<Record<string, string>> = {
  plan: PLAN_FILE,
  period: PERIOD_FILE,
  org: 'departments.csv and people.csv',
  data: 'the data CSV (or NDJSON) files',
};

/**
 * Reads a scenario folder into the input of `runPeriod`.
 *
 * The folder holds `plan.json` (the plan), `period.json` (the period), optionally `scenario.json`
 * (the other top-level fields: `trace`, `asOf`, `controls`, `$schema`), and one CSV file per list
 * of `org` and `data`, named after it: `departments.csv`, `people.csv`, `commissions.csv`,
 * `deductions.csv`, `tickets.csv`, `ratings.csv`, … (a missing file is a missing list). Each CSV
 * has a header row naming its columns (the fields of its rows, any subset, any order); a cell is
 * read as the scenario's schema expects: as text for fields that take a string (ids, dates,
 * decimals — a decimal stays exactly as written), as a number or boolean for fields that take only
 * those, as JSON for a nested field (a ticket's `pauses`, a revenue fact's `members`). An empty
 * cell is a missing field; `""` is an empty string; a bare `null` is null where the field
 * accepts it. UTF-8 with or without a byte-order mark, Excel's dialect (commas, CRLF or LF, quoted
 * fields with doubled quotes); blank rows are skipped.
 *
 * A list may instead be an NDJSON file (`tickets.ndjson`: one JSON object a line, blank lines
 * skipped), read in chunks, each line parsed strictly and kept as JSON gives it; a folder with
 * both files of one list is refused.
 *
 * The folder is read, not validated: `runPeriod` validates the scenario, and
 * {@link scenarioFolderLocation} turns the path of each issue it reports into a file, a line and
 * a column (`commissions.csv line 14 column amount`).
 *
 * @param dir - The folder.
 * @returns The scenario, as if read from one JSON file.
 * @throws `SynergyPayError` `INVALID_INPUT` for a file that cannot be read as CSV or JSON, a
 *   line of an NDJSON file that is not a JSON object, an unknown file or column, both files of a
 *   list, or a JSON cell that is not JSON (each issue with its JSON path;
 *   {@link scenarioFolderLocation} of the error locates it); Node's error for a missing folder.
 * @example
 * ```ts
 * import { runPeriod, SynergyPayError } from 'synergy-pay';
 * import { readScenarioFolder, scenarioFolderLocation } from 'synergy-pay/folder';
 * const scenario = readScenarioFolder('q2-2026/');
 * try {
 *   runPeriod(scenario);
 * } catch (error) {
 *   if (error instanceof SynergyPayError)
 *     for (const issue of error.issues) console.log(scenarioFolderLocation(scenario, issue.path), issue.message);
 * }
 * ```
 */
export function readScenarioFolder(dir: string): RunPeriodInput {
  const stats = statSync(dir);
  const layout: FolderLayout = { tables: new Map() };
  const problems = new Problems();
  if (!stats.isDirectory())
    throw new SynergyPayError([
      { code: 'INVALID_INPUT', path: [], message: `${dir} is ${fileKind(stats)}, not a folder` },
    ]);
  const present = folderFiles(dir, problems);
  if (present.size === 0 && problems.issues.length === 0)
    problems.add([], `${dir} is not a scenario folder: it has no plan.json, period.json, CSV or NDJSON file`);
  const scenario: Record<string, unknown> = {};
  if (present.has(SCENARIO_FILE)) readScenarioJson(join(dir, SCENARIO_FILE), scenario, problems);
  for (const [key, file] of [
    ['plan', PLAN_FILE],
    ['period', PERIOD_FILE],
  ] as const)
    if (present.has(file)) scenario[key] = readJson(join(dir, file), file, [key], problems);
  for (const table of scenarioTables()) {
    const file = tableFile(table, present, problems);
    if (file === undefined) continue;
    const section = (scenario[table.section] ??= {}) as Record<string, unknown>;
    const read = file === table.file ? readTable : readNdjsonTable;
    const { rows, lines } = read(join(dir, file), table, problems);
    section[table.key] = rows;
    layout.tables.set(`${table.section}.${table.key}`, { file, lines });
  }
  if (problems.issues.length > 0) {
    const error = new SynergyPayError(problems.issues);
    rememberLocations(error, layout);
    throw error;
  }
  rememberLocations(scenario, layout);
  return scenario as unknown as RunPeriodInput;
}

/** The file a table is read from: its `.csv` or its `.ndjson` (both present: refused), or none. */
function tableFile(table: Table, present: ReadonlySet<string>, problems: Problems): string | undefined {
  const csv = present.has(table.file);
  const ndjson = present.has(table.ndjsonFile);
  if (csv && ndjson)
    problems.add(
      [table.section, table.key],
      `both ${table.file} and ${table.ndjsonFile} are in the folder: give the list ${table.key} in one of them`,
    );
  return csv && ndjson ? undefined : csv ? table.file : ndjson ? table.ndjsonFile : undefined;
}

/**
 * The folder's scenario files; an unknown `.csv`, `.ndjson` or `.json` file is refused (a misspelt
 * name would be data silently left out).
 */
function folderFiles(dir: string, problems: Problems): Set<string> {
  const tables = scenarioTables().flatMap((table) => [table.file, table.ndjsonFile]);
  const known = new Set([PLAN_FILE, PERIOD_FILE, SCENARIO_FILE, ...tables]);
  const present = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    // Hidden files and Excel's lock files (`~$people.csv`) are not the scenario's.
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    if (known.has(name)) present.add(name);
    else if (/\.(csv|ndjson|json)$/i.test(name))
      problems.add([], `${name}: not a file of a scenario folder (expected ${[...known].join(', ')})`);
  }
  return present;
}

function readJson(path: string, file: string, at: IssuePath, problems: Problems): unknown {
  try {
    return parseJsonBytes(readInputFile(path));
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    // plan.json and period.json are located by their paths; scenario.json (the root) by name.
    const prefix = at.length === 0 ? `${file}: ` : '';
    for (const issue of error.issues) problems.add([...at, ...issue.path], `${prefix}${issue.message}`);
    return undefined;
  }
}

function readScenarioJson(path: string, scenario: Record<string, unknown>, problems: Problems): void {
  const value = readJson(path, SCENARIO_FILE, [], problems);
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add([], `${SCENARIO_FILE}: expected an object of top-level scenario fields`);
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    const own = OWN_FILES[key];
    if (own === undefined) scenario[key] = field;
    else problems.add([key], `${SCENARIO_FILE}: "${key}" belongs in ${own}, not in ${SCENARIO_FILE}`);
  }
}

/**
 * Reads one NDJSON file: its rows as JSON gives them, and the line of each. A bad line is a
 * problem at the row it would have been (located as `tickets.ndjson line 14`).
 */
function readNdjsonTable(path: string, table: Table, problems: Problems): { rows: object[]; lines: TableLines } {
  const at: IssuePath = [table.section, table.key];
  try {
    const { rows, lines, problems: bad } = readNdjsonRows(path);
    for (const problem of bad) problems.add([...at, problem.index, ...problem.path], problem.message);
    return { rows, lines };
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    problems.add(at, error.issues[0]!.message);
    return { rows: [], lines: [] };
  }
}

/** Reads one CSV file: its rows as objects, and the line each row starts on. */
function readTable(path: string, table: Table, problems: Problems): { rows: object[]; lines: TableLines } {
  const at: IssuePath = [table.section, table.key];
  const bytes = readInputFile(path);
  let records: unknown[][];
  try {
    checkUtf8(bytes);
    records = parseCsv(bytes);
  } catch (error) {
    problems.add(at, error instanceof SynergyPayError ? error.issues[0]!.message : (error as Error).message);
    return { rows: [], lines: [] };
  }
  const rows: object[] = [];
  const lines: number[] = [];
  let header: Column[] | undefined;
  let line = 1;
  for (const record of records) {
    const start = line;
    line += 1 + lineBreaksIn(record);
    // Blank lines, and rows of empty cells (Excel leaves them), carry nothing.
    if (record.every((cell) => cell === '')) continue;
    if (header === undefined) {
      header = readHeader(record, start, table, problems);
      if (header === undefined) return { rows: [], lines: [] };
    } else if (record.length !== header.length)
      problems.add(at, `line ${start} has ${record.length} cells; the header has ${header.length}`);
    else {
      const row: Record<string, unknown> = {};
      for (let k = 0; k < header.length; k++) readCell(record[k], header[k]!, row, at, rows.length, problems);
      rows.push(row);
      lines.push(start);
    }
  }
  if (header === undefined) problems.add(at, 'no header row (the file is empty)');
  return { rows, lines };
}

/**
 * Parses CSV bytes into records of cells. A quoted `""` or `"null"` cell means something other
 * than an unquoted empty or `null` one; telling them apart needs csv-parse's per-cell context,
 * which makes parsing many times slower, so it is asked for only when the file has such a cell.
 */
function parseCsv(file: Uint8Array): unknown[][] {
  const options = { relax_quotes: true, relax_column_count: true } as const;
  // The byte-order mark, dropped here rather than by csv-parse's `bom` option (which costs more).
  const bytes = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? file.subarray(3) : file;
  if (!hasQuotedSpecialCell(bytes)) return parse(bytes, options);
  return parse(bytes, {
    ...options,
    // A Quoted in place of a string: csv-parse passes cast values through untouched.
    cast: (value, context) => (context.quoting && (value === '' || value === 'null') ? new Quoted(value) : value),
  });
}

const QUOTE = 0x22;
const isDelimiter = (byte: number | undefined) => byte === undefined || byte === 0x2c || byte === 0x0a || byte === 0x0d;

/** Whether the bytes may hold a whole cell `""` or `"null"` (a quote pair inside a quoted cell may look like one: then the slow path runs, no harm). */
function hasQuotedSpecialCell(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(QUOTE); at !== -1; at = bytes.indexOf(QUOTE, at + 1)) {
    if (!isDelimiter(at === 0 ? undefined : bytes[at - 1])) continue;
    const close = bytes[at + 1] === QUOTE ? at + 1 : matchesNull(bytes, at + 1) ? at + 5 : -1;
    if (close !== -1 && bytes[close] === QUOTE && isDelimiter(bytes[close + 1])) return true;
  }
  return false;
}

const matchesNull = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x6e && bytes[at + 1] === 0x75 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x6c;

/** The line breaks inside a record's quoted cells (a record spans one line more per break). */
function lineBreaksIn(record: readonly unknown[]): number {
  let breaks = 0;
  for (const cell of record)
    if (typeof cell === 'string')
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
  return breaks;
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
