/** The options and inputs of the report renderers. */
import type { RunPeriodResult } from '../period/types.js';
import type { RunComparison } from '../whatif/types.js';

/** How a report is written. */
export interface ReportOptions {
  /**
   * A BCP 47 locale tag: the labels are Chinese for `zh` tags (基本工资, 绩效奖金, 提成, 后端支撑奖励,
   * 扣减) and English otherwise; amounts are formatted for the tag by `Intl.NumberFormat`.
   * @defaultValue `"en"`
   */
  readonly locale?: string | undefined;
  /** The document's title. @defaultValue the report's name, the plan and the period */
  readonly title?: string | undefined;
}

/**
 * What a what-if report compares: two period results (`base` and `proposed`; they are compared
 * with `compareRuns`), or a `comparison` already made — with the two results too when the
 * Lorenz curves of the pool awards should be drawn.
 */
export interface WhatIfReportInput {
  /** The comparison to report. @defaultValue `compareRuns({ base, proposed })` */
  readonly comparison?: RunComparison | undefined;
  /** The base run's result. @defaultValue none (then `comparison` is required, and no Lorenz curve is drawn) */
  readonly base?: RunPeriodResult | undefined;
  /** The proposed run's result. @defaultValue none */
  readonly proposed?: RunPeriodResult | undefined;
}
