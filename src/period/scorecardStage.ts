import type * as z from 'zod/mini';
import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, fail, type IssuePath } from '../core/errors.js';
import { type RoundingPolicy } from '../core/rounding.js';
import { compileCard, scoreSubject } from '../scorecard/composeScore.js';
import { tallyLedger } from '../scorecard/tallyPoints.js';
import type { ScorecardComponentInput, ScoredSubject } from '../scorecard/types.js';
import type { UnitResponseTimes } from '../time/types.js';
import type { InterlockRun } from './interlockStage.js';
import type { SegmentContext } from './context.js';
import type { planScorecardSchema } from './schema.js';

/** A plan version's `scorecard` section. */
export type PlanScorecard = z.output<typeof planScorecardSchema>;

/** The scores a card's leaves may come from: the period data's, and those of the segment's earlier stages. */
export interface LeafScores {
  /** Scores of `data` leaves by `department \0 component`. */
  readonly componentScore: ReadonlyMap<string, string>;
  /** A party's scored peripheral rating, or `undefined`. */
  readonly ratingScore: (id: string) => string | undefined;
  /** Response-time scores by department id (empty when not scored). */
  readonly unitTimes: ReadonlyMap<string, UnitResponseTimes>;
  /** The segment's interlock run, or `undefined` without one. */
  readonly interlock: InterlockRun | undefined;
  /** The support each department received (see {@link supportReceived}), computed once for the period's tickets. */
  readonly supportReceived: () => ReadonlyMap<string, string>;
}

/** Each department's collaboration-points score (`tallyPoints` over `data.pointEntries`), by id. */
function pointScores(context: SegmentContext, card: PlanScorecard, path: IssuePath): Map<string, string> {
  const issues = new IssueList();
  const subjects = context.scenario.org.departments.map(({ id }) => id);
  const ledger = { ...card.points, entries: context.data.pointEntries ?? [], subjects };
  const at = { entries: ['data', 'pointEntries'], plan: [...path, 'points'] };
  const tallied = tallyLedger(ledger, context.rounding, at, issues);
  issues.throwIfAny();
  return new Map(tallied!.subjects.map((subject) => [subject.id, subject.score]));
}

/** Each department's mean interlock indicator score, rounded to the score decimals. */
function interlockScores(interlock: InterlockRun | undefined, rounding: RoundingPolicy): Map<string, string> {
  const { scoreDecimals, mode } = rounding;
  const scores = new Map<string, Dec[]>();
  for (const indicator of interlock?.settlement?.indicators ?? [])
    for (const party of indicator.parties) {
      const list = scores.get(party.id) ?? scores.set(party.id, []).get(party.id)!;
      list.push(new Dec(party.score));
    }
  const mean = (list: Dec[]) => list.reduce((sum, value) => sum.plus(value), new Dec(0)).div(list.length);
  return new Map(
    [...scores].map(([id, list]) => [id, roundTo(mean(list), scoreDecimals, mode).toFixed(scoreDecimals)]),
  );
}

/**
 * Seed 001's department scorecards for one segment: one card for every department, or several
 * cards by department or side (seed 001: the back office's 基础绩效 40 % + 一线支撑 30 % + 全公司业绩
 * 30 %, the front line's 基础业务 50 % + 后端支撑 20 % + 额外奖励 30 %) — a department takes the card
 * that names it, else the card of its side, else the card without `appliesTo`; none: not scored.
 * Each leaf comes from its source (`sources` in the plan, `data` by default): the period data's
 * component scores, the department's peripheral rating, its mean response or resolution score,
 * its collaboration points, the mean of its interlock indicator scores, the company's result, or
 * the support it received. Returns per department (org order) its scored card or `null`; a card
 * with a coefficient map gives the department's own coefficient D.
 */
export function scorecardStage(
  context: SegmentContext,
  cards: PlanScorecard | readonly PlanScorecard[],
  scores: LeafScores,
): (ScoredSubject | null)[] {
  const base = [...context.versionPath, 'scorecard'];
  const list = Array.isArray(cards)
    ? (cards as readonly PlanScorecard[]).map((card, c) => ({ card, path: [...base, c] }))
    : [{ card: cards as PlanScorecard, path: base }];
  const assigned = assignCards(
    context,
    list.map(({ card }) => card),
    list.map(({ path }) => path),
  );
  const scored = new Array<ScoredSubject | null>(context.scenario.org.departments.length).fill(null);
  list.forEach(({ card, path }, c) => {
    const departments = assigned.flatMap((card, d) => (card === c ? [d] : []));
    if (departments.length === 0) return;
    const subjects = scoreCard(context, card, path, departments, scores);
    departments.forEach((d, k) => (scored[d] = subjects[k]!));
  });
  return scored;
}

/**
 * Per department, the index of its card (or −1): the card naming it in `appliesTo.departments`,
 * else the one listing its side, else the one without `appliesTo`. Two cards at the winning level
 * (or an unknown department id) are refused at the second card's path.
 */
function assignCards(context: SegmentContext, cards: readonly PlanScorecard[], paths: readonly IssuePath[]): number[] {
  const { departments } = context.scenario.org;
  const issues = new IssueList();
  const byId = new Map<string, number>();
  const bySide = new Map<string, number>();
  let fallback = -1;
  cards.forEach((card, c) => {
    const scope = card.appliesTo;
    if (scope === undefined) {
      if (fallback >= 0)
        issues.add(
          'INVALID_INPUT',
          paths[c]!,
          `a second card without appliesTo (card ${fallback} serves every other department)`,
        );
      else fallback = c;
      return;
    }
    (scope.departments ?? []).forEach((id, i) => {
      const at = [...paths[c]!, 'appliesTo', 'departments', i];
      if (!departments.some((department) => department.id === id))
        issues.add('UNKNOWN_REFERENCE', at, `no department "${id}"`);
      else if (byId.has(id)) issues.add('INVALID_INPUT', at, `department "${id}" already has card ${byId.get(id)!}`);
      else byId.set(id, c);
    });
    (scope.sides ?? []).forEach((side, i) => {
      const at = [...paths[c]!, 'appliesTo', 'sides', i];
      if (bySide.has(side)) issues.add('INVALID_INPUT', at, `the ${side} side already has card ${bySide.get(side)!}`);
      else bySide.set(side, c);
    });
  });
  issues.throwIfAny();
  return departments.map((department) => byId.get(department.id) ?? bySide.get(department.side) ?? fallback);
}

