/**
 * Where each part of a folder scenario came from, so that an issue's JSON path
 * (`["data", "commissions", 12, "amount"]`) can be shown as a file, a line and a column
 * (`commissions.csv line 14 column amount`).
 */
import { formatPath, type IssuePath } from '../index.js';
import { PERIOD_FILE, PLAN_FILE, SCENARIO_FILE } from './tables.js';

/** The line each row of a table starts on (the header is line 1). */
export type TableLines = readonly number[];

/** The CSV (or NDJSON) files read, by `section.key`. */
export interface FolderLayout {
  readonly tables: Map<string, { readonly file: string; readonly lines: TableLines }>;
}

/** Layouts by the scenario (or the error) a folder read returned (or threw). */
const layouts = new WeakMap<object, FolderLayout>();

export function rememberLocations(source: object, layout: FolderLayout): void {
  layouts.set(source, layout);
}

const inside = (rest: IssuePath) => (rest.length === 0 ? '' : ` at ${formatPath(rest)}`);

/**
 * Where in a scenario folder an issue is: `commissions.csv line 14 column amount`,
 * `tickets.csv line 3 column pauses (at [0].end in the cell)`, `plan.json at versions[1].effective`;
 * in an NDJSON file, `tickets.ndjson line 3 at pauses[0].end`.
 *
 * @param source - A scenario {@link readScenarioFolder} returned, or an error it threw.
 * @param path - The issue's path (`issue.path` of a `SynergyPayError`).
 * @returns The file, line and column; `undefined` when `source` was not read from a folder.
 * @example
 * ```ts
 * import { readScenarioFolder, scenarioFolderLocation } from 'synergy-pay/folder';
 * const scenario = readScenarioFolder('q2-2026/');
 * scenarioFolderLocation(scenario, ['data', 'commissions', 12, 'amount']); // 'commissions.csv line 14 column amount'
 * ```
 */
export function scenarioFolderLocation(source: object, path: IssuePath): string | undefined {
  const layout = layouts.get(source);
  return layout === undefined ? undefined : locationIn(layout, path);
}

/**
 * {@link scenarioFolderLocation} for one scenario, holding only where its rows came from (a line
 * number a row), not the scenario: for a large run that locates its errors while the scenario's
 * rows are let go as the run reads them.
 *
 * @param source - A scenario {@link readScenarioFolder} (or `readScenarioFolderAsync`) returned, or an error it threw.
 * @returns A function giving `scenarioFolderLocation(source, path)` for an issue's path; `undefined` for every path when `source` was not read from a folder.
 * @example
 * ```ts
 * import { readScenarioFolder, scenarioFolderLocator } from 'synergy-pay/folder';
 * const locate = scenarioFolderLocator(readScenarioFolder('q2-2026/'));
 * locate(['data', 'commissions', 12, 'amount']); // 'commissions.csv line 14 column amount'
 * ```
 */
export function scenarioFolderLocator(source: object): (path: IssuePath) => string | undefined {
  const layout = layouts.get(source);
  return (path) => (layout === undefined ? undefined : locationIn(layout, path));
}

/** Where an issue's path is in a folder of this layout. */
function locationIn(layout: FolderLayout, path: IssuePath): string {
  const [top, key, index, field, ...rest] = path;
  if (top === 'plan') return `${PLAN_FILE}${inside(path.slice(1))}`;
  if (top === 'period') return `${PERIOD_FILE}${inside(path.slice(1))}`;
  if (top === undefined) return 'the folder';
  if (top !== 'org' && top !== 'data') return `${SCENARIO_FILE}${inside(path)}`;
  if (typeof key !== 'string') return `the ${top} CSV files`;
  const table = layout.tables.get(`${top}.${key}`) ?? { file: `${key}.csv`, lines: [] };
  if (typeof index !== 'number') return table.file;
  const line = table.lines[index];
  const row = line === undefined ? `${table.file} row ${index + 1}` : `${table.file} line ${line}`;
  if (field === undefined) return row;
  // An NDJSON row has fields, not columns: `tickets.ndjson line 3 at pauses[0].end`.
  if (table.file.endsWith('.ndjson')) return `${row} at ${formatPath([field, ...rest])}`;
  return `${row} column ${String(field)}${rest.length === 0 ? '' : ` (at ${formatPath(rest)} in the cell)`}`;
}
