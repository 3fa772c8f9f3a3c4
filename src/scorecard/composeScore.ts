import type * as z from 'zod/mini';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalProblem, decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import {
  applyCoefficientMap,
  compileCoefficientMap,
  type CompiledCoefficientMap,
  type CompiledLinearMap,
} from '../linkage/coefficientMap.js';
import {
  composeCardSchema,
  composeScoreInputSchema,
  type MissingPolicy,
  type ScorecardComponentInput,
} from './schema.js';
import {
  addFixed,
  compareFixed,
  divideFixed,
  formatFixed,
  mulFixed,
  parseFixed,
  roundFixed,
  type Fixed,
} from '../core/fixed.js';
import { compareIds } from '../core/ids.js';

/** Input of {@link composeScore} (inferred from its schema). */
export type ComposeScoreInput = z.input<typeof composeScoreInputSchema>;

/** How a component's score was obtained. */
export type ComponentSource = 'given' | 'composed' | 'neutral' | 'missing';

/** One component of a subject's scorecard. */
export interface ComponentResult {
  readonly id: string;
  /** The weight as declared. */
  readonly weight: string;
  /** The score used (`null` when missing and re-weighted away). Sub-card scores are rounded. */
  readonly score: string | null;
  /** `given` by the data, `composed` from sub-components, `neutral` (missing, neutral score used), `missing` (dropped). */
  readonly source: ComponentSource;
  /** weight × score (`null` when dropped). */
  readonly contribution: string | null;
  /** Sub-components ordered by id, or `null` for a leaf. */
  readonly components: ComponentResult[] | null;
}

/** One subject's composed score. */
export interface ScoredSubject {
  readonly id: string;
  /** Σ weight × score over the components used ÷ their weight, rounded to the score decimals. */
  readonly score: string;
  /** The score mapped to a coefficient (rounded to the coefficient decimals), or `null` without a map. */
  readonly coefficient: string | null;
  /** Components ordered by id (empty with `breakdown: false`). */
  readonly components: ComponentResult[];
  /** The steps that derived score and coefficient (empty with `trace: false`). */
  readonly trace: TraceStep[];
}

/** Result of {@link composeScore}: subjects ordered by id. */
export interface ComposeScoreResult {
  readonly subjects: ScoredSubject[];
}

interface CardNode {
  readonly id: string;
  readonly weight: Fixed;
  readonly weightText: string;
  readonly children: CardNode[] | null;
  readonly missing: MissingPolicy;
  readonly neutral: Fixed | null;
}

interface Evaluation {
  readonly score: Fixed | null;
  readonly rows: ComponentResult[];
}

const ONE: Fixed = { n: 1n, scale: 0 };
const ZERO: Fixed = { n: 0n, scale: 0 };

/** Validates and compiles one level of the card (weights sum to 1, ids unique, neutral scores present). */
function compileLevel(
  components: readonly ScorecardComponentInput[],
  path: IssuePath,
  inherited: { missing: MissingPolicy; neutral: Fixed | null },
  leaves: Set<string>,
  groups: Set<string>,
  issues: IssueList,
): CardNode[] {
  let sum = ZERO;
  const nodes: CardNode[] = components.map((component, i) => {
    const at = [...path, i];
    if (leaves.has(component.id) || groups.has(component.id))
      issues.add(
        'DUPLICATE_ID',
        [...at, 'id'],
        `component id "${component.id}" is already used in this card (ids are unique across all levels)`,
      );
    const weightText = decimalText(component.weight);
    const weight = parseFixed(weightText);
    sum = addFixed(sum, weight);
    const missing = component.missing ?? inherited.missing;
    const neutral =
      component.neutralScore === undefined ? inherited.neutral : parseFixed(decimalText(component.neutralScore));
    if (missing === 'neutral' && neutral === null)
      issues.add(
        'INVALID_INPUT',
        [...at, 'neutralScore'],
        `component "${component.id}" uses the neutral policy but no neutralScore is declared`,
      );
    let children: CardNode[] | null = null;
    if (component.components !== undefined) {
      groups.add(component.id);
      children = compileLevel(
        component.components,
        [...at, 'components'],
        { missing, neutral },
        leaves,
        groups,
        issues,
      );
    } else {
      leaves.add(component.id);
    }
    return { id: component.id, weight, weightText, children, missing, neutral };
  });
  if (compareFixed(sum, ONE) !== 0) {
    const gap = addFixed(ONE, { n: -sum.n, scale: sum.scale });
    const listing = nodes.map((node) => `${node.id} ${node.weightText}`).join(', ');
    const off =
      gap.n > 0n ? `${formatFixed(gap)} short of 1` : `${formatFixed({ n: -gap.n, scale: gap.scale })} over 1`;
    issues.add('WEIGHTS_DO_NOT_SUM', path, `weights sum to ${formatFixed(sum)}, ${off} (${listing})`);
  }
  nodes.sort((a, b) => compareIds(a.id, b.id));
  return nodes;
}

