/**
 * RACI linkage [前中后台责任矩阵联动, seed 003]: for key tasks a responsibility matrix names who is
 * Responsible, Accountable, Consulted and Informed. The front line of a task rates the middle-
 * and back-office parties that support it on that task — and only them: no reverse rating of the
 * front line ("不需对前台反向设置协同扣分"), no rating by outsiders.
 *
 * @module
 */
import type { IssueList, IssuePath } from '../core/errors.js';
import type { RatingsPaths } from './settings.js';
import type { OutcomeReason, RaciTaskInput, RatingInput } from './types.js';

/** The checked matrix: per task, each party's role; and each party's side. */
export interface RaciIndex {
  readonly tasks: Map<string, Map<string, string>>;
  readonly sides: ReadonlyMap<string, string>;
}

/**
 * Checks the matrix — task ids unique, parties known and listed once per task, exactly one A and
 * at least one R per task (`INVALID_RACI_MATRIX`) — and indexes it.
 */
export function checkRaci(
  tasks: readonly RaciTaskInput[],
  sides: ReadonlyMap<string, string>,
  at: RatingsPaths,
  issues: IssueList,
): RaciIndex {
  const index = new Map<string, Map<string, string>>();
  tasks.forEach((task, t) => {
    if (index.has(task.id)) issues.add('DUPLICATE_ID', at('tasks', t, 'id'), `task id "${task.id}" is already used`);
    else
      index.set(
        task.id,
        taskRoles(task, sides, (...rest) => at('tasks', t, 'assignments', ...rest), issues),
      );
  });
  return { tasks: index, sides };
}

/** A path under one task's assignments. */
type TaskPath = (...rest: (string | number)[]) => IssuePath;

/** One task's role per party; problems go to `issues` at `at(…)` under the task's assignments. */
function taskRoles(task: RaciTaskInput, sides: ReadonlyMap<string, string>, at: TaskPath, issues: IssueList) {
  const roles = new Map<string, string>();
  task.assignments.forEach(({ party, role }, a) => {
    if (!sides.has(party))
      issues.add(
        'UNKNOWN_REFERENCE',
        at(a, 'party'),
        `party "${party}" is not in parties (its side is needed for the RACI check)`,
      );
    const given = roles.get(party);
    if (given === undefined) roles.set(party, role);
    else issues.add('DUPLICATE_ID', at(a, 'party'), `party "${party}" already has role ${given} on task "${task.id}"`);
  });
  const count = (role: string) => [...roles.values()].filter((r) => r === role).length;
  if (count('A') !== 1)
    issues.add(
      'INVALID_RACI_MATRIX',
      at(),
      `task "${task.id}" has ${count('A')} accountable (A) parties; exactly one is required`,
    );
  if (count('R') < 1)
    issues.add('INVALID_RACI_MATRIX', at(), `task "${task.id}" has no responsible (R) party; at least one is required`);
  return roles;
}

/**
 * Why a rating breaks the RACI rule, or `null` when it may count: the rater must be a front-line
 * party of the rating's task and the ratee a middle- or back-office party of the same task.
 */
export function raciRejection(
  raci: RaciIndex,
  rating: RatingInput,
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
