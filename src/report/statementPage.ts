/**
 * One person's pay statement page [个人薪酬看板]: the components as a chart, then every line with the
 * steps that computed it behind a `<details>`.
 */
import type { PayStatement, StatementLine } from '../period/types.js';
import { statementLineKinds } from '../period/statement.js';
import { componentBars } from './charts.js';
import type { ReportContext } from './common.js';
import { escapeHtml } from './html.js';
import type { TraceBook } from './traceBook.js';

/** Σ of decimal strings with `digits` decimals, exactly (BigInt minor units), as a decimal string. */
function sumDecimals(amounts: readonly string[], digits: number): string {
  const scale = 10n ** BigInt(digits);
  const minor = amounts.reduce((sum, amount) => {
    const negative = amount.startsWith('-');
    const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
    const value = BigInt(whole) * scale + BigInt(fraction.padEnd(digits, '0').slice(0, digits) || '0');
    return sum + (negative ? -value : value);
  }, 0n);
  const sign = minor < 0n ? '-' : '';
  const absolute = minor < 0n ? -minor : minor;
  return digits === 0
    ? `${sign}${absolute}`
    : `${sign}${absolute / scale}.${(absolute % scale).toString().padStart(digits, '0')}`;
}

/** The page of one statement, at `#person-<id>`: its figures carry `data-value` (the total also `data-figure`). */
export function statementPage(statement: PayStatement, index: number, context: ReportContext, book: TraceBook): string {
  const { labels, money, number } = context;
  const id = escapeHtml(statement.person);
  const who = escapeHtml(statement.name === null ? statement.person : `${statement.name} (${statement.person})`);
  const digits = Math.max(0, ...statement.lines.map((line) => line.amount.length - line.amount.indexOf('.') - 1));
  const bars = statementLineKinds
    .filter((kind) => statement.lines.some((line) => line.kind === kind))
    .map((kind) => {
      const sum = sumDecimals(
        statement.lines.filter((line) => line.kind === kind).map((line) => line.amount),
        digits,
      );
      return { label: labels.lineKinds[kind], value: Number(sum), shown: money.amount(sum) };
    });
  const chart = componentBars(
    {
      id: `p${index}`,
      title: labels.componentsChart(statement.name ?? statement.person),
      description: bars.map((bar) => `${bar.label} ${bar.shown}`).join('; '),
    },
    bars.map(({ label, value }) => ({ label, value })),
  );
  const meta = [
    [labels.department, statement.department],
    [labels.grade, statement.grade],
    [labels.coefficient, number(statement.coefficient)],
    [labels.employedDays, String(statement.employedDays)],
  ]
    .map(([name, value]) => `${escapeHtml(name!)}: ${escapeHtml(value!)}`)
    .join(' · ');
  // Lines by version: a row naming the version heads each version's lines when there are several.
  const versions = [...new Set(statement.lines.map((line) => line.version))];
  const rows = versions
    .flatMap((version) => [
      versions.length > 1 ? `<tr><th colspan="2" class="version">${escapeHtml(version)}</th></tr>` : '',
      ...statement.lines.filter((line) => line.version === version).map((line) => lineRow(line, context, book)),
    ])
    .filter((row) => row !== '')
    .join('\n');
  return `<section class="person" id="person-${id}"><p><a href="#statements">← ${escapeHtml(labels.back)}</a></p>
<h2>${escapeHtml(labels.statement)}: ${who}</h2><p class="meta">${meta}</p><figure>${chart}</figure>
<table><thead><tr><th scope="col">${escapeHtml(labels.line)}</th><th scope="col">${escapeHtml(labels.amount)}</th></tr></thead><tbody>
${rows}
</tbody><tfoot><tr><th scope="row">${escapeHtml(labels.total)}</th><td class="num" data-figure="statement.${id}.total" data-value="${escapeHtml(statement.total)}">${escapeHtml(money.amount(statement.total))}</td></tr></tfoot></table></section>`;
}

function lineRow(line: StatementLine, { money }: ReportContext, book: TraceBook): string {
  const notes = [
    line.score === undefined ? '' : `score ${line.score.value} (${line.score.source}: ${line.score.subject})`,
    line.score?.fallbackReason ?? '',
    line.basis ?? '',
  ]
    .filter((part) => part !== '')
    .map((part) => `<p>${escapeHtml(part)}</p>`)
    .join('');
  // A trace several lines share is a page of its own: the label links to it (notes stay inline).
  const shared = book.sharedId(line.trace);
  const steps = shared === undefined ? book.steps(line.trace) : '';
  const summary = shared === undefined ? escapeHtml(line.label) : `<a href="#${shared}">${escapeHtml(line.label)}</a>`;
  const label =
    steps === '' && notes === '' ? summary : `<details><summary>${summary}</summary>${notes}${steps}</details>`;
  return `<tr><th>${label}</th><td data-value="${escapeHtml(line.amount)}">${escapeHtml(money.amount(line.amount))}</td></tr>`;
}
