/**
 * RACI linkage [前中后台责任矩阵联动, seed 003]: for key tasks a responsibility matrix names who is
 * Responsible, Accountable, Consulted and Informed. The front line of a task rates the middle-
 * and back-office parties that support it on that task — and only them: no reverse rating of the
 * front line ("不需对前台反向设置协同扣分"), no rating by outsiders.
 *
 * @module
 */
import type { IssueList } from '../core/errors.js';
import type { OutcomeReason } from './analyse.js';
import type { RaciTaskInput } from './schema.js';

/** The checked matrix: per task, each party's role; and each party's side. */
export interface RaciIndex {
  readonly tasks: Map<string, Map<string, string>>;
  readonly sides: ReadonlyMap<string, string>;
}

/**
 * Checks the matrix — task ids unique, parties known and listed once per task, exactly one A and
 * at least one R per task (`INVALID_RACI_MATRIX`) — and indexes it.
 */
export function checkRaciTasks(
  tasks: readonly RaciTaskInput[],
  sides: ReadonlyMap<string, string> | undefined,
  issues: IssueList,
): RaciIndex {
  const index = new Map<string, Map<string, string>>();
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t] as RaciTaskInput;
    if (index.has(task.id)) {
      issues.add('DUPLICATE_ID', ['tasks', t, 'id'], `task id "${task.id}" is already used`);
      continue;
    }
    const roles = new Map<string, string>();
    let accountable = 0;
    let responsible = 0;
    for (let a = 0; a < task.assignments.length; a++) {
      const { party, role } = task.assignments[a] as RaciTaskInput['assignments'][number];
      if (sides === undefined || !sides.has(party))
        issues.add(
          'UNKNOWN_REFERENCE',
          ['tasks', t, 'assignments', a, 'party'],
          `party "${party}" is not in parties (its side is needed for the RACI check)`,
        );
      if (roles.has(party)) {
        issues.add(
          'DUPLICATE_ID',
          ['tasks', t, 'assignments', a, 'party'],
          `party "${party}" already has role ${roles.get(party) as string} on task "${task.id}"`,
        );
        continue;
      }
      roles.set(party, role);
      if (role === 'A') accountable++;
      if (role === 'R') responsible++;
    }
    if (accountable !== 1)
      issues.add(
        'INVALID_RACI_MATRIX',
        ['tasks', t, 'assignments'],
        `task "${task.id}" has ${accountable} accountable (A) parties; exactly one is required`,
      );
    if (responsible < 1)
      issues.add(
        'INVALID_RACI_MATRIX',
        ['tasks', t, 'assignments'],
        `task "${task.id}" has no responsible (R) party; at least one is required`,
      );
    index.set(task.id, roles);
  }
  return { tasks: index, sides: sides ?? new Map() };
}

/**
 * Why a rating breaks the RACI rule, or `null` when it may count: the rater must be a front-line
 * party of the rating's task and the ratee a middle- or back-office party of the same task.
 */
export function raciRejection(
  raci: RaciIndex,
  rating: { readonly rater: string; readonly ratee: string; readonly task?: string | undefined },
  untasked: 'reject' | 'accept',
): OutcomeReason | null {
  if (rating.task === undefined) return untasked === 'reject' ? 'noTask' : null;
  const roles = raci.tasks.get(rating.task);
  if (roles === undefined) return null; // reported as UNKNOWN_REFERENCE by the caller
  if (!roles.has(rating.rater)) return 'raterNotOnTask';
  if (raci.sides.get(rating.rater) !== 'front') return 'raterNotFrontLine';
  if (!roles.has(rating.ratee)) return 'rateeNotOnTask';
  if (raci.sides.get(rating.ratee) === 'front') return 'rateeNotSupporting';
  return null;
}
