/**
 * The coefficient map (SPEC §2.2): how a measured value x — achievement, a score, net points —
 * becomes a coefficient, by a clamped line or by a tier table. Linkage and scorecards share it.
 */
import { Dec } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { addFixed, compareFixed, formatFixed, mulFixed, parseFixed, type Fixed } from '../core/fixed.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { compileTable, scoreOf, tierTrace, type CompiledTierTable } from './tierScore.js';
import type { CoefficientMapInput } from './types.js';

/** A linear map with its defaults filled in, exact, with the texts its trace shows. */
export interface CompiledLinearMap {
  readonly kind: 'linear';
  readonly slope: Fixed;
  readonly intercept: Fixed;
  readonly floor: Fixed;
  readonly cap: Fixed | null;
  /** The figures as canonical text (`cap` is `"none"` without a cap). */
  readonly texts: { readonly slope: string; readonly intercept: string; readonly floor: string; readonly cap: string };
}

/** A tier map with its table compiled at the rounding point of what it yields. */
export interface CompiledTierMap {
  readonly kind: 'tiers';
  readonly table: CompiledTierTable;
}

/** A coefficient map checked once, ready to apply to many values. */
export type CompiledCoefficientMap = CompiledLinearMap | CompiledTierMap;

const read = (value: DecimalInput | undefined, fallback: string): Fixed =>
  parseFixed(value === undefined ? fallback : decimalText(value));

/**
 * Compiles a schema-valid coefficient map, adding its problems to `issues` (under `path`): a floor
 * above the cap (`OUT_OF_RANGE`), a duration table (`TIER_UNIT_MISMATCH`), a bad tier table.
 * `decimals` is the rounding point of what the map yields (a tier table rounds its scores there).
 * Returns `undefined` on a problem.
 */
export function compileCoefficientMap(
  map: CoefficientMapInput,
  path: IssuePath,
  issues: IssueList,
  policy: RoundingPolicy,
  decimals: number,
): CompiledCoefficientMap | undefined {
  if (map.kind === 'tiers') {
    if (map.table.unit === 'duration')
      issues.add(
        'TIER_UNIT_MISMATCH',
        [...path, 'table', 'unit'],
        'a duration table cannot map achievement or a score; use a plain table',
      );
    const table = compileTable(map.table, [...path, 'table'], issues, { ...policy, scoreDecimals: decimals });
    return table && map.table.unit !== 'duration' ? { kind: 'tiers', table } : undefined;
  }
  const [slope, intercept, floor] = [read(map.slope, '1'), read(map.intercept, '0'), read(map.floor, '0')];
  const cap = map.cap === undefined ? null : read(map.cap, '0');
  const texts = { slope: formatFixed(slope), intercept: formatFixed(intercept), floor: formatFixed(floor) };
  if (cap === null || compareFixed(floor, cap) <= 0)
    return { kind: 'linear', slope, intercept, floor, cap, texts: { ...texts, cap: cap ? formatFixed(cap) : 'none' } };
  issues.add('OUT_OF_RANGE', [...path, 'floor'], `floor ${texts.floor} is above cap ${formatFixed(cap)}`);
  return undefined;
}

/** `clamp(intercept + slope · x, floor, cap)`, exact and unrounded. */
export function applyLinearMap(map: CompiledLinearMap, x: Fixed): Fixed {
  const value = addFixed(map.intercept, mulFixed(map.slope, x));
  if (compareFixed(value, map.floor) < 0) return map.floor;
  return map.cap !== null && compareFixed(value, map.cap) > 0 ? map.cap : value;
}

/**
 * Applies a compiled map to `x`, with the trace steps that explain it (`rule` names a linear
 * map's step). A linear map's value is unrounded (the caller rounds); a tier map's is already
 * rounded at the map's decimals.
 */
export function applyCoefficientMap(
  map: CompiledCoefficientMap,
  x: Fixed,
  rule: string,
): { value: Fixed; steps: TraceStep[] } {
  if (map.kind === 'tiers') {
    const value = new Dec(formatFixed(x));
    const hit = scoreOf(map.table, value);
    return { value: parseFixed(hit.score.toFixed()), steps: tierTrace(map.table, value, hit) };
  }
  const value = applyLinearMap(map, x);
  const formula = 'coefficient = clamp(intercept + slope · x, floor, cap)';
  return { value, steps: [traceStep(rule, formula, { x: formatFixed(x), ...map.texts }, formatFixed(value))] };
}
