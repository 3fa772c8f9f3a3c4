import { allocateScaled, scaleWeightTexts, type ScaledWeights } from '../core/allocate.js';
import { minorDigits } from '../core/currency.js';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { formatFixed, parseFixed, sumFixed } from '../core/fixed.js';
import { compareIds, orderIds } from '../core/ids.js';
import { formatMinor } from '../core/money.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { checkTierTable, scoreOf, tierTrace, type CompiledTierTable } from '../tiers/tierScore.js';
import { firstIndex, readMinor } from './creditFacts.js';
import { messages, step } from './messages.js';
import { settleInterlockInputSchema } from './schema.js';
import type {
  IndicatorSettlement,
  InterlockCredits,
  InterlockIndicator,
  InterlockPartyShare,
  InterlockPartyTotal,
  SettleInterlockInput,
  SettleInterlockResult,
} from './types.js';

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
  const { currency, indicators, credits, rounding } = parseInput(settleInterlockInputSchema, input);
  const issues = new IssueList();
  if (credits !== undefined && credits.currency !== currency)
    issues.add(
      'CURRENCY_MISMATCH',
      ['credits', 'currency'],
      messages.currencyMismatch('the credits are', credits.currency, currency),
    );
  const plan = { currency, rounding: resolveRounding(rounding), credits: credits && creditLookup(credits) };
  return settleIndicators(plan, indicators, ['indicators'], issues).result;
}

/** Credited amounts (as written) by dimension and member id. */
export type CreditLookup = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The lookup of a `creditFacts` result's credits (or of any {@link InterlockCredits}). */
export function creditLookup(credits: InterlockCredits): CreditLookup {
  return new Map(credits.dimensions.map((d) => [d.id, new Map(d.members.map((m) => [m.id, decimalText(m.amount)]))]));
}

/** What the indicators are settled under: the currency, the rounding, the credits `actual` references read. */
export interface SettlePlan {
  readonly currency: string;
  readonly rounding: RoundingPolicy;
  readonly credits: CreditLookup | undefined;
}

/** One party's reward and deduction parts of one indicator, in minor units. */
export interface PartyParts {
  readonly reward: bigint;
  readonly deduction: bigint;
}

/** A settlement: the result, and the parties' parts in minor units (`parts[k][p]` for `result.indicators[k].parties[p]`). */
export interface InterlockSettlement {
  readonly result: SettleInterlockResult;
  readonly parts: readonly (readonly PartyParts[])[];
}

/**
 * {@link settleInterlock} once its input passed the schema: checks each indicator (issues at
 * `[...at, i, …]`, added to `issues` and thrown together), settles it, and sums per party. The
 * period run calls it with a plan version's indicators, the period's credits and its own path.
 *
 * @throws {@link SynergyPayError} with every problem found, at the caller's paths.
 */
export function settleIndicators(
  plan: SettlePlan,
  indicators: readonly InterlockIndicator[],
  at: IssuePath,
  issues = new IssueList(),
): InterlockSettlement {
  const digits = minorDigits(plan.currency);
  const seen = new Map<string, number>();
  const prepared = indicators.map((indicator, i) => {
    const first = firstIndex(seen, indicator.id, i);
    const where = `declared at indicators[${String(first)}]`;
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...at, i, 'id'], messages.repeat('indicator', indicator.id, where));
    return prepareIndicator(indicator, [...at, i], digits, plan, issues);
  });
  issues.throwIfAny();
  const settled = prepared.map((indicator) => settle(indicator!, digits, plan.rounding));
  settled.sort((a, b) => compareIds(a.result.id, b.result.id));
  return { result: summarise(settled, plan.currency, digits), parts: settled.map((indicator) => indicator.parts) };
}

