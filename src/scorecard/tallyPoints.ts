import type * as z from 'zod/mini';
import { Dec, roundScore } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { applyCoefficientMap, compileCoefficientMap } from '../linkage/coefficientMap.js';
import { tallyPointsInputSchema } from './schema.js';
import { compareIds } from '../core/ids.js';

/** Input of {@link tallyPoints} (inferred from its schema). */
export type TallyPointsInput = z.input<typeof tallyPointsInputSchema>;

/** Why an entry was not counted. */
export type PointRejection = 'noEvidence' | 'notApproved' | 'selfApproved';

/** One ledger entry after review. */
export interface TalliedEntry {
  readonly id: string;
  readonly subject: string;
  /** The catalogue type, or `null`. */
  readonly type: string | null;
  /** Points carried (from the catalogue when typed). */
  readonly points: string;
  readonly accepted: boolean;
  /** Every reason the entry was rejected (empty when accepted), in a fixed order. */
  readonly reasons: PointRejection[];
}

/** One subject's net points and component score. */
export interface PointSubject {
  readonly id: string;
  /** Σ of accepted positive points. */
  readonly bonus: string;
  /** Σ of accepted negative points (≤ 0). */
  readonly penalty: string;
  /** bonus + penalty. */
  readonly net: string;
  readonly accepted: number;
  readonly rejected: number;
  /** The component score: the scoring map applied to net, clamped and rounded to the score decimals. */
  readonly score: string;
  readonly trace: TraceStep[];
}

/** Result of {@link tallyPoints}. Entries and subjects ordered by id. */
export interface TallyPointsResult {
  readonly entries: TalliedEntry[];
  readonly subjects: PointSubject[];
  /** Number of rejected entries. */
  readonly rejected: number;
}

const DEFAULT_SCORING = /* @__PURE__ */ Object.freeze({ kind: 'linear' as const });

/**
 * Tallies a ledger of collaboration bonus and penalty points [协同行为加减分, seed 003; 风险贡献积分,
 * seed 000] into a small scorecard component per subject (SPEC §3.7).
 *
 * Each entry names its subject, points (or a catalogue type that fixes them), reason, evidence,
 * proposer and approver. An entry is rejected — never silently dropped — when it has no evidence,
 * no approver, or was approved by its own proposer; the result lists every reason.
 *
 * **Formula.** net = Σ accepted points; score = round(clamp(intercept + slope · net, floor, cap))
 * to the score decimals (default map: score = net, floored at 0).
 * **References.** Seed 000: major risk avoided +10, better terms won +5, loss by negligence −20;
 * seed 003: the module weighs 5–10 %, entries need facts ["确保加减分都有事实依据"].
 *
 * @param input - `entries`, optional `catalogue`, `subjects`, `scoring`, `rounding`.
 * @returns Entries (accepted or rejected with reasons) and subjects with bonus, penalty, net and
 *   score, each ordered by id.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (no points, points differing from the type's,
 *   bad date), `INVALID_DECIMAL`, `NEGATIVE_VALUE`, `OUT_OF_RANGE`, `DUPLICATE_ID`,
 *   `UNKNOWN_REFERENCE` (an unknown type), `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`, `TIER_BOUNDS_NOT_ORDERED`,
 *   `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH` (a tier-table map).
 *
 * @example
 * ```ts
 * import { tallyPoints } from 'synergy-pay';
 * const result = tallyPoints({
 *   catalogue: [{ id: 'riskAvoided', points: 10 }, { id: 'negligentLoss', points: -20 }],
 *   entries: [
 *     { id: 'e1', subject: 'legal', type: 'riskAvoided', reason: 'clause 7', evidence: 'memo-12', proposer: 'cfo', approver: 'ceo', date: '2026-03-02' },
 *     { id: 'e2', subject: 'legal', type: 'riskAvoided', reason: 'clause 9', proposer: 'cfo', approver: 'cfo', date: '2026-03-09' },
 *   ],
 *   scoring: { kind: 'linear', intercept: 80, floor: 0, cap: 100 },
 * });
 * // result.subjects[0].net → '10', score → '90'; e2 rejected: ['noEvidence', 'selfApproved']
 * ```
 */
