/**
 * The `synergy-pay` command line: the only part of the package that does I/O.
 *
 *     synergy-pay run <scenario.json> [--format summary|json|csv] [--out FILE]
 *     synergy-pay explain <scenario.json> <person>
 *     synergy-pay schema [--out FILE]
 *     synergy-pay demo [--people N] [--format summary|json|csv] [--out FILE] [--scenario]
 *     synergy-pay compare <a.json> <b.json> [--format summary|json|csv] [--out FILE]
 *     synergy-pay correct <paid.json> <corrected-scenario.json> [--format summary|json|csv] [--out FILE]
 *
 * Exit codes: 0 done; 2 bad input (unreadable file, invalid JSON, schema or semantic problems,
 * declared control totals that do not reconcile — each reported with its JSON path — unknown
 * person, bad arguments); 1 anything unexpected, including a failed conservation check of the
 * run's own (a bug).
 * Output files are written whole or not at all.
 */
import { parseArgs } from 'node:util';
import { formatPath, SynergyPayError } from '../core/errors.js';
import { demoScenario } from '../demo/demoScenario.js';
import { scenarioJsonSchema } from '../period/jsonSchema.js';
import { runPeriod } from '../period/runPeriod.js';
import type { RunPeriodResult } from '../period/types.js';
import { explain, jsonChunks, statementsCsv, summary } from './format.js';
import type { CliIo } from './io.js';
import { compareCommand } from './compare.js';
import { correctCommand } from './correct.js';

/** Exit code for bad input or bad arguments. */
export const EXIT_BAD_INPUT = 2;

const USAGE = `Usage:
  synergy-pay run <scenario.json> [--format summary|json|csv] [--out FILE]
      Run one pay period. Prints a summary; with --out writes the full result (JSON by default).
  synergy-pay explain <scenario.json> <person>
      Print one person's pay statement with every step of its calculation.
  synergy-pay schema [--out FILE]
      Print the JSON Schema of scenario files (for editors: "$schema" in the file).
  synergy-pay demo [--people N] [--format summary|json|csv] [--out FILE] [--scenario]
      Run the built-in demo company (5,000 people, Q2 2026); --scenario emits its input instead.
  synergy-pay compare <a.json> <b.json> [--format summary|json|csv] [--out FILE]
      Compare two runs (results or scenarios) line by line: totals, departments, who gains and loses, the pool.
  synergy-pay correct <paid.json> <corrected-scenario.json> [--format summary|json|csv] [--out FILE]
      Correction lines (arrears, recoveries) that bring a paid period to its re-run on corrected data.
Exit codes: 0 done, 2 bad input (each problem with its JSON path), 1 unexpected error.
`;

/** A problem the user can fix; printed without a stack, exit code 2. */
class InputProblem extends Error {}

