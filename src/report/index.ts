/**
 * `synergy-pay/report`: HTML dashboards of period results and what-ifs. Pure — a result in, an
 * HTML string out, no file system — and a separate entry point, so the charting packages it draws
 * with (d3-scale, d3-shape: optional peer dependencies) are loaded only by those who make reports.
 *
 * @packageDocumentation
 */
export { renderReport } from './renderReport.js';
export { renderWhatIfReport } from './renderWhatIfReport.js';
export type { ReportOptions, WhatIfReportInput } from './types.js';
