import * as z from 'zod/mini';
import { Dec } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { decimalSchema, nonNegativeDecimalSchema } from '../core/schema.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { tierTableSchema } from '../tiers/schema.js';
import { checkTierTable, scoreOf, tierTrace, type CompiledTierTable } from '../tiers/tierScore.js';

/**
 * A clamped linear map from a measured value x (achievement, a score) to a coefficient:
 * `clamp(intercept + slope · x, floor, cap)`. Seed 000's "完成率 80 %, 绩效系数 0.8" is the
 * default map (slope 1, intercept 0).
 */
export const linearMapSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('linear'),
  /** Coefficient gained per unit of x (≥ 0, so a better x never gives less). @defaultValue `1` */
  slope: z.optional(nonNegativeDecimalSchema),
  /** Coefficient at x = 0, before clamping. @defaultValue `0` */
  intercept: z.optional(decimalSchema),
  /** Lowest coefficient. @defaultValue `0` */
  floor: z.optional(decimalSchema),
  /** Highest coefficient; omit for no cap. @defaultValue none */
  cap: z.optional(decimalSchema),
});

/** A linear map (see {@link linearMapSchema}). */
export type LinearMapInput = z.input<typeof linearMapSchema>;

/** A linear map with its defaults filled in and its figures read, checked once. */
export interface CompiledLinearMap {
  readonly kind: 'linear';
  readonly slope: Dec;
  readonly intercept: Dec;
  readonly floor: Dec;
  readonly cap: Dec | null;
}

const ONE = /* @__PURE__ */ new Dec(1);
const ZERO = /* @__PURE__ */ new Dec(0);

const read = (value: DecimalInput | undefined, fallback: Dec): Dec =>
  value === undefined ? fallback : new Dec(decimalText(value));

/** Fills the defaults of a validated linear map; a floor above the cap is `OUT_OF_RANGE`. */
export function compileLinearMap(map: LinearMapInput, path: IssuePath, issues: IssueList): CompiledLinearMap {
  const compiled: CompiledLinearMap = {
    kind: 'linear',
    slope: read(map.slope, ONE),
    intercept: read(map.intercept, ZERO),
    floor: read(map.floor, ZERO),
    cap: map.cap === undefined ? null : new Dec(decimalText(map.cap)),
  };
  if (compiled.cap !== null && compiled.floor.gt(compiled.cap))
    issues.add(
      'OUT_OF_RANGE',
      [...path, 'floor'],
      `floor ${compiled.floor.toFixed()} is above cap ${compiled.cap.toFixed()}`,
    );
  return compiled;
}

/** `clamp(intercept + slope · x, floor, cap)`, unrounded, with a trace step. */
export function applyLinearMap(map: CompiledLinearMap, x: Dec, rule: string): { value: Dec; step: TraceStep } {
  const raw = map.intercept.plus(map.slope.times(x));
  let value = raw;
  if (value.lt(map.floor)) value = map.floor;
  if (map.cap !== null && value.gt(map.cap)) value = map.cap;
  const step = traceStep(
    rule,
    'coefficient = clamp(intercept + slope · x, floor, cap)',
    {
      x: x.toFixed(),
      slope: map.slope.toFixed(),
      intercept: map.intercept.toFixed(),
      floor: map.floor.toFixed(),
      cap: map.cap === null ? 'none' : map.cap.toFixed(),
    },
    value.toFixed(),
  );
  return { value, step };
}

/**
 * A tier table used as a map (SPEC §2.2): the band's `score` is the coefficient (or component
 * score). `higherIsBetter` for achievement and scores (≥ 1.2 → 1.2, ≥ 1.0 → 1.0, else 0.8), and
 * `interpolate` for a line between anchors. Duration tables are refused here.
 */
export const tierMapSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('tiers'),
  /** The tier table (see `tierTableSchema`). */
  table: tierTableSchema,
});

/**
 * How a measured value becomes a coefficient: a clamped linear map (`kind: 'linear'`) or a tier
 * table (`kind: 'tiers'`, SPEC §2.2).
 */
export const coefficientMapSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [linearMapSchema, tierMapSchema]);

/** A coefficient map (see {@link coefficientMapSchema}). */
export type CoefficientMapInput = z.input<typeof coefficientMapSchema>;

/** A tier map checked once (its table compiled with the output's rounding). */
export interface CompiledTierMap {
  readonly kind: 'tiers';
  readonly table: CompiledTierTable;
}

/** A coefficient map checked once, ready to apply to many values. */
export type CompiledCoefficientMap = CompiledLinearMap | CompiledTierMap;

/**
 * Compiles a validated coefficient map, adding problems to `issues`. `decimals` is the rounding
 * point of what the map yields (tier scores are rounded there by the table itself).
 */
export function compileCoefficientMap(
  map: CoefficientMapInput,
  path: IssuePath,
  issues: IssueList,
  policy: RoundingPolicy,
  decimals: number,
): CompiledCoefficientMap {
  if (map.kind === 'linear') return compileLinearMap(map, path, issues);
  if (map.table.unit === 'duration')
    issues.add(
      'TIER_UNIT_MISMATCH',
      [...path, 'table', 'unit'],
      'a duration table cannot map achievement or a score; use a plain table',
    );
  const table = checkTierTable(map.table, [...path, 'table'], issues, { ...policy, scoreDecimals: decimals });
  // On a problem the placeholder is never applied: the caller throws the issues first.
  return { kind: 'tiers', table: table as CompiledTierTable };
}

/**
 * Applies a compiled map to `x`, with the trace steps that explain it. A linear map's value is
 * unrounded (the caller rounds); a tier map's is already rounded at the map's decimals.
 */
export function applyCoefficientMap(
  map: CompiledCoefficientMap,
  x: Dec,
  rule: string,
): { value: Dec; steps: TraceStep[] } {
  if (map.kind === 'linear') {
    const { value, step } = applyLinearMap(map, x, rule);
    return { value, steps: [step] };
  }
  const hit = scoreOf(map.table, x);
  return { value: hit.score, steps: tierTrace(map.table, x, hit) };
}
