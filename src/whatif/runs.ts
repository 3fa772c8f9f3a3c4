/**
 * Shared by `compareRuns` and `correctPeriod` (internal): running a scenario with its issues at
 * the caller's paths, reading a period result into minor units, pairing the people and statement
 * lines of two results, finding which trace rules changed, and a plain diff of two inputs.
 */
import { minorDigits } from '../core/currency.js';
import { type IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { formatMinor } from '../core/money.js';
import { readMoney } from '../period/periodWork.js';
import { withScenarioPaths } from '../period/repath.js';
import { runPeriod } from '../period/runPeriod.js';
import { statementLineKinds } from '../period/statement.js';
import type { RunPeriodInput, RunPeriodResult } from '../period/types.js';
import type { SavedRun } from './schema.js';
import type { InputChange, RuleChange } from './types.js';

/** A statement line in minor units. */
export interface ReadLine {
  readonly kind: string;
  readonly label: string;
  readonly version: string;
  /** The source row id: the line's `source`, else the `id` input of its trace, else `""`. */
  readonly source: string;
  readonly minor: bigint;
  /** The trace as given (steps are checked when read, by {@link ruleChanges}). */
  readonly trace: readonly unknown[];
}

/** A statement in minor units, with the scalar fields compared between runs. */
export interface ReadStatement {
  readonly department: string;
  /**
   * Department, side, grade, days employed, coefficient, level and target scores when there are
   * targets, and what the person carries (`drawBalance`, `held`), as text.
   */
  readonly fields: Readonly<Record<string, string>>;
  readonly lines: readonly ReadLine[];
  readonly total: bigint;
}

/** A result read into minor units: statements by person, departments by id, totals by name. */
export interface ReadRun {
  readonly digits: number;
  readonly statements: Map<string, ReadStatement>;
  /** Each department's scalar fields (as text) and trace. */
  readonly departments: Map<string, { readonly fields: Readonly<Record<string, string>>; trace: readonly unknown[] }>;
  /** Money totals by name, in the result's order. */
  readonly totals: Map<string, bigint>;
}

/** Runs a scenario; issues are reported under `at`, those of its plan under `planAt`. */
export function runAt(scenario: RunPeriodInput, at: IssuePath, planAt: IssuePath = [...at, 'plan']): RunPeriodResult {
  return withScenarioPaths(
    () => runPeriod(scenario),
    (path) => (path[0] === 'plan' ? [...planAt, ...path.slice(1)] : [...at, ...path]),
  );
}

/** Adds a library error's issues to `issues`; any other error is re-thrown. */
function collect(error: unknown, issues: IssueList): void {
  if (!(error instanceof SynergyPayError)) throw error;
  for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
}

const STATEMENT_FIELDS = ['department', 'side', 'grade', 'employedDays', 'coefficient'];

/** The scalar (string, number, boolean) fields of `record` among `keys`, as text. */
function scalarFields(record: object, keys: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of keys) {
    const value: unknown = (record as Readonly<Record<string, unknown>>)[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = String(value);
  }
  return fields;
}

/**
 * A statement's elastic targets (issue 19 §3) as fields: `level`, and `targetScore@<version>` per
 * plan version with targets (`none` when nothing was measured) — so a what-if that moves a
 * person's target score names it. Entries that are not `{ version, level, score }` are skipped.
 */
function targetFields(targets: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(targets)) return fields;
  for (const entry of targets as unknown[]) {
    if (!isRecord(entry) || typeof entry.version !== 'string') continue;
    if (typeof entry.level === 'string' && !Object.hasOwn(fields, 'level')) fields.level = entry.level;
    fields[`targetScore@${entry.version}`] = typeof entry.score === 'string' ? entry.score : 'none';
  }
  return fields;
}

/**
 * Reads a result's statements, departments and totals into minor units, checking that each
 * statement total is Σ its lines (`RUNS_RESULT_INCONSISTENT`) and that no person or department
 * repeats (`DUPLICATE_ID`). Problems are added to `issues` with paths under `path`.
 */