export function tallyPoints(input: TallyPointsInput): TallyPointsResult {
  const parsed = parseInput(tallyPointsInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const catalogue = parsed.catalogue ?? [];
  indexById(catalogue, ['catalogue'], issues);
  const typePoints = new Map<string, Dec>();
  for (const type of catalogue)
    if (!typePoints.has(type.id)) typePoints.set(type.id, new Dec(decimalText(type.points)));
  indexById(parsed.entries, ['entries'], issues);
  const map = compileCoefficientMap(
    parsed.scoring ?? DEFAULT_SCORING,
    ['scoring'],
    issues,
    policy,
    policy.scoreDecimals,
  );

  const entries: TalliedEntry[] = [];
  const totals = new Map<string, { bonus: Dec; penalty: Dec; accepted: number; rejected: number }>();
  for (const subject of parsed.subjects ?? [])
    totals.set(subject, { bonus: new Dec(0), penalty: new Dec(0), accepted: 0, rejected: 0 });

  parsed.entries.forEach((entry, i) => {
    let points: Dec | undefined;
    const given = entry.points === undefined ? undefined : new Dec(decimalText(entry.points));
    if (entry.type !== undefined) {
      points = typePoints.get(entry.type);
      if (points === undefined) {
        issues.add('UNKNOWN_REFERENCE', ['entries', i, 'type'], `no catalogue type has id "${entry.type}"`);
        return;
      }
      if (given !== undefined && !given.eq(points))
        issues.add(
          'INVALID_INPUT',
          ['entries', i, 'points'],
          `points ${given.toFixed()} differ from type "${entry.type}"'s ${points.toFixed()}; give one or the other`,
        );
    } else if (given === undefined) {
      issues.add('INVALID_INPUT', ['entries', i, 'points'], 'give points, or a catalogue type');
      return;
    } else {
      points = given;
    }
    const reasons: PointRejection[] = [];
    if (entry.evidence === undefined || entry.evidence === null || entry.evidence.trim() === '')
      reasons.push('noEvidence');
    if (entry.approver === undefined || entry.approver === null) reasons.push('notApproved');
    else if (entry.approver === entry.proposer) reasons.push('selfApproved');
    const accepted = reasons.length === 0;
    entries.push({
      id: entry.id,
      subject: entry.subject,
      type: entry.type ?? null,
      points: points.toFixed(),
      accepted,
      reasons,
    });
    let total = totals.get(entry.subject);
    if (total === undefined) {
      total = { bonus: new Dec(0), penalty: new Dec(0), accepted: 0, rejected: 0 };
      totals.set(entry.subject, total);
    }
    if (!accepted) {
      total.rejected++;
      return;
    }
    total.accepted++;
    if (points.gte(0)) total.bonus = total.bonus.plus(points);
    else total.penalty = total.penalty.plus(points);
  });
  issues.throwIfAny();

  const subjects: PointSubject[] = [...totals.entries()].map(([id, total]) => {
    const net = total.bonus.plus(total.penalty);
    const mapped = applyCoefficientMap(map, net, 'points.score');
    const score = roundScore(mapped.value, policy);
    return {
      id,
      bonus: total.bonus.toFixed(),
      penalty: total.penalty.toFixed(),
      net: net.toFixed(),
      accepted: total.accepted,
      rejected: total.rejected,
      score: score.toFixed(),
      trace: [
        traceStep(
          'points.net',
          'net = Σ accepted bonus + Σ accepted penalty',
          {
            bonus: total.bonus.toFixed(),
            penalty: total.penalty.toFixed(),
            accepted: total.accepted,
            rejected: total.rejected,
          },
          net.toFixed(),
        ),
        ...mapped.steps,
        traceStep(
          'points.roundScore',
          'score rounded to the score decimals',
          { score: mapped.value.toFixed(), decimals: policy.scoreDecimals },
          score.toFixed(),
        ),
      ],
    };
  });
  subjects.sort((a, b) => compareIds(a.id, b.id));
  entries.sort((a, b) => compareIds(a.id, b.id));
  return { entries, subjects, rejected: entries.filter((entry) => !entry.accepted).length };
}
