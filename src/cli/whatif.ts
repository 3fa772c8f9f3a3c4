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
import { characters, csv, DEFAULT_LOCALE, left, moneyFormat, pad, type MoneyFormat } from './format.js';
import { readScenario, writeOut, type CliIo } from './io.js';
import { InputProblem, library } from './problems.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
/** A result has statements; a scenario has an org. */
const isResult = (value: unknown) => isObject(value) && Array.isArray(value['statements']);
const isScenario = (value: unknown): value is Record<string, unknown> => isObject(value) && !isResult(value);

/** How a what-if command reports: `format` summary, json or csv; `out` a file or stdout; `locale` of the table's amounts. */
export interface ReportOptions {
  readonly format: string;
  readonly out: string | undefined;
  readonly locale: string;
}

/** The `compare` command. */
export function compareCommand(files: readonly string[], options: ReportOptions, io: CliIo): number {
  if (files.length !== 2)
    throw new InputProblem('synergy-pay compare: expected <a.json> <b.json> (results or scenarios)');
  const [fileA, fileB] = files as [string, string];
  const [inputA, inputB] = [readScenario(fileA, io, false), readScenario(fileB, io, false)];
  const [a, b] = [inputA.value, inputB.value];
  // Results are compared as they are, a scenario is run first (its problems reported for its file,
  // or its folder's files); two scenarios that differ only in their plan are one scenario under two plans.
  const result = ({ value, locate }: typeof inputA, file: string) =>
    (isResult(value) ? value : library(file, () => runPeriod(value as RunPeriodInput), locate)) as RunResultInput;
  const comparison = library(`${fileA} and ${fileB}`, () =>
    isScenario(a) && isScenario(b) && diffInputs({ ...a, plan: null }, { ...b, plan: null }).length === 0
      ? compareRuns({ scenario: a as unknown as RunPeriodInput, proposedPlan: b['plan'] as RunPeriodInput['plan'] })
      : compareRuns({ base: result(inputA, fileA), proposed: result(inputB, fileB) }),
  );
  const table = () => comparisonTable(comparison, fileA, fileB, options.locale);
  return report('comparison', comparison, table, () => comparisonCsv(comparison), options, io);
}

/** The `correct` command. */
export function correctCommand(files: readonly string[], options: ReportOptions, io: CliIo): number {
  if (files.length !== 2) throw new InputProblem('synergy-pay correct: expected <paid.json> <corrected-scenario.json>');
  const [paidFile, correctedFile] = files as [string, string];
  const paidJson = readScenario(paidFile, io, false).value;
  const corrected = readScenario(correctedFile, io, false).value as RunPeriodInput;
  const paid = (
    isObject(paidJson) && 'scenario' in paidJson ? paidJson : { scenario: paidJson }
  ) as CorrectPeriodInput['paid'];
  const correction = library(`${paidFile} and ${correctedFile}`, () => correctPeriod({ paid, corrected }));
  const table = () => correctionTable(correction, paidFile, correctedFile, options.locale);
  return report('corrections', correction, table, () => correctionCsv(correction), options, io);
}

