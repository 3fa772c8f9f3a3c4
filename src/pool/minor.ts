/** Row-shape predicates of the pool's hand validators (to be replaced by the core row reader). */

/** Whether `value` is an id: a string of 1–200 characters. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** Whether `value` is a plain object whose keys are all in `allowed`. */
export function isPlainRow(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}
