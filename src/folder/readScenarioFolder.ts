/**
 * Reading a scenario folder whole: `plan.json`, `period.json`, an optional `scenario.json`, and a
 * CSV (or NDJSON) file per list of `org` and `data` (see `tables.ts`), into the `runPeriod` input.
 * {@link readScenarioFolderAsync} reads the same folder as streams.
 */
import { parse } from 'csv-parse/sync';
import { SynergyPayError, type IssuePath, type RunPeriodInput } from '../index.js';
import {
  BOM_BYTES,
  csvOptions,
  CsvRowReader,
  hasQuotedSpecialCell,
  startsWithBom,
  type FolderTexts,
} from './csvRows.js';
import { readInputFile } from './files.js';
import { folderLists, openScenarioFolder, readFolderJson, type FolderList } from './folderContents.js';
import { rememberLocations, type TableLines } from './locations.js';
import { readNdjsonRows } from './ndjson.js';
import { folderError, type Problems } from './problems.js';
import { checkUtf8 } from './strictJson.js';

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
  const folder = openScenarioFolder(dir);
  const scenario: Record<string, unknown> = {};
  readFolderJson(folder, scenario);
  for (const list of folderLists(folder)) {
    const { table, file } = list;
    const section = (scenario[table.section] ??= {}) as Record<string, unknown>;
    const read = file === table.file ? readTable : readNdjsonTable;
    const { rows, lines } = read(list, folder.problems, folder.texts);
    section[table.key] = rows;
    folder.layout.tables.set(`${table.section}.${table.key}`, { file, lines });
  }
  if (folder.problems.issues.length > 0) throw folderError(folder.problems, folder.layout);
  rememberLocations(scenario, folder.layout);
  return scenario as unknown as RunPeriodInput;
}

/**
 * Reads one NDJSON file: its rows as JSON gives them, and the line of each. A bad line is a
 * problem at the row it would have been (located as `tickets.ndjson line 14`).
 */
function readNdjsonTable({ table, path }: FolderList, problems: Problems): { rows: object[]; lines: TableLines } {
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
function readTable(
  { table, path }: FolderList,
  problems: Problems,
  texts: FolderTexts,
): { rows: object[]; lines: TableLines } {
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
  const reader = new CsvRowReader(table, problems, texts);
  for (const record of records) {
    const read = reader.read(record);
    if (read === undefined) continue;
    rows.push(read.row);
    lines.push(read.line);
  }
  reader.end();
  return { rows, lines };
}

/** Parses CSV bytes into records of cells (csv-parse's per-cell context only where it is needed: {@link csvOptions}). */
function parseCsv(file: Uint8Array): unknown[][] {
  // The byte-order mark, dropped here rather than by csv-parse's `bom` option (which costs more).
  const bytes = startsWithBom(file) ? file.subarray(BOM_BYTES) : file;
  return parse(bytes, csvOptions(hasQuotedSpecialCell(bytes)));
}