/** Scores one level for one subject, in exact scaled integers. `null` score: every component was dropped. */
function evaluateLevel(
  nodes: readonly CardNode[],
  levelId: string,
  scores: Readonly<Record<string, DecimalInput | null>>,
  subjectPath: IssuePath,
  policy: RoundingPolicy,
  issues: IssueList,
  steps: TraceStep[] | null,
  detail: boolean,
): Evaluation {
  const rows: ComponentResult[] = [];
  let presentWeight = ZERO;
  let sum = ZERO;
  let terms = '';
  for (const node of nodes) {
    let score: Fixed | null = null;
    let source: ComponentSource;
    let children: ComponentResult[] | null = null;
    if (node.children !== null) {
      const inner = evaluateLevel(node.children, node.id, scores, subjectPath, policy, issues, steps, detail);
      children = inner.rows;
      score = inner.score;
      source = 'composed';
    } else {
      const given = Object.hasOwn(scores, node.id) ? scores[node.id] : null;
      if (given !== null && given !== undefined) score = parseFixed(decimalText(given));
      source = 'given';
    }
    if (score === null) {
      if (node.missing === 'neutral') {
        score = node.neutral;
        source = 'neutral';
      } else {
        source = 'missing';
        if (node.missing === 'error')
          issues.add(
            'MISSING_COMPONENT',
            [...subjectPath, 'scores', node.id],
            `component "${node.id}" has no score and its policy is error`,
          );
      }
    }
    let contribution: string | null = null;
    let scoreText: string | null = null;
    if (score !== null) {
      const product = mulFixed(node.weight, score);
      presentWeight = addFixed(presentWeight, node.weight);
      sum = addFixed(sum, product);
      if (detail || steps !== null) scoreText = formatFixed(score);
      if (detail) contribution = formatFixed(product);
      if (steps !== null) terms += `${terms === '' ? '' : ' + '}${node.weightText}·${scoreText as string}`;
    }
    if (detail)
      rows.push({ id: node.id, weight: node.weightText, score: scoreText, source, contribution, components: children });
  }
  if (presentWeight.n === 0n) return { score: null, rows };
  const reweighted = compareFixed(presentWeight, ONE) !== 0;
  const score = reweighted
    ? divideFixed(sum, presentWeight, policy.scoreDecimals, policy.mode)
    : roundFixed(sum, policy.scoreDecimals, policy.mode);
  steps?.push({
    rule: reweighted ? 'scorecard.reweight' : 'scorecard.compose',
    formula: reweighted
      ? 'S = Σ wᵢ·sᵢ ÷ Σ wᵢ over the components with a score, rounded to the score decimals'
      : 'S = Σ wᵢ·sᵢ, rounded to the score decimals',
    inputs: { card: levelId, terms, weightUsed: formatFixed(presentWeight) },
    result: formatFixed(score),
  });
  return { score, rows };
}

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
export function composeScore(input: ComposeScoreInput): ComposeScoreResult {
  const parsed = parseInput(composeCardSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const leaves = new Set<string>();
  const groups = new Set<string>();
  const rootMissing = parsed.missing ?? 'error';
  const rootNeutral = parsed.neutralScore === undefined ? null : parseFixed(decimalText(parsed.neutralScore));
  const card = compileLevel(
    parsed.components,
    ['components'],
    { missing: rootMissing, neutral: rootNeutral },
    leaves,
    groups,
    issues,
  );
  const map: CompiledCoefficientMap | null =
    parsed.coefficient === undefined
      ? null
      : compileCoefficientMap(parsed.coefficient, ['coefficient'], issues, policy, policy.coefficientDecimals);
  const linear = map !== null && map.kind === 'linear' ? fixedLinearMap(map) : null;
  const rows = parsed.subjects;
  const checked = new Array<CheckedSubject>(rows.length);
  const seen = new Map<string, number>();
  for (let j = 0; j < rows.length; j++) {
    const subject = checkSubject(rows[j], j, issues);
    if (subject === undefined) continue;
    checked[j] = subject;
    const first = seen.get(subject.id);
    if (first === undefined) seen.set(subject.id, j);
    else issues.add('DUPLICATE_ID', ['subjects', j, 'id'], `id "${subject.id}" is already used at subjects[${first}]`);
  }
  issues.throwIfAny();
  const withTrace = parsed.trace !== false;
  const withComponents = parsed.breakdown !== false;

  const subjects: ScoredSubject[] = [];
  for (let j = 0; j < checked.length; j++) {
    const subject = checked[j] as CheckedSubject;
    const subjectPath = ['subjects', j];
    for (const key of Object.keys(subject.scores)) {
      if (!leaves.has(key))
        issues.add(
          'UNKNOWN_REFERENCE',
          [...subjectPath, 'scores', key],
          groups.has(key)
            ? `"${key}" is a sub-card: give the scores of its components`
            : `no component of the card has id "${key}"`,
        );
    }
    const steps: TraceStep[] | null = withTrace ? [] : null;
    const outcome = evaluateLevel(card, '(card)', subject.scores, subjectPath, policy, issues, steps, withComponents);
    if (outcome.score === null) {
      issues.add(
        'MISSING_COMPONENT',
        [...subjectPath, 'scores'],
        `subject "${subject.id}" has no component with a score`,
      );
      continue;
    }
    let coefficient: string | null = null;
    if (linear !== null) {
      coefficient = applyFixedLinearMap(linear, outcome.score, policy, steps);
    } else if (map !== null) {
      const mapped = applyCoefficientMap(map, new Dec(formatFixed(outcome.score)), 'scorecard.coefficient');
      const rounded = roundCoefficient(mapped.value, policy);
      steps?.push(...mapped.steps);
      coefficient = rounded.toFixed();
    }
    subjects.push({
      id: subject.id,
      score: formatFixed(outcome.score),
      coefficient,
      components: outcome.rows,
      trace: steps ?? [],
    });
  }
  issues.throwIfAny();
  subjects.sort((a, b) => compareIds(a.id, b.id));
  return { subjects };
}

/** A subject after the hand check: what {@link scorecardSubjectSchema} would have returned. */
interface CheckedSubject {
  readonly id: string;
  readonly scores: Readonly<Record<string, DecimalInput | null>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks one subject exactly as `scorecardSubjectSchema` would (strict keys, id 1–200 chars,
 * scores a record of decimals or null; an own `__proto__` key refused), without copying it:
 * zod's copy of a million subjects cost more than scoring them.
 */
function checkSubject(raw: unknown, j: number, issues: IssueList): CheckedSubject | undefined {
  const path = ['subjects', j];
  if (!isRecord(raw)) {
    issues.add('INVALID_INPUT', path, 'expected an object { id, scores }');
    return undefined;
  }
  const before = issues.size;
  for (const key of Object.keys(raw))
    if (key !== 'id' && key !== 'scores') issues.add('INVALID_INPUT', path, `Unrecognized key: "${key}"`);
  const { id, scores } = raw;
  if (typeof id !== 'string' || id.length < 1 || id.length > 200)
    issues.add('INVALID_INPUT', [...path, 'id'], 'expected an id: a string of 1 to 200 characters');
  if (!isRecord(scores)) {
    issues.add('INVALID_INPUT', [...path, 'scores'], 'expected an object of scores by component id');
    return undefined;
  }
  if (Object.hasOwn(scores, '__proto__'))
    issues.add('INVALID_INPUT', [...path, 'scores', '__proto__'], '"__proto__" cannot be used as a key');
  for (const key of Object.keys(scores)) {
    if (key.length < 1 || key.length > 200)
      issues.add('INVALID_INPUT', [...path, 'scores', key], 'a component id has 1 to 200 characters');
    const value = scores[key];
    if (value === null) continue;
    const problem = decimalProblem(value);
    if (problem !== undefined) issues.add('INVALID_DECIMAL', [...path, 'scores', key], problem);
  }
  return issues.size === before
    ? { id: id as string, scores: scores as Record<string, DecimalInput | null> }
    : undefined;
}

/** A linear map in exact fixed point, for the per-subject coefficient. */
interface FixedLinearMap {
  readonly slope: Fixed;
  readonly intercept: Fixed;
  readonly floor: Fixed;
  readonly cap: Fixed | null;
  readonly texts: { slope: string; intercept: string; floor: string; cap: string };
}

function fixedLinearMap(map: CompiledLinearMap): FixedLinearMap {
  const slope = parseFixed(map.slope.toFixed());
  const intercept = parseFixed(map.intercept.toFixed());
  const floor = parseFixed(map.floor.toFixed());
  const cap = map.cap === null ? null : parseFixed(map.cap.toFixed());
  return {
    slope,
    intercept,
    floor,
    cap,
    texts: {
      slope: formatFixed(slope),
      intercept: formatFixed(intercept),
      floor: formatFixed(floor),
      cap: cap === null ? 'none' : formatFixed(cap),
    },
  };
}

/** coefficient = round(clamp(intercept + slope · S, floor, cap)), exactly; trace steps when asked. */
function applyFixedLinearMap(
  map: FixedLinearMap,
  score: Fixed,
  policy: RoundingPolicy,
  steps: TraceStep[] | null,
): string {
  let value = addFixed(map.intercept, mulFixed(map.slope, score));
  if (compareFixed(value, map.floor) < 0) value = map.floor;
  if (map.cap !== null && compareFixed(value, map.cap) > 0) value = map.cap;
  const rounded = formatFixed(roundFixed(value, policy.coefficientDecimals, policy.mode));
  if (steps !== null) {
    // Keys in code-unit order, as traceStep would sort them.
    const { cap, floor, intercept, slope } = map.texts;
    steps.push({
      rule: 'scorecard.coefficient',
      formula: 'coefficient = clamp(intercept + slope · x, floor, cap), rounded to the coefficient decimals',
      inputs: {
        cap,
        decimals: String(policy.coefficientDecimals),
        floor,
        intercept,
        slope,
        unrounded: formatFixed(value),
        x: formatFixed(score),
      },
      result: rounded,
    });
  }
  return rounded;
}
