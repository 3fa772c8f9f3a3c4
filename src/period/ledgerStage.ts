import { IssueList } from '../core/errors.js';
import { heldList, heldText } from '../core/held.js';
import { REASONS } from '../ratings/analyse.js';
import type { OutcomeReason } from '../ratings/types.js';
import { tallyLedger } from '../scorecard/tallyPoints.js';
import type { PeriodContext } from './context.js';
import type { PeriodData } from './dataStage.js';
import type { Organisation } from './orgStage.js';
import { leafIds } from './scorecardStage.js';
import type { MechanismRuns, SegmentStage } from './segmentStage.js';
import type {
  Exclusion,
  ExclusionCode,
  LedgerSection,
  LedgerUse,
  LedgerSectionName,
  ReconciliationCheck,
} from './types.js';

/**
 * The input ledger (issue 17): every row of the scenario's `data` is accounted for, either used —
 * it fed a statement line or a measure — or excluded with a stable code, its path and the people
 * and departments it concerns. Built after the run from what the stages computed; the stages'
 * figures are read, never changed — but the lists only the mechanisms read are let go of as they
 * are judged ({@link takeSections}). With `trace: false` only the counts and the exclusions are
 * built (nothing per used row); with trace, the used rows are grouped by what they fed.
 */

/** What the ledger reads of the run: the context, the organisation, the segment stages and the mechanism runs. */
export interface LedgerRun {
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly periodData: PeriodData;
  readonly segments: readonly SegmentStage[];
  readonly runs: MechanismRuns;
}

/** Why one row is excluded, before its section, path and id are added. */
interface Verdict {
  readonly code: ExclusionCode;
  readonly reason: string;
  /** Person and department ids the row concerns (sorted into people and departments by the org). */
  readonly concerns: readonly string[];
}

/**
 * How a section judges its rows: each row's id, its verdict (`null`: used) and, for a used row,
 * what it fed — `into`, asked once per `group` (a key the row already holds, e.g. its person: no
 * string is built per row).
 */
interface SectionRules {
  readonly id: (i: number) => string;
  readonly judge: (i: number) => Verdict | null;
  readonly group: (i: number) => string;
  readonly into: (i: number) => string;
}

/** The ledger of a run: one section per data list present, the exclusions, and one check per section. */
export interface Ledger {
  readonly ledger: LedgerSection[];
  readonly exclusions: Exclusion[];
  readonly checks: ReconciliationCheck[];
}

/** Rows of one data list, read loosely: the ledger reads only the ids and references the run has already validated. */
type Rows = readonly Readonly<Record<string, unknown>>[];

/** The sections, in the order the ledger lists them. */
export const LEDGER_SECTIONS: readonly LedgerSectionName[] = [
  'departmentCoefficients',
  'componentScores',
  'pointEntries',
  'companyKpis',
  'commissions',
  'deductions',
  'revenueFacts',
  'tickets',
  'ratings',
  'reviewDecisions',
  'supportScores',
  'exchangeRates',
  'draws',
  'drawBalances',
  'sales',
  'commissionMeasures',
  'heldCommissions',
  'measures',
  'measureHistory',
];

/** One section of the ledger: its counts and its exclusions. */
export interface SectionLedger {
  readonly entry: LedgerSection;
  readonly exclusions: Exclusion[];
}

/** A section's reconciliation check: its rows are the used ones and the excluded ones. */
export function ledgerCheck({ section, rows, used, excluded }: LedgerSection): ReconciliationCheck {
  return {
    id: `ledger.${section}`,
    equation: `rows of data.${section} = used + excluded`,
    left: String(rows),
    right: String(used + excluded),
    holds: used + excluded === rows,
  };
}

/** Sections of the ledger judged before the rest, by section ({@link takeSections}). */
export type TakenSections = Map<LedgerSectionName, SectionLedger>;

/**
 * Builds the input ledger of a run (see the module comment). `taken`: sections judged already
 * ({@link takeSections}), used as they are; the ledger lists every section in its order either way.
 */
