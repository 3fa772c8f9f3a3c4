/** The interlock's words, in one place: its issue messages, and each trace step's rule and formula. */
import { traceStep, type TraceStep } from '../core/trace.js';

/** The issue messages. */
export const messages = {
  repeat: (what: string, id: string, where: string) => `${what} "${id}" is already ${where}`,
  outOfOrder: (member: string, start: string, end: string) =>
    `the window of "${member}" ends (${end}) before it starts (${start})`,
  targetNotPositive: (target: string) => `a target must be more than zero, got ${target}`,
  currencyMismatch: (what: string, currency: string, expected: string) =>
    `${what} in ${currency}, the input in ${expected}`,
  missingDimension: (fact: string, dimension: string) => `fact "${fact}" names no member of dimension "${dimension}"`,
  notAMember: (member: string, dimension: string) => `"${member}" is not a member of dimension "${dimension}"`,
  notADimension: (key: string) => `"${key}" is not a dimension`,
  sharesSum: (sum: string) => `the shares of a split sum to ${sum}, not 1`,
  weightsSum: (sum: string) => `the parties' weights sum to ${sum}, not 1`,
  noCredits: (dimension: string, member: string) =>
    `the actual refers to credits of "${dimension}/${member}", but no credits were given`,
  notCredited: (dimension: string, member: string) =>
    `the credits have no member "${member}" in dimension "${dimension}"`,
  achievementTable:
    'an achievement table must be higherIsBetter on plain numbers: a higher achievement never scores less',
  thresholds: (severe: string, reward: string) =>
    `the severe-miss threshold ${severe} is above the reward threshold ${reward}`,
  tooManyIndicators: (count: number) =>
    `${count} interlocked indicators: seed 003 advises only 2–3 critical ones, or joint ownership dilutes into no ownership`,
};

const steps = {
  credit: [
    'interlock.credit',
    'credit = Σ amounts of the facts naming the member (its part of a split fact), dated inside its window',
  ],
  memberAchievement: ['interlock.achievement', 'achievement = round(credit / target, coefficient decimals)'],
  conservation: ['interlock.conservation', 'Σ member credits + excluded = Σ fact amounts'],
  total: ['interlock.total', 'total = Σ fact amounts (each sale counted once)'],
  credited: [
    'interlock.credited',
    'credited = Σ over dimensions of Σ member credits (each sale counted once per dimension)',
  ],
  factor: ['interlock.factor', 'factor = round(credited / total, coefficient decimals)'],
  achievement: ['interlock.achievement', 'a = round(actual / target, coefficient decimals), shared by every party'],
  reward: ['interlock.reward', 'reward = R if a ≥ reward threshold, else 0; split by weight (largest remainder)'],
  deduction: [
    'interlock.deduction',
    'deduction = D if a < severe-miss threshold, else 0; split by the same weights [奖惩对等]',
  ],
  review: [
    'interlock.review',
    'every party joins the joint review [复盘] when a < severe-miss threshold (or a < reviewBelow)',
  ],
  rewardShare: ['interlock.rewardShare', "reward part = the party's largest-remainder share of the reward by weight"],
  deductionShare: [
    'interlock.deductionShare',
    "deduction part = the party's largest-remainder share of the deduction by the same weight",
  ],
  net: ['interlock.net', 'net = reward part − deduction part'],
  partyTotal: ['interlock.partyTotal', 'net = Σ over the shared indicators of (reward part − deduction part)'],
  settlementTotals: ['interlock.settlementTotals', 'Σ over parties of (reward − deduction) = Σ rewards − Σ deductions'],
} as const;

/** A trace step of the interlock: `kind` names its rule and formula. */
export function step(
  kind: keyof typeof steps,
  inputs: Parameters<typeof traceStep>[2],
  result: Parameters<typeof traceStep>[3],
): TraceStep {
  const [rule, formula] = steps[kind];
  return traceStep(rule, formula, inputs, result);
}
