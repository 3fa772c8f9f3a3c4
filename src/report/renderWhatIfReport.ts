/**
 * `renderWhatIfReport`: a comparison of two period runs as one self-contained HTML page — who gains
 * and who loses (the distribution of per-person change), per-department deltas, and the support
 * pool with the spread of its awards (Lorenz curves and the Gini figure).
 */
import { SynergyPayError } from '../core/errors.js';
import type { RunPeriodResult } from '../period/types.js';
import { compareRuns } from '../whatif/compareRuns.js';
import type { PayMove, RunComparison } from '../whatif/types.js';
import { barChart, histogram, lorenzChart, type HistogramBin, type LorenzCurve } from './charts.js';
import { plot, reportContext, type ReportContext } from './common.js';
import { escapeHtml, figure, page, section, table, text } from './html.js';
import type { ReportOptions, WhatIfReportInput } from './types.js';
import { scaleLinear } from 'd3-scale';

/** People listed among the gainers and among the losers. */
const LISTED = 20;

/**
 * Renders a what-if — two period runs compared — as one HTML document (no script, no network,
 * style inline): the totals side by side, gainers and losers with a histogram of every person's
 * change, the change per department, and the support pool of each run with its recipients, min,
 * median, max and Gini, and (given the two results) the Lorenz curves of the awards. Every chart is
 * an SVG image with a text alternative and its figures in a table.
 *
 * @param input - The two results (`base`, `proposed`), or a `comparison` from `compareRuns` (with the results too for the Lorenz curves).
 * @param options - The locale (`zh-CN` for Chinese labels) and the title.
 * @returns The HTML document.
 * @throws `INVALID_INPUT` when neither a comparison nor both results are given, or for a locale Intl cannot format; `compareRuns`' errors for results that cannot be compared.
 * @example
 * ```ts
 * import { runPeriod } from 'synergy-pay';
 * import { renderWhatIfReport } from 'synergy-pay/report';
 *
 * const html = renderWhatIfReport({ base: runPeriod(today), proposed: runPeriod(proposal) });
 * ```
 */
export function renderWhatIfReport(input: WhatIfReportInput, options: ReportOptions = {}): string {
  const { base, proposed } = input;
  let comparison = input.comparison;
  if (comparison === undefined) {
    if (base === undefined || proposed === undefined)
      throw new SynergyPayError([
        {
          code: 'INVALID_INPUT',
          path: [],
          message: 'a what-if report needs a comparison, or both results (base and proposed)',
        },
      ]);
    comparison = compareRuns({ base, proposed });
  }
  const context = reportContext(comparison.currency, options);
  const { labels } = context;
  const { period, plans } = comparison;
  const title =
    options.title ?? `${labels.whatIf} · ${plans.base} → ${plans.proposed} · ${period.start} … ${period.end}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(labels.period)}: ${escapeHtml(`${period.unit} ${period.start} … ${period.end}`)} · ${escapeHtml(comparison.currency)} · ${escapeHtml(labels.base)}: ${escapeHtml(`${plans.base} (${comparison.versions.base ?? '?'})`)} · ${escapeHtml(labels.proposed)}: ${escapeHtml(`${plans.proposed} (${comparison.versions.proposed ?? '?'})`)}</p></header>`,
    comparison.identical ? `<p data-figure="identical" data-value="true">${escapeHtml(labels.identical)}</p>` : '',
    totalsSection(comparison, context),
    changesSection(comparison, context),
    departmentsSection(comparison, context),
    poolSection(comparison, base !== undefined && proposed !== undefined ? [base, proposed] : undefined, context),
  ].join('\n');
  return page(context.locale, title, `<main>\n${body}\n</main>`);
}

