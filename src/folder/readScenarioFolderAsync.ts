/**
 * Reading a scenario folder as streams (issue 20 §1): each CSV list through csv-parse's stream
 * API, each record turned into its row as it comes and dropped — the same scenario, and the same
 * refusals, as {@link readScenarioFolder}, without ever holding a file's bytes or its records.
 * {@link readScenarioFolderRows} gives the rows one at a time without building the scenario.
 */
import type { RunPeriodInput } from '../index.js';
import {
  folderLists,
  openScenarioFolder,
  readFolderJson,
  type FolderList,
  type OpenedFolder,
} from './folderContents.js';
import { CSV_CHUNK_BYTES, listRows, type ListOutcome } from './listRows.js';
import { rememberLocations } from './locations.js';
import { folderError } from './problems.js';

/** One row of a list of a scenario folder, as {@link readScenarioFolderRows} gives it. */
export interface ScenarioFolderRow {
  /** The section of the scenario the list is in. */
  readonly section: 'org' | 'data';
  /** The list: `people`, `commissions`, `tickets`, … — the row is `scenario[section][list][index]`. */
  readonly list: string;
  /** The row's index in its list (0-based, in file order). */
  readonly index: number;
  /** The file it was read from: `tickets.csv` or `tickets.ndjson`. */
  readonly file: string;
  /** The line of the file the row starts on (the header is line 1; blank lines count). */
  readonly line: number;
  /** The row, its cells read as the scenario's schema expects them (as {@link readScenarioFolder} reads them). */
  readonly row: Record<string, unknown>;
}

/**
 * The rows of one list of the folder, in file order, in batches; their lines are recorded in the
 * folder's layout — every row's (`allLines`: the scenario is validated later, and any row may be
 * located), or only those of the rows with a problem (the rows are not kept, nor need their lines
 * be: 8 bytes a row, 90 MB at a million people); with every row's, the rows are kept, and a column
 * of person ids holds the people's own strings (`FolderTexts`: a map of the people's ids, not
 * worth its memory when no row is kept). A file refused as a whole sets `outcome.failed`: the rows
 * it gave count for nothing.
 */
async function* readList(
  folder: OpenedFolder,
  list: FolderList,
  outcome: ListOutcome,
  chunkBytes: number,
  allLines: boolean,
): AsyncGenerator<ScenarioFolderRow[]> {
  const { table, file } = list;
  const { issues } = folder.problems;
  const lines: number[] = [];
  let count = 0;
  let seen = issues.length;
  for await (const batch of listRows(list, folder.problems, outcome, chunkBytes, allLines ? folder.texts : undefined)) {
    const first = count;
    const rows = batch.map(({ row, line }) => {
      if (allLines) lines.push(line);
      return { section: table.section, list: table.key, index: count++, file, line, row };
    });
    if (!allLines)
      for (; seen < issues.length; seen++) {
        const index = issues[seen]!.path[2];
        if (typeof index === 'number' && index >= first) lines[index] = batch[index - first]!.line;
      }
    yield rows;
  }
  folder.layout.tables.set(`${table.section}.${table.key}`, { file, lines: outcome.failed ? [] : lines });
}

/**
 * Reads a scenario folder into the input of `runPeriod`, as {@link readScenarioFolder} does, with
 * every list read as a stream: a CSV file through csv-parse's stream parser, 64 KiB at a time, each
 * record turned into its row and dropped; an NDJSON file a chunk at a time. Only the rows are
 * held — never a file's bytes nor its parsed records beside them — so a large folder takes about
 * the memory of its scenario, and a CSV file may be larger than the 500 MiB of a file read whole.
 *
 * The scenario is the same, and so are the refusals: the same issues, in the same order, each
 * located by {@link scenarioFolderLocation} at the same file, line and column. Each CSV file is
 * read twice: once to check it is UTF-8 (and to look for a quoted `""` or `"null"` cell), then to
 * parse it.
 *
 * @param dir - The folder.
 * @returns The scenario, as if read from one JSON file.
 * @throws (the returned promise rejects with) `SynergyPayError` `INVALID_INPUT` for what cannot
 *   be read, as {@link readScenarioFolder}; Node's error for a missing folder.
 * @example
 * ```ts
 * import { runPeriodStream } from 'synergy-pay';
 * import { readScenarioFolderAsync } from 'synergy-pay/folder';
 * const scenario = await readScenarioFolderAsync('q2-2026/');
 * for (const statement of runPeriodStream(scenario).statements) console.log(statement.person, statement.total);
 * ```
 */
