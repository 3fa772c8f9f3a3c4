/**
 * Shared by `compareRuns` and `correctPeriod` (internal): reading a period result into minor
 * units, matching the statement lines of two results, finding which trace rules changed, and a
 * plain diff of two scenarios or plans.
 */
import { minorDigits } from '../core/currency.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { runPeriod } from '../period/runPeriod.js';
import type { RunPeriodInput, RunPeriodResult } from '../period/types.js';
import { LINE_ORDER } from '../period/statement.js';
import { compareIds } from '../core/ids.js';

/** A trace step as read from a result (saved results may carry any JSON in `inputs`). */
export interface TraceLike {
  readonly rule: string;
  readonly formula?: string | undefined;
  readonly inputs?: Readonly<Record<string, unknown>> | undefined;
  readonly result?: unknown;
}

/** The parts of a period result the what-if tools read; a `RunPeriodResult` is one. */
export interface RunLike {
  readonly plan: string;
  readonly currency: string;
  readonly period: { readonly unit: string; readonly start: string; readonly end: string };
  readonly version?: string | undefined;
  /** Departments; every scalar field besides `id` is compared. */
  readonly departments: readonly { readonly id: string; readonly trace?: readonly unknown[] | undefined }[];
  readonly statements: readonly {
    readonly person: string;
    readonly department: string;
    readonly side?: string | undefined;
    readonly grade?: string | undefined;
    readonly employedDays?: number | undefined;
    readonly coefficient?: string | undefined;
    readonly lines: readonly {
      readonly kind: string;
      readonly label: string;
      readonly version: string;
      readonly amount: string;
      readonly source?: string | undefined;
      readonly trace?: readonly unknown[] | undefined;
    }[];
    readonly total: string;
  }[];
  /** Money totals by name. */
  readonly totals?: object | undefined;
}

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

/** A statement in minor units. */
export interface ReadStatement {
  readonly person: string;
  readonly department: string;
  /** Scalar fields compared between runs (department, side, grade, days employed, coefficient). */
  readonly fields: Readonly<Record<string, string>>;
  readonly lines: readonly ReadLine[];
  readonly total: bigint;
}

/** A department's scalar fields and trace. */
export interface ReadDepartment {
  readonly id: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly trace: readonly unknown[];
}

/** A result read into minor units, statements and departments by id. */
export interface ReadRun {
  readonly digits: number;
  readonly statements: Map<string, ReadStatement>;
  readonly departments: Map<string, ReadDepartment>;
  /** Money totals by name, in the result's order. */
  readonly totals: Map<string, bigint>;
}

const STATEMENT_FIELDS = ['department', 'side', 'grade', 'employedDays', 'coefficient'] as const;

/** The source of a line: its `source`, else the first `id` input of its trace, else `""`. */
function lineSource(line: {
  readonly source?: string | undefined;
  readonly trace?: readonly unknown[] | undefined;
}): string {
  if (typeof line.source === 'string') return line.source;
  for (const step of line.trace ?? []) {
    const inputs = isTraceStep(step) ? step.inputs : undefined;
    const id = isRecord(inputs) ? inputs['id'] : undefined;
    if (typeof id === 'string') return id;
  }
  return '';
}

/** Whether a value read from a saved trace is a step (an object with a string `rule`). */
function isTraceStep(value: unknown): value is TraceLike {
  return isRecord(value) && typeof value['rule'] === 'string';
}

/**
 * Reads a result's statements, departments and totals into minor units, checking that each
 * statement total is Σ its lines (`RUNS_RESULT_INCONSISTENT`) and that no person repeats
 * (`DUPLICATE_ID`). Problems are added to `issues` with paths under `path`.
 */