/** Prints the result as a table, JSON or CSV; with `out`, writes it there and prints the table. */
function report(
  what: string,
  result: object,
  table: () => string,
  asCsv: () => string,
  { format, out }: ReportOptions,
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

const LISTED = 10;

/** The readable diff table, its amounts written for `locale`. */
export function comparisonTable(
  c: RunComparison,
  fileA: string,
  fileB: string,
  locale: string = DEFAULT_LOCALE,
): string {
  const money = moneyFormat(c.currency, locale);
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
  const totals = c.totals.map((t) => [t.name, money.orDash(t.base), money.orDash(t.proposed), money.signed(t.delta)]);
  table(lines, 'Totals', ['', 'base', 'proposed', 'delta'], totals);
  const departments = c.departments.map((d) => {
    const coefficient = d.fields.find((f) => f.field === 'coefficient');
    const moved = coefficient && `  (coefficient ${coefficient.base ?? '—'} → ${coefficient.proposed ?? '—'})`;
    return [
      d.department,
      `${d.headcount.base}→${d.headcount.proposed}`,
      money.amount(d.base),
      money.amount(d.proposed),
      `${money.signed(d.delta)}${moved ?? ''}`,
    ];
  });
  table(lines, 'Departments', ['', 'people', 'base', 'proposed', 'delta'], departments);
  const pool = (label: string, p: RunComparison['pool']['base']) =>
    `  ${pad(label, 9)} pool ${money.amount(p.pool)}, ${p.recipients} recipients, min ${money.orDash(p.min)}, median ${money.orDash(p.median)}, max ${money.orDash(p.max)}, Gini ${p.gini ?? '—'}`;
  lines.push(
    '',
    `Support pool (Δ ${money.signed(c.pool.delta)})`,
    pool('base', c.pool.base),
    pool('proposed', c.pool.proposed),
  );
  const { gainers, losers, unchanged, people } = c.counts;
  lines.push('', `Who gains: ${gainers} · who loses: ${losers} · unchanged: ${unchanged} of ${people}`);
  lines.push(...moveLines(c, money), ...peopleLines(c, money));
  return `${lines.join('\n')}\n`;
}

/** The largest gains and losses, one person a line. */
function moveLines(c: RunComparison, money: MoneyFormat): string[] {
  const lines: string[] = [];
  for (const [title, moves] of [
    ['gains', c.gainers],
    ['losses', c.losers],
  ] as const) {
    if (moves.length === 0) continue;
    lines.push(`  ${title}${moves.length > LISTED ? ` (the ${LISTED} largest of ${moves.length})` : ''}:`);
    const listed = moves.slice(0, LISTED).map((move) => [move, money.signed(move.delta)] as const);
    const width = Math.max(...listed.map(([, delta]) => characters(delta)));
    for (const [move, delta] of listed)
      lines.push(`    ${pad(move.person, 12)} ${pad(move.department, 26)} ${left(delta, width)}`);
  }
  return lines;
}

/** The first people with a difference, each with the lines that differ. */
function peopleLines(c: RunComparison, money: MoneyFormat): string[] {
  const lines = ['', `People with differences: ${c.counts.peopleChanged} (${c.counts.linesChanged} lines)`];
  const listed = c.people.slice(0, LISTED);
  const width = Math.max(
    12,
    ...listed.flatMap((person) =>
      person.lines.flatMap((line) => [characters(money.orDash(line.base)), characters(money.orDash(line.proposed))]),
    ),
  );
  for (const person of listed) {
    const presence = person.presence === 'both' ? '' : `, ${person.presence}`;
    lines.push(
      `  ${person.person} (${person.department}${presence}): ${money.orDash(person.base)} → ${money.orDash(person.proposed)} (${money.signed(person.delta)})`,
    );
    for (const field of person.fields)
      lines.push(`      ${field.field}: ${field.base ?? '—'} → ${field.proposed ?? '—'}`);
    for (const line of person.lines) {
      const rules = line.rulesChanged.map((rule) => rule.rule).join(', ');
      lines.push(
        `      ${pad(line.label, 50)} ${left(money.orDash(line.base), width)} → ${left(money.orDash(line.proposed), width)}  ${money.signed(line.delta)}${rules === '' ? '' : `  [${rules}]`}`,
      );
    }
  }
  if (c.people.length > LISTED)
    lines.push(`  … and ${c.people.length - LISTED} more (--format json or csv with --out lists them all)`);
  return lines;
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

/** The readable correction table, its amounts written for `locale`. */
export function correctionTable(
  c: PeriodCorrection,
  paidFile: string,
  correctedFile: string,
  locale: string = DEFAULT_LOCALE,
): string {
  const money = moneyFormat(c.currency, locale);
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
    lines.push('', 'No corrections: every line of the re-run equals what was paid.', ...carriedLines(c, money));
    return `${lines.join('\n')}\n`;
  }
  const { counts, totals: t } = c;
  const listed = c.people.slice(0, 20);
  const figures = [...listed, t].map((p) => [p.paid, p.arrears, p.recoveries, p.rerun].map(money.amount));
  const width = Math.max(10, ...figures.flat().map(characters));
  const lineWidth = Math.max(
    12,
    ...listed.flatMap((p) =>
      p.lines.flatMap((line) => [line.paid, line.rerun].map((a) => characters(money.amount(a)))),
    ),
  );
  const row = (first: string, cells: string[]) => `  ${pad(first, 14)} ${cells.map((f) => left(f, width)).join(' ')}`;
  lines.push(
    '',
    `Corrections: ${counts.lines} lines for ${counts.people} people (${counts.arrears} arrears, ${counts.recoveries} recoveries)`,
    row('person', ['paid', 'arrears', 'recoveries', 're-run']),
  );
  for (const [i, person] of listed.entries()) {
    lines.push(row(person.person, figures[i]!));
    for (const line of person.lines)
      lines.push(
        `      ${pad(line.label, 50)} ${left(money.amount(line.paid), lineWidth)} → ${left(money.amount(line.rerun), lineWidth)}  ${line.type} ${money.amount(line.amount)}`,
      );
  }
  if (c.people.length > 20)
    lines.push(`  … and ${c.people.length - 20} more (--format json or csv with --out lists them all)`);
  const [paid, arrears, recoveries, rerun] = figures[listed.length]!;
  lines.push(row('total', [paid!, arrears!, recoveries!, rerun!]), '');
  lines.push(`Check: paid ${paid!} + arrears ${arrears!} + recoveries ${recoveries!} = re-run ${rerun!}`);
  lines.push(...carriedLines(c, money));
  return `${lines.join('\n')}\n`;
}

/** What the correction changes in what people carry into the next period (draw balances, held commissions). */
function carriedLines(c: PeriodCorrection, money: MoneyFormat): string[] {
  if (c.carried.length === 0) return [];
  const words = { drawBalance: 'draw balance owed at the end', held: 'commission still held' };
  return [
    '',
    `Carried into the next period (${c.carried.length}): take the next period's data.drawBalances and data.heldCommissions from the re-run`,
    ...c.carried.map(
      (change) =>
        `  ${pad(change.person, 14)} ${words[change.field]}: ${money.orDash(change.paid)} → ${money.orDash(change.rerun)}`,
    ),
  ];
}

/** The corrections as CSV: one row per correction line. */
export function correctionCsv(c: PeriodCorrection): string {
  const header = ['person', 'department', 'kind', 'version', 'source', 'label', 'paid', 'rerun', 'amount', 'type'];
  return csv(
    header,
    c.people.flatMap((person) => person.lines.map((line) => ({ ...person, ...line }))),
  );
}
