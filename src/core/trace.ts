import { heldText } from './held.js';

/**
 * One step of a calculation, so that every figure can be explained (SPEC §1.6,
 * seed 001's "个人薪酬看板", the personal pay dashboard).
 */
export interface TraceStep {
  /** A stable rule name, e.g. `"allocate.largestRemainder"`, `"pool.carve"`. */
  readonly rule: string;
  /** The formula in words and symbols, e.g. `"pool = round(p × Σ gross)"`. */
  readonly formula: string;
  /** The figures that went in, as strings. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The figure that came out, as a string. */
  readonly result: string;
}

/** An empty trace, shared and frozen: for a figure that states no steps (none asked for, or none to state). */
export const NO_TRACE: TraceStep[] = /* @__PURE__ */ Object.freeze([]) as unknown as TraceStep[];

/** Builds a trace step; non-string inputs are converted with `String`. */
export function traceStep(
  rule: string,
  formula: string,
  inputs: Readonly<Record<string, string | number | bigint | boolean | { toString(): string }>>,
  result: string | number | bigint | { toString(): string },
): TraceStep {
  const texts: Record<string, string> = {};
  for (const key of Object.keys(inputs).sort()) texts[key] = String(inputs[key]);
  // A step is held until its statement is written: its formula stored flat (core/held.ts).
  return { rule, formula: heldText(formula), inputs: texts, result: String(result) };
}
