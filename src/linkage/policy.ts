import { defaultRounding, type RoundingPolicy } from '../core/rounding.js';

/** A rounding policy as zod parses it (fields possibly `undefined`). */
export interface RoundingInput {
  readonly mode?: RoundingPolicy['mode'] | undefined;
  readonly scoreDecimals?: number | undefined;
  readonly coefficientDecimals?: number | undefined;
}

/**
 * Fills a parsed rounding policy field by field. (core's `resolveRounding` spreads the partial
 * policy, so an explicit `mode: undefined` would replace the default, and its parameter type does
 * not accept zod's output under `exactOptionalPropertyTypes`.)
 */
export function roundingPolicy(input: RoundingInput | undefined): RoundingPolicy {
  if (input === undefined) return defaultRounding;
  return {
    mode: input.mode ?? defaultRounding.mode,
    scoreDecimals: input.scoreDecimals ?? defaultRounding.scoreDecimals,
    coefficientDecimals: input.coefficientDecimals ?? defaultRounding.coefficientDecimals,
  };
}
