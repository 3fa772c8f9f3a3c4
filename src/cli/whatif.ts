/**
 * The what-if commands. `compare <a.json> <b.json>` sets two runs side by side; each file is a
 * result (`run --out`) or a scenario (run first), and two scenarios that differ only in their plan
 * are compared as one scenario under two plans. `correct <paid.json> <corrected-scenario.json>`
 * gives the correction lines that bring a paid period to its re-run on corrected inputs, with the
 * plan as paid; `paid.json` is `{ "scenario": …, "result": … }` as paid, or the paid scenario
 * alone. Each prints a table; `--format json|csv` with `--out FILE` writes the result.
 */
import {
  compareRuns,
  correctPeriod,
  diffInputs,
  runPeriod,
  type CorrectPeriodInput,
  type PeriodCorrection,
  type RunComparison,
  type RunPeriodInput,
  type RunResultInput,
} from '../index.js';
import { characters, csv, left, pad } from './format.js';
import { readJson, writeOut, type CliIo } from './io.js';
import { InputProblem, library } from './problems.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
/** A result has statements; a scenario has an org. */
const isResult = (value: unknown) => isObject(value) && Array.isArray(value['statements']);
const isScenario = (value: unknown): value is Record<string, unknown> => isObject(value) && !isResult(value);

/** The `compare` command. `format` is summary, json or csv. */
export function compareCommand(files: readonly string[], format: string, out: string | undefined, io: CliIo): number {
  if (files.length !== 2)
    throw new InputProblem('synergy-pay compare: expected <a.json> <b.json> (results or scenarios)');
  const [fileA, fileB] = files as [string, string];
  const [a, b] = [readJson(fileA, io, false), readJson(fileB, io, false)];
  // Results are compared as they are, a scenario is run first (its problems reported for its file);
  // two scenarios that differ only in their plan are one scenario under two plans.
  const result = (value: unknown, file: string) =>
    (isResult(value) ? value : library(file, () => runPeriod(value as RunPeriodInput))) as RunResultInput;
  const comparison = library(`${fileA} and ${fileB}`, () =>
    isScenario(a) && isScenario(b) && diffInputs({ ...a, plan: null }, { ...b, plan: null }).length === 0
      ? compareRuns({ scenario: a as unknown as RunPeriodInput, proposedPlan: b['plan'] as RunPeriodInput['plan'] })
      : compareRuns({ base: result(a, fileA), proposed: result(b, fileB) }),
  );
  const table = () => comparisonTable(comparison, fileA, fileB);
  return report('comparison', comparison, table, () => comparisonCsv(comparison), format, out, io);
}

/** The `correct` command. `format` is summary, json or csv. */
export function correctCommand(files: readonly string[], format: string, out: string | undefined, io: CliIo): number {
  if (files.length !== 2) throw new InputProblem('synergy-pay correct: expected <paid.json> <corrected-scenario.json>');
  const [paidFile, correctedFile] = files as [string, string];
  const paidJson = readJson(paidFile, io, false);
  const corrected = readJson(correctedFile, io, false) as RunPeriodInput;
  const paid = (
    isObject(paidJson) && 'scenario' in paidJson ? paidJson : { scenario: paidJson }
  ) as CorrectPeriodInput['paid'];
  const correction = library(`${paidFile} and ${correctedFile}`, () => correctPeriod({ paid, corrected }));
  const table = () => correctionTable(correction, paidFile, correctedFile);
  return report('corrections', correction, table, () => correctionCsv(correction), format, out, io);
}

/** Prints the result as a table, JSON or CSV; with `out`, writes it there and prints the table. */
function report(
  what: string,
  result: object,
  table: () => string,
  asCsv: () => string,
  format: string,
  out: string | undefined,
  io: CliIo,
): number {
  const text = format === 'csv' ? asCsv() : format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : table();
  if (out === undefined) io.out(text);
  else {
    writeOut(out, [text], io, false);
    io.out(table());
    io.out(`Wrote the ${what} (${format === 'csv' ? 'CSV' : format === 'json' ? 'JSON' : 'table'}) to ${out}\n`);
  }
  return 0;
}

