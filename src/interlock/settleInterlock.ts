import type * as z from 'zod/mini';
import { allocateMinor } from '../core/allocate.js';
import { minorDigits } from '../core/currency.js';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { checkTierTable, scoreOf, tierTrace, type CompiledTierTable } from '../tiers/tierScore.js';
import { settleInterlockInputSchema, type SettleInterlockInput } from './settleSchema.js';

/** One party's share of one interlocked indicator. */
export interface InterlockPartyShare {
  readonly id: string;
  /** The weight as given, canonical decimal. */
  readonly weight: string;
  /** The indicator's score, which enters this party's scorecard (shared by every party). */
  readonly score: string;
  /** The party's part of the reward (minor digits; `"0.00"` when not rewarded). */
  readonly reward: string;
  /** The party's part of the deduction (≥ 0; `"0.00"` without a severe miss). */
  readonly deduction: string;
  /** reward − deduction. */
  readonly net: string;
  /** Whether the party joins the joint review [复盘] of this indicator. */
  readonly review: boolean;
  readonly trace: TraceStep[];
}

/** The settlement of one interlocked indicator. */
export interface IndicatorSettlement {
  readonly id: string;
  /** The target as written. */
  readonly target: string;
  /** The actual as written, or the referenced member's credited amount (`"230.00"`). */
  readonly actual: string;
  /** Where the actual came from: a creditFacts member, or `null` when given as a decimal. */
  readonly actualSource: { readonly dimension: string; readonly member: string } | null;
  /** actual / target, rounded to the coefficient decimals; shared by every party. */
  readonly achievement: string;
  /** The indicator score from the tier table, rounded to the score decimals. */
  readonly score: string;
  /** Index of the band the achievement fell in (0 = best). */
  readonly band: number;
  readonly label: string | null;
  /** Whether achievement reached the reward threshold. */
  readonly rewarded: boolean;
  /** Whether achievement fell below the severe-miss threshold. */
  readonly severeMiss: boolean;
  /** Whether every party is flagged for the joint review. */
  readonly review: boolean;
  /** The reward paid (Σ of the parties' parts). */
  readonly reward: string;
  /** The deduction taken (Σ of the parties' parts). */
  readonly deduction: string;
  /** Parties ordered by id. */
  readonly parties: InterlockPartyShare[];
  readonly trace: TraceStep[];
}

/** One party's totals over every indicator it shares. */
export interface InterlockPartyTotal {
  readonly id: string;
  readonly reward: string;
  readonly deduction: string;
  readonly net: string;
  /** Ids of the indicators whose joint review the party must join (ordered). */
  readonly reviews: string[];
  /** Ids of the indicators the party shares (ordered). */
  readonly indicators: string[];
  readonly trace: TraceStep[];
}

/** A non-fatal remark about the plan. */
export interface InterlockWarning {
  /** `tooManyIndicators`: more than three interlocked indicators (seed 003 advises 2–3). */
  readonly code: 'tooManyIndicators';
  readonly message: string;
}

/** Result of {@link settleInterlock}. */
export interface SettleInterlockResult {
  readonly currency: string;
  /** Indicators ordered by id. */
  readonly indicators: IndicatorSettlement[];
  /** Per-party totals over all indicators, ordered by id. */
  readonly parties: InterlockPartyTotal[];
  /** Σ rewards, Σ deductions, and whether the parties' parts add up to them exactly. */
  readonly totals: {
    readonly reward: string;
    readonly deduction: string;
    readonly net: string;
    readonly conserved: boolean;
  };
  readonly warnings: InterlockWarning[];
  readonly trace: TraceStep[];
}

type Parsed = z.output<typeof settleInterlockInputSchema>;
type ParsedIndicator = Parsed['indicators'][number];

/** Seed 003: "一般挑选2–3个对战略至关重要的指标即可". */
const MAX_ADVISED_INDICATORS = 3;

