/**
 * The charts of the reports as static SVG strings, drawn with d3-scale (positions) and d3-shape
 * (paths) — no DOM, no script. Positions are computed in floating point: a chart is a picture of
 * figures whose exact values stand in the table beside it. Each chart is an `<svg role="img">`
 * named by its `<title>` and described by its `<desc>`.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeHtml } from './html.js';

/** What a chart says in words: its element id, title and text alternative. */
export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** One series of bars: a name and one value per category. */
export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/** One bin of a histogram. */
export interface HistogramBin {
  readonly label: string;
  readonly count: number;
}

/** One Lorenz curve: a name and its points (share of recipients, share of awards), from (0, 0) to (1, 1). */
export interface LorenzCurve {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

const COLOURS = ['#2f6db5', '#d9722b', '#3f8f4a'];
/** A coordinate with one decimal: enough for a screen, and the file stays small. */
const at = (value: number) => String(Math.round(value * 10) / 10);

function svg(text: ChartText, width: number, height: number, body: string): string {
  const id = escapeHtml(text.id);
  return (
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" id="${id}">` +
    `<title id="${id}-t">${escapeHtml(text.title)}</title><desc id="${id}-d">${escapeHtml(text.description)}</desc>${body}</svg>`
  );
}

function legend(names: readonly string[], x: number, y: number): string {
  return names
    .map(
      (name, i) =>
        `<rect x="${x + i * 150}" y="${y}" width="10" height="10" fill="${COLOURS[i % COLOURS.length]}"/><text x="${x + i * 150 + 14}" y="${y + 9}">${escapeHtml(name)}</text>`,
    )
    .join('');
}

/**
 * Horizontal bars, grouped by category (one bar per series), with the value written at each bar's
 * end (by `format`) and a zero line; negative values extend to the left.
 */
export function barChart(
  text: ChartText,
  categories: readonly string[],
  series: readonly BarSeries[],
  format: (value: number) => string,
): string {
  const labelWidth = 170;
  const width = 720;
  const rowHeight = 8 + 16 * series.length;
  const height = 30 + rowHeight * categories.length + 24;
  const values = series.flatMap((s) => s.values);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .nice()
    .range([labelWidth, width - 90]);
  const y = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range([24, 24 + rowHeight * categories.length])
    .paddingInner(0.15);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, y.bandwidth()]);
  const zero = x(0);
  const parts = [
    legend(
      series.map((s) => s.name),
      labelWidth,
      4,
    ),
  ];
  for (const [c, category] of categories.entries()) {
    const top = y(c) ?? 0;
    parts.push(
      `<text x="${labelWidth - 6}" y="${at(top + y.bandwidth() / 2 + 4)}" text-anchor="end">${escapeHtml(category)}</text>`,
    );
    for (const [s, one] of series.entries()) {
      const value = one.values[c] ?? 0;
      const end = x(value);
      const barY = top + (inner(s) ?? 0);
      parts.push(
        `<rect x="${at(Math.min(zero, end))}" y="${at(barY)}" width="${at(Math.abs(end - zero))}" height="${at(inner.bandwidth() - 2)}" fill="${COLOURS[s % COLOURS.length]}"/>`,
        `<text x="${at(Math.max(zero, end) + 4)}" y="${at(barY + inner.bandwidth() / 2 + 3)}">${escapeHtml(format(value))}</text>`,
      );
    }
  }
  parts.push(`<line x1="${at(zero)}" x2="${at(zero)}" y1="20" y2="${height - 20}" stroke="#4a5568"/>`);
  for (const tick of x.ticks(5))
    parts.push(`<text x="${at(x(tick))}" y="${height - 6}" text-anchor="middle">${escapeHtml(format(tick))}</text>`);
  return svg(text, width, height, parts.join(''));
}

