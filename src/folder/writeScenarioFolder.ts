/**
 * Writing a scenario as a folder: the inverse of {@link readScenarioFolder}, byte for byte stable
 * (a folder read and written again is the same bytes).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SynergyPayError, type IssuePath, type RunPeriodInput } from '../index.js';
import { fileKind } from './files.js';
import { PERIOD_FILE, PLAN_FILE, SCENARIO_FILE, scenarioTables, type Column, type Table } from './tables.js';

const refuse = (path: IssuePath, message: string): never => {
  throw new SynergyPayError([{ code: 'INVALID_INPUT', path, message }]);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A cell csv-stringify must quote although it would not: `""` and `"null"` (the text, not null). */
type Cell = string | undefined | { value: string; quoted?: true; quoted_empty?: true };

/** One field as a cell of its column (the inverse of the reader's `readCell`). */
function cellOf(value: unknown, column: Column): Cell {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (column.kind === 'json') return JSON.stringify(value);
    if (value === '') return { value: '', quoted_empty: true };
    if (value === 'null' && column.nullable) return { value, quoted: true };
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return column.kind === 'json' ? JSON.stringify(value) : String(value);
  return JSON.stringify(value);
}

/** A table's rows as CSV: a byte-order mark (Excel then reads UTF-8), a header of every column, CRLF line ends. */
function tableCsv(rows: unknown, table: Table, at: IssuePath): string {
  if (!Array.isArray(rows)) return refuse(at, `expected a list of rows for ${table.file}`);
  const csv = tableCsvWriter(table);
  return csv.header + csv.lines(rows, at);
}

/** A table's CSV in pieces: its header, then the lines of its rows, a batch at a time. */
export interface TableCsvWriter {
  /** The byte-order mark and the header line. */
  readonly header: string;
  /** The lines of the next rows, the first of them at `index` of the list (`at` its path, for a refusal). */
  readonly lines: (rows: readonly unknown[], at: IssuePath, index?: number) => string;
}

/**
 * A table's CSV as {@link writeScenarioFolder} writes it, in pieces (internal: `bench/bigFolder.ts`
 * writes folders too large to hold as one scenario): the header, then any number of batches of
 * rows, make the same bytes as the table written whole.
 *
 * @throws `SynergyPayError` `INVALID_INPUT` from `lines`, for a row that is not an object or has
 *   a field the table has no column for.
 */
export function tableCsvWriter(table: Table): TableCsvWriter {
  const names = new Set(table.columns.map((column) => column.name));
  const options = {
    columns: table.columns.map((column) => column.name),
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    cast: { object: (value: object) => value as unknown as string },
  } as const;
  const lines = (rows: readonly unknown[], at: IssuePath, index = 0) => {
    const records = rows.map((row, k) => {
      if (!isRecord(row)) return refuse([...at, index + k], 'expected an object');
      for (const key of Object.keys(row))
        if (!names.has(key)) refuse([...at, index + k, key], `unknown field: ${table.file} has no column "${key}"`);
      return table.columns.map((column) => cellOf(row[column.name], column));
    });
    return records.length === 0 ? '' : stringify(records, options);
  };
  return { header: stringify([], { ...options, bom: true, header: true }), lines };
}

/** The folder's files and their text, in a fixed order. */
function folderFiles(scenario: RunPeriodInput): [string, string][] {
  if (!isRecord(scenario)) return refuse([], 'expected a scenario object');
  const files: [string, string][] = [];
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const { plan, period, org, data, ...rest } = scenario as unknown as Record<string, unknown>;
  if (plan !== undefined) files.push([PLAN_FILE, json(plan)]);
  if (period !== undefined) files.push([PERIOD_FILE, json(period)]);
  if (Object.keys(rest).length > 0) files.push([SCENARIO_FILE, json(rest)]);
  const sections = { org, data };
  const tables = scenarioTables();
  for (const section of ['org', 'data'] as const) {
    const lists = sections[section];
    if (lists === undefined) continue;
    if (!isRecord(lists)) return refuse([section], 'expected an object of lists');
    for (const key of Object.keys(lists))
      if (!tables.some((table) => table.section === section && table.key === key))
        refuse([section, key], `unknown field: a scenario folder has no ${key}.csv`);
    for (const table of tables)
      if (table.section === section && lists[table.key] !== undefined)
        files.push([table.file, tableCsv(lists[table.key], table, [section, table.key])]);
  }
  return files;
}

/**
 * Writes a scenario as a folder that {@link readScenarioFolder} reads back: `plan.json`,
 * `period.json`, `scenario.json` (only when the scenario has other top-level fields) and a CSV
 * file for each list of `org` and `data` it has. JSON files are indented by two spaces; CSV files
 * start with a UTF-8 byte-order mark (so that Excel reads Chinese text correctly), have a header
 * with every column of their list in schema order, and end lines with CRLF. A folder read and
 * written again is the same bytes.
 *
 * The folder must not exist or be empty (stale files of another scenario would be read back as
 * this one's). It is written whole or not at all: into a temporary folder beside it, renamed into
 * place.
 *
 * @param scenario - The scenario (the input of `runPeriod`). It is not validated, but a field no
 *   folder file can hold is refused.
 * @param dir - The folder to create.
 * @throws `SynergyPayError` `INVALID_INPUT` for a folder that exists and is not empty (or is
 *   not a folder), or a field a folder cannot hold.
 * @example
 * ```ts
 * import { demoScenario } from 'synergy-pay';
 * import { writeScenarioFolder } from 'synergy-pay/folder';
 * writeScenarioFolder(demoScenario({ people: 50 }), 'demo-50/');
 * // demo-50/plan.json, period.json, departments.csv, people.csv, commissions.csv, tickets.csv, …
 * ```
 */
export function writeScenarioFolder(scenario: RunPeriodInput, dir: string): void {
  const target = resolve(dir);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isDirectory())
    refuse([], `${dir} is ${fileKind(existing)}, not a folder: a scenario folder is written to a new or empty folder`);
  if (existing !== undefined && readdirSync(target).length > 0)
    refuse([], `${dir} is not empty: a scenario folder is written to a new or empty folder`);
  const files = folderFiles(scenario);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  mkdirSync(temporary);
  try {
    for (const [name, text] of files) writeFileSync(join(temporary, name), text);
    if (existing !== undefined) rmdirSync(target);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