/**
 * Settles interlocked indicators [指标互锁, seed 003]: a critical indicator owned jointly by
 * several parties (sales 0.5, product 0.3, delivery 0.2), so a miss is everybody's business.
 * The achievement a = actual / target is shared; its tier-table score enters every party's
 * scorecard; reaching the reward threshold pays a reward split by weight; falling below the
 * severe-miss threshold takes a deduction split by the same weights [奖惩对等] and flags every
 * party for the joint review [复盘] (SPEC §3.2). Plans with more than three interlocked
 * indicators get a warning: the article advises 2–3.
 *
 * **Formula.** a = round(actual / target, coefficient decimals); score = tier(a), rounded to the
 * score decimals; reward part_p = allocate(R, w) if a ≥ t_R, else 0; deduction part_p =
 * allocate(D, w) if a < t_S, else 0; net_p = reward_p − deduction_p; review ⇔ a < t_S (or a <
 * `reviewBelow`). Splits use the largest-remainder core: Σ parts = R (or D) exactly.
 *
 * **References.** Seed 003, "关键指标互锁(业绩双算)": 主责部门权重较高(如销售50%);
 * 指标达成:三方都按照权重享受奖金; 严重未达标时,三方绩效均有一定扣减; 三方都必须参与复盘.
 *
 * @param input - `currency`; `indicators` (`id`, `target`, `actual` as a decimal or
 *   `{ dimension, member }` into `credits`, `parties` [`id`, `weight`], `scoreTable`, optional
 *   `reward` {`threshold`, `amount`}, `severeMiss` {`threshold`, `deduction`}, `reviewBelow`);
 *   optional `credits` (a creditFacts result); optional `rounding`.
 * @returns Each indicator's achievement, score, reward and deduction with the parties' parts,
 *   per-party totals, the totals' conservation check, warnings and traces.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (also a score table that is not
 *   `higherIsBetter` on plain numbers), `INVALID_DECIMAL`, `INVALID_AMOUNT`, `NEGATIVE_VALUE`,
 *   `OUT_OF_RANGE` (a target ≤ 0, a severe-miss threshold above the reward threshold),
 *   `UNKNOWN_CURRENCY`, `CURRENCY_MISMATCH` (credits in another currency), `DUPLICATE_ID`,
 *   `UNKNOWN_REFERENCE` (an actual pointing to no credited member), `WEIGHTS_DO_NOT_SUM`, and the
 *   tier table's codes (`TIER_…`).
 *
 * @example
 * ```ts
 * import { settleInterlock } from 'synergy-pay';
 * const result = settleInterlock({
 *   currency: 'CNY',
 *   indicators: [{
 *     id: 'new-business-revenue',
 *     target: '1000000',
 *     actual: '1050000',
 *     parties: [{ id: 'sales', weight: '0.5' }, { id: 'product', weight: '0.3' }, { id: 'delivery', weight: '0.2' }],
 *     scoreTable: { direction: 'higherIsBetter', bands: [{ bound: '1', score: 100 }, { bound: '0.8', score: 80 }, { score: 0 }] },
 *     reward: { threshold: '1', amount: '30000' },
 *     severeMiss: { threshold: '0.7', deduction: '6000' },
 *   }],
 * });
 * // achievement 1.0500, score 100.00; reward 30000.00 → delivery 6000.00, product 9000.00, sales 15000.00
 * ```
 */