/** An indicator whose figures passed every check. */
interface PreparedIndicator {
  readonly id: string;
  readonly target: Dec;
  readonly actual: Dec;
  /** The target and the actual as written (trailing zeros kept: "230.00"). */
  readonly targetText: string;
  readonly actualText: string;
  readonly actualSource: { dimension: string; member: string } | null;
  readonly partyIds: string[];
  readonly weightTexts: string[];
  readonly weights: ScaledWeights;
  readonly table: CompiledTierTable;
  readonly reward: { threshold: Dec; amount: bigint } | undefined;
  readonly severeMiss: { threshold: Dec; deduction: bigint } | undefined;
  readonly reviewBelow: Dec | undefined;
}

/** A settled indicator with its totals and the parties' parts (in the order of its `parties`) in minor units. */
interface SettledIndicator {
  readonly result: IndicatorSettlement;
  readonly reward: bigint;
  readonly deduction: bigint;
  readonly parts: PartyParts[];
}

const decimal = (value: DecimalInput): Dec => new Dec(decimalText(value));

/** Checks one indicator: target > 0, a known actual, parties, its table, reward and severe miss. */
function prepareIndicator(
  indicator: InterlockIndicator,
  path: IssuePath,
  digits: number,
  plan: SettlePlan,
  issues: IssueList,
): PreparedIndicator | undefined {
  const before = issues.size;
  const target = decimal(indicator.target);
  if (target.lte(0)) issues.add('OUT_OF_RANGE', [...path, 'target'], messages.targetNotPositive(target.toFixed()));
  const actual = actualOf(indicator.actual, [...path, 'actual'], plan.credits, issues);
  const parties = partiesOf(indicator, path, issues);
  const table = checkTierTable(indicator.scoreTable, [...path, 'scoreTable'], issues, plan.rounding);
  if (table !== undefined && (table.direction !== 'higherIsBetter' || table.unit !== 'number'))
    issues.add('INVALID_INPUT', [...path, 'scoreTable'], messages.achievementTable);
  const { reward: rewardInput, severeMiss: missInput } = indicator;
  const rewardAmount = rewardInput && readMinor(rewardInput.amount, digits, [...path, 'reward', 'amount'], issues);
  const deduction = missInput && readMinor(missInput.deduction, digits, [...path, 'severeMiss', 'deduction'], issues);
  const reward =
    rewardAmount === undefined ? undefined : { threshold: decimal(rewardInput!.threshold), amount: rewardAmount };
  const severeMiss = deduction === undefined ? undefined : { threshold: decimal(missInput!.threshold), deduction };
  if (reward !== undefined && severeMiss !== undefined && severeMiss.threshold.gt(reward.threshold))
    issues.add(
      'OUT_OF_RANGE',
      [...path, 'severeMiss', 'threshold'],
      messages.thresholds(severeMiss.threshold.toFixed(), reward.threshold.toFixed()),
    );
  if (issues.size > before || actual === undefined || table === undefined) return undefined;
  const reviewBelow = indicator.reviewBelow === undefined ? undefined : decimal(indicator.reviewBelow);
  const targetText = decimalText(indicator.target);
  return { id: indicator.id, target, targetText, ...actual, ...parties, table, reward, severeMiss, reviewBelow };
}

/** The actual as given, or the credit of the member it references. */
function actualOf(
  actual: InterlockIndicator['actual'],
  path: IssuePath,
  credits: CreditLookup | undefined,
  issues: IssueList,
): Pick<PreparedIndicator, 'actual' | 'actualText' | 'actualSource'> | undefined {
  if (typeof actual !== 'object')
    return { actual: decimal(actual), actualText: decimalText(actual), actualSource: null };
  const { dimension, member } = actual;
  const credited = credits?.get(dimension)?.get(member);
  if (credited !== undefined)
    return { actual: new Dec(credited), actualText: credited, actualSource: { dimension, member } };
  const message =
    credits === undefined ? messages.noCredits(dimension, member) : messages.notCredited(dimension, member);
  issues.add('UNKNOWN_REFERENCE', path, message);
  return undefined;
}

