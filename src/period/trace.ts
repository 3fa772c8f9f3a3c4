import type { TraceStep } from '../core/trace.js';

/**
 * A trace step built without `traceStep`'s key sort and string conversion, for per-person hot
 * paths: the caller passes string inputs with keys already in code-unit order, so the object is
 * identical to what `traceStep` would build.
 */
export function step(
  rule: string,
  formula: string,
  inputs: Readonly<Record<string, string>>,
  result: string,
): TraceStep {
  return { rule, formula, inputs, result };
}