export function settleInterlock(input: SettleInterlockInput): SettleInterlockResult {
  const parsed = parseInput(settleInterlockInputSchema, input);
  const rounding = resolveRounding(parsed.rounding);
  const currency = parsed.currency;
  const digits = minorDigits(currency);
  const issues = new IssueList();

  const credits = creditIndex(parsed, issues);
  const seen = new Map<string, number>();
  const prepared = parsed.indicators.map((indicator, i) => {
    const first = seen.get(indicator.id);
    if (first !== undefined)
      issues.add(
        'DUPLICATE_ID',
        ['indicators', i, 'id'],
        `indicator "${indicator.id}" is already declared at indicators[${first}]`,
      );
    else seen.set(indicator.id, i);
    return prepareIndicator(indicator, ['indicators', i], digits, rounding, credits, issues);
  });
  issues.throwIfAny();

  const settled = prepared.map((indicator) => settle(indicator as PreparedIndicator, digits, rounding));
  settled.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const totals = new Map<string, { reward: bigint; deduction: bigint; reviews: string[]; indicators: string[] }>();
  let reward = 0n;
  let deduction = 0n;
  let partsSum = 0n;
  for (const indicator of settled) {
    reward += minorOf(indicator.reward, digits);
    deduction += minorOf(indicator.deduction, digits);
    for (const party of indicator.parties) {
      const total = totals.get(party.id) ?? { reward: 0n, deduction: 0n, reviews: [], indicators: [] };
      total.reward += minorOf(party.reward, digits);
      total.deduction += minorOf(party.deduction, digits);
      partsSum += minorOf(party.net, digits);
      total.indicators.push(indicator.id);
      if (party.review) total.reviews.push(indicator.id);
      totals.set(party.id, total);
    }
  }
  const parties = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, total]) => {
      const net = formatMinor(total.reward - total.deduction, digits);
      return {
        id,
        reward: formatMinor(total.reward, digits),
        deduction: formatMinor(total.deduction, digits),
        net,
        reviews: total.reviews,
        indicators: total.indicators,
        trace: [
          traceStep(
            'interlock.partyTotal',
            'net = Σ over the shared indicators of (reward part − deduction part)',
            {
              indicators: total.indicators.join(', '),
              reward: formatMinor(total.reward, digits),
              deduction: formatMinor(total.deduction, digits),
            },
            net,
          ),
        ],
      };
    });

  const warnings: InterlockWarning[] = [];
  if (settled.length > MAX_ADVISED_INDICATORS) {
    warnings.push({
      code: 'tooManyIndicators',
      message: `${settled.length} interlocked indicators: seed 003 advises only 2–3 critical ones, or joint ownership dilutes into no ownership`,
    });
  }
  const net = reward - deduction;
  const conserved = partsSum === net;
  return {
    currency,
    indicators: settled,
    parties,
    totals: {
      reward: formatMinor(reward, digits),
      deduction: formatMinor(deduction, digits),
      net: formatMinor(net, digits),
      conserved,
    },
    warnings,
    trace: [
      traceStep(
        'interlock.settlementTotals',
        'Σ over parties of (reward − deduction) = Σ rewards − Σ deductions',
        { rewards: formatMinor(reward, digits), deductions: formatMinor(deduction, digits), parties: parties.length },
        conserved ? 'holds' : 'fails',
      ),
    ],
  };
}

interface PreparedIndicator {
  readonly id: string;
  readonly target: Dec;
  readonly actual: Dec;
  /** The target and the actual as written (trailing zeros kept: "230.00"). */
  readonly targetText: string;
  readonly actualText: string;
  readonly actualSource: { dimension: string; member: string } | null;
  readonly partyIds: string[];
  readonly weights: Dec[];
  readonly weightTexts: string[];
  readonly table: CompiledTierTable;
  readonly reward: { threshold: Dec; amount: bigint } | undefined;
  readonly severeMiss: { threshold: Dec; deduction: bigint } | undefined;
  readonly reviewBelow: Dec | undefined;
}

function creditIndex(parsed: Parsed, issues: IssueList): Map<string, Map<string, string>> | undefined {
  const credits = parsed.credits;
  if (credits === undefined) return undefined;
  if (credits.currency !== parsed.currency) {
    issues.add(
      'CURRENCY_MISMATCH',
      ['credits', 'currency'],
      `the credits are in ${credits.currency}, the input in ${parsed.currency}`,
    );
  }
  const index = new Map<string, Map<string, string>>();
  for (const dimension of credits.dimensions) {
    const members = new Map<string, string>();
    for (const member of dimension.members) members.set(member.id, decimalText(member.amount));
    index.set(dimension.id, members);
  }
  return index;
}

function collect<T>(issues: IssueList, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
    return undefined;
  }
}

