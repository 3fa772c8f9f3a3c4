import { formatMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import type { PoolAwardTerms } from './poolStage.js';
import type { StatementLine, StatementLineKind, StatementSubtotal } from './types.js';

/**
 * The pay statement: seed 001's "个人薪酬看板" (personal pay dashboard) shows base pay by grade,
 * commission, the back-office support award and deductions, each with where it came from.
 */

/** The kinds of statement line, in the order a statement lists them. */
export const statementLineKinds: readonly StatementLineKind[] = [
  'basePay',
  'performanceBonus',
  'commission',
  'poolAward',
  'interlockReward',
  'interlockDeduction',
  'guaranteeTopUp',
  'drawAdvance',
  'drawRecovery',
  'deduction',
];

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
  /**
   * The line's trace, or how to build it when the statement is rendered (the lines that exist
   * before the statements are built, such as an interlock department's split, keep no trace of
   * their own until then).
   */
  readonly trace: TraceStep[] | (() => TraceStep[]);
  /** A pool award's score, f and basis (pool award lines only). */
  readonly terms?: PoolAwardTerms | undefined;
}

/** Orders line drafts by kind, then source id, then segment (chronological): stable and input-order free. */
export function sortLines(lines: LineDraft[]): LineDraft[] {
  return lines.sort((a, b) => {
    const kind = statementLineKinds.indexOf(a.kind) - statementLineKinds.indexOf(b.kind);
    if (kind !== 0) return kind;
    if (a.source !== b.source) return a.source < b.source ? -1 : 1;
    return a.segment - b.segment;
  });
}

/** Renders a line draft as a plain-JSON line. */
export function renderLine(draft: LineDraft, digits: number): StatementLine {
  const line =
    typeof draft.trace === 'function'
      ? { ...draft, trace: draft.trace() }
      : (draft as LineDraft & { trace: TraceStep[] });
  const amount = formatMinor(line.minor, digits);
  if (line.terms !== undefined) {
    const { score, weighting, basis } = line.terms;
    return {
      kind: line.kind,
      label: line.label,
      version: line.version,
      amount,
      score,
      weighting,
      basis,
      trace: line.trace,
    };
  }
  if (line.source === '')
    return { kind: line.kind, label: line.label, version: line.version, amount, trace: line.trace };
  return { kind: line.kind, label: line.label, version: line.version, amount, source: line.source, trace: line.trace };
}

/** Each pay component in words, as its subtotal names it. */
export const componentLabels: Readonly<Record<StatementLineKind, string>> = {
  basePay: 'Base pay',
  performanceBonus: 'Performance bonus',
  commission: 'Commission (net)',
  poolAward: 'Back-office support award',
  interlockReward: 'Interlock rewards',
  interlockDeduction: 'Interlock deductions',
  guaranteeTopUp: 'Guarantee top-ups',
  drawAdvance: 'Draw advances',
  drawRecovery: 'Draw recoveries',
  deduction: 'Deductions',
};

/** One subtotal per kind present among sorted line drafts (lines of a kind are adjacent), in kind order. */
export function subtotalsOf(lines: readonly LineDraft[], digits: number): StatementSubtotal[] {
  const subtotals: StatementSubtotal[] = [];
  let i = 0;
  while (i < lines.length) {
    const kind = lines[i]!.kind;
    let sum = 0n;
    let j = i;
    for (; j < lines.length && lines[j]!.kind === kind; j++) sum += lines[j]!.minor;
    subtotals.push({ kind, label: componentLabels[kind], lines: j - i, amount: formatMinor(sum, digits) });
    i = j;
  }
  return subtotals;
}