export function readRun(run: SavedRun, path: IssuePath, issues: IssueList): ReadRun {
  let digits = 2;
  try {
    digits = minorDigits(run.currency, [...path, 'currency']);
  } catch (error) {
    collect(error, issues);
  }
  const money = (value: unknown, at: IssuePath): bigint => readMoney(value, digits, at, issues);
  const carried = carriedFields(run, path, money, digits);
  const statements: ReadRun['statements'] = new Map();
  run.statements.forEach((statement, s) => {
    const at = [...path, 'statements', s];
    if (statements.has(statement.person)) {
      issues.add('DUPLICATE_ID', [...at, 'person'], `person "${statement.person}" has two statements`);
      return;
    }
    let sum = 0n;
    const lines = statement.lines.map((line, l): ReadLine => {
      const minor = money(line.amount, [...at, 'lines', l, 'amount']);
      sum += minor;
      const { kind, label, version } = line;
      return { kind, label, version, source: lineSource(line), minor, trace: line.trace ?? [] };
    });
    const total = money(statement.total, [...at, 'total']);
    if (total !== sum)
      issues.add(
        'RUNS_RESULT_INCONSISTENT',
        [...at, 'total'],
        `the total ${statement.total} is not the sum of the lines, ${formatMinor(sum, digits)}`,
      );
    const fields = {
      ...scalarFields(statement, STATEMENT_FIELDS),
      ...targetFields((statement as Readonly<Record<string, unknown>>).targets),
      ...carried.get(statement.person),
    };
    statements.set(statement.person, { department: statement.department, fields, lines, total });
  });
  const departments: ReadRun['departments'] = new Map();
  run.departments.forEach((department, d) => {
    if (departments.has(department.id)) {
      issues.add('DUPLICATE_ID', [...path, 'departments', d, 'id'], `department "${department.id}" is listed twice`);
      return;
    }
    const keys = Object.keys(department).filter((key) => key !== 'id');
    departments.set(department.id, { fields: scalarFields(department, keys), trace: department.trace ?? [] });
  });
  const totals = new Map<string, bigint>();
  for (const [name, value] of Object.entries(run.totals ?? {}))
    totals.set(name, money(value, [...path, 'totals', name]));
  carriedTotals(run, path, money, totals);
  return { digits, statements, departments, totals };
}

/** The draw and hold totals that carry into the next period, and Σ converted per list and currency, as named totals. */
function carriedTotals(
  run: SavedRun,
  path: IssuePath,
  money: (value: unknown, at: IssuePath) => bigint,
  totals: Map<string, bigint>,
): void {
  const figures: [string, Readonly<Record<string, unknown>> | undefined, readonly string[]][] = [
    ['draws', run.draws?.totals, DRAW_TOTALS],
    ['holds', run.holds?.totals, HOLD_TOTALS],
  ];
  for (const [list, given, names] of figures)
    if (given !== undefined)
      for (const name of names) totals.set(`${list}.${name}`, money(given[name], [...path, list, 'totals', name]));
  run.conversions?.forEach((row, i) => {
    const name = `conversions.${row.section ?? 'commissions'}.${row.currency}`;
    totals.set(name, money(row.converted, [...path, 'conversions', i, 'converted']));
  });
}

const DRAW_TOTALS = ['openingBalance', 'advanced', 'toppedUp', 'recovered', 'writtenOff', 'closingBalance'] as const;
const HOLD_TOTALS = ['opening', 'newlyHeld', 'released', 'closing'] as const;

/**
 * What each person carries into the next period, as statement fields: `drawBalance` (owed back at
 * the end, `result.draws`) and `held` (Σ their commissions still held, `result.holds`).
 */
function carriedFields(
  run: SavedRun,
  path: IssuePath,
  money: (value: unknown, at: IssuePath) => bigint,
  digits: number,
): Map<string, Record<string, string>> {
  const fields = new Map<string, Record<string, string>>();
  const of = (person: string) => fields.get(person) ?? fields.set(person, {}).get(person)!;
  run.draws?.people.forEach((row, i) => {
    of(row.id).drawBalance = formatMinor(
      money(row.closingBalance, [...path, 'draws', 'people', i, 'closingBalance']),
      digits,
    );
  });
  const held = new Map<string, bigint>();
  run.holds?.held.forEach((row, i) => {
    held.set(row.person, (held.get(row.person) ?? 0n) + money(row.amount, [...path, 'holds', 'held', i, 'amount']));
  });
  for (const [person, minor] of held) of(person).held = formatMinor(minor, digits);
  return fields;
}

