/**
 * Writes the demo company as a scenario folder, row by row, never holding the scenario (issue
 * 20): the input of the million-person benchmark. By default the issue's company: 1,000,000
 * people, 60 % front line, 5 tickets, 2 ratings and 2 revenue facts a person, 3 commission rows
 * per front-line person — 5M tickets, 2M ratings, 2M revenue facts, 1.8M commission rows.
 *
 *     npx tsx bench/bigFolder.ts <folder> [people]
 *
 * The folder is the one `writeScenarioFolder(demoScenario(…), folder)` writes, byte for byte
 * (`test/folder/bigFolder.test.ts`): the same rows (`demoRowSource`, drawn in the same order), the
 * same CSV (`tableCsvWriter`, in batches). Each file is a write stream, written as the rows are
 * drawn, waiting for it to drain.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readdirSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoRowSource, type DemoRowSource } from '../src/demo/demoScenario.js';
import type { DemoScenarioInput } from '../src/index.js';
import { scenarioTables, type Table } from '../src/folder/tables.js';
import { tableCsvWriter, type TableCsvWriter } from '../src/folder/writeScenarioFolder.js';

/** Rows gathered before they are written: about 2 MB of CSV. */
const BATCH = 20_000;

/** One CSV file of the folder, written as a stream, a batch of rows at a time. */
class CsvFile {
  private readonly stream: WriteStream;
  private readonly csv: TableCsvWriter;
  private readonly at: (string | number)[];
  private batch: object[] = [];
  private written = 0;

  constructor(
    dir: string,
    table: Table,
    private readonly batchRows = BATCH,
  ) {
    this.stream = createWriteStream(join(dir, table.file));
    this.csv = tableCsvWriter(table);
    this.at = [table.section, table.key];
    this.stream.write(this.csv.header);
  }

  /** Adds a row; writes the batch when it is full (waiting for the file to drain). */
  async add(row: object): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= this.batchRows) await this.flush();
  }

  async flush(): Promise<void> {
    const text = this.csv.lines(this.batch, this.at, this.written);
    this.written += this.batch.length;
    this.batch = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** The tables of a folder by list name (`people`, `tickets`, …). */
function tablesByList(): Map<string, Table> {
  return new Map(scenarioTables().map((table) => [table.key, table]));
}

/** Writes a whole list into its CSV file: `rows` drawn one at a time. */
async function writeList(dir: string, table: Table, rows: Iterable<object>, batchRows: number): Promise<number> {
  const file = new CsvFile(dir, table, batchRows);
  let count = 0;
  for (const row of rows) {
    await file.add(row);
    count++;
  }
  await file.close();
  return count;
}

/** The counts of rows written, by list. */
export type WrittenRows = Record<string, number>;

type PeopleLists = 'people' | 'commissions' | 'deductions' | 'supportScores';

/** Writes the people and the lists drawn with them (commissions, deductions, support scores); the departments staffed all quarter. */
async function writePeople(
  dir: string,
  source: DemoRowSource,
  written: WrittenRows,
  batchRows: number,
): Promise<Set<string>> {
  const tables = tablesByList();
  const lists: PeopleLists[] = ['people', 'commissions', 'deductions', 'supportScores'];
  const files = Object.fromEntries(lists.map((list) => [list, new CsvFile(dir, tables.get(list)!, batchRows)]));
  const add = async (list: PeopleLists, row: object) => {
    await files[list]!.add(row);
    written[list] = (written[list] ?? 0) + 1;
  };
  // As demoScenario: a department shares the interlock only when someone in it is employed all quarter.
  const staffed = new Set<string>();
  for (const { person, supportScore, commissions, deduction } of source.people()) {
    if (person.start === undefined) staffed.add(person.department);
    await add('people', person);
    if (supportScore !== undefined) await add('supportScores', supportScore);
    for (const commission of commissions) await add('commissions', commission);
    if (deduction !== undefined) await add('deductions', deduction);
  }
  for (const file of Object.values(files)) await file.close();
  return staffed;
}

/** A JSON file of the folder, as writeScenarioFolder writes it: indented by two spaces. */
const writeJson = (dir: string, name: string, value: unknown) => {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
};

/**
 * Writes the demo company (`demoScenario`'s options) as a scenario folder into `dir` (new or
 * empty), row by row, `batchRows` rows a write; returns how many rows each list has.
 */
export async function writeDemoFolder(
  dir: string,
  options: DemoScenarioInput,
  batchRows = BATCH,
): Promise<WrittenRows> {
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing !== undefined && (!existing.isDirectory() || readdirSync(dir).length > 0))
    throw new Error(`${dir} exists and is not an empty folder`);
  mkdirSync(dir, { recursive: true });
  const source = demoRowSource(options);
  const tables = tablesByList();
  const written: WrittenRows = {};
  // The rows are drawn in demoScenario's order: people (with their rows), tickets, ratings, facts.
  const staffed = await writePeople(dir, source, written, batchRows);
  written.tickets = await writeList(dir, tables.get('tickets')!, source.tickets(), batchRows);
  written.ratings = await writeList(dir, tables.get('ratings')!, source.ratings(), batchRows);
  written.revenueFacts = await writeList(dir, tables.get('revenueFacts')!, source.revenueFacts(), batchRows);
  const { plan, period, org, data, ...rest } = source.frame(staffed);
  writeJson(dir, 'plan.json', plan);
  writeJson(dir, 'period.json', period);
  writeJson(dir, 'scenario.json', rest);
  written.departments = await writeList(dir, tables.get('departments')!, org.departments, batchRows);
  for (const list of ['departmentCoefficients', 'companyKpis'] as const)
    written[list] = await writeList(dir, tables.get(list)!, data?.[list] ?? [], batchRows);
  return written;
}

/** The size of a folder's files, in bytes. */
export function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

async function writeFromCommandLine(): Promise<void> {
  const [dir, peopleArgument] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: npx tsx bench/bigFolder.ts <folder> [people]');
  const people = Number(peopleArgument ?? 1_000_000);
  const started = performance.now();
  const written = await writeDemoFolder(dir, issueRatios(people));
  const seconds = (performance.now() - started) / 1000;
  const megabytes = folderBytes(dir) / 1e6;
  const rows = Object.entries(written).map(([list, n]) => `${list} ${n.toLocaleString('en')}`);
  console.log(`${dir}: ${rows.join(', ')}`);
  console.log(
    `written in ${seconds.toFixed(1)} s, ${megabytes.toFixed(0)} MB; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

/** The demo company at issue 20's ratios: 5 tickets, 2 ratings, 2 revenue facts a person (3 commission rows per front-line person, 60 % front line: the demo's defaults). */
export function issueRatios(people: number): DemoScenarioInput {
  return { people, tickets: 5 * people, ratings: 2 * people, revenueFacts: 2 * people };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await writeFromCommandLine();