export function ledgerStage(run: LedgerRun, taken?: ReadonlyMap<LedgerSectionName, SectionLedger>): Ledger {
  const ledger: LedgerSection[] = [];
  const exclusions: Exclusion[] = [];
  const checks: ReconciliationCheck[] = [];
  const data = run.context.data as Readonly<Record<string, Rows | undefined>>;
  for (const section of LEDGER_SECTIONS) {
    const rows = data[section];
    const judged = taken?.get(section) ?? (rows === undefined ? undefined : judgeSection(run, section, rows));
    if (judged === undefined) continue;
    ledger.push(judged.entry);
    for (const exclusion of judged.exclusions) exclusions.push(exclusion);
    checks.push(ledgerCheck(judged.entry));
  }
  return { ledger, exclusions, checks };
}

/**
 * The ledger's sections of lists nothing else will read, judged in the order given, each list
 * let go of — deleted from the run's own parsed data, never the caller's input — before the next
 * is judged: at a million people the 2,000,000 exclusions of the ratings are then built with the
 * 5,000,000 tickets already gone. Added to `taken` (a new map when omitted), which is returned;
 * {@link ledgerStage} lists them in their places.
 */
export function takeSections(
  run: LedgerRun,
  lists: readonly LedgerSectionName[],
  taken: TakenSections = new Map(),
): TakenSections {
  const data = run.context.data as Record<string, Rows | undefined>;
  for (const section of lists) {
    const rows = data[section];
    if (rows === undefined) continue;
    taken.set(section, judgeSection(run, section, rows));
    Reflect.deleteProperty(data, section);
  }
  return taken;
}

/** Judges every row of one section: used (grouped by what it fed, with trace) or excluded. */
function judgeSection(run: LedgerRun, section: LedgerSectionName, rows: Rows): SectionLedger {
  const { personIndex, departmentIndex } = run.org;
  const exclusions: Exclusion[] = [];
  const rules = RULES[section](run, rows);
  // Grouped by what they fed: a few numbers per used row, no string or object per row.
  const uses = run.context.withLedgerRows ? new Map<string, LedgerUse>() : null;
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    const verdict = rules.judge(i);
    if (verdict === null) {
      used++;
      if (uses !== null) addUse(uses, rules, i);
      continue;
    }
    const concerns = [...new Set(verdict.concerns)];
    // Held to the end of the run, one for each excluded row (2,000,000 at a million people):
    // stored at their size (core/held.ts).
    exclusions.push({
      section,
      path: heldText(`$.data.${section}[${i}]`),
      id: rules.id(i),
      code: verdict.code,
      reason: heldText(verdict.reason),
      people: heldList(concerns.filter((id) => personIndex.has(id))),
      departments: heldList(concerns.filter((id) => departmentIndex.has(id))),
    });
  }
  const entry = {
    section,
    rows: rows.length,
    used,
    excluded: exclusions.length,
    uses: uses === null ? null : [...uses.values()],
  };
  return { entry, exclusions };
}

/** The cards of a version's scorecard section: none, one, or one per side or department. */
function cardsOf<Card>(scorecard: Card | Card[] | undefined): Card[] {
  return scorecard === undefined ? [] : Array.isArray(scorecard) ? scorecard : [scorecard];
}

/** Adds used row `i` to the group of rows that fed the same line or measure. */
function addUse(uses: Map<string, LedgerUse>, rules: SectionRules, i: number): void {
  const key = rules.group(i);
  const use = uses.get(key);
  if (use === undefined) uses.set(key, { into: rules.into(i), rows: [i], ids: [rules.id(i)] });
  else {
    use.rows.push(i);
    use.ids.push(rules.id(i));
  }
}

const text = (value: unknown): string => String(value);

/** Used rows only: every row of the list feeds what `into` says of the row's `group` field. */
function allUsed(rows: Rows, id: string, group: string, into: (value: string) => string): SectionRules {
  const key = (i: number) => text(rows[i]![group]);
  return { id: (i) => text(rows[i]![id]), judge: () => null, group: key, into: (i) => into(key(i)) };
}

