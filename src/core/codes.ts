/**
 * The error catalogue: every `code` a {@link SynergyPayError} can carry, with what it means.
 *
 * Codes are stable: once published, a code keeps its meaning. Messages may be reworded.
 * Each mechanism keeps its codes in its own section so the catalogue stays readable.
 *
 * @module
 */
export const errorCatalogue = {
  // ── core ───────────────────────────────────────────────────────────────────
  INVALID_INPUT: 'The input does not match the schema (wrong type, missing or unknown field).',
  INVALID_DECIMAL:
    'A decimal field is not a plain decimal: NaN, Infinity, exponent strings, "1,234", blank or padded strings, hex, or a number beyond ±2^53 − 1.',
  INVALID_AMOUNT: 'A money amount has more decimals than its currency allows (CNY 2, JPY 0, KWD 3).',
  NEGATIVE_VALUE: 'A value that must be zero or more (a weight, a cap, a rate base) is negative.',
  OUT_OF_RANGE: 'A value lies outside its allowed range (a rate outside [0, 1], a ratio above 1, …).',
  UNKNOWN_CURRENCY: 'A currency code is not an ISO 4217 code known to Intl.',
  CURRENCY_MISMATCH: 'Amounts in different currencies were combined.',
  DUPLICATE_ID: 'Two rows of one list share an id.',
  UNKNOWN_REFERENCE: 'An id refers to a row that does not exist.',
  WEIGHTS_DO_NOT_SUM: 'Weights or shares that must sum to exactly 1 do not.',
  NO_POSITIVE_WEIGHT: 'Every weight is zero, so nothing can be allocated (ask for `unallocated` instead).',
  DATES_OUT_OF_ORDER: 'An end date or instant lies before its start.',
  // ── tiers ──────────────────────────────────────────────────────────────────
  TIER_BOUND_MISSING: 'A band of a tier table other than the last has no `bound` (only the last band is open).',
  TIER_LAST_BAND_BOUNDED: 'The last band of a tier table has a `bound`; the last band must be open.',
  TIER_BOUNDS_NOT_ORDERED:
    'Tier bounds are not strictly ascending (lowerIsBetter: inclusive upper bounds) or strictly descending (higherIsBetter: inclusive lower bounds).',
  TIER_SCORES_NOT_MONOTONE:
    'A tier band scores higher than a better band listed before it (bands are best first; scores never rise down the list).',
  TIER_DURATION_NOT_FIXED:
    'A duration bound uses months or years, which have no fixed length; use weeks, days, hours, minutes or seconds.',
  TIER_UNIT_MISMATCH:
    'A bound or table does not fit its unit: a Duration object in a table without `unit: "duration"`, or a duration table used as a rate table.',

  // ── time ───────────────────────────────────────────────────────────────────
  UNKNOWN_TIME_ZONE: 'A time zone is not an IANA time zone known to Intl (e.g. "Asia/Shanghai").',
  OVERLAPPING_INTERVALS: 'Two working intervals of the same day overlap (touching, like 12:00 and 12:00, is fine).',
  CALENDAR_CONFLICT: 'A date is listed both as a holiday and as a make-up working day.',

  // ── ratings ────────────────────────────────────────────────────────────────
  INVALID_RACI_MATRIX:
    'A key task of the RACI matrix does not have exactly one A (accountable) and at least one R (responsible).',
  DUPLICATE_RATING: 'One rater rated the same ratee on the same dimension twice in one period.',
  DECISION_NOT_FLAGGED:
    'A review decision names a rating that was not flagged for review (or was rejected), so there is nothing to decide.',

  // ── linkage & scorecard ────────────────────────────────────────────────────
  NON_POSITIVE_TARGET: 'A target is zero or negative, so achievement (actual / target) has no meaning.',
  RELEVANCE_OVER_ONE:
    "A department's relevance ratios sum to more than 1, which would give its own result a negative share.",
  MISSING_COMPONENT: 'A scorecard component has no score and the plan says a missing component is an error.',

  // ── interlock ──────────────────────────────────────────────────────────────
  MISSING_DIMENSION: 'A revenue fact names no member for one of the declared crediting dimensions.',

  // ── pool ───────────────────────────────────────────────────────────────────
  NOT_CARVED:
    "A commission row belongs to a person whose side the pool does not carve from; the plan's `pool.nonContributorCommissions` must say how to treat it (`payInFull` or `carve`).",

  // ── period ─────────────────────────────────────────────────────────────────
  PLAN_VERSION_OVERLAP:
    "Two plan versions are in force on the same day (equal effective dates, or an `until` past the next version's start).",
  PLAN_NOT_IN_FORCE:
    'No plan version is in force on a day of the period (before the first version, or in a gap after an `until`).',
  RECONCILIATION_FAILED:
    "A reconciliation did not hold: a control total declared in the scenario (`controls`: row counts, Σ commissions, Σ deductions, headcount, Σ pay) disagrees with the rows or the result (the path names the control), or — a bug to report with the scenario — one of the run's own conservation checks failed (root path).",
  IMPLAUSIBLE_RESULT:
    'A plausibility finding the plan declares blocking (`plan.plausibility.block`): a negative statement total, a person employed no day of the period with rows attached, or a coefficient outside the declared range (the path names the person or department).',
  CURRENCY_NOT_CONVERTIBLE:
    'A row is in a currency that no rate of `data.exchangeRates` converts into the plan currency.',
  EXCHANGE_RATE_MISSING:
    'A row in another currency is dated before the first exchange rate of that currency, so no rate was in force.',
  HOLD_ALREADY_RELEASED:
    'A held commission names a payment date before the period, so it was due for release in an earlier period (or its id is also a commission row of this period): it would be paid twice.',
  RUNS_PERIOD_MISMATCH:
    'Two period results (or a paid result and its correction) cover different periods, so their lines cannot be set side by side.',
  RUNS_RESULT_INCONSISTENT:
    'A period result given as input does not add up (a statement total ≠ Σ its lines): it was edited after the library produced it.',
  CORRECTION_PLAN_VERSION_MISSING:
    'A paid result does not name the plan version it was computed under, so a correction cannot apply the rules originally in force.',
  CORRECTION_PAID_MISMATCH:
    'A paid result was not produced from the paid inputs given with it (plan, period, currency or plan version differ).',

  // ── end of catalogue ───────────────────────────────────────────────────────
} as const;

/** A stable error code from {@link errorCatalogue}. */
export type ErrorCode = keyof typeof errorCatalogue;