function prepareIndicator(
  indicator: ParsedIndicator,
  path: IssuePath,
  digits: number,
  rounding: RoundingPolicy,
  credits: Map<string, Map<string, string>> | undefined,
  issues: IssueList,
): PreparedIndicator | undefined {
  const before = issues.size;
  const target = new Dec(decimalText(indicator.target));
  if (target.lte(0))
    issues.add('OUT_OF_RANGE', [...path, 'target'], `a target must be more than zero, got ${target.toFixed()}`);

  let actual: Dec | undefined;
  let actualText = '';
  let actualSource: PreparedIndicator['actualSource'] = null;
  if (typeof indicator.actual === 'object') {
    const { dimension, member } = indicator.actual;
    actualSource = { dimension, member };
    const amount = credits?.get(dimension)?.get(member);
    if (credits === undefined)
      issues.add(
        'UNKNOWN_REFERENCE',
        [...path, 'actual'],
        `the actual refers to credits of "${dimension}/${member}", but no credits were given`,
      );
    else if (amount === undefined)
      issues.add(
        'UNKNOWN_REFERENCE',
        [...path, 'actual'],
        `the credits have no member "${member}" in dimension "${dimension}"`,
      );
    else {
      actualText = amount;
      actual = new Dec(amount);
    }
  } else {
    actualText = decimalText(indicator.actual);
    actual = new Dec(actualText);
  }

  const partyIds: string[] = [];
  const weights: Dec[] = [];
  const weightTexts: string[] = [];
  const seen = new Map<string, number>();
  let weightSum = new Dec(0);
  indicator.parties.forEach((party, p) => {
    const first = seen.get(party.id);
    if (first !== undefined)
      issues.add(
        'DUPLICATE_ID',
        [...path, 'parties', p, 'id'],
        `party "${party.id}" is already listed at parties[${first}]`,
      );
    else seen.set(party.id, p);
    const text = decimalText(party.weight);
    const weight = new Dec(text);
    partyIds.push(party.id);
    weights.push(weight.abs()); // only "-0" can be negative here
    weightTexts.push(weight.abs().toFixed());
    weightSum = weightSum.plus(weight);
  });
  if (!weightSum.eq(1))
    issues.add('WEIGHTS_DO_NOT_SUM', [...path, 'parties'], `the parties' weights sum to ${weightSum.toFixed()}, not 1`);

  const table = checkTierTable(indicator.scoreTable, [...path, 'scoreTable'], issues, rounding);
  if (table !== undefined && (table.direction !== 'higherIsBetter' || table.unit !== 'number')) {
    issues.add(
      'INVALID_INPUT',
      [...path, 'scoreTable'],
      'an achievement table must be higherIsBetter on plain numbers: a higher achievement never scores less',
    );
  }

  const reward =
    indicator.reward === undefined
      ? undefined
      : (() => {
          const amount = collect(issues, () =>
            parseMinor(indicator.reward?.amount, digits, [...path, 'reward', 'amount']),
          );
          return amount === undefined
            ? undefined
            : { threshold: new Dec(decimalText(indicator.reward.threshold)), amount };
        })();
  const severeMiss =
    indicator.severeMiss === undefined
      ? undefined
      : (() => {
          const deduction = collect(issues, () =>
            parseMinor(indicator.severeMiss?.deduction, digits, [...path, 'severeMiss', 'deduction']),
          );
          return deduction === undefined
            ? undefined
            : { threshold: new Dec(decimalText(indicator.severeMiss.threshold)), deduction };
        })();
  if (reward !== undefined && severeMiss !== undefined && severeMiss.threshold.gt(reward.threshold)) {
    issues.add(
      'OUT_OF_RANGE',
      [...path, 'severeMiss', 'threshold'],
      `the severe-miss threshold ${severeMiss.threshold.toFixed()} is above the reward threshold ${reward.threshold.toFixed()}`,
    );
  }
  if (issues.size > before || actual === undefined || table === undefined) return undefined;
  return {
    id: indicator.id,
    target,
    actual,
    targetText: decimalText(indicator.target),
    actualText,
    actualSource,
    partyIds,
    weights,
    weightTexts,
    table,
    reward,
    severeMiss,
    reviewBelow: indicator.reviewBelow === undefined ? undefined : new Dec(decimalText(indicator.reviewBelow)),
  };
}