/** Every row excluded as `notReadByPlan`, with the same reason. */
function noneRead(rows: Rows, id: (i: number) => string, reason: string, concerns: (i: number) => string[]) {
  return {
    id,
    judge: (i: number): Verdict => ({ code: 'notReadByPlan', reason, concerns: concerns(i) }),
    group: () => '',
    into: () => '',
  };
}

const RULES: Readonly<Record<LedgerSectionName, (run: LedgerRun, rows: Rows) => SectionRules>> = {
  departmentCoefficients: departmentCoefficientRules,
  componentScores: componentScoreRules,
  pointEntries: pointEntryRules,
  companyKpis: (_, rows) => allUsed(rows, 'id', 'id', (kpi) => `achievement of company KPI ${kpi} (linkage)`),
  commissions: (_, rows) => allUsed(rows, 'id', 'person', (person) => `commission line of ${person}`),
  deductions: (_, rows) => allUsed(rows, 'id', 'person', (person) => `deduction line of ${person}`),
  revenueFacts: revenueFactRules,
  tickets: ticketRules,
  ratings: ratingRules,
  reviewDecisions: reviewDecisionRules,
  supportScores: supportScoreRules,
  exchangeRates: exchangeRateRules,
  draws: (_, rows) => allUsed(rows, 'person', 'person', (person) => `draw settlement of ${person}`),
  drawBalances: (_, rows) => allUsed(rows, 'person', 'person', (person) => `opening draw balance of ${person}`),
  sales: salesRules,
  heldCommissions: (_, rows) =>
    allUsed(rows, 'id', 'person', (person) => `held commission of ${person} (released, or held on)`),
  commissionMeasures: commissionMeasureRules,
  measures: (run, rows) => measureRules(run, rows, false),
  measureHistory: (run, rows) => measureRules(run, rows, true),
};

/**
 * A measure feeds its person's target score when a version of the period has targets; a history
 * row feeds the streak of a rule watching its metric (else it is not read).
 */
function measureRules({ context }: LedgerRun, rows: Rows, history: boolean): SectionRules {
  const person = (i: number) => text(rows[i]!.person);
  const metric = (i: number) => text(rows[i]!.metric);
  const id = (i: number) => `${person(i)}/${history ? `${text(rows[i]!.month)}/` : ''}${metric(i)}`;
  const sections = context.resolved.segmentVersions.flatMap((version) => version.targets ?? []);
  if (sections.length === 0)
    return noneRead(rows, id, 'no plan version of the period has a targets section', (i) => [person(i)]);
  const watched = new Set(sections.flatMap((section) => (section.rules ?? []).map((rule) => rule.metric)));
  return {
    id,
    judge: (i) =>
      !history || watched.has(metric(i))
        ? null
        : { code: 'notReadByPlan', reason: `no target rule watches metric "${metric(i)}"`, concerns: [person(i)] },
    group: (i) => `${person(i)}\u0000${metric(i)}`,
    into: (i) => `${history ? 'target rules' : 'target score'} of ${person(i)} (${metric(i)})`,
  };
}

/** A sale feeds its person's computed commission when the plan version of its date computes commissions from sales. */
function salesRules({ context }: LedgerRun, rows: Rows): SectionRules {
  const { segments, segmentVersions } = context.resolved;
  const id = (i: number) => text(rows[i]!.id);
  const person = (i: number) => text(rows[i]!.person);
  const segmentOf = (i: number) => {
    const date = rows[i]!.date;
    if (typeof date !== 'string') return 0;
    return Math.max(
      0,
      segments.findIndex((segment) => date >= segment.start && date <= segment.end),
    );
  };
  return {
    id,
    judge: (i) => {
      if (segmentVersions[segmentOf(i)]!.commissions !== undefined) return null;
      const version = segments[segmentOf(i)]!.version;
      return {
        code: 'notReadByPlan',
        reason: `plan version "${version}" computes no commission from sales`,
        concerns: [person(i)],
      };
    },
    group: person,
    into: (i) => `commission of ${person(i)} computed from sales`,
  };
}