/**
 * Runs the CLI with `argv` (without `node` and the script) against `io`; returns the exit code.
 */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof InputProblem) {
      io.err(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.err(
      `synergy-pay: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        people: { type: 'string' },
        scenario: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new InputProblem(`synergy-pay: ${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined || command === 'help') {
    io.out(USAGE);
    return command === undefined && values.help !== true ? EXIT_BAD_INPUT : 0;
  }
  const format = values.format ?? (values.out === undefined ? 'summary' : 'json');
  if (!['summary', 'json', 'csv'].includes(format))
    throw new InputProblem(`synergy-pay: --format must be summary, json or csv, not "${format}"`);
  const expectArgs = (count: number, names: string) => {
    if (rest.length !== count) throw new InputProblem(`synergy-pay ${command}: expected ${names}\n\n${USAGE}`);
  };

  switch (command) {
    case 'run': {
      expectArgs(1, '<scenario.json>');
      const file = rest[0]!;
      const result = runFile(file, io);
      emit(result, format, values.out, io);
      return 0;
    }
    case 'explain': {
      expectArgs(2, '<scenario.json> <person>');
      const [file, person] = rest as [string, string];
      const result = runFile(file, io);
      const statement = result.statements.find((s) => s.person === person);
      if (statement === undefined)
        throw new InputProblem(
          `synergy-pay explain: no person "${person}" in ${file} (${result.statements.length} people)`,
        );
      io.out(explain(result, statement));
      return 0;
    }
    case 'schema': {
      expectArgs(0, 'no arguments');
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (values.out === undefined) io.out(text);
      else writeOut(values.out, [text], io);
      return 0;
    }
    case 'demo': {
      expectArgs(0, 'no arguments');
      let people: number | undefined;
      if (values.people !== undefined) {
        people = Number(values.people);
        if (!Number.isInteger(people) || people < 1 || people > 1_000_000)
          throw new InputProblem(
            `synergy-pay demo: --people must be a whole number from 1 to 1000000, not "${values.people}"`,
          );
      }
      const scenario = demoScenario(people === undefined ? {} : { people });
      if (values.scenario === true) {
        const chunks = withNewline(jsonChunks(scenario));
        if (values.out === undefined) for (const chunk of chunks) io.out(chunk);
        else writeOut(values.out, chunks, io);
        return 0;
      }
      progress(io, `running the demo company (${scenario.org.people.length} people)…`);
      const result = runPeriod(scenario);
      emit(result, format, values.out, io);
      if (format === 'summary' && values.out === undefined) {
        // The quick start ends at a printed pay statement [个人薪酬看板]: show one back-office
        // person's, the first by id with a support-pool award, explained step by step.
        const sample =
          result.statements.find(
            (s) =>
              s.side === 'back' &&
              s.lines.some((line) => line.kind === 'poolAward' && !/^-?0(\.0+)?$/.test(line.amount)),
          ) ?? result.statements[0];
        if (sample !== undefined) {
          io.out(
            `\nOne pay statement, explained (run \`synergy-pay explain <scenario.json> <person>\` for anyone):\n\n`,
          );
          io.out(explain(result, sample));
        }
      }
      return 0;
    }
    case 'compare':
      return compareCommand(rest, format, values.out, io);
    case 'correct':
      return correctCommand(rest, format, values.out, io);
    default:
      throw new InputProblem(`synergy-pay: unknown command "${command}"\n\n${USAGE}`);
  }
}

function progress(io: CliIo, message: string): void {
  if (io.progress) io.err(`synergy-pay: ${message}\n`);
}

/** Reads, parses, validates and runs a scenario file; every problem becomes an {@link InputProblem}. */
function runFile(file: string, io: CliIo): RunPeriodResult {
  progress(io, `reading ${file}…`);
  let text: string;
  try {
    text = io.readText(file);
  } catch (error) {
    throw new InputProblem(
      `synergy-pay: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputProblem(`synergy-pay: ${file} is not valid JSON: ${jsonErrorWhere(text, (error as Error).message)}`);
  }
  progress(io, `validating and running ${file}…`);
  try {
    return runPeriod(scenario as Parameters<typeof runPeriod>[0]);
  } catch (error) {
    if (error instanceof SynergyPayError && !isInternalFailure(error))
      throw new InputProblem(describeProblems(file, error));
    throw error;
  }
}

/**
 * Whether a library error reports a bug rather than bad input: a `RECONCILIATION_FAILED` that is
 * not about a declared control total (`controls.…` in its path) means one of the run's own
 * conservation checks failed. It is not the user's to fix: exit 1, "please report it". A control
 * total that does not reconcile is refused input like any other (exit 2).
 */
export function isInternalFailure(error: SynergyPayError): boolean {
  return error.issues.some((issue) => issue.code === 'RECONCILIATION_FAILED' && !issue.path.includes('controls'));
}

/** The JSON parser's message with a line and column added when it gives a position. */
function jsonErrorWhere(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (match === null) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

const MAX_LISTED = 50;

/** Every issue of an error on its own line: JSON path, code, message. */
export function describeProblems(file: string, error: SynergyPayError): string {
  const count = error.issues.length;
  const lines = [`synergy-pay: ${file} has ${count} problem${count === 1 ? '' : 's'} (${error.code}):`];
  for (const issue of error.issues.slice(0, MAX_LISTED))
    lines.push(`  ${jsonPath(issue.path)}  ${issue.code}  ${issue.message}`);
  if (count > MAX_LISTED) lines.push(`  … and ${count - MAX_LISTED} more`);
  return lines.join('\n');
}

/** `$.plan.versions[1].effective` (`$` for the root). */
export function jsonPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '$';
  const text = formatPath(path);
  return text.startsWith('[') ? `$${text}` : `$.${text}`;
}

function emit(result: RunPeriodResult, format: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) {
    if (format === 'json') for (const chunk of withNewline(jsonChunks(result))) io.out(chunk);
    else io.out(format === 'csv' ? statementsCsv(result) : summary(result));
    return;
  }
  writeOut(out, format === 'csv' ? [statementsCsv(result)] : withNewline(jsonChunks(result)), io);
  io.out(summary(result));
  io.out(`Wrote ${format === 'csv' ? 'CSV statements' : 'the full result (JSON)'} to ${out}\n`);
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

function writeOut(out: string, chunks: Iterable<string>, io: CliIo): void {
  progress(io, `writing ${out}…`);
  try {
    io.writeTextAtomically(out, chunks);
  } catch (error) {
    throw new InputProblem(
      `synergy-pay: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
