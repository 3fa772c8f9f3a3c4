/**
 * `synergy-pay compare <a.json> <b.json>`: sets two runs side by side. Each file is a result
 * (`synergy-pay run --out`) or a scenario (run first). Two scenarios that differ only in their
 * plan are compared as one scenario under two plans, so the plan changes are listed too.
 * Prints a readable diff table; `--format json|csv` with `--out FILE` writes the comparison.
 */
import { SynergyPayError } from '../core/errors.js';
import { compareRuns } from '../whatif/compareRuns.js';
import type { RunComparison, RunResultInput } from '../whatif/types.js';
import { runPeriod } from '../period/runPeriod.js';
import type { RunPeriodInput } from '../period/types.js';
import { diffInputs } from '../whatif/runs.js';
import type { CliIo } from './io.js';
import { describeProblems, EXIT_BAD_INPUT, isInternalFailure } from './main.js';

/** A problem the user can fix: printed without a stack, exit code 2. */
export class WhatIfProblem extends Error {}

/** Runs `body`; a {@link WhatIfProblem} is printed and gives exit code 2. */
export function guarded(io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof WhatIfProblem)) throw error;
    io.err(`${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
}

/** Reads and parses a JSON file; problems become {@link WhatIfProblem}s naming the file. */
export function readJson(file: string, io: CliIo): unknown {
  let text: string;
  try {
    text = io.readText(file);
  } catch (error) {
    throw new WhatIfProblem(
      `synergy-pay: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new WhatIfProblem(`synergy-pay: ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Calls the library; its errors become {@link WhatIfProblem}s listing every issue with its JSON path. */
export function library<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SynergyPayError && !isInternalFailure(error))
      throw new WhatIfProblem(describeProblems(what, error));
    throw error;
  }
}

/** Writes `text` whole or not at all. */
export function writeFile(out: string, text: string, io: CliIo): void {
  try {
    io.writeTextAtomically(out, text);
  } catch (error) {
    throw new WhatIfProblem(
      `synergy-pay: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
/** A result has statements; a scenario has an org. */
const isResult = (value: unknown) => isObject(value) && Array.isArray(value['statements']);

/** The `compare` command. `format` is summary, json or csv. */
export function compareCommand(files: readonly string[], format: string, out: string | undefined, io: CliIo): number {
  return guarded(io, () => {
    if (files.length !== 2)
      throw new WhatIfProblem('synergy-pay compare: expected <a.json> <b.json> (results or scenarios)');
    const [fileA, fileB] = files as [string, string];
    const a = readJson(fileA, io);
    const b = readJson(fileB, io);
    let comparison: RunComparison;
    if (
      !isResult(a) &&
      !isResult(b) &&
      isObject(a) &&
      isObject(b) &&
      diffInputs({ ...a, plan: null }, { ...b, plan: null }).length === 0
    ) {
      comparison = library(`${fileA} and ${fileB}`, () =>
        compareRuns({ scenario: a as RunPeriodInput, proposedPlan: b['plan'] as RunPeriodInput['plan'] }),
      );
    } else {
      const result = (value: unknown, file: string) =>
        isResult(value) ? value : library(file, () => runPeriod(value as RunPeriodInput));
      const base = result(a, fileA);
      const proposed = result(b, fileB);
      comparison = library(`${fileA} and ${fileB}`, () =>
        compareRuns({ base: base as RunResultInput, proposed: proposed as RunResultInput }),
      );
    }
    const text =
      format === 'csv'
        ? comparisonCsv(comparison)
        : format === 'json'
          ? `${JSON.stringify(comparison, null, 2)}\n`
          : comparisonTable(comparison, fileA, fileB);
    if (out === undefined) io.out(text);
    else {
      writeFile(out, text, io);
      io.out(comparisonTable(comparison, fileA, fileB));
      io.out(`Wrote the comparison (${format === 'csv' ? 'CSV' : format === 'json' ? 'JSON' : 'table'}) to ${out}\n`);
    }
    return 0;
  });
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const left = (text: string, width: number) => ' '.repeat(Math.max(0, width - [...text].length)) + text;
const signed = (amount: string) => (amount.startsWith('-') ? amount : `+${amount}`);
const LISTED = 10;

/** The readable diff table. */
export function comparisonTable(c: RunComparison, fileA: string, fileB: string): string {
  const lines: string[] = [];
  lines.push(`synergy-pay compare · ${c.period.unit} ${c.period.start} … ${c.period.end} · ${c.currency}`);
  lines.push(`Base:     ${fileA} (plan ${c.plans.base}, version ${c.versions.base ?? '?'})`);
  lines.push(`Proposed: ${fileB} (plan ${c.plans.proposed}, version ${c.versions.proposed ?? '?'})`);
  if (c.identical) {
    lines.push('', 'No differences: every statement line, coefficient and total is the same.');
    return `${lines.join('\n')}\n`;
  }
  if (c.planChanges.length > 0) {
    lines.push('', `Plan changes (${c.planChanges.length})`);
    for (const change of c.planChanges.slice(0, 20))
      lines.push(`  ${change.path}: ${JSON.stringify(change.base)} → ${JSON.stringify(change.proposed)}`);
    if (c.planChanges.length > 20) lines.push(`  … and ${c.planChanges.length - 20} more`);
  }
  const rows: [string, string, string, string][] = c.totals.map((t) => [
    t.name,
    t.base ?? '—',
    t.proposed ?? '—',
    signed(t.delta),
  ]);
  table(lines, 'Totals', ['', 'base', 'proposed', 'delta'], rows);
  const departmentRows: [string, string, string, string, string][] = c.departments.map((d) => {
    const coefficient = d.fields.find((f) => f.field === 'coefficient');
    return [
      d.department,
      `${d.headcount.base}→${d.headcount.proposed}`,
      d.base,
      d.proposed,
      `${signed(d.delta)}${coefficient === undefined ? '' : `  (coefficient ${coefficient.base ?? '—'} → ${coefficient.proposed ?? '—'})`}`,
    ];
  });
  table(lines, 'Departments', ['', 'people', 'base', 'proposed', 'delta'], departmentRows);
  const pool = (label: string, p: RunComparison['pool']['base']) =>
    `  ${pad(label, 9)} pool ${p.pool}, ${p.recipients} recipients, min ${p.min ?? '—'}, median ${p.median ?? '—'}, max ${p.max ?? '—'}, Gini ${p.gini ?? '—'}`;
  lines.push(
    '',
    `Support pool (Δ ${signed(c.pool.delta)})`,
    pool('base', c.pool.base),
    pool('proposed', c.pool.proposed),
  );
  lines.push(
    '',
    `Who gains: ${c.counts.gainers} · who loses: ${c.counts.losers} · unchanged: ${c.counts.unchanged} of ${c.counts.people}`,
  );
  const moves = (title: string, list: RunComparison['gainers']) => {
    if (list.length === 0) return;
    lines.push(`  ${title}${list.length > LISTED ? ` (the ${LISTED} largest of ${list.length})` : ''}:`);
    for (const move of list.slice(0, LISTED))
      lines.push(`    ${pad(move.person, 12)} ${pad(move.department, 26)} ${signed(move.delta)}`);
  };
  moves('gains', c.gainers);
  moves('losses', c.losers);
  lines.push('', `People with differences: ${c.counts.peopleChanged} (${c.counts.linesChanged} lines)`);
  for (const person of c.people.slice(0, LISTED)) {
    lines.push(
      `  ${person.person} (${person.department}${person.presence === 'both' ? '' : `, ${person.presence}`}): ${person.base ?? '—'} → ${person.proposed ?? '—'} (${signed(person.delta)})`,
    );
    for (const field of person.fields)
      lines.push(`      ${field.field}: ${field.base ?? '—'} → ${field.proposed ?? '—'}`);
    for (const line of person.lines) {
      const rules = line.rulesChanged.map((rule) => rule.rule).join(', ');
      lines.push(
        `      ${pad(line.label, 50)} ${left(line.base ?? '—', 12)} → ${left(line.proposed ?? '—', 12)}  ${signed(line.delta)}${rules === '' ? '' : `  [${rules}]`}`,
      );
    }
  }
  if (c.people.length > LISTED)
    lines.push(`  … and ${c.people.length - LISTED} more (--format json or csv with --out lists them all)`);
  return `${lines.join('\n')}\n`;
}

function table(lines: string[], title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...(row[i] ?? '')].length)));
  lines.push('', title);
  lines.push(`  ${header.map((h, i) => (i === 0 ? pad(h, widths[i]!) : left(h, widths[i]!))).join('  ')}`.trimEnd());
  for (const row of rows)
    lines.push(
      `  ${row.map((cell, i) => (i === 0 ? pad(cell, widths[i]!) : i === row.length - 1 ? cell : left(cell, widths[i]!))).join('  ')}`,
    );
}

/** Quotes a CSV cell when needed. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The comparison as CSV: one row per changed line, then a `total` row per changed person. */
export function comparisonCsv(c: RunComparison): string {
  const rows = ['person,department,presence,kind,version,source,label,base,proposed,delta'];
  for (const person of c.people) {
    for (const line of person.lines)
      rows.push(
        [
          person.person,
          person.department,
          person.presence,
          line.kind,
          line.version,
          line.source,
          line.label,
          line.base,
          line.proposed,
          line.delta,
        ]
          .map(csvCell)
          .join(','),
      );
    rows.push(
      [
        person.person,
        person.department,
        person.presence,
        'total',
        '',
        '',
        'Statement total',
        person.base,
        person.proposed,
        person.delta,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
