import { formatMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';

/**
 * The pay statement: seed 001's "个人薪酬看板" (personal pay dashboard) shows base pay by grade,
 * commission, the back-office support award and deductions, each with where it came from.
 */

/** What a statement line pays. Lines appear in this order, then by source id. */
export type StatementLineKind =
  'basePay' | 'performanceBonus' | 'commission' | 'poolAward' | 'interlockReward' | 'interlockDeduction' | 'deduction';

/** The order of line kinds on a statement. */
export const LINE_ORDER: readonly StatementLineKind[] = [
  'basePay',
  'performanceBonus',
  'commission',
  'poolAward',
  'interlockReward',
  'interlockDeduction',
  'deduction',
];

/** One line of a pay statement. Deductions are negative amounts, so the total is the plain sum. */
export interface StatementLine {
  readonly kind: StatementLineKind;
  /** Words for the line, e.g. "Base pay (grade P5)" or "Deduction: late 3×". */
  readonly label: string;
  /** The plan version the line was computed under. */
  readonly version: string;
  /** Amount with exactly the currency's minor digits (negative for deductions). */
  readonly amount: string;
  /**
   * The id of the data row or indicator the line comes from (a deduction's id, an interlocked
   * indicator's id); absent on lines computed per person (base pay, bonus, commission, award).
   * Present whatever the `trace` option, so what-ifs and corrections pair lines by it.
   */
  readonly source?: string;
  /** How the amount was derived. */
  readonly trace: TraceStep[];
}

/** One person's pay statement for the period. */
export interface PayStatement {
  readonly person: string;
  readonly name: string | null;
  readonly department: string;
  readonly side: 'front' | 'middle' | 'back';
  readonly grade: string;
  /** Days of the period the person was employed. */
  readonly employedDays: number;
  /** Performance coefficient applied to the target bonus (the last segment's when the period is split). */
  readonly coefficient: string;
  readonly lines: StatementLine[];
  /** Σ lines, exactly. */
  readonly total: string;
}

/** A statement line still holding its amount in minor units (internal). */
export interface LineDraft {
  readonly kind: StatementLineKind;
  readonly label: string;
  readonly version: string;
  /** Index of the segment (chronological) the line belongs to. */
  readonly segment: number;
  /** Tie-break inside a kind: the source row id (deduction id, interlock indicator, …). */
  readonly source: string;
  readonly minor: bigint;
  readonly trace: TraceStep[];
}

/** Orders line drafts by kind, then source id, then segment (chronological): stable and input-order free. */
export function sortLines(lines: LineDraft[]): LineDraft[] {
  return lines.sort((a, b) => {
    const kind = LINE_ORDER.indexOf(a.kind) - LINE_ORDER.indexOf(b.kind);
    if (kind !== 0) return kind;
    if (a.source !== b.source) return a.source < b.source ? -1 : 1;
    return a.segment - b.segment;
  });
}

/** Renders a line draft as a plain-JSON line. */
export function renderLine(line: LineDraft, digits: number): StatementLine {
  const amount = formatMinor(line.minor, digits);
  if (line.source === '')
    return { kind: line.kind, label: line.label, version: line.version, amount, trace: line.trace };
  return { kind: line.kind, label: line.label, version: line.version, amount, source: line.source, trace: line.trace };
}
