import { decimalText } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { addFixed, compareFixed, formatFixed, parseFixed, roundFixed, type Fixed } from '../core/fixed.js';
import { compareIds } from '../core/ids.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { applyCoefficientMap, compileCoefficientMap, type CompiledCoefficientMap } from '../tiers/coefficientMap.js';
import { tallyPointsInputSchema } from './schema.js';
import type * as t from './types.js';

/** A ledger whose rows are already validated (internal: `tallyPoints`' input, or the period's). */
export type Ledger = Omit<t.TallyPointsInput, 'rounding'>;

/** Where a ledger's rows came from: the entries, and the plan part (`catalogue`, `scoring`). */
export interface LedgerPaths {
  readonly entries: IssuePath;
  readonly plan: IssuePath;
}

/** A subject's running totals of accepted points. */
interface Totals {
  bonus: Fixed;
  penalty: Fixed;
  accepted: number;
  rejected: number;
}

const ZERO: Fixed = { n: 0n, scale: 0 };
const DEFAULT_SCORING = /* @__PURE__ */ Object.freeze({ kind: 'linear' as const });

/** An entry's points (from its catalogue type, or as given) and every reason to reject it. */
function reviewEntry(
  entry: t.PointEntryInput,
  at: IssuePath,
  types: ReadonlyMap<string, Fixed>,
  issues: IssueList,
): { row: t.TalliedEntry; points: Fixed } | undefined {
  const given = entry.points === undefined ? undefined : parseFixed(decimalText(entry.points));
  const typed = entry.type === undefined ? undefined : types.get(entry.type);
  if (entry.type !== undefined && typed === undefined)
    issues.add('UNKNOWN_REFERENCE', [...at, 'type'], `no catalogue type has id "${entry.type}"`);
  else if (typed !== undefined && given !== undefined && compareFixed(given, typed) !== 0) {
    const message = `points ${formatFixed(given)} differ from type "${entry.type!}"'s ${formatFixed(typed)}; give one or the other`;
    issues.add('INVALID_INPUT', [...at, 'points'], message);
  } else if (typed === undefined && given === undefined)
    issues.add('INVALID_INPUT', [...at, 'points'], 'give points, or a catalogue type');
  const points = entry.type === undefined ? given : typed;
  if (points === undefined) return undefined;
  const reasons: t.PointRejection[] = [];
  if (entry.evidence == null || entry.evidence.trim() === '') reasons.push('noEvidence');
  if (entry.approver == null) reasons.push('notApproved');
  else if (entry.approver === entry.proposer) reasons.push('selfApproved');
  const { id, subject, type = null } = entry;
  return { row: { id, subject, type, points: formatFixed(points), accepted: reasons.length === 0, reasons }, points };
}

/** A subject's net points and component score: score = round(map(net)) at the score decimals. */
function pointSubject(id: string, total: Totals, map: CompiledCoefficientMap, policy: RoundingPolicy): t.PointSubject {
  const [bonus, penalty] = [formatFixed(total.bonus), formatFixed(total.penalty)];
  const netFixed = addFixed(total.bonus, total.penalty);
  const net = formatFixed(netFixed);
  const mapped = applyCoefficientMap(map, netFixed, 'points.score');
  const score = formatFixed(roundFixed(mapped.value, policy.scoreDecimals, policy.mode));
  const { accepted, rejected } = total;
  const trace = [
    traceStep('points.net', 'net = Σ accepted bonus + Σ accepted penalty', { bonus, penalty, accepted, rejected }, net),
    ...mapped.steps,
    traceStep(
      'points.roundScore',
      'score rounded to the score decimals',
      { score: formatFixed(mapped.value), decimals: policy.scoreDecimals },
      score,
    ),
  ];
  return { id, bonus, penalty, net, accepted, rejected, score, trace };
}

/**
 * Tallies a validated ledger (internal: the period run tallies its point entries so): entries
 * reviewed in input order, subjects in the order first named. Issues go to `issues` at the
 * caller's paths; the result is `undefined` when there was one.
 */
export function tallyLedger(
  ledger: Ledger,
  policy: RoundingPolicy,
  at: LedgerPaths,
  issues: IssueList,
): { entries: t.TalliedEntry[]; subjects: t.PointSubject[] } | undefined {
  const before = issues.size;
  const catalogue = ledger.catalogue ?? [];
  const first = indexById(catalogue, [...at.plan, 'catalogue'], issues);
  const types = new Map([...first].map(([id, c]) => [id, parseFixed(decimalText(catalogue[c]!.points))]));
  indexById(ledger.entries, at.entries, issues);
  const scoring = ledger.scoring ?? DEFAULT_SCORING;
  const map = compileCoefficientMap(scoring, [...at.plan, 'scoring'], issues, policy, policy.scoreDecimals);
  const totals = new Map<string, Totals>();
  const totalOf = (id: string) =>
    totals.get(id) ?? totals.set(id, { bonus: ZERO, penalty: ZERO, accepted: 0, rejected: 0 }).get(id)!;
  for (const id of ledger.subjects ?? []) totalOf(id);
  const entries = ledger.entries.flatMap((entry, i) => {
    const reviewed = reviewEntry(entry, [...at.entries, i], types, issues);
    if (reviewed === undefined) return [];
    const total = totalOf(entry.subject);
    if (!reviewed.row.accepted) total.rejected++;
    else if (reviewed.points.n >= 0n) total.bonus = addFixed(total.bonus, reviewed.points);
    else total.penalty = addFixed(total.penalty, reviewed.points);
    if (reviewed.row.accepted) total.accepted++;
    return [reviewed.row];
  });
  if (issues.size > before) return undefined;
  return { entries, subjects: [...totals].map(([id, total]) => pointSubject(id, total, map!, policy)) };
}

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
export function tallyPoints(input: t.TallyPointsInput): t.TallyPointsResult {
  const parsed = parseInput(tallyPointsInputSchema, input);
  const issues = new IssueList();
  const tally = tallyLedger(parsed, resolveRounding(parsed.rounding), { entries: ['entries'], plan: [] }, issues);
  issues.throwIfAny();
  const byId = <T extends { readonly id: string }>(rows: T[]) => rows.sort((a, b) => compareIds(a.id, b.id));
  const entries = byId(tally!.entries);
  return { entries, subjects: byId(tally!.subjects), rejected: entries.filter((entry) => !entry.accepted).length };
}
