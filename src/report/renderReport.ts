/**
 * `renderReport`: a period result as one self-contained HTML page — the company summary and
 * checks, each department's coefficient against the uniform one, the support measures, the review
 * queue, and a pay statement page per person [个人薪酬看板].
 */
import type { DepartmentResult, PayStatement, RunPeriodResult } from '../period/types.js';
import { barChart } from './charts.js';
import { plot, reportContext, type ReportContext } from './common.js';
import { escapeHtml, figure, page, section, table, text, type Cell } from './html.js';
import { statementPage } from './statementPage.js';
import { traceBook } from './traceBook.js';
import type { ReportOptions } from './types.js';

/**
 * Renders a period result as one HTML document: no script, no network, its style inline. The
 * summary comes first; each person's pay statement [个人薪酬看板] is a page of its own at
 * `#person-<id>` (the links of the statements table), its components drawn as a chart and each
 * line expandable to the steps that computed it. Every chart is an SVG image with a text
 * alternative and its figures in a table; every figure cell carries its exact value
 * (`data-figure`, `data-value`).
 *
 * @param result - A `runPeriod` result (or one read back from its JSON).
 * @param options - The locale (`zh-CN` for Chinese labels) and the title.
 * @returns The HTML document.
 * @throws `INVALID_INPUT` at `["locale"]` for a locale tag Intl cannot format.
 * @example
 * ```ts
 * import { runPeriod } from 'synergy-pay';
 * import { renderReport } from 'synergy-pay/report';
 *
 * const html = renderReport(runPeriod(scenario), { locale: 'zh-CN' });
 * ```
 */
export function renderReport(result: RunPeriodResult, options: ReportOptions = {}): string {
  const context = reportContext(result.currency, options);
  const { labels } = context;
  const title = options.title ?? `${labels.report} · ${result.plan} · ${result.period.start} … ${result.period.end}`;
  const overview = [
    `<header><h1>${escapeHtml(title)}</h1>${headerLines(result, context)}</header>`,
    `<nav>${['summary', 'departments', 'support', 'review', 'statements'].map((id) => `<a href="#${id}">${escapeHtml(navLabel(id, context))}</a>`).join('')}</nav>`,
    summarySection(result, context),
    departmentsSection(result, context),
    supportSection(result, context),
    reviewSection(result, context),
    statementsSection(result, context),
  ].join('\n');
  const book = traceBook(result.statements, labels);
  const people = result.statements.map((statement, i) => statementPage(statement, i, context, book)).join('\n');
  return page(
    context.locale,
    title,
    `<main>\n<div class="overview">\n${overview}\n</div>\n${people}\n${book.pages()}\n</main>`,
  );
}

function navLabel(id: string, { labels }: ReportContext): string {
  const names: Record<string, string> = {
    summary: labels.summary,
    departments: labels.departments,
    support: labels.support,
    review: labels.reviewQueue,
    statements: labels.statements,
  };
  return names[id] ?? id;
}

function headerLines(result: RunPeriodResult, { labels }: ReportContext): string {
  const { period } = result;
  const versions =
    result.segments.length > 1
      ? result.segments.map((s) => `${s.version} ${s.start} … ${s.end} (${s.fraction})`).join('; ')
      : result.version;
  return [
    `<p class="meta">${escapeHtml(labels.plan)}: ${escapeHtml(result.plan)} · ${escapeHtml(labels.period)}: ${escapeHtml(`${period.unit} ${period.start} … ${period.end} (${period.days})`)} · ${escapeHtml(result.currency)}</p>`,
    `<p class="meta">${escapeHtml(labels.versions)}: ${escapeHtml(versions)}</p>`,
  ].join('');
}

