/**
 * The `synergy-pay` command line (commands in {@link USAGE}): the only part of the package that
 * does I/O. It uses the library as its users do, through the public entry point. Exit codes: 0
 * done; 2 bad input (unreadable file, invalid JSON, schema or semantic problems, declared control
 * totals that do not reconcile — each reported with its JSON path — unknown person, bad
 * arguments); 1 anything unexpected, including a failed conservation check of the run's own (a
 * bug). Output files are written whole or not at all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readScenarioFolderAsync, writeScenarioFolder } from '../folder/index.js';
import {
  demoScenario,
  runPeriod,
  runPeriodStream,
  scenarioJsonSchema,
  SynergyPayError,
  type PayStatement,
  type RunPeriodInput,
  type RunPeriodResult,
  type RunPeriodStream,
} from '../index.js';
import { parseOptions, scenariosOf, withoutWorkers } from './args.js';
import { DEFAULT_LOCALE, explain, jsonChunks, summary } from './format.js';
import { progress, readScenario, readScenarioToTake, warnIfLarge, writeOut, type CliIo } from './io.js';
import { describeProblems, EXIT_BAD_INPUT, InputProblem, ioError, library } from './problems.js';
import { reportCommand } from './report.js';
import { checkedStream, writeStream } from './stream.js';
import { compareCommand, correctCommand } from './whatif.js';
import { checkWorkersFormat, runWorkersCommand, workerCount, type WorkersRun } from './workers.js';

export { EXIT_BAD_INPUT, isInternalFailure } from './problems.js';

const USAGE = `Usage:
  synergy-pay run <scenario> [--format summary|json|csv|ndjson] [--out FILE] [--locale TAG]
      Run one pay period. Prints a summary; with --out writes the full result (JSON by default).
      csv and ndjson write each statement as it is computed (for runs too large to hold):
      ndjson one statement a line, then a last line {"summary": …} with the rest of the result.
  synergy-pay run <scenario> --workers [N|auto] [--format summary|ndjson|csv|json] [--out FILE] [--locale TAG]
      The same run in shards by department on N worker threads (default: the machine's cores);
      the output is byte for byte that of a run in one piece (with --out: JSON by default).
  synergy-pay explain <scenario> <person> [--locale TAG]
      Print one person's pay statement with every step of its calculation.
  synergy-pay schema [--out FILE]
      Print the JSON Schema of scenario files (for editors: "$schema" in the file).
  synergy-pay demo [--people N] [--format summary|json|csv|ndjson] [--out FILE] [--scenario] [--locale TAG]
      Run the built-in demo company (5,000 people, Q2 2026); --scenario emits its input instead.
  synergy-pay compare <a.json> <b.json> [--format summary|json|csv] [--out FILE] [--locale TAG]
      Compare two runs (results or scenarios) line by line: totals, departments, who gains and loses, the pool.
  synergy-pay correct <paid.json> <corrected-scenario.json> [--format summary|json|csv] [--out FILE] [--locale TAG]
      Correction lines (arrears, recoveries) that bring a paid period to its re-run on corrected data.
  synergy-pay report <scenario> [--compare <proposed>] [--out report.html] [--locale TAG]
      One self-contained HTML dashboard of a run (files are scenarios or results); with --compare, a what-if.
      Needs the optional packages d3-scale and d3-shape (npm install d3-scale d3-shape).
  synergy-pay export <scenario.json> <folder>
      Write a scenario as a folder: plan.json, period.json and a CSV file per list (people.csv, …).
  synergy-pay --version | --help
A <scenario> is a scenario file (JSON) or a scenario folder (see export); so is a scenario for compare and correct.
--out - writes to standard output.
Scenarios of 128 MiB or more (or larger than Node's heap can run) run in a second Node process
started with a larger heap; options given in NODE_OPTIONS stand; SYNERGY_PAY_HEAP=keep: never.
--locale TAG writes the amounts of the text output for a BCP 47 locale (en by default, zh-CN, …);
JSON and CSV are never localised.
Exit codes: 0 done, 2 bad input (each problem with its JSON path), 1 unexpected error.
`;

/** The command line's options, parsed. */
interface Options {
  readonly format: string;
  readonly out: string | undefined;
  /** The canonical locale of the text output. */
  readonly locale: string;
  readonly people: string | undefined;
  readonly scenario: boolean;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) against `io`; returns the exit code.
 */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    if (argv.includes('--workers'))
      throw new InputProblem('synergy-pay: --workers runs only from the executable (mainAsync)');
    return dispatch(argv, io);
  } catch (error) {
    return failed(error, io);
  }
}

