import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { compareFixed, parseFixed } from '../core/fixed.js';
import type { PeriodContext } from './context.js';
import type { SegmentStage } from './segmentStage.js';
import type { PayStatement, ReviewItem } from './types.js';

/** Row ids listed in a reason before the rest is counted. */
const LISTED_ROWS = 5;

/**
 * What the plausibility checks keep of the statements while they are produced (the statements
 * themselves are not kept): the `negativeNet` items, in statement order, and the people employed
 * no day of the period.
 */
export interface StatementFindings {
  readonly negativeNet: ReviewItem[];
  readonly absent: Set<string>;
}

/** Zero, to compare statement totals with. */
const ZERO = /* @__PURE__ */ parseFixed('0');

/** Findings before any statement. */
export function emptyFindings(): StatementFindings {
  return { negativeNet: [], absent: new Set() };
}

/** Notes what the plausibility checks need of one statement: a total below zero, no day employed. */
export function noteStatement(context: PeriodContext, findings: StatementFindings, statement: PayStatement): void {
  if (compareFixed(parseFixed(statement.total), ZERO) < 0)
    findings.negativeNet.push({
      kind: 'plausibility',
      code: 'negativeNet',
      id: statement.person,
      subjects: [statement.person],
      reason: `statement total ${statement.total} ${context.currency} below zero: net pay is negative`,
    });
  if (statement.employedDays === 0) findings.absent.add(statement.person);
}

/**
 * The plausibility items of the review queue (kind `plausibility`; none blocks the run unless
 * the plan lists its code in `plausibility.block`, see {@link throwIfBlocked}): every
 * statement whose total is below zero (`negativeNet`), every person employed no day of the
 * period who has commission, sale or deduction rows (`noDaysEmployed`), and every department whose
 * applied coefficient in some segment lies outside the plan's `plausibility.coefficient` range
 * (`coefficientOutOfRange`). Inputs: the findings noted of the statements ({@link noteStatement})
 * and the segment stages; the figures are read, never changed. Unordered (the queue orders them).
 */
export function plausibilityItems(
  context: PeriodContext,
  findings: StatementFindings,
  stages: readonly SegmentStage[],
): ReviewItem[] {
  return [
    ...findings.negativeNet,
    ...noDaysEmployed(context, findings.absent),
    ...coefficientOutOfRange(context, stages),
  ];
}

function noDaysEmployed(context: PeriodContext, absent: ReadonlySet<string>): ReviewItem[] {
  if (absent.size === 0) return [];
  const rows = new Map<string, { commission: string[]; sale: string[]; deduction: string[] }>();
  const attach = (kind: 'commission' | 'sale' | 'deduction', row: { id: string; person: string }) => {
    if (!absent.has(row.person)) return;
    const entry = rows.get(row.person) ?? { commission: [], sale: [], deduction: [] };
    entry[kind].push(row.id);
    rows.set(row.person, entry);
  };
  for (const row of context.data.commissions ?? []) attach('commission', row);
  for (const row of context.data.sales ?? []) attach('sale', row);
  for (const row of context.data.deductions ?? []) attach('deduction', row);
  const { period } = context.resolved;
  return [...rows].map(([person, attached]) => ({
    kind: 'plausibility',
    code: 'noDaysEmployed',
    id: person,
    subjects: [person],
    reason: `employed 0 of ${period.days} days (${period.start}…${period.end}), yet ${[
      rowList('commission', attached.commission),
      rowList('sale', attached.sale),
      rowList('deduction', attached.deduction),
    ]
      .filter((part) => part !== '')
      .join(' and ')} attached`,
  }));
}

/** `2 commission rows (c1, c2)`, the first few ids (in id order) listed; `''` for none. */
function rowList(kind: string, unordered: readonly string[]): string {
  if (unordered.length === 0) return '';
  const ids = [...unordered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const listed = ids.slice(0, LISTED_ROWS).join(', ');
  const more = ids.length > LISTED_ROWS ? `, … ${ids.length - LISTED_ROWS} more` : '';
  return `${ids.length} ${kind} row${ids.length === 1 ? '' : 's'} (${listed}${more})`;
}

function coefficientOutOfRange(context: PeriodContext, stages: readonly SegmentStage[]): ReviewItem[] {
  const range = context.scenario.plan.plausibility?.coefficient;
  if (range === undefined) return [];
  const [minText, maxText] = [decimalText(range.min), decimalText(range.max)];
  const [min, max] = [parseFixed(minText), parseFixed(maxText)];
  const split = stages.length > 1;
  return context.scenario.org.departments.flatMap((department, d) => {
    const outside = stages.flatMap((stage) => {
      const coefficient = stage.coefficient[d]!;
      const value = parseFixed(coefficient);
      if (compareFixed(value, min) >= 0 && compareFixed(value, max) <= 0) return [];
      const segment = context.resolved.segments[stage.segment]!;
      return [split ? `${coefficient} (segment ${segment.version}, ${segment.start}…${segment.end})` : coefficient];
    });
    if (outside.length === 0) return [];
    const item: ReviewItem = {
      kind: 'plausibility',
      code: 'coefficientOutOfRange',
      id: department.id,
      subjects: [department.id],
      reason: `coefficient ${outside.join(', ')} outside the plan's plausible range ${minText}…${maxText}`,
    };
    return [item];
  });
}

/**
 * Refuses the run when a finding has a code the plan declares blocking (`plan.plausibility.block`):
 * one `IMPLAUSIBLE_RESULT` issue per finding, at the path of the person (`$.org.people[i]`) or
 * department (`$.org.departments[d]`) it concerns, with the finding's reason.
 */
export function throwIfBlocked(context: PeriodContext, items: readonly ReviewItem[]): void {
  const block = context.scenario.plan.plausibility?.block;
  if (block === undefined || block.length === 0) return;
  const blocked = items.filter((item) => (block as readonly string[]).includes(item.code));
  if (blocked.length === 0) return;
  const { people, departments } = context.scenario.org;
  const personAt = new Map(people.map((person, i) => [person.id, i]));
  const departmentAt = new Map(departments.map((department, d) => [department.id, d]));
  const issues = new IssueList();
  for (const item of blocked) {
    const [list, at] =
      item.code === 'coefficientOutOfRange' ? ['departments', departmentAt] : (['people', personAt] as const);
    issues.add(
      'IMPLAUSIBLE_RESULT',
      ['org', list, at.get(item.id)!],
      `${item.code}: ${item.reason} (the plan blocks ${item.code})`,
    );
  }
  issues.throwIfAny();
}