/** A measure feeds the base modifier when some version of the period computes commissions with a modifier table. */
function commissionMeasureRules({ context }: LedgerRun, rows: Rows): SectionRules {
  const person = (i: number) => text(rows[i]!.person);
  const read = context.resolved.segmentVersions.some((version) => version.commissions?.modifierTable !== undefined);
  if (!read)
    return noneRead(rows, person, 'no plan version of the period has a commission base modifier', (i) => [person(i)]);
  return { id: person, judge: () => null, group: person, into: (i) => `base modifier of ${person(i)}` };
}

/** D from the data is used unless every segment's scorecard gave the department its coefficient instead. */
function departmentCoefficientRules({ segments, org }: LedgerRun, rows: Rows): SectionRules {
  const department = (i: number) => text(rows[i]!.department);
  return {
    id: department,
    judge: (i) => {
      const d = org.departmentIndex.get(department(i))!;
      if (!segments.every((stage) => (stage.scorecards?.[d]?.coefficient ?? null) !== null)) return null;
      const reason = `the scorecard's coefficient replaced the data's D of "${department(i)}" in every segment`;
      return { code: 'replacedByScorecard', reason, concerns: [department(i)] };
    },
    group: department,
    into: (i) => `own coefficient D of department ${department(i)}`,
  };
}

/** A component score is read when a scorecard (any card) of the period has a leaf of that id read from the data. */
function componentScoreRules({ context }: LedgerRun, rows: Rows): SectionRules {
  const dataLeaves = new Set<string>();
  for (const card of context.resolved.segmentVersions.flatMap((version) => cardsOf(version.scorecard)))
    for (const leaf of leafIds(card.components)) if ((card.sources?.[leaf] ?? 'data') === 'data') dataLeaves.add(leaf);
  const row = (i: number) => ({ department: text(rows[i]!.department), component: text(rows[i]!.component) });
  return {
    id: (i) => `${row(i).department}/${row(i).component}`,
    judge: (i) => {
      const { department, component } = row(i);
      if (dataLeaves.has(component)) return null;
      const reason = `no scorecard of the period reads a leaf "${component}" from data.componentScores`;
      return { code: 'notReadByPlan', reason, concerns: [department] };
    },
    group: (i) => `${row(i).department}\u0000${row(i).component}`,
    into: (i) => `scorecard leaf ${row(i).component} of department ${row(i).department}`,
  };
}

/** Point entries feed a department's collaboration-points score when a scorecard reads points; rejected entries do not. */
function pointEntryRules({ context, org }: LedgerRun, rows: Rows): SectionRules {
  const id = (i: number) => text(rows[i]!.id);
  const subject = (i: number) => text(rows[i]!.subject);
  const card = context.resolved.segmentVersions
    .flatMap((version) => cardsOf(version.scorecard))
    .find((scorecard) => Object.values(scorecard.sources ?? {}).includes('points'));
  if (card === undefined)
    return noneRead(rows, id, 'no scorecard of the period reads collaboration points', (i) => [subject(i)]);
  const subjects = context.scenario.org.departments.map((department) => department.id);
  const ledger = { ...card.points, entries: context.data.pointEntries ?? [], subjects };
  const at = { entries: ['data', 'pointEntries'], plan: ['plan'] };
  const entries = tallyLedger(ledger, context.rounding, at, new IssueList())?.entries ?? [];
  return {
    id,
    judge: (i) => {
      const concerns = [subject(i)];
      if (!org.departmentIndex.has(subject(i)))
        return { code: 'notReadByPlan', reason: `scorecards score departments; "${subject(i)}" is not one`, concerns };
      const entry = entries[i];
      if (entry === undefined || entry.accepted) return null;
      return { code: 'rejectedPointEntry', reason: `rejected: ${entry.reasons.join(', ')}`, concerns };
    },
    group: subject,
    into: (i) => `collaboration points of department ${subject(i)}`,
  };
}