function totalsSection(c: RunComparison, { labels, money }: ReportContext): string {
  const rows = c.totals.map((t) => [
    text(labels.totalNames[t.name] ?? t.name),
    figure(money.orDash(t.base), `totals.${t.name}.base`, t.base ?? ''),
    figure(money.orDash(t.proposed), `totals.${t.name}.proposed`, t.proposed ?? ''),
    figure(money.signed(t.delta), `totals.${t.name}.delta`, t.delta),
  ]);
  return section(
    'totals',
    labels.totals,
    table(labels.totals, [labels.totals, labels.base, labels.proposed, labels.delta], rows),
  );
}

/** Every person's change, unchanged people included (they are not in `c.people`), in minor-unit-free numbers for binning. */
function histogramBins(c: RunComparison, context: ReportContext): HistogramBin[] {
  const deltas = c.people.map((p) => plot(p.delta)).filter((delta) => delta !== 0);
  const unchanged = c.counts.people - deltas.length;
  if (deltas.length === 0) return [{ label: context.money.amount('0'), count: unchanged }];
  const x = scaleLinear()
    .domain([Math.min(0, ...deltas), Math.max(0, ...deltas)])
    .nice(20);
  const ticks = x.ticks(20);
  const bins: HistogramBin[] = [];
  const label = (value: number) => context.money.signed(value.toFixed(2));
  for (let i = 0; i + 1 < ticks.length; i += 1) {
    const [from, to] = [ticks[i]!, ticks[i + 1]!];
    // Bins are [from, to) left of zero and (from, to] right of it, and no change has a bar of its own.
    const count = deltas.filter((d) => (to <= 0 ? d >= from && d < to : d > from && d <= to)).length;
    bins.push({ label: `${label(from)} … ${label(to)}`, count });
    if (to === 0) bins.push({ label: context.money.amount('0'), count: unchanged });
  }
  return bins;
}

function changesSection(c: RunComparison, context: ReportContext): string {
  const { labels, money } = context;
  const { gainers, losers, unchanged, people } = c.counts;
  const bins = histogramBins(c, context);
  const chart = histogram(
    { id: 'chart-changes', title: labels.histogram, description: labels.histogramText(people, gainers, losers) },
    bins,
  );
  const moves = (title: string, list: readonly PayMove[], key: string) =>
    list.length === 0
      ? ''
      : table(
          list.length > LISTED ? `${title} (${labels.largest(LISTED, list.length)})` : title,
          [labels.person, labels.department, labels.delta],
          list
            .slice(0, LISTED)
            .map((m) => [
              text(m.person),
              text(m.department),
              figure(money.signed(m.delta), `${key}.${m.person}`, m.delta),
            ]),
        );
  return section(
    'changes',
    labels.changes,
    `<p>${escapeHtml(labels.gainers)}: <span data-figure="counts.gainers" data-value="${gainers}">${gainers}</span> · ${escapeHtml(labels.losers)}: <span data-figure="counts.losers" data-value="${losers}">${losers}</span> · ${escapeHtml(labels.unchanged)}: <span data-figure="counts.unchanged" data-value="${unchanged}">${unchanged}</span> / ${people}</p>`,
    `<figure>${chart}</figure>`,
    table(
      labels.histogram,
      [labels.delta, labels.count],
      bins.map((b) => [text(b.label), figure(String(b.count), `histogram.${b.label}`, String(b.count))]),
    ),
    moves(labels.gainers, c.gainers, 'gainers'),
    moves(labels.losers, c.losers, 'losers'),
  );
}

function departmentsSection(c: RunComparison, { labels, money }: ReportContext): string {
  const rows = c.departments.map((d) => [
    text(d.department),
    text(`${d.headcount.base} → ${d.headcount.proposed}`),
    figure(money.amount(d.base), `departments.${d.department}.base`, d.base),
    figure(money.amount(d.proposed), `departments.${d.department}.proposed`, d.proposed),
    figure(money.signed(d.delta), `departments.${d.department}.delta`, d.delta),
  ]);
  const chart = barChart(
    { id: 'chart-departments', title: labels.departmentDeltas, description: labels.departmentDeltas },
    c.departments.map((d) => d.department),
    [{ name: labels.delta, values: c.departments.map((d) => plot(d.delta)) }],
    (value) => money.signed(value.toFixed(2)),
  );
  return section(
    'departments',
    labels.departmentDeltas,
    `<figure>${chart}</figure>`,
    table(
      labels.departmentDeltas,
      [labels.department, labels.people, labels.base, labels.proposed, labels.delta],
      rows,
    ),
  );
}