function summarySection(result: RunPeriodResult, { labels, money }: ReportContext): string {
  const totals = Object.entries(result.totals as unknown as Record<string, string>).map(([name, value]) => [
    text(labels.totalNames[name] ?? name),
    figure(money.amount(value), `totals.${name}`, value),
  ]);
  const checks = result.checks.map((check) => [
    text(check.id),
    text(check.equation),
    figure(check.left, `checks.${check.id}.left`, check.left),
    figure(check.right, `checks.${check.id}.right`, check.right),
    {
      text: `<span class="${check.holds ? 'good' : 'bad'}">${escapeHtml(check.holds ? labels.ok : labels.failed)}</span>`,
      html: true,
      figure: `checks.${check.id}.holds`,
      value: String(check.holds),
    },
  ]);
  const holding = result.checks.filter((c) => c.holds).length;
  return section(
    'summary',
    labels.summary,
    `<p>${escapeHtml(labels.people)}: <span data-figure="people" data-value="${result.statements.length}">${result.statements.length}</span> · ${escapeHtml(labels.departments)}: ${result.departments.length} · ${escapeHtml(labels.checks)}: <span data-figure="checks.holding" data-value="${holding}">${holding}</span>/${result.checks.length}</p>`,
    table(labels.totals, [labels.totals, labels.amount], totals),
    table(labels.checks, [labels.check, labels.equation, labels.left, labels.right, labels.holds], checks),
  );
}

function departmentsSection(result: RunPeriodResult, context: ReportContext): string {
  const { labels, number } = context;
  const linked = result.departments.some((d) => d.linkage !== null);
  const headers = [labels.department, labels.name, labels.side, labels.people, labels.own, labels.applied];
  if (linked) headers.push(labels.uniform, labels.matrixMinusUniform);
  const rows = result.departments.map((d) => {
    const cells: Cell[] = [
      text(d.id),
      text(d.name ?? ''),
      text(d.side),
      figure(String(d.headcount), `departments.${d.id}.headcount`, String(d.headcount)),
      figure(number(d.ownCoefficient), `departments.${d.id}.ownCoefficient`, d.ownCoefficient),
      figure(number(d.coefficient), `departments.${d.id}.coefficient`, d.coefficient),
    ];
    if (linked)
      cells.push(
        figure(number(d.linkage?.uniform ?? null), `departments.${d.id}.uniform`, d.linkage?.uniform ?? ''),
        figure(number(d.linkage?.difference ?? null), `departments.${d.id}.difference`, d.linkage?.difference ?? ''),
      );
    return cells;
  });
  const series = [{ name: labels.applied, values: result.departments.map((d) => plot(d.coefficient)) }];
  if (linked) series.push({ name: labels.uniform, values: result.departments.map(uniformOf) });
  const chart = barChart(
    {
      id: 'chart-coefficients',
      title: labels.coefficientsChart,
      description: labels.coefficientsChartText(result.departments.length),
    },
    result.departments.map((d) => d.name ?? d.id),
    series,
    (value) => value.toFixed(4).replace(/0{1,2}$/, ''),
  );
  return section(
    'departments',
    labels.departments,
    `<figure>${chart}</figure>`,
    table(labels.departments, headers, rows),
  );
}

const uniformOf = (d: DepartmentResult) => plot(d.linkage?.uniform ?? d.coefficient);

function supportSection(result: RunPeriodResult, context: ReportContext): string {
  const { labels, number } = context;
  const rows: Cell[][] = [];
  const measured: { name: string; score: number }[] = [];
  for (const d of result.departments) {
    for (const metric of ['response', 'resolution'] as const) {
      const m = d.responseTimes?.[metric];
      if (m === undefined || m === null) continue;
      const key = `support.${d.id}.${metric}`;
      rows.push([
        text(d.name ?? d.id),
        text(labels[metric]),
        figure(String(m.tickets), `${key}.tickets`, String(m.tickets)),
        figure(String(m.open), `${key}.open`, String(m.open)),
        figure(number(m.meanScore), `${key}.meanScore`, m.meanScore),
        figure(number(m.withinFirstBand), `${key}.withinFirstBand`, m.withinFirstBand),
        figure(String(m.breaches), `${key}.breaches`, String(m.breaches)),
        text(m.bands.map((b) => `${b.bound ?? '…'}: ${b.count}`).join(' · ')),
      ]);
      measured.push({ name: `${d.name ?? d.id} (${labels[metric]})`, score: plot(m.meanScore) });
    }
  }
  const ratings = result.departments
    .filter((d) => d.rating !== null)
    .map((d) => [
      text(d.name ?? d.id),
      figure(number(d.rating?.score ?? null), `support.${d.id}.rating`, d.rating?.score ?? ''),
    ]);
  const parts: string[] = [];
  if (rows.length === 0) parts.push(`<p>${escapeHtml(labels.noSupport)}</p>`);
  else {
    const chart = barChart(
      { id: 'chart-support', title: labels.supportChart, description: labels.supportChart },
      measured.map((m) => m.name),
      [{ name: labels.meanScore, values: measured.map((m) => m.score) }],
      (value) => value.toFixed(2),
    );
    parts.push(
      `<figure>${chart}</figure>`,
      table(
        labels.support,
        [
          labels.department,
          labels.metric,
          labels.tickets,
          labels.open,
          labels.meanScore,
          labels.withinFirstBand,
          labels.breaches,
          labels.bands,
        ],
        rows,
      ),
    );
  }
  if (ratings.length > 0) parts.push(table(labels.rating, [labels.department, labels.rating], ratings));
  return section('support', labels.support, ...parts);
}

