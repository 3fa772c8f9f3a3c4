import type { PersonWork } from './periodWork.js';
import type { Scenario } from './scenarioInput.js';
import type { SegmentStage } from './segmentStage.js';
import type { DepartmentResult } from './types.js';
import { orderIds } from '../core/ids.js';

/**
 * The result's departments, ordered by id: headcount, and what the last segment's mechanisms gave
 * each (own coefficient D, applied coefficient, linkage, scorecard, response times, rating), with
 * the trace of every segment. Inputs: the org, the people's working records and the segment stages.
 */
export function departmentResults(
  departments: Scenario['org']['departments'],
  work: readonly PersonWork[],
  stages: readonly SegmentStage[],
): DepartmentResult[] {
  const headcount = new Array<number>(departments.length).fill(0);
  for (const w of work) headcount[w.department]! += 1;
  const last = stages.at(-1)!;
  const departmentOrder = orderIds(departments.map((department) => department.id));
  return Array.from(departmentOrder, (d) => {
    const department = departments[d]!;
    return {
      id: department.id,
      name: department.name ?? null,
      side: department.side,
      headcount: headcount[d]!,
      ownCoefficient: last.own[d]!,
      coefficient: last.coefficient[d]!,
      linkage: last.linkage?.[d] ?? null,
      scorecard: last.scorecards?.[d] ?? null,
      responseTimes: last.responseTimes?.get(department.id) ?? null,
      rating: last.rateeScores.get(department.id) ?? null,
      trace: stages.flatMap((stage) => stage.departmentTrace[d]!),
    };
  });
}
