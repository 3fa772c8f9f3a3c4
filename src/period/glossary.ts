/**
 * Trace symbols in plain words (issue 17 §6): every input name a trace step carries — `D`,
 * `basis`, `f(score)`, `employedDays` — with what it means, so that a statement reads as
 * sentences ("own coefficient D 1.08, days employed in the line's part of the period 30") rather
 * than as the formula's shorthand. The trace keeps its short keys (they are stable and
 * machine-read); the words are for people: `synergy-pay explain`, reports, a vendor's UI.
 */

/** Words for an input name, whatever the rule. */
const WORDS: Readonly<Record<string, string>> = {
  // statements
  employedDays: "days employed in the line's part of the period",
  monthly: 'monthly amount of the grade',
  months: 'months in the period',
  periodDays: 'days in the period',
  coefficient: 'performance coefficient',
  target: 'target bonus for the days employed',
  rows: 'commission rows',
  gross: 'gross commission',
  contribution: 'contribution to the support pool',
  id: 'row id',
  reason: 'reason given',
  // linkage and coefficients
  B: 'linked coefficient B',
  C: 'company KPI coefficient C',
  D: "department's own coefficient D",
  department: 'department',
  kpi: 'company KPI of the uniform figure',
  ratioSum: 'sum of the relevance ratios Σr',
  terms: 'each relevance ratio × its KPI coefficient (r·C)',
  uniform: 'uniform coefficient D·C',
  // pool
  p: 'carve rate p',
  mode: 'contribution rounding',
  people: 'people counted',
  'Σ base': "sum of the contributors' commission bases",
  base: 'commission base the carve applies to',
  reversals: 'contributions given back for clawed-back sales',
  share: 'carved share round(p × base)',
  carved: 'amount carved',
  reversed: 'amount given back',
  policy: 'clawback policy',
  kind: 'weighting function',
  basis: 'basis (what multiplies f(score): days employed, FTE or one)',
  exponent: 'exponent of f',
  'f(score)': 'weighting function f of the score',
  floor: 'eligibility floor',
  score: 'support score',
  weightDecimals: 'decimal places of f(score)',
  weight: 'weight',
  'Σ weight': "sum of every recipient's weight",
  M: 'amount shared',
  W: 'sum of the weights',
  k: 'recipients',
  round: 'rounding mode',
  shares: 'shares',
  total: 'total',
  amount: 'amount',
  capped: 'whether the cap applied',
  pool: 'pool',
  'Σ net': 'sum of the net commissions',
  'Σ awards': 'sum of the awards',
  fallbackReason: 'why the fallback was used',
  pending: 'reviews still open that may change it',
  scoreFrom: "the plan's score source",
  source: 'source used',
  subject: 'whose score',
  // interlock
  a: 'achievement a',
  R: 'reward R',
  actual: 'actual result',
  credit: 'credited amount',
  decimals: 'decimal places',
  threshold: 'threshold',
  deduction: 'deduction',
  reward: 'reward',
  reviewBelow: 'achievement below which the indicator is reviewed',
  severeMiss: 'severe-miss threshold',
  credited: 'amount credited',
  excluded: 'amount excluded by assignment windows',
  dimension: 'crediting dimension',
  facts: 'revenue facts',
  splitFacts: 'facts split across members',
  segment: 'days of the segment / days of the period',
  // plan
  effective: 'first day in force',
  version: 'plan version',
  versions: 'plan versions',
  start: 'first day',
  unit: 'period unit',
  // ratings, scorecards, tiers, response times
  minRaters: 'minimum raters',
  raters: 'raters',
  sum: 'sum of the scores',
  card: 'scorecard',
  weightUsed: 'weight of the scored components',
  cap: 'upper cap',
  intercept: 'intercept',
  slope: 'slope',
  unrounded: 'value before rounding',
  x: 'score mapped',
  bound: 'band bound',
  direction: 'direction (lower or higher is better)',
  value: 'measured value',
  bandScore: 'score of the band',
  condition: 'elastic condition',
  factor: 'factor',
  n: 'tickets meeting the condition',
  tickets: 'tickets',
  firstBand: 'tickets in the first band',
  // draws and guarantees
  earned: 'commission earned (net)',
  excess: 'earnings above the draw',
  opening: 'balance owed at the start',
  recoveryShare: 'share of the excess recovered',
  onLeaving: 'what a leaver’s balance becomes',
  otherPay: 'the rest of the final pay',
  advanced: 'advanced',
  recovered: 'recovered',
  writtenOff: 'written off',
};