/** A revenue fact is used when some run credits it to some member; excluded when every member's window kept it out. */
function revenueFactRules({ runs }: LedgerRun, rows: Rows): SectionRules {
  const id = (i: number) => text(rows[i]!.id);
  const credited = [...runs.interlock.values()].flatMap((run) => (run.credits === null ? [] : [run.credits]));
  if (credited.length === 0)
    return noneRead(rows, id, 'no interlock of the period credits revenue (no dimensions)', () => []);
  const windows = credited.map((credits) => {
    const kept = new Map<string, { parts: number; first: string }>();
    for (const exclusion of credits.exclusions) {
      const entry = kept.get(exclusion.fact);
      if (entry !== undefined) entry.parts++;
      else {
        const window = `${exclusion.start ?? '…'}…${exclusion.end ?? '…'}`;
        const first = `${exclusion.member} in ${exclusion.dimension}: ${exclusion.date} outside ${window}`;
        kept.set(exclusion.fact, { parts: 1, first });
      }
    }
    return { dimensions: credits.dimensions.map((dimension) => dimension.id), kept };
  });
  const parts = (i: number, dimensions: readonly string[]) => {
    const members = (rows[i]!.members ?? {}) as Record<string, unknown>;
    return dimensions.reduce((n, d) => n + (Array.isArray(members[d]) ? members[d].length : 1), 0);
  };
  return {
    id,
    judge: (i) => {
      const excluded = windows.map(({ dimensions, kept }) => {
        const entry = kept.get(id(i));
        return entry !== undefined && entry.parts >= parts(i, dimensions) ? entry.first : null;
      });
      if (excluded.some((first) => first === null)) return null;
      const reason = `dated outside the assignment window of every member it names (${excluded[0]!})`;
      return { code: 'outsideAssignmentWindow', reason, concerns: [] };
    },
    group: () => '',
    into: () => `revenue credited in the interlock's dimensions (${windows[0]!.dimensions.join(', ')})`,
  };
}

/** Tickets are read when a plan version of the period scores response times. */
function ticketRules({ context }: LedgerRun, rows: Rows): SectionRules {
  const id = (i: number) => text(rows[i]!.id);
  const unit = (i: number) => text(rows[i]!.unit);
  if (!context.resolved.segmentVersions.some((version) => version.responseTimes !== undefined))
    return noneRead(rows, id, 'no plan version of the period has a responseTimes section', (i) => [unit(i)]);
  return { id, judge: () => null, group: unit, into: (i) => `response-time score of department ${unit(i)}` };
}

/** The ledger code of a rating's outcome reason that keeps it out of every score. */
const RATING_CODES: Partial<Record<OutcomeReason, ExclusionCode>> = {
  selfRating: 'selfRating',
  noTask: 'raterNotEntitled',
  raterNotOnTask: 'raterNotEntitled',
  raterNotFrontLine: 'raterNotEntitled',
  rateeNotOnTask: 'raterNotEntitled',
  rateeNotSupporting: 'raterNotEntitled',
  droppedOnReview: 'rejectedByReview',
  awaitingReview: 'awaitingReview',
};

/** Why a rating of each excluding reason is left out, in words. */
const RATING_WORDS: Partial<Record<OutcomeReason, string>> = {
  selfRating: 'the rater rated themselves',
  noTask: 'the rating names no key task, and the RACI matrix rejects untasked ratings',
  raterNotOnTask: 'the rater has no role on the key task (RACI)',
  raterNotFrontLine: 'the rater is not front line (RACI)',
  rateeNotOnTask: 'the ratee has no role on the key task (RACI)',
  rateeNotSupporting: 'the ratee is front line, not a supporting party (RACI)',
  droppedOnReview: 'flagged and dropped by a review decision',
  awaitingReview: 'flagged and awaiting a review decision; the plan does not include pending ratings',
};