function settle(indicator: PreparedIndicator, digits: number, rounding: RoundingPolicy): IndicatorSettlement {
  const decimals = rounding.coefficientDecimals;
  const achievement = roundCoefficient(indicator.actual.div(indicator.target), rounding);
  const achievementText = achievement.toFixed(decimals);
  const hit = scoreOf(indicator.table, achievement);
  const score = hit.score.toFixed(rounding.scoreDecimals);
  const band = indicator.table.bands[hit.band];

  const rewarded = indicator.reward !== undefined && achievement.gte(indicator.reward.threshold);
  const severeMiss = indicator.severeMiss !== undefined && achievement.lt(indicator.severeMiss.threshold);
  const review = severeMiss || (indicator.reviewBelow !== undefined && achievement.lt(indicator.reviewBelow));
  const rewardTotal = rewarded ? (indicator.reward?.amount ?? 0n) : 0n;
  const deductionTotal = severeMiss ? (indicator.severeMiss?.deduction ?? 0n) : 0n;
  // Weights sum to 1, so some weight is positive and allocateMinor never returns undefined.
  const rewardParts = allocateMinor(rewardTotal, indicator.weights, indicator.partyIds)?.parts ?? [];
  const deductionParts = allocateMinor(deductionTotal, indicator.weights, indicator.partyIds)?.parts ?? [];

  const order = indicator.partyIds
    .map((_, p) => p)
    .sort((a, b) => ((indicator.partyIds[a] as string) < (indicator.partyIds[b] as string) ? -1 : 1));
  const parties = order.map((p) => {
    const rewardPart = rewardParts[p] ?? 0n;
    const deductionPart = deductionParts[p] ?? 0n;
    const id = indicator.partyIds[p] as string;
    const weight = indicator.weightTexts[p] as string;
    const rewardText = formatMinor(rewardPart, digits);
    const deductionText = formatMinor(deductionPart, digits);
    const netText = formatMinor(rewardPart - deductionPart, digits);
    return {
      id,
      weight,
      score,
      reward: rewardText,
      deduction: deductionText,
      net: netText,
      review,
      trace: [
        traceStep(
          'interlock.rewardShare',
          "reward part = the party's largest-remainder share of the reward by weight",
          { reward: formatMinor(rewardTotal, digits), weight },
          rewardText,
        ),
        traceStep(
          'interlock.deductionShare',
          "deduction part = the party's largest-remainder share of the deduction by the same weight",
          { deduction: formatMinor(deductionTotal, digits), weight },
          deductionText,
        ),
        traceStep(
          'interlock.net',
          'net = reward part − deduction part',
          { reward: rewardText, deduction: deductionText },
          netText,
        ),
      ],
    };
  });

  const rewardText = formatMinor(rewardTotal, digits);
  const deductionText = formatMinor(deductionTotal, digits);
  const trace: TraceStep[] = [
    traceStep(
      'interlock.achievement',
      'a = round(actual / target, coefficient decimals), shared by every party',
      {
        actual: indicator.actualText,
        target: indicator.targetText,
        source:
          indicator.actualSource === null
            ? 'given'
            : `credits ${indicator.actualSource.dimension}/${indicator.actualSource.member}`,
      },
      achievementText,
    ),
    ...tierTrace(indicator.table, achievement, hit),
    traceStep(
      'interlock.reward',
      'reward = R if a ≥ reward threshold, else 0; split by weight (largest remainder)',
      {
        a: achievementText,
        threshold: indicator.reward?.threshold.toFixed() ?? 'none',
        R: indicator.reward === undefined ? 'none' : formatMinor(indicator.reward.amount, digits),
      },
      rewardText,
    ),
    traceStep(
      'interlock.deduction',
      'deduction = D if a < severe-miss threshold, else 0; split by the same weights [奖惩对等]',
      {
        a: achievementText,
        threshold: indicator.severeMiss?.threshold.toFixed() ?? 'none',
        D: indicator.severeMiss === undefined ? 'none' : formatMinor(indicator.severeMiss.deduction, digits),
      },
      deductionText,
    ),
    traceStep(
      'interlock.review',
      'every party joins the joint review [复盘] when a < severe-miss threshold (or a < reviewBelow)',
      { a: achievementText, severeMiss, reviewBelow: indicator.reviewBelow?.toFixed() ?? 'none' },
      review ? 'all parties flagged' : 'no review',
    ),
  ];
  return {
    id: indicator.id,
    target: indicator.targetText,
    actual: indicator.actualText,
    actualSource: indicator.actualSource,
    achievement: achievementText,
    score,
    band: hit.band,
    label: band?.label ?? null,
    rewarded,
    severeMiss,
    review,
    reward: rewardText,
    deduction: deductionText,
    parties,
    trace,
  };
}

function minorOf(text: string, digits: number): bigint {
  return parseMinor(text, digits, []);
}