export async function readScenarioFolderAsync(dir: string): Promise<RunPeriodInput> {
  return readFolderInChunks(dir, CSV_CHUNK_BYTES);
}

/** {@link readScenarioFolderAsync}, reading `chunkBytes` at a time (the tests cut files into tiny parts). */
export async function readFolderInChunks(dir: string, chunkBytes: number): Promise<RunPeriodInput> {
  const folder = openScenarioFolder(dir);
  const scenario: Record<string, unknown> = {};
  readFolderJson(folder, scenario);
  for (const list of folderLists(folder)) {
    const section = (scenario[list.table.section] ??= {}) as Record<string, unknown>;
    const rows: object[] = [];
    section[list.table.key] = rows;
    const outcome = { failed: false };
    for await (const batch of readList(folder, list, outcome, chunkBytes, true))
      for (const { row } of batch) rows.push(row);
    // Read whole, a refused file gives no rows: the ones read before its refusal are dropped.
    if (outcome.failed) rows.length = 0;
  }
  if (folder.problems.issues.length > 0) throw folderError(folder.problems, folder.layout);
  rememberLocations(scenario, folder.layout);
  return scenario as unknown as RunPeriodInput;
}

/**
 * The rows of a scenario folder's lists, one at a time, without building the scenario: for a
 * reader that routes each row somewhere as it is read (to the shard of its department, to a
 * database) and keeps none. Lists come in schema order (`org` first: departments, people; then
 * `data`: commissions, tickets, …), each list's rows in file order, read as
 * {@link readScenarioFolderAsync} reads them (a CSV file through csv-parse's stream parser, an
 * NDJSON file in chunks). `plan.json`, `period.json` and `scenario.json` are not read: read them
 * with `parseJsonBytes(readInputFile(…))`.
 *
 * Rows are given as they are read; the folder's problems (an unknown file, a bad cell, a CSV
 * syntax error, …) are thrown together after the last row, as one `SynergyPayError` — the
 * issues {@link readScenarioFolder} would throw, less those of the JSON files. Rows given before
 * such an error are not a scenario: a consumer must treat them as provisional until the loop ends.
 * Leaving the loop early closes the file being read.
 *
 * @param dir - The folder.
 * @returns An async iterator of rows, each with its list, its index in the list, its file and line.
 * @throws (the loop throws) `SynergyPayError` `INVALID_INPUT` after the last row, for what cannot
 *   be read, its issues located by {@link scenarioFolderLocation} of the error; at once, for a
 *   path that is not a folder; Node's error for a missing folder.
 * @example
 * ```ts
 * import { readScenarioFolderRows } from 'synergy-pay/folder';
 * const ticketsByUnit = new Map<string, number>();
 * for await (const { list, row } of readScenarioFolderRows('q2-2026/'))
 *   if (list === 'tickets') ticketsByUnit.set(String(row.unit), (ticketsByUnit.get(String(row.unit)) ?? 0) + 1);
 * ```
 */
export async function* readScenarioFolderRows(dir: string): AsyncGenerator<ScenarioFolderRow, void, undefined> {
  const folder = openScenarioFolder(dir);
  for (const list of folderLists(folder))
    for await (const batch of readList(folder, list, { failed: false }, CSV_CHUNK_BYTES, false)) yield* batch;
  if (folder.problems.issues.length > 0) throw folderError(folder.problems, folder.layout);
}