/** The company's result as a score [全公司业绩]: the uniform KPI's achievement (actual / target) × 100, or its given coefficient × 100. */
function companyScore(context: SegmentContext, path: IssuePath): string {
  const linkage = context.version.linkage;
  if (linkage === undefined)
    fail(
      'INVALID_INPUT',
      path,
      'a "company" leaf needs the plan version\'s linkage section (its company KPIs and targets)',
    );
  const kpi = linkage.uniformKpi ?? linkage.companyKpis[0]!.id;
  const target = linkage.companyKpis.find((row) => row.id === kpi)!.target;
  const result = (context.data.companyKpis ?? []).find((row) => row.id === kpi);
  const { scoreDecimals, mode } = context.rounding;
  if (result?.actual !== undefined && target !== undefined) {
    const achievement = new Dec(decimalText(result.actual)).div(new Dec(decimalText(target)));
    return roundTo(achievement.times(100), scoreDecimals, mode).toFixed(scoreDecimals);
  }
  if (result?.coefficient !== undefined)
    return roundTo(new Dec(decimalText(result.coefficient)).times(100), scoreDecimals, mode).toFixed(scoreDecimals);
  fail(
    'INVALID_INPUT',
    ['data', 'companyKpis'],
    `a "company" leaf needs the result of KPI "${kpi}" in data.companyKpis`,
  );
}

/**
 * The support each department received [后端支撑]: Σ over the units that served its tickets
 * (tickets naming it in `requester`) of tickets × the unit's mean response score (else its mean
 * resolution score) ÷ Σ those tickets, rounded to the score decimals; `undefined` when no scored
 * unit served it.
 */
export function supportReceived(context: SegmentContext, unitTimes: LeafScores['unitTimes']): Map<string, string> {
  const served = new Map<string, Map<string, number>>();
  for (const ticket of context.data.tickets ?? []) {
    if (ticket.requester === undefined) continue;
    const units = served.get(ticket.requester) ?? served.set(ticket.requester, new Map()).get(ticket.requester)!;
    units.set(ticket.unit, (units.get(ticket.unit) ?? 0) + 1);
  }
  const { scoreDecimals, mode } = context.rounding;
  const result = new Map<string, string>();
  for (const [requester, units] of served) {
    let sum = new Dec(0);
    let count = 0;
    for (const [unit, tickets] of units) {
      const times = unitTimes.get(unit);
      const score = times?.response?.meanScore ?? times?.resolution?.meanScore;
      if (score === undefined) continue;
      sum = sum.plus(new Dec(score).times(tickets));
      count += tickets;
    }
    if (count > 0) result.set(requester, roundTo(sum.div(count), scoreDecimals, mode).toFixed(scoreDecimals));
  }
  return result;
}

/** One card's departments scored, in the order given. */
function scoreCard(
  context: SegmentContext,
  card: PlanScorecard,
  path: IssuePath,
  departments: readonly number[],
  scores: LeafScores,
): ScoredSubject[] {
  const sources = card.sources ?? {};
  const used = new Set(Object.values(sources));
  const points = used.has('points') ? pointScores(context, card, path) : undefined;
  const interlock = used.has('interlock') ? interlockScores(scores.interlock, context.rounding) : undefined;
  const company = used.has('company') ? companyScore(context, [...path, 'sources']) : undefined;
  const support = used.has('supportReceived') ? scores.supportReceived() : undefined;
  const leafScore = (department: string, leaf: string): string | undefined => {
    switch (sources[leaf] ?? 'data') {
      case 'data':
        return scores.componentScore.get(`${department}\u0000${leaf}`);
      case 'ratings':
        return scores.ratingScore(department);
      case 'responseTimes':
        return scores.unitTimes.get(department)?.response?.meanScore ?? undefined;
      case 'resolutionTimes':
        return scores.unitTimes.get(department)?.resolution?.meanScore ?? undefined;
      case 'points':
        return points?.get(department);
      case 'interlock':
        return interlock?.get(department);
      case 'company':
        return company;
      case 'supportReceived':
        return support?.get(department);
    }
  };
  const issues = new IssueList();
  const { sources: _sources, points: _points, id: _id, appliesTo: _appliesTo, ...plain } = card;
  const compiled = compileCard({ ...plain, rounding: context.rounding }, path, issues);
  issues.throwIfAny();
  const leaves = leafIds(card.components);
  const scored = departments.map((d) => {
    const { id } = context.scenario.org.departments[d]!;
    const subject = Object.fromEntries(leaves.map((leaf) => [leaf, leafScore(id, leaf) ?? null]));
    return scoreSubject(compiled!, { id, scores: subject }, 0, () => ['data', 'componentScores'], issues);
  });
  issues.throwIfAny();
  return scored as ScoredSubject[];
}

/** The leaf ids of a scorecard, depth first. */
export function leafIds(components: readonly ScorecardComponentInput[]): string[] {
  return components.flatMap((component) =>
    component.components === undefined ? [component.id] : leafIds(component.components),
  );
}
