/** Renders period results for people: the summary, the explained statement and CSV. */
import type { PayStatement, RunPeriodResult } from '../period/types.js';
import { statementLineKinds as LINE_ORDER } from '../period/statement.js';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const left = (text: string, width: number) => ' '.repeat(Math.max(0, width - [...text].length)) + text;

/** A readable summary of a period run. */
export function summary(result: RunPeriodResult): string {
  const lines: string[] = [];
  const { period } = result;
  lines.push(
    `synergy-pay · plan ${result.plan} · ${period.unit} ${period.start} … ${period.end} (${period.days} days) · ${result.currency}`,
  );
  let versionLine = `Plan version: ${result.version}`;
  if (result.treatment === 'reported')
    versionLine += ` (changes inside the period, reported, not applied: ${result.changes.map((c) => `${c.version} from ${c.effective}`).join(', ')})`;
  if (result.treatment === 'prorated')
    versionLine = `Plan versions, prorated by days: ${result.segments.map((s) => `${s.version} ${s.start}…${s.end} (${s.fraction})`).join('; ')}`;
  lines.push(versionLine);
  const sides = { front: 0, middle: 0, back: 0 };
  for (const statement of result.statements) sides[statement.side] += 1;
  lines.push(
    `People: ${result.statements.length} (front ${sides.front}, middle ${sides.middle}, back ${sides.back}) in ${result.departments.length} departments`,
  );
  lines.push(
    `Mechanisms: ${result.mechanisms.length === 0 ? 'none (base pay, bonus by department coefficient, commissions, deductions)' : result.mechanisms.join(', ')}`,
  );
  lines.push('');
  lines.push('Totals');
  const totals: [string, string][] = [
    ['base pay', result.totals.basePay],
    ['performance bonus', result.totals.performanceBonus],
    ['gross commission', result.totals.grossCommission],
    ['pool contribution', result.totals.poolContribution],
    ['net commission', result.totals.netCommission],
    ['support pool', result.totals.pool],
    ['pool awards', result.totals.poolAwards],
    ['unallocated', result.totals.unallocated],
    ['deductions', result.totals.deductions],
    ['statements total', result.totals.statements],
  ];
  const width = Math.max(...totals.map(([, amount]) => amount.length));
  for (const [label, amount] of totals) lines.push(`  ${pad(label, 20)} ${left(amount, width)}`);
  for (const pool of result.pools)
    lines.push(
      `  support pool (${pool.version}): ${pool.rate} × gross ${pool.gross} of ${pool.contributors} contributors = ${pool.pool}, shared among ${pool.recipients}: awarded ${pool.awarded}, unallocated ${pool.unallocated}`,
    );
  for (const run of result.interlock ?? []) {
    if (run.total !== null)
      lines.push(
        `  revenue credited: total ${run.total}; ${run.dimensions.map((d) => `${d.id} ${d.credited}`).join(', ')}; credited ${run.credited} (factor ${run.factor ?? 'n/a'})`,
      );
    for (const indicator of run.indicators)
      lines.push(
        `  interlocked ${indicator.id}: achievement ${indicator.achievement}, score ${indicator.score}${indicator.rewarded ? `, reward ${indicator.reward}` : ''}${indicator.severeMiss ? `, severe miss: deduction ${indicator.deduction}` : ''} (${indicator.parties.map((p) => `${p.id} ${p.weight}`).join(', ')})`,
      );
  }
  lines.push('');
  lines.push('Departments');
  for (const d of result.departments)
    lines.push(
      `  ${pad(d.id, 26)} ${pad(d.side, 6)} ${left(String(d.headcount), 6)} people  coefficient ${d.coefficient}${d.linkage === null ? '' : ` (own ${d.ownCoefficient}, uniform ${d.linkage.uniform}, matrix − uniform ${d.linkage.difference})`}`,
    );
  const measured = result.departments.filter(
    (d) => d.responseTimes !== null || (d.rating !== null && d.rating.score !== null),
  );
  if (measured.length > 0) {
    lines.push('');
    lines.push('Support measures (departments)');
    for (const d of measured) {
      const times = d.responseTimes;
      const parts: string[] = [];
      if (times !== null) {
        parts.push(`${times.tickets} tickets`);
        if (times.response !== null)
          parts.push(
            `response ${times.response.meanScore} (${times.response.withinFirstBand} in the first band, ${times.response.breaches} breaches)`,
          );
        if (times.resolution !== null)
          parts.push(
            `resolution ${times.resolution.meanScore}${times.resolution.condition === null ? '' : ` [${times.resolution.condition.id} ×${times.resolution.condition.factor}]`}`,
          );
      }
      if (d.rating !== null && d.rating.score !== null) parts.push(`rating ${d.rating.score}`);
      lines.push(`  ${pad(d.id, 26)} ${parts.join('; ')}`);
    }
  }
  lines.push('');
  const holding = result.checks.filter((c) => c.holds).length;
  lines.push(`Checks: ${holding}/${result.checks.length} hold`);
  for (const c of result.checks)
    lines.push(`  ${c.holds ? 'ok' : 'FAILED'}  ${c.id}: ${c.equation} (${c.left} = ${c.right})`);
  lines.push(`Review queue: ${result.reviewQueue.length} item${result.reviewQueue.length === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/** One statement with its trace in plain words (seed 001's personal pay dashboard). */
export function explain(result: RunPeriodResult, statement: PayStatement): string {
  const lines: string[] = [];
  lines.push(`Pay statement · ${statement.person}${statement.name === null ? '' : ` (${statement.name})`}`);
  lines.push(
    `${statement.department} (${statement.side} line) · grade ${statement.grade} · employed ${statement.employedDays} of ${result.period.days} days · coefficient ${statement.coefficient}`,
  );
  lines.push(`Period ${result.period.start} … ${result.period.end}, plan ${result.plan}, currency ${result.currency}`);
  lines.push('');
  const width = Math.max(statement.total.length, ...statement.lines.map((line) => line.amount.length));
  for (const line of statement.lines) {
    const version = result.segments.length > 1 ? ` [${line.version}]` : '';
    lines.push(`${pad(`${line.label}${version}`, 56)} ${left(line.amount, width)}`);
    for (const step of line.trace) {
      const inputs = Object.entries(step.inputs)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ');
      lines.push(`    ${step.formula}`);
      lines.push(`      with ${inputs === '' ? 'no inputs' : inputs} → ${step.result}`);
    }
  }
  lines.push(`${pad('Total (the sum of the lines above)', 56)} ${left(statement.total, width)}`);
  return `${lines.join('\n')}\n`;
}

const CSV_KINDS = LINE_ORDER;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Statements as CSV: one row per person, a column per line kind (summed over segments and rows),
 * then the total. Amounts are exact decimal strings.
 */
export function statementsCsv(result: RunPeriodResult): string {
  const digits = result.totals.statements.includes('.') ? result.totals.statements.split('.')[1]!.length : 0;
  const header = [
    'person',
    'name',
    'department',
    'side',
    'grade',
    'employedDays',
    'coefficient',
    ...CSV_KINDS,
    'total',
  ];
  const rows = [header.join(',')];
  for (const statement of result.statements) {
    const sums = new Map<string, bigint>();
    for (const line of statement.lines) sums.set(line.kind, (sums.get(line.kind) ?? 0n) + toMinor(line.amount));
    rows.push(
      [
        statement.person,
        statement.name ?? '',
        statement.department,
        statement.side,
        statement.grade,
        statement.employedDays,
        statement.coefficient,
        ...CSV_KINDS.map((kind) => fromMinor(sums.get(kind) ?? 0n, digits)),
        statement.total,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

function toMinor(amount: string): bigint {
  return BigInt(amount.replace('.', ''));
}

function fromMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/**
 * JSON text of `value` in chunks: long arrays (the statements, a scenario's tickets) are written
 * one element at a time, one per line, so no single string has to hold a 100,000-person result
 * (V8 strings stop at about 512 MB). Parsing the concatenation gives `value` back.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  if (Array.isArray(value) && value.length > 64) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) yield `${i === 0 ? '' : ',\n'}${JSON.stringify(value[i])}`;
    yield '\n]';
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    yield '{';
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      yield `${first ? '' : ','}\n${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(item, depth + 1);
    }
    yield '\n}';
    return;
  }
  yield JSON.stringify(value);
}