const signed = (amount: string) => (amount.startsWith('-') ? amount : `+${amount}`);
const LISTED = 10;

/** The readable diff table. */
export function comparisonTable(c: RunComparison, fileA: string, fileB: string): string {
  const lines = [
    `synergy-pay compare · ${c.period.unit} ${c.period.start} … ${c.period.end} · ${c.currency}`,
    `Base:     ${fileA} (plan ${c.plans.base}, version ${c.versions.base ?? '?'})`,
    `Proposed: ${fileB} (plan ${c.plans.proposed}, version ${c.versions.proposed ?? '?'})`,
  ];
  if (c.identical) {
    lines.push('', 'No differences: every statement line, coefficient and total is the same.');
    return `${lines.join('\n')}\n`;
  }
  if (c.planChanges.length > 0)
    lines.push('', `Plan changes (${c.planChanges.length})`, ...changeLines(c.planChanges, 20));
  const totals = c.totals.map((t) => [t.name, t.base ?? '—', t.proposed ?? '—', signed(t.delta)]);
  table(lines, 'Totals', ['', 'base', 'proposed', 'delta'], totals);
  const departments = c.departments.map((d) => {
    const coefficient = d.fields.find((f) => f.field === 'coefficient');
    const moved = coefficient && `  (coefficient ${coefficient.base ?? '—'} → ${coefficient.proposed ?? '—'})`;
    return [
      d.department,
      `${d.headcount.base}→${d.headcount.proposed}`,
      d.base,
      d.proposed,
      `${signed(d.delta)}${moved ?? ''}`,
    ];
  });
  table(lines, 'Departments', ['', 'people', 'base', 'proposed', 'delta'], departments);
  const pool = (label: string, p: RunComparison['pool']['base']) =>
    `  ${pad(label, 9)} pool ${p.pool}, ${p.recipients} recipients, min ${p.min ?? '—'}, median ${p.median ?? '—'}, max ${p.max ?? '—'}, Gini ${p.gini ?? '—'}`;
  lines.push(
    '',
    `Support pool (Δ ${signed(c.pool.delta)})`,
    pool('base', c.pool.base),
    pool('proposed', c.pool.proposed),
  );
  const { gainers, losers, unchanged, people } = c.counts;
  lines.push('', `Who gains: ${gainers} · who loses: ${losers} · unchanged: ${unchanged} of ${people}`);
  for (const [title, moves] of [
    ['gains', c.gainers],
    ['losses', c.losers],
  ] as const) {
    if (moves.length === 0) continue;
    lines.push(`  ${title}${moves.length > LISTED ? ` (the ${LISTED} largest of ${moves.length})` : ''}:`);
    for (const move of moves.slice(0, LISTED))
      lines.push(`    ${pad(move.person, 12)} ${pad(move.department, 26)} ${signed(move.delta)}`);
  }
  lines.push('', `People with differences: ${c.counts.peopleChanged} (${c.counts.linesChanged} lines)`);
  for (const person of c.people.slice(0, LISTED)) {
    const presence = person.presence === 'both' ? '' : `, ${person.presence}`;
    lines.push(
      `  ${person.person} (${person.department}${presence}): ${person.base ?? '—'} → ${person.proposed ?? '—'} (${signed(person.delta)})`,
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

/** Input changes, at most `listed` of them, one per line. */
function changeLines(changes: RunComparison['planChanges'], listed: number): string[] {
  const lines = changes
    .slice(0, listed)
    .map((change) => `  ${change.path}: ${JSON.stringify(change.base)} → ${JSON.stringify(change.proposed)}`);
  if (changes.length > listed) lines.push(`  … and ${changes.length - listed} more`);
  return lines;
}

/** A titled table: the first column left-aligned, the last as is, the others right-aligned. */
function table(lines: string[], title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(characters(h), ...rows.map((row) => characters(row[i] ?? ''))));
  const cell = (text: string, i: number, last: boolean) =>
    i === 0 ? pad(text, widths[i]!) : last ? text : left(text, widths[i]!);
  lines.push('', title, `  ${header.map((h, i) => cell(h, i, false)).join('  ')}`.trimEnd());
  for (const row of rows) lines.push(`  ${row.map((text, i) => cell(text, i, i === row.length - 1)).join('  ')}`);
}

/** The comparison as CSV: one row per changed line, then a `total` row per changed person. */
export function comparisonCsv(c: RunComparison): string {
  const header = [
    'person',
    'department',
    'presence',
    'kind',
    'version',
    'source',
    'label',
    'base',
    'proposed',
    'delta',
  ];
  const total = { kind: 'total', version: '', source: '', label: 'Statement total' };
  return csv(
    header,
    c.people.flatMap((person) => [...person.lines.map((line) => ({ ...person, ...line })), { ...person, ...total }]),
  );
}

/** The readable correction table. */
export function correctionTable(c: PeriodCorrection, paidFile: string, correctedFile: string): string {
  const planUsed = c.planUsed === 'asPaid' ? 'with the plan as paid' : 'with the corrected plan';
  const differs =
    c.paidReproduced === false ? "; NOTE: today's library computes other figures from the paid inputs" : '';
  const lines = [
    `synergy-pay correct · plan ${c.plan} · ${c.period.unit} ${c.period.start} … ${c.period.end} · ${c.currency}`,
    `Paid:      ${paidFile} (version ${c.paidVersion}${differs})`,
    `Corrected: ${correctedFile} (re-run ${planUsed}, version ${c.rerunVersion})`,
    '',
    `Input changes (${c.inputChanges.length})`,
    ...changeLines(c.inputChanges, 20),
  ];
  const plans = c.planChanges.length;
  if (plans > 0 && c.planUsed === 'asPaid')
    lines.push(
      `  (${plans} plan change${plans === 1 ? '' : 's'} in the corrected file not applied: the period is corrected under the plan as paid)`,
    );
  if (c.people.length === 0) {
    lines.push('', 'No corrections: every line of the re-run equals what was paid.');
    return `${lines.join('\n')}\n`;
  }
  const width = Math.max(10, ...c.people.flatMap((p) => [p.paid.length, p.rerun.length]));
  const row = (first: string, figures: string[]) =>
    `  ${pad(first, 14)} ${figures.map((f) => left(f, width)).join(' ')}`;
  const { counts, totals: t } = c;
  lines.push(
    '',
    `Corrections: ${counts.lines} lines for ${counts.people} people (${counts.arrears} arrears, ${counts.recoveries} recoveries)`,
    row('person', ['paid', 'arrears', 'recoveries', 're-run']),
  );
  for (const person of c.people.slice(0, 20)) {
    lines.push(row(person.person, [person.paid, person.arrears, person.recoveries, person.rerun]));
    for (const line of person.lines)
      lines.push(
        `      ${pad(line.label, 50)} ${left(line.paid, 12)} → ${left(line.rerun, 12)}  ${line.type} ${line.amount}`,
      );
  }
  if (c.people.length > 20)
    lines.push(`  … and ${c.people.length - 20} more (--format json or csv with --out lists them all)`);
  lines.push(row('total', [t.paid, t.arrears, t.recoveries, t.rerun]), '');
  lines.push(`Check: paid ${t.paid} + arrears ${t.arrears} + recoveries ${t.recoveries} = re-run ${t.rerun}`);
  return `${lines.join('\n')}\n`;
}

/** The corrections as CSV: one row per correction line. */
export function correctionCsv(c: PeriodCorrection): string {
  const header = ['person', 'department', 'kind', 'version', 'source', 'label', 'paid', 'rerun', 'amount', 'type'];
  return csv(
    header,
    c.people.flatMap((person) => person.lines.map((line) => ({ ...person, ...line }))),
  );
}