export function readRun(run: RunLike, path: IssuePath, issues: IssueList): ReadRun {
  let digits = 2;
  try {
    digits = minorDigits(run.currency, [...path, 'currency']);
  } catch (error) {
    addIssues(error, issues);
  }
  const money = (value: unknown, at: IssuePath): bigint => {
    try {
      return parseMinor(value, digits, at);
    } catch (error) {
      addIssues(error, issues);
      return 0n;
    }
  };
  const statements = new Map<string, ReadStatement>();
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
      return {
        kind: line.kind,
        label: line.label,
        version: line.version,
        source: lineSource(line),
        minor,
        trace: line.trace ?? [],
      };
    });
    const total = money(statement.total, [...at, 'total']);
    if (total !== sum)
      issues.add(
        'RUNS_RESULT_INCONSISTENT',
        [...at, 'total'],
        `the total ${statement.total} is not the sum of the lines, ${formatMinor(sum, digits)}`,
      );
    const fields: Record<string, string> = {};
    for (const key of STATEMENT_FIELDS) {
      const value = statement[key];
      if (value !== undefined && value !== null) fields[key] = String(value);
    }
    statements.set(statement.person, {
      person: statement.person,
      department: statement.department,
      fields,
      lines,
      total,
    });
  });
  const departments = new Map<string, ReadDepartment>();
  run.departments.forEach((department, d) => {
    if (departments.has(department.id)) {
      issues.add('DUPLICATE_ID', [...path, 'departments', d, 'id'], `department "${department.id}" is listed twice`);
      return;
    }
    const fields: Record<string, string> = {};
    const record = department as unknown as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record).sort(compareIds)) {
      const value = record[key];
      if (key !== 'id' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
        fields[key] = String(value);
    }
    departments.set(department.id, {
      id: department.id,
      fields,
      trace: Array.isArray(department.trace) ? department.trace : [],
    });
  });
  const totals = new Map<string, bigint>();
  for (const [name, value] of Object.entries(run.totals ?? {}))
    totals.set(name, money(value, [...path, 'totals', name]));
  return { digits, statements, departments, totals };
}

function addIssues(error: unknown, issues: IssueList): void {
  if (!(error instanceof SynergyPayError)) throw error;
  for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
}

/** Two lines set side by side (one side may be missing). */
export interface LinePair {
  readonly base: ReadLine | null;
  readonly proposed: ReadLine | null;
}

const kindRank = (kind: string) => {
  const rank = (LINE_ORDER as readonly string[]).indexOf(kind);
  return rank === -1 ? LINE_ORDER.length : rank;
};

/** Whether two lines may pair directly: one side is missing, or their sources agree or one is unknown. */
function sameSourceOrUnknown(base: ReadLine | undefined, proposed: ReadLine | undefined): boolean {
  if (base === undefined || proposed === undefined) return true;
  return base.source === proposed.source || base.source === '' || proposed.source === '';
}

/**
 * Matches the lines of two statements of one person. Lines pair up within the same kind and plan
 * version: when each side has at most one such line they pair directly (so a base-pay line still
 * pairs when the grade in its label changed) unless they name two different source rows; otherwise
 * by source row id, or by label and
 * position when there is no source. Pairs are ordered by kind (statement order), version,
 * source, then label, so the result does not depend on input order.
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
    if (entry.base.length <= 1 && entry.proposed.length <= 1 && sameSourceOrUnknown(entry.base[0], entry.proposed[0])) {
      pairs.push({ base: entry.base[0] ?? null, proposed: entry.proposed[0] ?? null });
      continue;
    }
    const identities = (lines: ReadLine[]) => {
      const seen = new Map<string, number>();
      return lines.map((line) => {
        const identity = line.source === '' ? `label\u0000${line.label}` : `source\u0000${line.source}`;
        const n = seen.get(identity) ?? 0;
        seen.set(identity, n + 1);
        return `${identity}\u0000${n}`;
      });
    };
    const proposedBy = new Map<string, ReadLine>();
    identities(entry.proposed).forEach((identity, i) => proposedBy.set(identity, entry.proposed[i]!));
    identities(entry.base).forEach((identity, i) => {
      const match = proposedBy.get(identity) ?? null;
      if (match !== null) proposedBy.delete(identity);
      pairs.push({ base: entry.base[i]!, proposed: match });
    });
    for (const line of proposedBy.values()) pairs.push({ base: null, proposed: line });
  }
  return pairs.sort((a, b) => {
    const x = (a.base ?? a.proposed)!;
    const y = (b.base ?? b.proposed)!;
    return (
      kindRank(x.kind) - kindRank(y.kind) ||
      compareIds(x.kind, y.kind) ||
      compareIds(x.version, y.version) ||
      compareIds(x.source, y.source) ||
      compareIds(x.label, y.label)
    );
  });
}

/** A trace rule whose inputs or result differ between two runs. */
export interface RuleChange {
  /** The rule name, e.g. `statement.performanceBonus`. */
  readonly rule: string;
  /** The formula in words (the proposed side's when both exist). */
  readonly formula: string;
  /** The rule's inputs and result in the base run, or `null` when it did not apply there. */
  readonly base: { readonly inputs: Readonly<Record<string, unknown>>; readonly result: unknown } | null;
  /** The rule's inputs and result in the proposed run, or `null` when it did not apply there. */
  readonly proposed: { readonly inputs: Readonly<Record<string, unknown>>; readonly result: unknown } | null;
}