/** Vertical bars of counts, one per bin, labelled below (every other label when crowded). */
export function histogram(text: ChartText, bins: readonly HistogramBin[]): string {
  const width = 720;
  const height = 260;
  const x = scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([40, width - 10])
    .paddingInner(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((b) => b.count))])
    .nice()
    .range([height - 50, 10]);
  const step = Math.ceil(bins.length / 12);
  const parts: string[] = [];
  for (const [i, bin] of bins.entries()) {
    const left = x(i) ?? 0;
    parts.push(
      `<rect x="${at(left)}" y="${at(y(bin.count))}" width="${at(x.bandwidth())}" height="${at(y(0) - y(bin.count))}" fill="${COLOURS[0]}"/>`,
    );
    if (bin.count > 0)
      parts.push(
        `<text x="${at(left + x.bandwidth() / 2)}" y="${at(y(bin.count) - 3)}" text-anchor="middle">${bin.count}</text>`,
      );
    if (i % step === 0)
      parts.push(
        `<text x="${at(left + x.bandwidth() / 2)}" y="${height - 34}" text-anchor="end" transform="rotate(-30 ${at(left + x.bandwidth() / 2)} ${height - 34})">${escapeHtml(bin.label)}</text>`,
      );
  }
  parts.push(`<line x1="40" x2="${width - 10}" y1="${at(y(0))}" y2="${at(y(0))}" stroke="#4a5568"/>`);
  for (const tick of y.ticks(4)) parts.push(`<text x="34" y="${at(y(tick) + 4)}" text-anchor="end">${tick}</text>`);
  return svg(text, width, height, parts.join(''));
}

/** Lorenz curves in the unit square, with the line of equality. */
export function lorenzChart(text: ChartText, curves: readonly LorenzCurve[], axes: readonly [string, string]): string {
  const size = 340;
  const x = scaleLinear()
    .domain([0, 1])
    .range([50, size - 10]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([size - 40, 30]);
  const path = line<readonly [number, number]>()
    .x(([share]) => Math.round(x(share) * 10) / 10)
    .y(([, awards]) => Math.round(y(awards) * 10) / 10);
  const parts = [
    legend(
      curves.map((c) => c.name),
      50,
      6,
    ),
    `<rect x="${x(0)}" y="${y(1)}" width="${x(1) - x(0)}" height="${y(0) - y(1)}" fill="none" stroke="#d8dee8"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#9aa5b4" stroke-dasharray="4 3"/>`,
  ];
  for (const [i, curve] of curves.entries())
    parts.push(
      `<path d="${path(curve.points) ?? ''}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>`,
    );
  for (const tick of [0, 0.25, 0.5, 0.75, 1])
    parts.push(
      `<text x="${at(x(tick))}" y="${size - 24}" text-anchor="middle">${tick * 100}%</text>`,
      `<text x="44" y="${at(y(tick) + 4)}" text-anchor="end">${tick * 100}%</text>`,
    );
  parts.push(
    `<text x="${at((x(0) + x(1)) / 2)}" y="${size - 6}" text-anchor="middle">${escapeHtml(axes[0])}</text>`,
    `<text x="12" y="${at((y(0) + y(1)) / 2)}" text-anchor="middle" transform="rotate(-90 12 ${at((y(0) + y(1)) / 2)})">${escapeHtml(axes[1])}</text>`,
  );
  return svg(text, size + 10, size, parts.join(''));
}

/** One bar of {@link componentBars}: its label and its value (to draw). */
export interface ComponentBar {
  readonly label: string;
  readonly value: number;
}

/**
 * A small horizontal bar chart without axes, one bar per component (a statement's base pay,
 * bonus, commission, award, deductions); the amounts are in its description and in the table
 * that follows it. Compact enough to draw for every person of a large company.
 */
export function componentBars(text: ChartText, bars: readonly ComponentBar[]): string {
  const [labelWidth, width, row] = [130, 460, 20];
  const x = scaleLinear()
    .domain([Math.min(0, ...bars.map((b) => b.value)), Math.max(0, ...bars.map((b) => b.value))])
    .range([labelWidth, width - 10]);
  const zero = x(0);
  // Compact markup (one chart per person): labels in one right-aligned group, bars and amounts in another.
  const labels = bars.map(
    (bar, i) => `<text x="${labelWidth - 6}" y="${16 + i * row}">${escapeHtml(bar.label)}</text>`,
  );
  const marks = bars.map((bar, i) => {
    const end = x(bar.value);
    const y = 4 + i * row;
    return `<rect${bar.value < 0 ? ' class="neg"' : ''} x="${at(Math.min(zero, end))}" y="${y}" width="${at(Math.abs(end - zero))}" height="15"/>`;
  });
  // Named by its <title> alone (no ids, no <desc>: the title holds the amounts), sized by the style sheet.
  return (
    `<svg role="img" viewBox="0 0 ${width} ${8 + row * bars.length}"><title>${escapeHtml(`${text.title}: ${text.description}`)}</title>` +
    `<g text-anchor="end">${labels.join('')}</g>${marks.join('')}<path class="axis" d="M${at(zero)} 0V${4 + row * bars.length}"/></svg>`
  );
}
