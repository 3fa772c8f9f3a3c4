import type { IssueList } from '../core/errors.js';
import { dayNumber } from './dates.js';
import { readMoney, type PersonWork } from './periodWork.js';
import type { PeriodContext } from './context.js';

/** The organisation indexed for the run: ids to positions in `org`, and one working record per person. */
export interface Organisation {
  /** Department id → index in `org.departments` (the first one when an id repeats). */
  readonly departmentIndex: Map<string, number>;
  /** Person id → index in `org.people` (the first one when an id repeats). */
  readonly personIndex: Map<string, number>;
  /** Per person, in org order: department, employment days and (empty) statement lines. */
  readonly work: PersonWork[];
}

/**
 * The organisation stage: indexes the scenario's departments and people and builds each
 * person's working record (department, first and last employed day, clamped to the period).
 * Inputs: `org` from the scenario, the resolved plan versions (grades, period). Adds to `issues`
 * (thrown later, with the data stage's): repeated department, person and grade ids, and a
 * person id that is also a department's (`DUPLICATE_ID`), unknown departments and grades
 * (`UNKNOWN_REFERENCE`) and employment ending before it starts (`DATES_OUT_OF_ORDER`).
 */
export function orgStage(context: PeriodContext, issues: IssueList): Organisation {
  const { departments, people } = context.scenario.org;
  const departmentIndex = new Map<string, number>();
  departments.forEach((department, i) => {
    claimId(departmentIndex, department.id, i, ['department', 'departments'], issues);
  });
  const personIndex = new Map<string, number>();
  const work = new Array<PersonWork>(people.length);
  for (let i = 0; i < people.length; i++) work[i] = readPerson(context, i, departmentIndex, personIndex, issues);
  checkGrades(context, issues);
  return { departmentIndex, personIndex, work };
}

/** Indexes row `i` of `org.<list>` by its id, or raises DUPLICATE_ID naming the first row with it. */
function claimId(
  index: Map<string, number>,
  id: string,
  i: number,
  [noun, list]: readonly [string, string],
  issues: IssueList,
): void {
  const first = index.get(id);
  if (first === undefined) index.set(id, i);
  else issues.add('DUPLICATE_ID', ['org', list, i, 'id'], `${noun} id "${id}" is already used at ${list}[${first}]`);
}

/** Person `i`'s working record, after indexing their id and checking their department, dates and grade. */
function readPerson(
  { scenario, resolved }: PeriodContext,
  i: number,
  departmentIndex: ReadonlyMap<string, number>,
  personIndex: Map<string, number>,
  issues: IssueList,
): PersonWork {
  const person = scenario.org.people[i]!;
  claimId(personIndex, person.id, i, ['person', 'people'], issues);
  // A rating's rater or ratee, a support score's or point entry's subject, an interlock party: one
  // id names a person or a department, so the two may not share one (SPEC §1: duplicate ids refused).
  const sameAs = departmentIndex.get(person.id);
  if (sameAs !== undefined)
    issues.add(
      'DUPLICATE_ID',
      ['org', 'people', i, 'id'],
      `person id "${person.id}" is already used at departments[${sameAs}] (a rater, ratee, subject or party id names one person or one department)`,
    );
  const department = departmentIndex.get(person.department);
  if (department === undefined)
    issues.add('UNKNOWN_REFERENCE', ['org', 'people', i, 'department'], `no department "${person.department}"`);
  if (person.start !== undefined && person.end !== undefined && person.end < person.start)
    issues.add(
      'DATES_OUT_OF_ORDER',
      ['org', 'people', i, 'end'],
      `employment ends ${person.end}, before it starts ${person.start}`,
    );
  const s = resolved.segmentVersions.findIndex((version) => !version.grades.some(({ id }) => id === person.grade));
  if (s !== -1)
    issues.add(
      'UNKNOWN_REFERENCE',
      ['org', 'people', i, 'grade'],
      `no grade "${person.grade}" in plan version "${resolved.segments[s]!.version}"`,
    );
  const { period } = resolved;
  return {
    index: i,
    id: person.id,
    department: department ?? 0,
    start: dayNumber(person.start ?? period.start),
    end: dayNumber(person.end ?? period.end),
    employedDays: 0,
    coefficient: '1',
    lines: [],
  };
}

/** No grade id repeats within a plan version of the period. */
function checkGrades({ scenario, resolved }: PeriodContext, issues: IssueList): void {
  resolved.segmentVersions.forEach((version, s) => {
    const seen = new Set<string>();
    version.grades.forEach((grade, g) => {
      if (seen.has(grade.id))
        issues.add(
          'DUPLICATE_ID',
          ['plan', 'versions', scenario.plan.versions.indexOf(version), 'grades', g, 'id'],
          `grade id "${grade.id}" repeats in version "${resolved.segments[s]!.version}"`,
        );
      seen.add(grade.id);
    });
  });
}

/** Monthly pay amounts in minor units. */
export interface MonthlyPay {
  readonly base: bigint;
  readonly target: bigint;
}

/** Grade pay per segment, and each person's personal rates. */
export interface PayRates {
  /** Per segment: grade id → monthly base pay and target bonus of the segment's plan version. */
  readonly gradePay: Map<string, MonthlyPay>[];
  /** Per person, in org order: a personal monthly base pay or target bonus, `undefined` when the grade's applies. */
  readonly overrides: { readonly base: bigint | undefined; readonly target: bigint | undefined }[];
}

/**
 * Reads the pay rates the statements are built from: each segment's grade amounts (`basePay`,
 * `targetBonus`, default 0) and each person's personal `basePay` / `targetBonus`, in minor units
 * of the plan currency. Bad amounts are added to `issues` (`INVALID_AMOUNT`, …) at their paths.
 */
export function readPayRates({ scenario, resolved, digits }: PeriodContext, issues: IssueList): PayRates {
  const gradePay = resolved.segmentVersions.map((version) => {
    const byId = new Map<string, MonthlyPay>();
    const v = scenario.plan.versions.indexOf(version);
    version.grades.forEach((grade, g) => {
      byId.set(grade.id, {
        base: readMoney(grade.basePay, digits, ['plan', 'versions', v, 'grades', g, 'basePay'], issues),
        target: readMoney(grade.targetBonus ?? 0, digits, ['plan', 'versions', v, 'grades', g, 'targetBonus'], issues),
      });
    });
    return byId;
  });
  const overrides = scenario.org.people.map((person, i) => ({
    base:
      person.basePay === undefined
        ? undefined
        : readMoney(person.basePay, digits, ['org', 'people', i, 'basePay'], issues),
    target:
      person.targetBonus === undefined
        ? undefined
        : readMoney(person.targetBonus, digits, ['org', 'people', i, 'targetBonus'], issues),
  }));
  return { gradePay, overrides };
}
