import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { parseMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import type { PoolCommissionRow } from './poolStage.js';
import type { LineDraft } from './statement.js';

/**
 * Small pieces shared by the stages of one period run (internal to `runPeriod`): the per-person
 * working record the stages fill in, and how money fields are read while issues are collected.
 */

/** Per-person working figures while the period runs: built by the organisation stage, filled in by the later stages. */
export interface PersonWork {
  readonly index: number;
  readonly id: string;
  /** Index of the person's department in `org.departments`. */
  readonly department: number;
  /** First and last employed day, as day numbers. */
  readonly start: number;
  readonly end: number;
  /** Days employed in the period, added up segment by segment by the statements stage. */
  employedDays: number;
  /** The coefficient applied to the target bonus (the last segment's). */
  coefficient: string;
  /**
   * The statement's lines, in the order the stages add them (sorted when rendered); replaced by
   * the statements stage, not cleared, once the statement is out (see `RENDERED` there).
   */
  lines: LineDraft[];
}

/** Collects money fields, adding problems as issues instead of stopping at the first one. */
export function readMoney(value: unknown, digits: number, path: IssuePath, issues: IssueList): bigint {
  try {
    return parseMinor(value, digits, path);
  } catch (error) {
    if (error instanceof SynergyPayError)
      for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
    else throw error;
    return 0n;
  }
}

/** The trace of a line when the scenario asks for none (shared, never mutated). */
export const NO_TRACE: TraceStep[] = [];

/** What commission rows, sales and released holds add to: the commission figures per segment and person (the data stage's). */
export interface CommissionFigures {
  readonly gross: bigint[][];
  readonly grossRows: number[][];
  readonly poolRows: (PoolCommissionRow[] | undefined)[][] | undefined;
}