/** The Lorenz curve of one run's pool awards (Σ of each recipient's award lines, sorted ascending), exact sums then plotted. */
function lorenzCurve(name: string, result: RunPeriodResult): LorenzCurve {
  const awards: number[] = [];
  for (const statement of result.statements) {
    const lines = statement.lines.filter((line) => line.kind === 'poolAward');
    if (lines.length > 0) awards.push(lines.reduce((sum, line) => sum + Math.round(plot(line.amount) * 100), 0));
  }
  awards.sort((a, b) => a - b);
  const total = awards.reduce((sum, award) => sum + award, 0);
  const points: [number, number][] = [[0, 0]];
  let running = 0;
  for (const [i, award] of awards.entries()) {
    running += award;
    points.push([(i + 1) / awards.length, total === 0 ? 0 : running / total]);
  }
  return { name, points };
}

function poolSection(
  c: RunComparison,
  results: readonly [RunPeriodResult, RunPeriodResult] | undefined,
  context: ReportContext,
): string {
  const { labels, money, number } = context;
  const row = (name: string, key: string, spread: RunComparison['pool']['base']) => [
    text(name),
    figure(money.amount(spread.pool), `pool.${key}.pool`, spread.pool),
    figure(String(spread.recipients), `pool.${key}.recipients`, String(spread.recipients)),
    figure(money.orDash(spread.min), `pool.${key}.min`, spread.min ?? ''),
    figure(money.orDash(spread.median), `pool.${key}.median`, spread.median ?? ''),
    figure(money.orDash(spread.max), `pool.${key}.max`, spread.max ?? ''),
    figure(number(spread.gini), `pool.${key}.gini`, spread.gini ?? ''),
  ];
  const parts = [
    table(
      labels.pool,
      [labels.pool, labels.pool, labels.recipients, labels.min, labels.median, labels.max, labels.gini],
      [row(labels.base, 'base', c.pool.base), row(labels.proposed, 'proposed', c.pool.proposed)],
    ),
    `<p>${escapeHtml(labels.delta)}: <span data-figure="pool.delta" data-value="${escapeHtml(c.pool.delta)}">${escapeHtml(money.signed(c.pool.delta))}</span></p>`,
    `<p class="meta">${escapeHtml(labels.lorenzNote)}</p>`,
  ];
  if (results === undefined) parts.push(`<p>${escapeHtml(labels.lorenzMissing)}</p>`);
  else {
    const curves = [lorenzCurve(labels.base, results[0]), lorenzCurve(labels.proposed, results[1])];
    const chart = lorenzChart(
      {
        id: 'chart-lorenz',
        title: labels.lorenz,
        description: labels.lorenzText(c.pool.base.gini ?? '—', c.pool.proposed.gini ?? '—'),
      },
      curves,
      [labels.shareOfRecipients, labels.shareOfAwards],
    );
    parts.push(`<figure>${chart}</figure>`, lorenzTable(curves, context));
  }
  return section('pool', labels.pool, ...parts);
}

/** The curves' points at every tenth of the recipients (the chart's data as a table). */
function lorenzTable(curves: readonly LorenzCurve[], { labels }: ReportContext): string {
  const at = (curve: LorenzCurve, share: number) => {
    const n = curve.points.length - 1;
    return n <= 0 ? 0 : (curve.points[Math.round(share * n)]?.[1] ?? 0);
  };
  const shares = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return table(
    labels.lorenz,
    [labels.shareOfRecipients, ...curves.map((c) => `${labels.shareOfAwards} (${c.name})`)],
    shares.map((share) => [
      text(percent(share)),
      ...curves.map((curve) => ({ text: percent(at(curve, share)), numeric: true })),
    ]),
  );
}