/**
 * The executable's entry point: {@link main} — or, for `run <scenario> --workers N`, the run in
 * shards on N worker threads (asynchronous; see `workers.ts`) — with the scenario folders the
 * command reads read first, as streams (`readScenarioFolderAsync`: a folder's files and parsed
 * records are never held beside its rows). Exit codes and messages are those of the command read
 * whole: a folder's problems are reported when the command comes to the folder, as if it were read
 * there; a command line refused before reading anything (a bad option, a missing argument) reads
 * no folder.
 */
export async function mainAsync(argv: readonly string[], io: CliIo): Promise<number> {
  if (!argv.includes('--workers')) {
    const folders = await readFoldersAhead(scenarioArguments(argv), io);
    return main(argv, withFolders(io, folders));
  }
  try {
    const request = workersRequest(argv);
    const folders = await readFoldersAhead([request.file], io);
    return await runWorkersCommand(request, withFolders(io, folders));
  } catch (error) {
    return failed(error, io);
  }
}

/** The I/O with the folders read ahead handed over when the command reads them. */
function withFolders(io: CliIo, folders: Map<string, FolderRead>): CliIo {
  return folders.size === 0 ? io : { ...io, folderReadAhead: (dir) => takeFolder(folders, dir) };
}

/** A folder read ahead: its scenario, or the error reading it threw (thrown again when the command reads it). */
type FolderRead = { readonly scenario: RunPeriodInput } | { readonly error: unknown };

/** Reads the folders among the scenario files the command line names, as streams, one after the other. */
async function readFoldersAhead(files: readonly string[], io: CliIo): Promise<Map<string, FolderRead>> {
  const folders = new Map<string, FolderRead>();
  for (const file of files) {
    if (folders.has(file) || !isFolder(file)) continue;
    progress(io, `reading the folder ${file}…`);
    warnIfLarge(file, io);
    try {
      folders.set(file, { scenario: await readScenarioFolderAsync(file) });
    } catch (error) {
      folders.set(file, { error });
    }
  }
  return folders;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // the command reports it when it comes to the file
  }
}

/** A folder read ahead, given once (a folder named twice is read again, whole, the second time). */
function takeFolder(folders: Map<string, FolderRead>, dir: string): RunPeriodInput | undefined {
  const read = folders.get(dir);
  if (read === undefined) return undefined;
  folders.delete(dir);
  if ('error' in read) throw read.error;
  return read.scenario;
}

/**
 * The scenario files (or folders) a command line reads — none when main would refuse it before
 * reading one (bad options, a wrong number of arguments, an export target that is not empty).
 */
function scenarioArguments(argv: readonly string[]): string[] {
  try {
    const parsed = parseCommandLine(argv);
    const named = scenariosOf(parsed);
    if (named.length === 0) return [];
    const [command, ...rest] = parsed.positionals;
    commandOptions(command!, parsed.values);
    if (command === 'export') checkExportTarget(rest[1]!);
    return named;
  } catch {
    return [];
  }
}