/** The source of a line: its `source`, else the first `id` input of its trace, else `""`. */
function lineSource(line: { readonly source?: string | undefined; readonly trace?: readonly unknown[] | undefined }) {
  if (typeof line.source === 'string') return line.source;
  for (const step of line.trace ?? []) {
    const id = isTraceStep(step) && isRecord(step.inputs) ? step.inputs['id'] : undefined;
    if (typeof id === 'string') return id;
  }
  return '';
}

/** A trace step as read from a saved result: an object with a string `rule` (any JSON besides). */
interface SavedStep {
  readonly rule: string;
  readonly formula?: unknown;
  readonly inputs?: unknown;
  readonly result?: unknown;
}

function isTraceStep(value: unknown): value is SavedStep {
  return isRecord(value) && typeof value['rule'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Two lines set side by side (one side may be missing). */
export interface LinePair {
  readonly base: ReadLine | null;
  readonly proposed: ReadLine | null;
}

/** One person in two runs: the statement in each (either may be missing) and their lines paired. */
export interface PersonPair {
  readonly person: string;
  /** The department in the proposed run, else in the base run. */
  readonly department: string;
  readonly base: ReadStatement | undefined;
  readonly proposed: ReadStatement | undefined;
  readonly lines: LinePair[];
}

/** Everybody in either run, ordered by id, with their lines paired by {@link matchLines}. */
export function pairPeople(a: ReadRun, b: ReadRun): PersonPair[] {
  const ids = [...new Set([...a.statements.keys(), ...b.statements.keys()])].sort(compareIds);
  return ids.map((person) => {
    const base = a.statements.get(person);
    const proposed = b.statements.get(person);
    const lines = matchLines(base?.lines ?? [], proposed?.lines ?? []);
    return { person, department: (proposed ?? base)!.department, base, proposed, lines };
  });
}

/** A line's rank on a statement: its kind's place in statement order (unknown kinds last). */
export function kindRank(kind: string): number {
  const rank = (statementLineKinds as readonly string[]).indexOf(kind);
  return rank === -1 ? statementLineKinds.length : rank;
}

/** The line a pair describes: the proposed one, else the base one. */
export function shownLine(pair: LinePair): ReadLine {
  return (pair.proposed ?? pair.base)!;
}

/**
 * Matches the lines of two statements of one person. Lines pair up within the same kind and plan
 * version: when each side has at most one such line they pair directly (so a base-pay line still
 * pairs when the grade in its label changed) unless they name two different source rows;
 * otherwise by source row id, or by label and position when there is no source. Pairs are ordered
 * by kind (statement order), version, source, then label, so the result does not depend on input
 * order.
 */
export function matchLines(base: readonly ReadLine[], proposed: readonly ReadLine[]): LinePair[] {
  const groups = new Map<string, { base: ReadLine[]; proposed: ReadLine[] }>();
  const group = (line: ReadLine) => {
    const key = `${line.kind}\u0000${line.version}`;
    let entry = groups.get(key);
    if (entry === undefined) groups.set(key, (entry = { base: [], proposed: [] }));
    return entry;
  };
  for (const line of base) group(line).base.push(line);
  for (const line of proposed) group(line).proposed.push(line);
  const pairs: LinePair[] = [];
  for (const entry of groups.values()) {
    const x = entry.base[0];
    const y = entry.proposed[0];
    if (entry.base.length <= 1 && entry.proposed.length <= 1 && (!x || !y || sourcesAgree(x, y)))
      pairs.push({ base: x ?? null, proposed: y ?? null });
    else pairBySource(entry.base, entry.proposed, pairs);
  }
  return pairs.sort((p, q) => {
    const x = (p.base ?? p.proposed)!;
    const y = (q.base ?? q.proposed)!;
    return (
      kindRank(x.kind) - kindRank(y.kind) ||
      compareIds(x.kind, y.kind) ||
      compareIds(x.version, y.version) ||
      compareIds(x.source, y.source) ||
      compareIds(x.label, y.label)
    );
  });
}

/** Whether two lines may pair directly: their sources agree, or one is unknown. */
function sourcesAgree(x: ReadLine, y: ReadLine): boolean {
  return x.source === y.source || x.source === '' || y.source === '';
}

/** Pairs lines by source row id (by label without one), the n-th repeat with the n-th. */
function pairBySource(base: readonly ReadLine[], proposed: readonly ReadLine[], pairs: LinePair[]): void {
  const identities = (lines: readonly ReadLine[]) => {
    const seen = new Map<string, number>();
    return lines.map((line) => {
      const identity = line.source === '' ? `label\u0000${line.label}` : `source\u0000${line.source}`;
      const n = seen.get(identity) ?? 0;
      seen.set(identity, n + 1);
      return `${identity}\u0000${n}`;
    });
  };
  const proposedBy = new Map<string, ReadLine>();
  identities(proposed).forEach((identity, i) => proposedBy.set(identity, proposed[i]!));
  identities(base).forEach((identity, i) => {
    const match = proposedBy.get(identity) ?? null;
    if (match !== null) proposedBy.delete(identity);
    pairs.push({ base: base[i]!, proposed: match });
  });
  for (const line of proposedBy.values()) pairs.push({ base: null, proposed: line });
}

/** The trace steps that differ between two traces, matched by rule name and position. */
export function ruleChanges(base: readonly unknown[], proposed: readonly unknown[]): RuleChange[] {
  const keyed = (trace: readonly unknown[]) => {
    const seen = new Map<string, number>();
    const steps = new Map<string, SavedStep>();
    for (const step of trace) {
      if (!isTraceStep(step)) continue;
      const n = seen.get(step.rule) ?? 0;
      seen.set(step.rule, n + 1);
      steps.set(`${step.rule}\u0000${n}`, step);
    }
    return steps;
  };
  const a = keyed(base);
  const b = keyed(proposed);
  const side = (step: SavedStep | undefined) =>
    step === undefined ? null : { inputs: isRecord(step.inputs) ? step.inputs : {}, result: step.result ?? null };
  const changes: RuleChange[] = [];
  for (const key of [...a.keys(), ...[...b.keys()].filter((key) => !a.has(key))]) {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && sameValue(x.inputs ?? {}, y.inputs ?? {}) && sameValue(x.result, y.result)) continue;
    const step = (y ?? x)!;
    const formula = typeof step.formula === 'string' ? step.formula : '';
    changes.push({ rule: step.rule, formula, base: side(x), proposed: side(y) });
  }
  return changes;
}

/** Deep equality of JSON values; trace inputs are flat records of strings, so this is usually one loop. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  return false;
}

/** Row keys tried in order; `subject` keys `data.supportScores` (a set of rows, not a sequence). */
const ROW_KEYS = ['id', 'department', 'person', 'subject'] as const;

/**
 * A plain diff of two JSON values: objects by key (code-unit order; `$schema` ignored), lists of
 * rows by `id` (or `department`, `person`, `subject`) when every row has a distinct one, other
 * lists by position. A row or field present on one side only is one change holding the whole
 * value.
 *
 * @param base - the value before.
 * @param proposed - the value after.
 * @param path - where the values are, prefixed to every change's `path` (`""`: the root).
 * @returns Every difference, in key order.
 * @example
 * ```ts
 * import { diffInputs } from 'synergy-pay';
 * diffInputs({ people: [{ id: 'li', grade: 'P3' }] }, { people: [{ id: 'li', grade: 'P5' }] });
 * // [{ path: 'people[li].grade', base: 'P3', proposed: 'P5' }]
 * ```
 */
export function diffInputs(base: unknown, proposed: unknown, path = ''): InputChange[] {
  const changes: InputChange[] = [];
  walk(base, proposed, path, changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: string, out: InputChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined || b === undefined) {
    out.push({ path, base: a ?? null, proposed: b ?? null });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => key !== '$schema');
    for (const key of keys.sort(compareIds)) walk(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = commonKey(a, b);
    if (key === undefined) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out);
      return;
    }
    const byKey = (rows: unknown[]) => new Map(rows.map((row) => [String((row as Record<string, unknown>)[key]), row]));
    const x = byKey(a);
    const y = byKey(b);
    for (const id of [...new Set([...x.keys(), ...y.keys()])].sort(compareIds))
      walk(x.get(id), y.get(id), `${path}[${id}]`, out);
    return;
  }
  if (!sameValue(a, b)) out.push({ path, base: a, proposed: b });
}

/** The row key both lists share (each list's rows distinct by it), if any. */
function commonKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  const distinct = (rows: readonly unknown[], key: string) => {
    const values = rows.map((row) => (isRecord(row) ? row[key] : undefined));
    return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
  };
  return ROW_KEYS.find((key) => distinct(a, key) && distinct(b, key));
}