/** Words for an input name of one rule, where the same name means something else there. */
const RULE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'department.ownCoefficient': { department: 'department whose coefficient D is read' },
  'interlock.achievement': { target: 'target of the indicator', source: 'where the actual comes from' },
  'interlock.deduction': { D: 'severe-miss deduction D' },
  'period.interlockDepartmentSplit': { people: "the department's people employed" },
  'pool.award': { amount: 'amount awarded', total: 'pool amount' },
  'pool.modifier': { band: 'band of the modifier table', measure: 'measured value (e.g. the resolution rate)' },
  'pool.adjustedBase': { base: 'sales base', mode: 'rounding mode', modifier: 'base modifier' },
  'pool.commission.retroactive': { 'adjusted base': 'adjusted base', slices: 'the base at the reached band’s rate' },
  'pool.commission.marginal': { 'adjusted base': 'adjusted base', slices: 'each slice of the base × its rate' },
  'pool.commission.cap': { cap: 'the person’s cap', commission: 'commission before the cap' },
  'statement.sales': { sales: 'sales credited (count and ids)' },
  'statement.salesConversion': {
    amount: 'Σ of the sales in their own currency',
    date: 'date of the rate used',
    rate: 'exchange rate into the plan currency',
    sales: 'sales converted at this rate (count and ids)',
  },
  'statement.conversion': {
    amount: 'amount in its own currency',
    date: 'date of the rate used',
    rate: 'exchange rate into the plan currency',
  },
  'draws.advance': { amount: 'draw for the days employed' },
  'draws.guarantee': { amount: 'guarantee for the days employed' },
  'draws.recover': { cap: 'most recovered in one period' },
  'pool.conservation': { pool: 'pool amount' },
  'pool.exponent': { kind: 'weighting function' },
  'pool.unallocated': { pool: 'pool amount' },
  'pool.weight': { basis: 'basis: days employed in the segment, FTE or one' },
  'scorecard.coefficient': { floor: 'lower cap', decimals: 'decimal places of the coefficient' },
  'statement.deduction': { id: 'deduction row' },
  'statement.poolScore': {
    basis: 'basis in words',
    supportCard: "the person's support measures: score × weight each (— for none)",
  },
  'statement.targetBonus': { monthly: 'monthly target bonus of the grade' },
  'targets.scale': { metric: 'target metric', baseline: "the level's baseline", complexity: 'complexity factor' },
  'targets.rule': {
    rule: 'target rule',
    metric: 'target metric',
    step: 'step of the rule',
    periods: 'months of the streak',
    before: 'target before the rule',
  },
  'targets.round': {
    metric: 'target metric',
    target: 'target before rounding',
    decimals: 'decimal places of the target',
  },
  'targets.score': { metric: 'target metric', target: 'target', measure: 'measured value', cap: 'highest score' },
  'statement.basePay': { monthly: 'monthly base pay of the grade' },
};

/** A ratings dimension's inputs are named after the dimension: `quality.mean`, `quality.weight`. */
const DIMENSION_INPUT = /^(.+)\.(mean|weight)$/;

/**
 * The plain words for one input of a trace step, or `null` when the name has none (a bug:
 * every input the library writes has words, and a test checks it on generated scenarios).
 *
 * @param rule - The step's `rule`, e.g. `"pool.weight"`.
 * @param input - The input's name, e.g. `"f(score)"`.
 * @returns The words, e.g. `"weighting function f of the score"`, or `null`.
 *
 * @example
 * ```ts
 * import { traceInputWords } from 'synergy-pay';
 * traceInputWords('linkage.blend', 'D'); // "department's own coefficient D"
 * traceInputWords('ratings.peripheralScore', 'quality.mean'); // "mean score of dimension quality"
 * ```
 */
export function traceInputWords(rule: string, input: string): string | null {
  const own = RULE_WORDS[rule];
  if (own !== undefined && Object.hasOwn(own, input)) return own[input]!;
  if (Object.hasOwn(WORDS, input)) return WORDS[input]!;
  const dimension = DIMENSION_INPUT.exec(input);
  if (dimension !== null)
    return dimension[2] === 'mean' ? `mean score of dimension ${dimension[1]}` : `weight of dimension ${dimension[1]}`;
  return null;
}