/** The exit code of a command that threw, its message written. */
function failed(error: unknown, io: CliIo): number {
  if (error instanceof InputProblem) {
    io.err(`${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.err(`synergy-pay: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/** `run <scenario> --workers N` read from the command line (a bare `--workers`: the machine's cores). */
function workersRequest(argv: readonly string[]): WorkersRun {
  const { given, rest } = withoutWorkers(argv);
  const { values, positionals } = parseCommandLine(rest);
  const [command, ...files] = positionals;
  if (command !== 'run' || files.length !== 1)
    throw new InputProblem(`synergy-pay: --workers is for run <scenario>\n\n${USAGE}`);
  const request = {
    file: files[0]!,
    workers: workerCount(given ?? 'auto'),
    format: values.format ?? (values.out === undefined ? 'summary' : 'json'),
    out: values.out === '-' ? undefined : values.out,
    locale: checkLocale(values.locale ?? DEFAULT_LOCALE),
  };
  // Refused before any folder is read.
  checkWorkersFormat(request.format);
  return request;
}

function dispatch(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version === true) {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  if (values.help === true || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === undefined) throw new InputProblem(`synergy-pay: no command given\n\n${USAGE}`);
  const options = commandOptions(command, values);
  const { locale } = options;
  const expectArgs = (names: string, count = names === '' ? 0 : names.split(' ').length) => {
    if (rest.length !== count)
      throw new InputProblem(`synergy-pay ${command}: expected ${names === '' ? 'no arguments' : names}\n\n${USAGE}`);
  };
  switch (command) {
    case 'run':
      expectArgs('<scenario>');
      if (wholeResult(options)) emit(runFile(rest[0]!, io), options, io);
      else writeStream(streamFile(rest[0]!, io), options, io);
      return 0;
    case 'explain':
      expectArgs('<scenario> <person>');
      return explainCommand(rest[0]!, rest[1]!, locale, io);
    case 'schema':
      expectArgs('');
      return writeOrPrint([`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`], options, io);
    case 'demo':
      expectArgs('');
      return demoCommand(options, io);
    case 'compare':
      return compareCommand(rest, options, io);
    case 'correct':
      return correctCommand(rest, options, io);
    case 'report':
      return reportCommand(rest, { out: options.out, locale, compare: values.compare }, io);
    case 'export':
      expectArgs('<scenario.json> <folder>');
      return exportCommand(rest[0]!, rest[1]!, io);
    default:
      throw new InputProblem(`synergy-pay: unknown command "${command}"\n\n${USAGE}`);
  }
}

/** The options of a command, checked: `--format` (and ndjson only for run and demo), `--locale`. */
function commandOptions(command: string, values: ReturnType<typeof parseCommandLine>['values']): Options {
  const format = values.format ?? (values.out === undefined ? 'summary' : 'json');
  if (!['summary', 'json', 'csv', 'ndjson'].includes(format))
    throw new InputProblem(`synergy-pay: --format must be summary, json, csv or ndjson, not "${format}"`);
  if (format === 'ndjson' && command !== 'run' && command !== 'demo')
    throw new InputProblem(`synergy-pay ${command}: --format ndjson is for run and demo (statements one a line)`);
  return {
    format,
    // `--out -` is standard output: the format of a file (JSON by default), printed.
    out: values.out === '-' ? undefined : values.out,
    locale: checkLocale(values.locale ?? DEFAULT_LOCALE),
    people: values.people,
    scenario: values.scenario === true,
  };
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseOptions(argv);
  } catch (error) {
    throw new InputProblem(`synergy-pay: ${(error as Error).message}\n\n${USAGE}`);
  }
}

/**
 * The canonical form of a `--locale` tag that `Intl.NumberFormat` can format (`zh-cn` → `zh-CN`);
 * a malformed tag, or one Intl has no data for (it would silently fall back to another locale),
 * is refused.
 */
function checkLocale(tag: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined || Intl.NumberFormat.supportedLocalesOf(canonical).length === 0)
    throw new InputProblem(
      `synergy-pay: --locale must be a locale tag Intl can format (en, zh-CN, de-DE, …), not "${tag}"`,
    );
  return canonical;
}

/** Reads, parses, validates and runs a scenario file or folder; every problem becomes an {@link InputProblem}. */
function runFile(file: string, io: CliIo): RunPeriodResult {
  const { value, locate } = readScenario(file, io, true);
  progress(io, `validating and running ${file}…`);
  return library(file, () => runPeriod(value as RunPeriodInput), locate);
}

/**
 * Reads, parses and validates a scenario file or folder and runs every mechanism, giving its
 * statements as a stream (see `writeStream`); every problem — the input's now, the end-of-period
 * checks' when the last statement is out — becomes an {@link InputProblem}.
 */
function streamFile(file: string, io: CliIo): RunPeriodStream {
  const { take, locate } = readScenarioToTake(file, io);
  progress(io, `validating and running ${file}…`);
  // Taken, not kept: the run lets go of each list once its mechanisms have read it (the tickets first).
  return checkedStream(
    library(file, () => runPeriodStream(take), locate),
    file,
    locate,
  );
}

/** The package's version, from its package.json (two folders up from src/cli/ and from dist/cli/). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Refuses an export target that exists and is not an empty folder: before a large scenario is read for nothing (writeScenarioFolder checks again). */
function checkExportTarget(folder: string): void {
  const existing = statSync(folder, { throwIfNoEntry: false });
  if (existing !== undefined && (!existing.isDirectory() || readdirSync(folder).length > 0))
    throw new InputProblem(`synergy-pay: cannot write ${folder}: it exists and is not an empty folder`);
}

/** Writes a scenario file (or folder) as a scenario folder, which must be new or empty. */
function exportCommand(file: string, folder: string, io: CliIo): number {
  const cannotWrite = (reason: string) => new InputProblem(`synergy-pay: cannot write ${folder}: ${reason}`);
  checkExportTarget(folder);
  const { value } = readScenario(file, io, true);
  progress(io, `writing the folder ${folder}…`);
  try {
    writeScenarioFolder(value as RunPeriodInput, folder);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw cannotWrite(ioError(error));
    if (error.issues.every((issue) => issue.path.length === 0)) throw cannotWrite(error.issues[0]!.message);
    throw new InputProblem(describeProblems(`${file} (as a folder)`, error));
  }
  io.out(`Wrote the scenario folder ${folder} (read it with \`synergy-pay run ${folder}\`)\n`);
  return 0;
}

function explainCommand(file: string, person: string, locale: string, io: CliIo): number {
  // Streamed: only the person's statement is kept, whatever the size of the run.
  const run = streamFile(file, io);
  let statement: PayStatement | undefined;
  let people = 0;
  for (const s of run.statements) {
    people++;
    if (s.person === person) statement = s;
  }
  const result = run.summary();
  if (statement === undefined)
    throw new InputProblem(`synergy-pay explain: no person "${person}" in ${file} (${people} people)`);
  io.out(explain(result, statement, locale));
  return 0;
}

function demoCommand(options: Options, io: CliIo): number {
  let people: number | undefined;
  if (options.people !== undefined) {
    people = Number(options.people);
    if (!Number.isInteger(people) || people < 1 || people > 1_000_000)
      throw new InputProblem(
        `synergy-pay demo: --people must be a whole number from 1 to 1000000, not "${options.people}"`,
      );
  }
  const scenario = demoScenario(people === undefined ? {} : { people });
  if (options.scenario) return writeOrPrint(withNewline(jsonChunks(scenario)), options, io);
  progress(io, `running the demo company (${scenario.org.people.length} people)…`);
  if (wholeResult(options)) {
    emit(runPeriod(scenario), options, io);
    return 0;
  }
  // The quick start ends at a printed pay statement [个人薪酬看板]: show one back-office
  // person's, the first by id with a support-pool award, explained step by step.
  const awarded = (s: PayStatement) =>
    s.side === 'back' && s.lines.some((line) => line.kind === 'poolAward' && !/^-?0(\.0+)?$/.test(line.amount));
  let sample: PayStatement | undefined;
  let first: PayStatement | undefined;
  const { summary: result } = writeStream(runPeriodStream(scenario), options, io, (statement) => {
    first ??= statement;
    if (sample === undefined && awarded(statement)) sample = statement;
  });
  if (options.format !== 'summary' || options.out !== undefined) return 0;
  sample ??= first;
  if (sample !== undefined) {
    io.out(`\nOne pay statement, explained (run \`synergy-pay explain <scenario.json> <person>\` for anyone):\n\n`);
    io.out(explain(result, sample, options.locale));
  }
  return 0;
}

/** Prints the chunks, or writes them to `--out`. */
function writeOrPrint(chunks: Iterable<string>, options: Options, io: CliIo): number {
  if (options.out === undefined) for (const chunk of chunks) io.out(chunk);
  else writeOut(options.out, chunks, io, true);
  return 0;
}

/**
 * Whether a run is written as one JSON result (`--format json`, or a summary with `--out`, which
 * writes the JSON result to the file); the other formats stream the statements (`writeStream`).
 */
function wholeResult({ format, out }: Options): boolean {
  return format === 'json' || (format === 'summary' && out !== undefined);
}

/** Prints a whole result as JSON; with `--out`, writes it there and prints the summary (the other formats stream: `writeStream`). */
function emit(result: RunPeriodResult, { out, locale }: Options, io: CliIo): void {
  if (out === undefined) {
    for (const chunk of withNewline(jsonChunks(result))) io.out(chunk);
    return;
  }
  writeOut(out, withNewline(jsonChunks(result)), io, true);
  io.out(summary(result, locale));
  io.out(`Wrote the full result (JSON) to ${out}\n`);
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}