function reviewSection(result: RunPeriodResult, { labels }: ReportContext): string {
  const rows = result.reviewQueue.map((item) => [
    text(item.id),
    text(item.kind),
    text(item.code),
    text(item.subjects.join(', ')),
    text(item.reason),
  ]);
  const parts = [
    rows.length === 0
      ? `<p>${escapeHtml(labels.reviewEmpty)}</p>`
      : table(labels.reviewQueue, [labels.id, labels.kind, labels.code, labels.subjects, labels.reason], rows),
  ];
  parts.push(ledgerTables(result, labels.exclusions));
  return section('review', labels.reviewQueue, ...parts);
}

/** Excluded rows listed per section and code before the rest is counted (the 5,000-person demo has 4,341). */
const EXCLUSIONS_LISTED = 20;

/**
 * The input ledger (issue 17): one row per data list (rows, used, excluded), then the exclusions
 * grouped by list and code — the count, and the first {@link EXCLUSIONS_LISTED} rows of each with
 * their path, id and reason (`synergy-pay explain` lists a person's own).
 */
function ledgerTables(result: RunPeriodResult, caption: string): string {
  if (result.ledger.length === 0) return '';
  const counts = table(
    caption,
    ['section', 'rows', 'used', 'excluded'],
    result.ledger.map((s) => [
      text(s.section),
      { text: String(s.rows), numeric: true },
      { text: String(s.used), numeric: true },
      { text: String(s.excluded), numeric: true },
    ]),
  );
  const groups = new Map<string, typeof result.exclusions>();
  for (const exclusion of result.exclusions) {
    const key = `${exclusion.section} ${exclusion.code}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [exclusion]);
    else group.push(exclusion);
  }
  const rows = [...groups.values()].flatMap((group) =>
    group
      .slice(0, EXCLUSIONS_LISTED)
      .map((e, k) => [
        text(k === 0 ? `${e.section} · ${e.code} (${group.length})` : ''),
        text(e.path),
        text(e.id),
        text(e.reason),
      ]),
  );
  return rows.length === 0 ? counts : counts + table(caption, ['section · code (count)', 'path', 'id', 'reason'], rows);
}

function statementsSection(result: RunPeriodResult, { labels, money }: ReportContext): string {
  // The person's page carries the total's figure; the index only shows it (it is 5,000 rows long).
  const named = result.statements.some((s) => s.name !== null);
  const rows = result.statements.map((s: PayStatement) => [
    { text: `<a href="#person-${escapeHtml(s.person)}">${escapeHtml(s.person)}</a>`, html: true },
    ...(named ? [text(s.name ?? '')] : []),
    text(s.department),
    { text: money.amount(s.total), numeric: true },
  ]);
  const headers = [labels.person, ...(named ? [labels.name] : []), labels.department, labels.total];
  return section(
    'statements',
    labels.statements,
    `<p>${escapeHtml(labels.statementsNote)} <a href="#formulas">${escapeHtml(labels.formula)}</a></p>`,
    table(labels.statements, headers, rows),
  );
}