/** The trace steps that differ between two traces, matched by rule name and position. */
export function ruleChanges(base: readonly unknown[], proposed: readonly unknown[]): RuleChange[] {
  const keyed = (trace: readonly unknown[]) => {
    const seen = new Map<string, number>();
    const out = new Map<string, TraceLike>();
    for (const step of trace) {
      if (!isTraceStep(step)) continue;
      const n = seen.get(step.rule) ?? 0;
      seen.set(step.rule, n + 1);
      out.set(`${step.rule}\u0000${n}`, step);
    }
    return out;
  };
  const a = keyed(base);
  const b = keyed(proposed);
  const keys = [...a.keys(), ...[...b.keys()].filter((key) => !a.has(key))];
  const changes: RuleChange[] = [];
  const side = (step: TraceLike | undefined) =>
    step === undefined ? null : { inputs: isRecord(step.inputs) ? step.inputs : {}, result: step.result ?? null };
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (
      x !== undefined &&
      y !== undefined &&
      sameValue(x.inputs ?? {}, y.inputs ?? {}) &&
      sameValue(x.result, y.result)
    )
      continue;
    const step = (y ?? x)!;
    changes.push({
      rule: step.rule,
      formula: typeof step.formula === 'string' ? step.formula : '',
      base: side(x),
      proposed: side(y),
    });
  }
  return changes;
}

/** Deep equality of JSON values; trace inputs are flat records of strings, so this is usually one loop. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys)
      if (!Object.prototype.hasOwnProperty.call(b, key) || !sameValue(a[key], b[key])) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  return false;
}

/** One difference between two inputs (scenarios or plans). */
export interface InputChange {
  /** Where, e.g. `data.commissions[E0001-C2].amount` (rows of id-keyed lists are named by id). */
  readonly path: string;
  /** The value before, or `null` when the field or row was added. */
  readonly base: unknown;
  /** The value after, or `null` when the field or row was removed. */
  readonly proposed: unknown;
}

/** Row keys tried in order; `subject` keys `data.supportScores` (a set of rows, not a sequence). */
const ROW_KEYS = ['id', 'department', 'person', 'subject'] as const;

/**
 * A plain diff of two JSON values: objects by key (code-unit order), lists of rows by `id` (or
 * `department`, `person`, `subject`) when every row has a distinct one, other lists by position. A row or
 * field present on one side only is one change holding the whole value.
 */
export function diffInputs(base: unknown, proposed: unknown, path = ''): InputChange[] {
  const changes: InputChange[] = [];
  walk(base, proposed, path, changes);
  return changes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(a: unknown, b: unknown, path: string, out: InputChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined || b === undefined) {
    out.push({ path, base: a ?? null, proposed: b ?? null });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => key !== '$schema')
      .sort(compareIds);
    for (const key of keys) walk(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = commonKey(a, b);
    if (key === undefined) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out);
      return;
    }
    const byKey = (rows: unknown[]) =>
      new Map(rows.map((row) => [String((row as Record<string, unknown>)[key]), row] as const));
    const x = byKey(a);
    const y = byKey(b);
    const ids = [...new Set([...x.keys(), ...y.keys()])].sort(compareIds);
    for (const id of ids) walk(x.get(id), y.get(id), `${path}[${id}]`, out);
    return;
  }
  if (!sameValue(a, b)) out.push({ path, base: a, proposed: b });
}

/** The row key both lists share (each list's rows distinct by it), if any. */
function commonKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  for (const key of ROW_KEYS) {
    const ok = (rows: readonly unknown[]) => {
      const values = rows.map((row) => (isRecord(row) ? row[key] : undefined));
      return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
    };
    if (ok(a) && ok(b)) return key;
  }
  return undefined;
}

/** Prefixes every issue path of a library error (errors from a nested `runPeriod` call). */
export function runAt(scenario: RunPeriodInput, prefix: (path: IssuePath) => IssuePath): RunPeriodResult {
  try {
    return runPeriod(scenario);
  } catch (error) {
    if (error instanceof SynergyPayError)
      throw new SynergyPayError(error.issues.map((issue) => ({ ...issue, path: prefix(issue.path) })));
    throw error;
  }
}

/** Money as a signed string with the currency's digits. */
export function money(minor: bigint, digits: number): string {
  return formatMinor(minor, digits);
}