/** The parties (ids unique) and their weights, which sum to exactly 1. */
function partiesOf(
  indicator: InterlockIndicator,
  path: IssuePath,
  issues: IssueList,
): Pick<PreparedIndicator, 'partyIds' | 'weightTexts' | 'weights'> {
  const seen = new Map<string, number>();
  indicator.parties.forEach(({ id }, p) => {
    const first = firstIndex(seen, id, p);
    const where = `listed at parties[${String(first)}]`;
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...path, 'parties', p, 'id'], messages.repeat('party', id, where));
  });
  // Weights are ≥ 0: only "-0…" carries a sign, and the canonical text drops it.
  const weightTexts = indicator.parties.map((party) => formatFixed(parseFixed(decimalText(party.weight))));
  const sum = formatFixed(sumFixed(weightTexts.map(parseFixed)));
  if (sum !== '1') issues.add('WEIGHTS_DO_NOT_SUM', [...path, 'parties'], messages.weightsSum(sum));
  return { partyIds: indicator.parties.map((party) => party.id), weightTexts, weights: scaleWeightTexts(weightTexts) };
}

/** a = round(actual / target); the tier score of a; the reward if a ≥ t_R, the deduction if a < t_S, split by weight. */
function settle(indicator: PreparedIndicator, digits: number, rounding: RoundingPolicy): SettledIndicator {
  const { reward, severeMiss, reviewBelow, weights, partyIds, table } = indicator;
  const achievement = roundCoefficient(indicator.actual.div(indicator.target), rounding);
  const hit = scoreOf(table, achievement);
  const rewarded = reward !== undefined && achievement.gte(reward.threshold);
  const missed = severeMiss !== undefined && achievement.lt(severeMiss.threshold);
  const review = missed || (reviewBelow !== undefined && achievement.lt(reviewBelow));
  const totals = { reward: rewarded ? reward.amount : 0n, deduction: missed ? severeMiss.deduction : 0n };
  // The weights sum to 1, so one is positive and the split always succeeds.
  const split = (total: bigint) => Array.from(allocateScaled(total, weights, partyIds)!.parts, BigInt);
  const [rewards, deductions] = [split(totals.reward), split(totals.deduction)];
  const order = Array.from(orderIds(partyIds));
  const parts = order.map((p) => ({ reward: rewards[p]!, deduction: deductions[p]! }));
  const a = achievement.toFixed(rounding.coefficientDecimals);
  const score = hit.score.toFixed(rounding.scoreDecimals);
  const texts = { reward: formatMinor(totals.reward, digits), deduction: formatMinor(totals.deduction, digits) };
  const share = { score, review, totals: texts, digits };
  const source = indicator.actualSource;
  const inputs = { actual: indicator.actualText, target: indicator.targetText, source: sourceText(source) };
  const result: IndicatorSettlement = {
    id: indicator.id,
    target: indicator.targetText,
    actual: indicator.actualText,
    actualSource: source,
    achievement: a,
    score,
    band: hit.band,
    label: table.bands[hit.band]?.label ?? null,
    rewarded,
    severeMiss: missed,
    review,
    reward: texts.reward,
    deduction: texts.deduction,
    parties: order.map((p, k) => partyShare(partyIds[p]!, indicator.weightTexts[p]!, parts[k]!, share)),
    trace: [
      step('achievement', inputs, a),
      ...tierTrace(table, achievement, hit),
      ...outcomeTrace(indicator, { a, severeMiss: missed, review }, texts, digits),
    ],
  };
  return { result, ...totals, parts };
}

function sourceText(source: PreparedIndicator['actualSource']): string {
  return source === null ? 'given' : `credits ${source.dimension}/${source.member}`;
}