/** A rating is used when some ratings run includes it in a scored dimension mean. */
function ratingRules({ runs }: LedgerRun, rows: Rows): SectionRules {
  const id = (i: number) => text(rows[i]!.id);
  const concerns = (i: number) => [text(rows[i]!.ratee), text(rows[i]!.rater)];
  const scored = [...runs.ratings.values()].map((run) => run.rows);
  if (scored.length === 0) return noneRead(rows, id, 'no plan version of the period has a ratings section', concerns);
  const first = scored[0]!;
  return {
    id,
    judge: (i) => {
      if (scored.some((row) => row.included[i] === 1 && row.short[i] === 0)) return null;
      if (first.included[i] === 1) {
        const reason = `too few raters for a score of "${text(rows[i]!.ratee)}" (${text(rows[i]!.dimension)}: fewer than minRaters)`;
        return { code: 'belowMinRaters', reason, concerns: concerns(i) };
      }
      const outcome = REASONS[first.reason[i]!]![0];
      const code = RATING_CODES[outcome] ?? 'notReadByPlan';
      return { code, reason: RATING_WORDS[outcome] ?? outcome, concerns: concerns(i) };
    },
    group: (i) =>
      `${text(rows[i]!.ratee)}\u0000${text(rows[i]!.dimension)}\u0000${REASONS[first.reason[i]!]![0] === 'adjustedOnReview'}`,
    into: (i) => {
      const adjusted = REASONS[first.reason[i]!]![0] === 'adjustedOnReview' ? ', adjusted on review' : '';
      return `score of ratee ${text(rows[i]!.ratee)} (${text(rows[i]!.dimension)}${adjusted})`;
    },
  };
}

/** Review decisions apply to flagged ratings whenever ratings are scored (an unmatched decision is refused). */
function reviewDecisionRules({ runs }: LedgerRun, rows: Rows): SectionRules {
  const rating = (i: number) => text(rows[i]!.rating);
  if (runs.ratings.size === 0)
    return noneRead(rows, rating, 'no plan version of the period has a ratings section', () => []);
  return { id: rating, judge: () => null, group: () => '', into: () => 'review decisions on flagged ratings' };
}

/** A support score is used when a pool award read it (for the subject, or for a person of the subject department). */
function supportScoreRules({ context, segments }: LedgerRun, rows: Rows): SectionRules {
  const subject = (i: number) => text(rows[i]!.subject);
  const read = new Set<string>();
  for (const stage of segments)
    for (const choice of stage.scoreChoices) if (choice.source === 'supportScores') read.add(choice.subject);
  const pools = context.resolved.segmentVersions.flatMap((version) =>
    version.pool === undefined ? [] : [version.pool],
  );
  const scoreFrom = [...new Set(pools.map((pool) => pool.scoreFrom ?? 'supportScores'))].join(', ');
  const why =
    pools.length === 0
      ? 'no plan version of the period has a pool'
      : scoreFrom === 'supportScores'
        ? 'no pool recipient read it (not a recipient, nor the department of one without their own score)'
        : `the pool took the scores it concerns from ${scoreFrom}`;
  return {
    id: subject,
    judge: (i) => (read.has(subject(i)) ? null : { code: 'notReadByPlan', reason: why, concerns: [subject(i)] }),
    group: subject,
    into: (i) => `pool score of ${subject(i)} (data.supportScores)`,
  };
}

/** An exchange rate is used when some commission row or sale was converted at it (its currency and date). */
function exchangeRateRules({ periodData }: LedgerRun, rows: Rows): SectionRules {
  const key = (i: number) => `${text(rows[i]!.currency)} ${text(rows[i]!.date)}`;
  return {
    id: key,
    judge: (i) =>
      periodData.rateApplied(text(rows[i]!.currency), text(rows[i]!.date))
        ? null
        : {
            code: 'rateNotApplied',
            reason: `no commission row or sale was converted at this ${text(rows[i]!.currency)} rate`,
            concerns: [],
          },
    group: key,
    into: (i) =>
      `conversion of ${text(rows[i]!.currency)} commission rows and sales at the rate of ${text(rows[i]!.date)}`,
  };
}
