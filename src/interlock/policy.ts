import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';

/** A parsed `rounding` field as zod gives it: optional keys may hold `undefined`. */
export interface RoundingInput {
  readonly mode?: RoundingPolicy['mode'] | undefined;
  readonly scoreDecimals?: number | undefined;
  readonly coefficientDecimals?: number | undefined;
}

/**
 * The rounding policy of an input, keys left `undefined` taking the defaults (a plain spread
 * over the defaults would let `{ mode: undefined }` erase the default mode).
 */
export function roundingPolicy(input: RoundingInput | undefined): RoundingPolicy {
  if (input === undefined) return resolveRounding(undefined);
  const partial: { -readonly [K in keyof RoundingPolicy]?: RoundingPolicy[K] } = {};
  if (input.mode !== undefined) partial.mode = input.mode;
  if (input.scoreDecimals !== undefined) partial.scoreDecimals = input.scoreDecimals;
  if (input.coefficientDecimals !== undefined) partial.coefficientDecimals = input.coefficientDecimals;
  return resolveRounding(partial);
}
