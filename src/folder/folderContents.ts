/**
 * What a scenario folder holds, as both readers (whole, {@link readScenarioFolder}; streamed,
 * {@link readScenarioFolderAsync}) see it: the folder's files, which file gives each list, and the
 * JSON files (`plan.json`, `period.json`, `scenario.json`), small enough to read whole.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SynergyPayError, type IssuePath } from '../index.js';
import { FolderTexts } from './csvRows.js';
import { fileKind, readInputFile } from './files.js';
import type { FolderLayout } from './locations.js';
import { Problems } from './problems.js';
import { parseJsonBytes } from './strictJson.js';
import { PERIOD_FILE, PLAN_FILE, SCENARIO_FILE, scenarioTables, type Table } from './tables.js';

/** The fields of `scenario.json`: every top-level field but the ones with their own files. */
const OWN_FILES: Readonly<Record<string, string>> = {
  plan: PLAN_FILE,
  period: PERIOD_FILE,
  org: 'departments.csv and people.csv',
  data: 'the data CSV (or NDJSON) files',
};

/** A folder being read: its scenario files, the problems found so far, and where each list came from. */
export interface OpenedFolder {
  readonly dir: string;
  /** The names of the folder's scenario files. */
  readonly present: ReadonlySet<string>;
  readonly problems: Problems;
  readonly layout: FolderLayout;
  /** Texts its CSV files share (the people's ids). */
  readonly texts: FolderTexts;
}

/**
 * Opens a scenario folder: lists its files (an unknown `.csv`, `.ndjson` or `.json` file is a
 * problem; a folder with no scenario file at all too).
 *
 * @throws `SynergyPayError` `INVALID_INPUT` for a path that is not a folder; Node's error for a missing one.
 */
export function openScenarioFolder(dir: string): OpenedFolder {
  const stats = statSync(dir);
  if (!stats.isDirectory())
    throw new SynergyPayError([
      { code: 'INVALID_INPUT', path: [], message: `${dir} is ${fileKind(stats)}, not a folder` },
    ]);
  const problems = new Problems();
  const present = folderFiles(dir, problems);
  if (present.size === 0 && problems.issues.length === 0)
    problems.add([], `${dir} is not a scenario folder: it has no plan.json, period.json, CSV or NDJSON file`);
  return { dir, present, problems, layout: { tables: new Map() }, texts: new FolderTexts() };
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

/**
 * Reads the folder's JSON files into `scenario`: `scenario.json`'s fields, then `plan` and
 * `period`; their problems are added at their JSON paths.
 */
export function readFolderJson({ dir, present, problems }: OpenedFolder, scenario: Record<string, unknown>): void {
  if (present.has(SCENARIO_FILE)) readScenarioJson(join(dir, SCENARIO_FILE), scenario, problems);
  for (const [key, file] of [
    ['plan', PLAN_FILE],
    ['period', PERIOD_FILE],
  ] as const)
    if (present.has(file)) scenario[key] = readJson(join(dir, file), file, [key], problems);
}

/** A list of the folder and the file that gives it (its `.csv` or its `.ndjson`). */
export interface FolderList {
  readonly table: Table;
  readonly file: string;
  readonly path: string;
}

/** The folder's lists, in schema order (`org` first, then `data`); a list given by both of its files is a problem, and skipped. */
export function* folderLists({ dir, present, problems }: OpenedFolder): Generator<FolderList> {
  for (const table of scenarioTables()) {
    const file = tableFile(table, present, problems);
    if (file !== undefined) yield { table, file, path: join(dir, file) };
  }
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
