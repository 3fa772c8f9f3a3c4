import * as z from 'zod/mini';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import {
  addFixed,
  compareFixed,
  divideFixed,
  formatFixed,
  mulFixed,
  parseFixed,
  roundFixed,
  subtractFixed,
  type Fixed,
} from '../core/fixed.js';
import { compareIds, gather, IdKeys } from '../core/ids.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { readRows, refuseProtoKeys } from '../core/rows.js';
import type { TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import {
  applyCoefficientMap,
  applyLinearMap,
  compileCoefficientMap,
  type CompiledCoefficientMap,
} from '../tiers/coefficientMap.js';
import { scorecardFields, scorecardSubjectSchema } from './schema.js';
import type * as t from './types.js';

/** One component of a compiled card: its exact weight, its policy, its sub-components (by id). */
interface CardNode {
  readonly id: string;
  readonly weight: Fixed;
  readonly weightText: string;
  readonly children: CardNode[] | null;
  readonly missing: t.MissingPolicy;
  readonly neutral: Fixed | null;
}

/** A scorecard validated once (internal: `composeScore`'s card, or the period plan's). */
export interface CompiledCard {
  readonly nodes: CardNode[];
  readonly leaves: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly map: CompiledCoefficientMap | undefined;
  readonly policy: RoundingPolicy;
  /** Whether subjects carry their trace and their component rows. */
  readonly trace: boolean;
  readonly breakdown: boolean;
}

const ONE: Fixed = { n: 1n, scale: 0 };
const fixed = (value: DecimalInput): Fixed => parseFixed(decimalText(value));

/** One level of the card: weights summing to exactly 1, ids unique across levels, neutral scores where needed. */
function compileLevel(
  components: readonly t.ScorecardComponentInput[],
  path: IssuePath,
  inherited: { missing: t.MissingPolicy; neutral: Fixed | null },
  ids: { leaves: Set<string>; groups: Set<string> },
  issues: IssueList,
): CardNode[] {
  const nodes = components.map((component, i): CardNode => {
    const { id, weight } = component;
    if (ids.leaves.has(id) || ids.groups.has(id))
      issues.add(
        'DUPLICATE_ID',
        [...path, i, 'id'],
        `component id "${id}" is already used in this card (ids are unique across all levels)`,
      );
    const missing = component.missing ?? inherited.missing;
    const neutral = component.neutralScore === undefined ? inherited.neutral : fixed(component.neutralScore);
    if (missing === 'neutral' && neutral === null)
      issues.add(
        'INVALID_INPUT',
        [...path, i, 'neutralScore'],
        `component "${id}" uses the neutral policy but no neutralScore is declared`,
      );
    (component.components === undefined ? ids.leaves : ids.groups).add(id);
    const children =
      component.components &&
      compileLevel(component.components, [...path, i, 'components'], { missing, neutral }, ids, issues);
    return { id, weight: fixed(weight), weightText: decimalText(weight), children: children ?? null, missing, neutral };
  });
  const sum = nodes.reduce((total, node) => addFixed(total, node.weight), { n: 0n, scale: 0 });
  const gap = subtractFixed(ONE, sum);
  if (gap.n !== 0n) {
    const off =
      gap.n > 0n ? `${formatFixed(gap)} short of 1` : `${formatFixed({ n: -gap.n, scale: gap.scale })} over 1`;
    const listing = nodes.map((node) => `${node.id} ${node.weightText}`).join(', ');
    issues.add('WEIGHTS_DO_NOT_SUM', path, `weights sum to ${formatFixed(sum)}, ${off} (${listing})`);
  }
  return nodes.sort((a, b) => compareIds(a.id, b.id));
}

/**
 * Validates a card (internal: the period run calls it on its plan's card); issues go to `issues`
 * under `at`, and the result is then `undefined`.
 */
export function compileCard(card: t.ScorecardInput, at: IssuePath, issues: IssueList): CompiledCard | undefined {
  const before = issues.size;
  const policy = resolveRounding(card.rounding);
  const ids = { leaves: new Set<string>(), groups: new Set<string>() };
  const root = {
    missing: card.missing ?? 'error',
    neutral: card.neutralScore === undefined ? null : fixed(card.neutralScore),
  };
  const nodes = compileLevel(card.components, [...at, 'components'], root, ids, issues);
  const map =
    card.coefficient &&
    compileCoefficientMap(card.coefficient, [...at, 'coefficient'], issues, policy, policy.coefficientDecimals);
  if (issues.size > before) return undefined;
  return { nodes, ...ids, map, policy, trace: card.trace !== false, breakdown: card.breakdown !== false };
}

/** What scoring one subject needs besides its scores. */
interface Scoring {
  readonly card: CompiledCard;
  readonly scores: Readonly<Record<string, DecimalInput | null>>;
  /** Where the subject's scores came from: a leaf's, or all of them without a leaf. */
  readonly at: (subject: number, leaf?: string) => IssuePath;
  readonly subject: number;
  readonly issues: IssueList;
  readonly steps: TraceStep[] | null;
}

/** A leaf's given score, or `null`. */
function givenScore(node: CardNode, scores: Scoring['scores']): Fixed | null {
  const given = Object.hasOwn(scores, node.id) ? scores[node.id] : null;
  return given === null || given === undefined ? null : fixed(given);
}

/** Where a component without a score stands under its policy (`error` raises `MISSING_COMPONENT`). */
function missingSource(node: CardNode, scoring: Scoring): t.ComponentSource {
  if (node.missing === 'neutral') return 'neutral';
  if (node.missing === 'error')
    scoring.issues.add(
      'MISSING_COMPONENT',
      scoring.at(scoring.subject, node.id),
      `component "${node.id}" has no score and its policy is error`,
    );
  return 'missing';
}

/** S = Σ wᵢ·sᵢ over one level (÷ Σ wᵢ of the scored components), rounded; `null` when all were dropped. */
function evaluateLevel(
  nodes: readonly CardNode[],
  levelId: string,
  scoring: Scoring,
): { score: Fixed | null; rows: t.ComponentResult[] } {
  const { card, steps } = scoring;
  const rows: t.ComponentResult[] = [];
  let weight: Fixed = { n: 0n, scale: 0 };
  let sum: Fixed = { n: 0n, scale: 0 };
  let terms = '';
  for (const node of nodes) {
    const inner = node.children === null ? null : evaluateLevel(node.children, node.id, scoring);
    let score = inner === null ? givenScore(node, scoring.scores) : inner.score;
    const source = score !== null ? (inner === null ? 'given' : 'composed') : missingSource(node, scoring);
    if (source === 'neutral') score = node.neutral;
    const product = score === null ? null : mulFixed(node.weight, score);
    const text = score !== null && (steps !== null || card.breakdown) ? formatFixed(score) : null;
    if (product !== null) {
      weight = addFixed(weight, node.weight);
      sum = addFixed(sum, product);
      if (steps !== null) terms += `${terms === '' ? '' : ' + '}${node.weightText}·${text!}`;
    }
    if (card.breakdown) {
      const contribution = product && formatFixed(product);
      const components = inner && inner.rows;
      rows.push({ id: node.id, weight: node.weightText, score: text, source, contribution, components });
    }
  }
  if (weight.n === 0n) return { score: null, rows };
  const { scoreDecimals, mode } = card.policy;
  const reweighted = compareFixed(weight, ONE) !== 0;
  const score = reweighted ? divideFixed(sum, weight, scoreDecimals, mode) : roundFixed(sum, scoreDecimals, mode);
  steps?.push({
    rule: reweighted ? 'scorecard.reweight' : 'scorecard.compose',
    formula: reweighted
      ? 'S = Σ wᵢ·sᵢ ÷ Σ wᵢ over the components with a score, rounded to the score decimals'
      : 'S = Σ wᵢ·sᵢ, rounded to the score decimals',
    inputs: { card: levelId, terms, weightUsed: formatFixed(weight) },
    result: formatFixed(score),
  });
  return { score, rows };
}

/** coefficient = round(map(S)) at the coefficient decimals, with its trace steps when asked. */
function coefficientOf(card: CompiledCard, score: Fixed, steps: TraceStep[] | null): string | null {
  const { map, policy } = card;
  if (map === undefined) return null;
  if (map.kind === 'tiers') {
    const mapped = applyCoefficientMap(map, score, 'scorecard.coefficient');
    steps?.push(...mapped.steps);
    return formatFixed(roundFixed(mapped.value, policy.coefficientDecimals, policy.mode));
  }
  const value = applyLinearMap(map, score);
  const rounded = formatFixed(roundFixed(value, policy.coefficientDecimals, policy.mode));
  if (steps === null) return rounded;
  const { cap, floor, intercept, slope } = map.texts;
  const decimals = String(policy.coefficientDecimals);
  const formula = 'coefficient = clamp(intercept + slope · x, floor, cap), rounded to the coefficient decimals';
  // Inputs in code-unit order, as traceStep would sort them.
  const inputs = { cap, decimals, floor, intercept, slope, unrounded: formatFixed(value), x: formatFixed(score) };
  steps.push({ rule: 'scorecard.coefficient', formula, inputs, result: rounded });
  return rounded;
}

/**
 * Scores one subject on a compiled card (internal: the period run scores its departments so).
 * Issues go to `issues` at `at(leaf)`; the result is `undefined` when no component has a score.
 */
export function scoreSubject(
  card: CompiledCard,
  subject: t.ScorecardSubjectInput,
  index: number,
  at: (subject: number, leaf?: string) => IssuePath,
  issues: IssueList,
): t.ScoredSubject | undefined {
  const { id, scores } = subject;
  const steps: TraceStep[] | null = card.trace ? [] : null;
  const outcome = evaluateLevel(card.nodes, '(card)', { card, scores, at, subject: index, issues, steps });
  if (outcome.score === null) {
    issues.add('MISSING_COMPONENT', at(index), `subject "${id}" has no component with a score`);
    return undefined;
  }
  const coefficient = coefficientOf(card, outcome.score, steps);
  return { id, score: formatFixed(outcome.score), coefficient, components: outcome.rows, trace: steps ?? [] };
}

/** Scores for no leaf of the card: `UNKNOWN_REFERENCE`, naming a sub-card when one is meant. */
function unknownScores(card: CompiledCard, scores: object, j: number, issues: IssueList): void {
  for (const key of Object.keys(scores))
    if (!card.leaves.has(key))
      issues.add(
        'UNKNOWN_REFERENCE',
        ['subjects', j, 'scores', key],
        card.groups.has(key)
          ? `"${key}" is a sub-card: give the scores of its components`
          : `no component of the card has id "${key}"`,
      );
}

/** Where subject j's scores sit in `composeScore`'s input. */
const scoresAt = (j: number, leaf?: string): IssuePath =>
  leaf === undefined ? ['subjects', j, 'scores'] : ['subjects', j, 'scores', leaf];

/** `composeScore`'s input with the subjects read row by row (zod's copy of a million costs more than scoring). */
const composeCardSchema = /* @__PURE__ */ z.strictObject({ ...scorecardFields, subjects: z.array(z.unknown()) });

/**
 * Composes weighted component scores into one score per subject, and maps it to a performance
 * coefficient (SPEC §3.6). Components may nest: a component with its own `components` is a
 * sub-scorecard, scored and rounded first.
 *
 * **Formula.** At each level S = Σ wᵢ·sᵢ (weights sum to exactly 1). A missing component follows
 * its policy: `neutral` uses the neutral score; `reweight` drops it, S = Σ wᵢ·sᵢ ÷ Σ wᵢ over the
 * components with a score; `error` raises `MISSING_COMPONENT`. Every (sub-)card score is rounded
 * to the score decimals, and the coefficient = round(map(S)) to the coefficient decimals.
 * **References.** Seed 001: back office = functional 40 % + front-line support 30 % + company 30 %;
 * front line = business 50 % + back-office support 20 % + extra 30 %.
 *
 * @param input - `components` (the card), `subjects` (`id`, `scores` by leaf id), optional
 *   `missing`, `neutralScore`, `coefficient` map, `rounding`, `trace` and `breakdown` (false:
 *   empty traces, empty component rows — for bulk what-ifs).
 * @returns Subjects ordered by id: score, coefficient, component rows and trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE`,
 *   `OUT_OF_RANGE`, `DUPLICATE_ID`, `UNKNOWN_REFERENCE` (a score for no leaf),
 *   `WEIGHTS_DO_NOT_SUM` (with the sum, the gap and every weight), `MISSING_COMPONENT`,
 *   `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`, `TIER_BOUNDS_NOT_ORDERED`,
 *   `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH` (a tier-table map).
 *
 * @example
 * ```ts
 * import { composeScore } from 'synergy-pay';
 * const { subjects } = composeScore({
 *   components: [
 *     { id: 'functional', weight: '0.4' },
 *     { id: 'support', weight: '0.3' },
 *     { id: 'company', weight: '0.3' },
 *   ],
 *   subjects: [{ id: 'it-li', scores: { functional: 90, support: 85, company: 80 } }],
 *   coefficient: { kind: 'linear', slope: '0.01' },
 * });
 * // subjects[0].score → '85.5', subjects[0].coefficient → '0.855'
 * ```
 */
export function composeScore(input: t.ComposeScoreInput): t.ComposeScoreResult {
  const { subjects: rows, ...cardInput } = parseInput(composeCardSchema, input);
  const issues = new IssueList();
  const card = compileCard(cardInput, [], issues);
  for (const issue of refuseProtoKeys(input, [['subjects', '*', 'scores']]).items)
    issues.add(issue.code, issue.path, issue.message);
  const subjects = readRows(scorecardSubjectSchema, rows, ['subjects'], issues);
  const ids = new IdKeys(subjects.length);
  for (let j = 0; j < subjects.length; j++) ids.add(j, subjects[j]?.id);
  const order = ids.order(); // needed for the result anyway; repeats are then adjacent
  ids.duplicates((j, first) => {
    issues.add('DUPLICATE_ID', ['subjects', j, 'id'], `id "${subjects[j]!.id}" is already used at subjects[${first}]`);
  });
  issues.throwIfAny();
  const scored = subjects.map((subject, j) => {
    unknownScores(card!, subject!.scores, j, issues);
    return scoreSubject(card!, subject!, j, scoresAt, issues);
  });
  issues.throwIfAny();
  return { subjects: gather(scored as t.ScoredSubject[], order) };
}