/** The reward, deduction and review steps of an indicator's trace. */
function outcomeTrace(
  { reward, severeMiss, reviewBelow }: PreparedIndicator,
  flags: { a: string; severeMiss: boolean; review: boolean },
  totals: { reward: string; deduction: string },
  digits: number,
): TraceStep[] {
  const { a, review } = flags;
  const [rewardAt, missAt] = [reward?.threshold.toFixed() ?? 'none', severeMiss?.threshold.toFixed() ?? 'none'];
  const R = reward === undefined ? 'none' : formatMinor(reward.amount, digits);
  const D = severeMiss === undefined ? 'none' : formatMinor(severeMiss.deduction, digits);
  const reviewInputs = { a, severeMiss: flags.severeMiss, reviewBelow: reviewBelow?.toFixed() ?? 'none' };
  return [
    step('reward', { a, threshold: rewardAt, R }, totals.reward),
    step('deduction', { a, threshold: missAt, D }, totals.deduction),
    step('review', reviewInputs, review ? 'all parties flagged' : 'no review'),
  ];
}

/** One party's share of an indicator: the shared score, its reward and deduction parts, the net. */
function partyShare(
  id: string,
  weight: string,
  parts: PartyParts,
  {
    score,
    review,
    totals,
    digits,
  }: { score: string; review: boolean; totals: { reward: string; deduction: string }; digits: number },
): InterlockPartyShare {
  const reward = formatMinor(parts.reward, digits);
  const deduction = formatMinor(parts.deduction, digits);
  const net = formatMinor(parts.reward - parts.deduction, digits);
  const trace = [
    step('rewardShare', { reward: totals.reward, weight }, reward),
    step('deductionShare', { deduction: totals.deduction, weight }, deduction),
    step('net', { reward, deduction }, net),
  ];
  return { id, weight, score, reward, deduction, net, review, trace };
}

/** One party's running totals over the indicators it shares. */
interface PartyTotals {
  reward: bigint;
  deduction: bigint;
  readonly reviews: string[];
  readonly indicators: string[];
}

/** Per-party totals over the indicators, Σ rewards and deductions, and whether the parts add up to them. */
function summarise(settled: readonly SettledIndicator[], currency: string, digits: number): SettleInterlockResult {
  const totals = new Map<string, PartyTotals>();
  let [reward, deduction, partsNet] = [0n, 0n, 0n];
  for (const { result: indicator, parts, ...sums } of settled) {
    reward += sums.reward;
    deduction += sums.deduction;
    indicator.parties.forEach((party, p) => {
      const total = totals.get(party.id) ?? { reward: 0n, deduction: 0n, reviews: [], indicators: [] };
      total.reward += parts[p]!.reward;
      total.deduction += parts[p]!.deduction;
      partsNet += parts[p]!.reward - parts[p]!.deduction;
      total.indicators.push(indicator.id);
      if (party.review) total.reviews.push(indicator.id);
      totals.set(party.id, total);
    });
  }
  const parties = [...totals].sort(([a], [b]) => compareIds(a, b)).map(([id, total]) => partyTotal(id, total, digits));
  const texts = { reward: formatMinor(reward, digits), deduction: formatMinor(deduction, digits) };
  const conserved = partsNet === reward - deduction;
  const inputs = { rewards: texts.reward, deductions: texts.deduction, parties: parties.length };
  const count = settled.length;
  return {
    currency,
    indicators: settled.map((indicator) => indicator.result),
    parties,
    totals: { ...texts, net: formatMinor(reward - deduction, digits), conserved },
    warnings:
      count > MAX_ADVISED_INDICATORS ? [{ code: 'tooManyIndicators', message: messages.tooManyIndicators(count) }] : [],
    trace: [step('settlementTotals', inputs, conserved ? 'holds' : 'fails')],
  };
}

function partyTotal(id: string, { reviews, indicators, ...total }: PartyTotals, digits: number): InterlockPartyTotal {
  const reward = formatMinor(total.reward, digits);
  const deduction = formatMinor(total.deduction, digits);
  const net = formatMinor(total.reward - total.deduction, digits);
  const trace = [step('partyTotal', { indicators: indicators.join(', '), reward, deduction }, net)];
  return { id, reward, deduction, net, reviews, indicators, trace };
}
