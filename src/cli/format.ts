/** Renders period results for people: the summary, the explained statement, CSV and chunked JSON. */
import {
  moneyFormat,
  type MoneyFormat,
  statementLineKinds,
  type Exclusion,
  type PayStatement,
  type PoolScoreSource,
  type ReviewItem,
  type RunPeriodResult,
  type RunPeriodSummary,
  type StatementLine,
  type TraceStep,
  traceInputWords,
} from '../index.js';

/** The characters of `text` as a reader counts them: code points, not UTF-16 units. */
export const characters = (text: string) => Array.from(text).length;
/** `text` padded on the right (`pad`) or the left (`left`) to `width` characters. */
export const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - characters(text)));
export const left = (text: string, width: number) => ' '.repeat(Math.max(0, width - characters(text))) + text;

export { moneyFormat, type MoneyFormat };

/** The locale of the text output when `--locale` is not given. */
export const DEFAULT_LOCALE = 'en';

/**
 * What the summary reads of the statements, added up one statement at a time
 * ({@link tallyStatement}) so that a streamed run need not keep them: people by side, and the
 * pool award scores by source.
 */
export interface StatementTally {
  people: number;
  readonly sides: { front: number; middle: number; back: number };
  awards: number;
  readonly bySource: Map<string, number>;
  fallbacks: number;
  pending: number;
}

/** A tally of no statement. */
export function emptyTally(): StatementTally {
  return {
    people: 0,
    sides: { front: 0, middle: 0, back: 0 },
    awards: 0,
    bySource: new Map(),
    fallbacks: 0,
    pending: 0,
  };
}

/** Adds one statement to `tally`. */
export function tallyStatement(tally: StatementTally, statement: PayStatement): void {
  tally.people++;
  tally.sides[statement.side] += 1;
  for (const line of statement.lines) {
    if (line.score === undefined) continue;
    tally.awards++;
    tally.bySource.set(line.score.source, (tally.bySource.get(line.score.source) ?? 0) + 1);
    if (line.score.fallbackReason !== null) tally.fallbacks++;
    if (line.score.pending.length > 0) tally.pending++;
  }
}

/** A readable summary of a period run, its amounts written for `locale`. */
export function summary(result: RunPeriodResult, locale: string = DEFAULT_LOCALE): string {
  const tally = emptyTally();
  for (const statement of result.statements) tallyStatement(tally, statement);
  return runSummary(result, tally, locale);
}

/** A readable summary of a period run from its company-level result and the tally of its statements (a streamed run). */
export function runSummary(result: RunPeriodSummary, tally: StatementTally, locale: string = DEFAULT_LOCALE): string {
  const { period, totals } = result;
  const money = moneyFormat(result.currency, locale);
  const lines = [
    `synergy-pay · plan ${result.plan} · ${period.unit} ${period.start} … ${period.end} (${period.days} days) · ${result.currency}`,
    versionLine(result),
  ];
  const { sides } = tally;
  lines.push(
    `People: ${tally.people} (front ${sides.front}, middle ${sides.middle}, back ${sides.back}) in ${result.departments.length} departments`,
    `Mechanisms: ${result.mechanisms.length === 0 ? 'none (base pay, bonus by department coefficient, commissions, deductions)' : result.mechanisms.join(', ')}`,
    '',
    'Totals',
  );
  const rows: [string, string][] = [
    ['base pay', totals.basePay],
    ['performance bonus', totals.performanceBonus],
    ['gross commission', totals.grossCommission],
    ['pool contribution', totals.poolContribution],
    ['net commission', totals.netCommission],
    ['support pool', totals.pool],
    ['pool awards', totals.poolAwards],
    ['unallocated', totals.unallocated],
    ['deductions', totals.deductions],
    ['statements total', totals.statements],
  ];
  const amounts = rows.map(([label, amount]) => [label, money.amount(amount)] as const);
  const width = Math.max(...amounts.map(([, amount]) => characters(amount)));
  for (const [label, amount] of amounts) lines.push(`  ${pad(label, 20)} ${left(amount, width)}`);
  lines.push(...poolAndInterlockLines(result, tally, money), '', 'Departments', ...departmentLines(result));
  lines.push(...ledgerLines(result));
  const holding = result.checks.filter((c) => c.holds).length;
  lines.push('', `Checks: ${holding}/${result.checks.length} hold`);
  for (const c of result.checks)
    lines.push(`  ${c.holds ? 'ok' : 'FAILED'}  ${c.id}: ${c.equation} (${c.left} = ${c.right})`);
  lines.push(...reviewQueueLines(result.reviewQueue));
  return `${lines.join('\n')}\n`;
}

/** The items listed under each kind and reason of the review queue. */
const REVIEW_LISTED = 5;

/** What each kind of review item is, in words. */
const REVIEW_KINDS: Readonly<Record<string, string>> = {
  rating: 'flagged rating awaiting a decision [异常评分复核]',
  severeMiss: 'interlocked indicator for joint review [复盘]',
  plausibility: 'implausible figure',
};

/** What each plausibility check found, in words: the group of a `plausibility` item (its reason names rows and figures). */
const PLAUSIBILITY_GROUPS: Readonly<Record<string, string>> = {
  negativeNet: 'negative net pay (negativeNet)',
  noDaysEmployed: 'rows attached to a person employed no day of the period (noDaysEmployed)',
  coefficientOutOfRange: "coefficient outside the plan's plausible range (coefficientOutOfRange)",
  commissionNotCarved: 'commission paid in full, not carved into the pool (commissionNotCarved)',
};

/**
 * The input ledger (issue 17): one line per data list — rows, used, excluded by code — so that
 * no row leaves the run unaccounted for.
 */
function ledgerLines({ ledger, exclusions }: RunPeriodSummary): string[] {
  if (ledger.length === 0) return [];
  const byCode = new Map<string, Map<string, number>>();
  for (const { section, code } of exclusions) {
    const codes = byCode.get(section) ?? byCode.set(section, new Map()).get(section)!;
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  const width = Math.max(...ledger.map((section) => characters(String(section.rows))));
  const lines = ['', `Input ledger: every data row used or excluded (${exclusions.length} excluded)`];
  for (const { section, rows, used, excluded } of ledger) {
    const codes = [...(byCode.get(section) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const why = codes.length === 0 ? '' : ` (${codes.map(([code, n]) => `${code} ${n}`).join(', ')})`;
    lines.push(`  ${pad(section, 24)} ${left(String(rows), width)} rows: ${used} used, ${excluded} excluded${why}`);
  }
  return lines;
}

/** What a person carries into the next period: their draw balance, their commissions still held. */
function carriedLines(result: RunPeriodSummary, person: string, money: MoneyFormat): string[] {
  const draw = result.draws?.people.find((settlement) => settlement.id === person);
  const held = result.holds?.held.filter((row) => row.person === person) ?? [];
  if (draw === undefined && held.length === 0) return [];
  const lines = ['', 'Carried into the next period'];
  if (draw !== undefined)
    lines.push(
      `  draw balance owed back: ${money.amount(draw.openingBalance)} at the start → ${money.amount(draw.closingBalance)} at the end`,
    );
  for (const row of held)
    lines.push(
      `  held until the customer pays: ${row.id} ${money.amount(row.amount)} (earned ${row.earned}, plan version ${row.version})`,
    );
  return lines;
}

/** The exclusions that concern a person (the ratee of a self-rating, …): code, reason and path, for their statement. */
function exclusionLines(exclusions: readonly Exclusion[], person: string): string[] {
  const theirs = exclusions.filter((exclusion) => exclusion.people.includes(person));
  if (theirs.length === 0) return [];
  const lines = ['', `Data rows about ${person} that fed nothing (${theirs.length})`];
  for (const exclusion of theirs)
    lines.push(
      `  ${exclusion.code}: ${exclusion.reason}`,
      `    ${exclusion.path} (${exclusion.section} ${exclusion.id})`,
    );
  return lines;
}

/**
 * The reason of a review item without its figures, which groups alike items: each `; `-separated
 * part up to its statistics in parentheses, numbers elided (`extremeLow; leaveOneOut`,
 * `achievement … below the severe-miss threshold …`).
 */
function reasonGroup(reason: string): string {
  return reason
    .split('; ')
    .map((part) => part.split(' (')[0]!.replace(/-?\d+(?:\.\d+)?/g, '…'))
    .join('; ');
}

/** The review queue's count, then per kind and reason its count and the first items: id, who, reason. */
function reviewQueueLines(queue: readonly ReviewItem[]): string[] {
  const lines = [`Review queue: ${queue.length} item${queue.length === 1 ? '' : 's'}`];
  const groups = new Map<string, { kind: string; reason: string; items: ReviewItem[] }>();
  for (const item of queue) {
    const reason =
      (item.kind === 'plausibility' ? PLAUSIBILITY_GROUPS[item.code] : undefined) ?? reasonGroup(item.reason);
    const key = `${item.kind}\u0000${reason}`;
    const group = groups.get(key) ?? { kind: item.kind, reason, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  // Kinds in the queue's order; within a kind, the largest group first.
  const kinds: string[] = [...new Set(queue.map((item) => item.kind))];
  const ordered = [...groups.values()].sort(
    (a, b) =>
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      b.items.length - a.items.length ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
  for (const { kind, reason, items } of ordered) {
    lines.push(`  ${items.length} × ${REVIEW_KINDS[kind] ?? kind}: ${reason}`);
    const listed = items.slice(0, REVIEW_LISTED);
    const idWidth = Math.max(...listed.map((item) => characters(item.id)));
    const whoWidth = Math.max(...listed.map((item) => characters(item.subjects.join(', '))));
    for (const item of listed)
      lines.push(`      ${pad(item.id, idWidth)}  ${pad(item.subjects.join(', '), whoWidth)}  ${item.reason}`);
    if (items.length > REVIEW_LISTED) lines.push(`      … and ${items.length - REVIEW_LISTED} more`);
  }
  return lines;
}

/** The plan version in force, or the versions prorated, or the changes reported. */
function versionLine(result: RunPeriodSummary): string {
  if (result.treatment === 'prorated')
    return `Plan versions, prorated by days: ${result.segments.map((s) => `${s.version} ${s.start}…${s.end} (${s.fraction})`).join('; ')}`;
  if (result.treatment === 'reported')
    return `Plan version: ${result.version} (changes inside the period, reported, not applied: ${result.changes.map((c) => `${c.version} from ${c.effective}`).join(', ')})`;
  return `Plan version: ${result.version}`;
}

/** One line per support pool, per interlock credit split and per interlocked indicator. */
function poolAndInterlockLines(result: RunPeriodSummary, tally: StatementTally, money: MoneyFormat): string[] {
  const lines = result.pools.map(
    (pool) =>
      `  support pool (${pool.version}): ${pool.rate} × gross ${money.amount(pool.gross)} of ${pool.contributors} contributors = ${money.amount(pool.pool)}, shared among ${pool.recipients}: awarded ${money.amount(pool.awarded)}, unallocated ${money.amount(pool.unallocated)}`,
  );
  lines.push(...poolScoreLines(tally));
  for (const c of result.conversions ?? [])
    lines.push(
      `  converted from ${c.currency}: ${c.rows} ${c.section === 'sales' ? 'sale' : 'commission row'}${c.rows === 1 ? '' : 's'}, ${moneyFormat(c.currency, money.locale).amount(c.amount)} → ${money.amount(c.converted)}`,
    );
  if (result.holds !== null) {
    const h = result.holds.totals;
    lines.push(
      `  holds (${result.holds.held.length} rows held at the end): held at the start ${money.amount(h.opening)}, newly held ${money.amount(h.newlyHeld)}, released ${money.amount(h.released)}, held at the end ${money.amount(h.closing)}`,
    );
  }
  if (result.draws !== null) {
    const d = result.draws.totals;
    lines.push(
      `  draws (${result.draws.people.length} people): owed at the start ${money.amount(d.openingBalance)}, advanced ${money.amount(d.advanced)}, recovered ${money.amount(d.recovered)}, written off ${money.amount(d.writtenOff)}, owed at the end ${money.amount(d.closingBalance)}; guarantees topped up ${money.amount(d.toppedUp)}`,
    );
  }
  for (const run of result.interlock ?? []) {
    if (run.total !== null)
      lines.push(
        `  revenue credited: total ${money.amount(run.total)}; ${run.dimensions.map((d) => `${d.id} ${money.amount(d.credited)}`).join(', ')}; credited ${money.orDash(run.credited)} (factor ${run.factor ?? 'n/a'})`,
      );
    for (const indicator of run.indicators)
      lines.push(
        `  interlocked ${indicator.id}: achievement ${indicator.achievement}, score ${indicator.score}${indicator.rewarded ? `, reward ${money.amount(indicator.reward)}` : ''}${indicator.severeMiss ? `, severe miss: deduction ${money.amount(indicator.deduction)}` : ''} (${indicator.parties.map((p) => `${p.id} ${p.weight}`).join(', ')})`,
      );
  }
  return lines;
}

/**
 * How the pool awards' scores were found (issue 17): per source, how many awards read it, and how
 * many fell back to `data.supportScores` because the plan's source had no score for them.
 */
function poolScoreLines({ awards, bySource, fallbacks, pending }: StatementTally): string[] {
  if (awards === 0) return [];
  const sources = [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, n]) => `${s} ${n}`);
  const notes = [`${fallbacks} fell back to data.supportScores`, `${pending} with ratings pending review`];
  return [`  pool award scores (${awards} awards): ${sources.join(', ')}; ${notes.join('; ')}`];
}

/** One line per department, then the support measures (response times, rating) of those measured. */
function departmentLines(result: RunPeriodSummary): string[] {
  const lines = result.departments.map(
    (d) =>
      `  ${pad(d.id, 26)} ${pad(d.side, 6)} ${left(String(d.headcount), 6)} people  coefficient ${d.coefficient}${d.linkage === null ? '' : ` (own ${d.ownCoefficient}, uniform ${d.linkage.uniform}, matrix − uniform ${d.linkage.difference})`}`,
  );
  const measured = result.departments.filter((d) => d.responseTimes !== null || (d.rating?.score ?? null) !== null);
  if (measured.length > 0) lines.push('', 'Support measures (departments)');
  for (const { id, responseTimes: times, rating } of measured) {
    const parts: string[] = [];
    if (times !== null) {
      const { response, resolution } = times;
      parts.push(`${times.tickets} tickets`);
      if (response !== null)
        parts.push(
          `response ${response.meanScore} (${response.withinFirstBand} in the first band, ${response.breaches} breaches)`,
        );
      if (resolution !== null)
        parts.push(
          `resolution ${resolution.meanScore}${resolution.condition === null ? '' : ` [${resolution.condition.id} ×${resolution.condition.factor}]`}`,
        );
    }
    if (rating !== null && rating.score !== null) parts.push(`rating ${rating.score}`);
    lines.push(`  ${pad(id, 26)} ${parts.join('; ')}`);
  }
  return lines;
}

/** Where a pool award's score came from, in words. */
const SCORE_SOURCES: Readonly<Record<PoolScoreSource, (subject: string) => string>> = {
  rating: (subject) => `the peripheral rating of ${subject}`,
  departmentRating: (subject) => `the peripheral rating of department ${subject}`,
  departmentResponseTimes: (subject) => `the mean response-time score of department ${subject}`,
  departmentResolutionTimes: (subject) => `the mean resolution-time score of department ${subject}`,
  supportCard: (subject) => `the support card of ${subject} (own tickets, rating and targets)`,
  supportScores: (subject) => `data.supportScores (${subject})`,
};

/**
 * A pool award's terms from the line's fields (shown whatever the trace option): the score and
 * its source — a fallback to `data.supportScores` said as such, with its reason — the pending
 * reviews that may change it, f and the basis in words.
 */
function poolAwardLines({ score, weighting, basis }: StatementLine): string[] {
  if (score === undefined) return [];
  const from = SCORE_SOURCES[score.source](score.subject);
  const lines = [
    score.fallbackReason === null
      ? `    score ${score.value} from ${from}`
      : `    score ${score.value} from ${from}, a fallback: ${score.fallbackReason}`,
  ];
  if (score.pending.length > 0)
    lines.push(`    pending review: ${score.pending.join(', ')} (a decision may still change this score)`);
  const f =
    weighting === undefined || weighting.exponent === null
      ? 'f(score) = score'
      : `f(score) = score^${weighting.exponent} (${weighting.kind})`;
  lines.push(`    ${f}; basis ${basis ?? 'not stated'}`);
  return lines;
}

/** One statement with its trace in plain words (seed 001's personal pay dashboard), its amounts written for `locale`. */
export function explain(result: RunPeriodSummary, statement: PayStatement, locale: string = DEFAULT_LOCALE): string {
  const money = moneyFormat(result.currency, locale);
  const lines = [
    `Pay statement · ${statement.person}${statement.name === null ? '' : ` (${statement.name})`}`,
    `${statement.department} (${statement.side} line) · grade ${statement.grade} · employed ${statement.employedDays} of ${result.period.days} days · coefficient ${statement.coefficient}`,
    `Period ${result.period.start} … ${result.period.end}, plan ${result.plan}, currency ${result.currency}`,
    '',
  ];
  const total = money.amount(statement.total);
  const amounts = statement.lines.map((line) => money.amount(line.amount));
  const subtotals = subtotalsAfter(statement, money);
  const width = Math.max(
    characters(total),
    ...amounts.map(characters),
    ...[...subtotals.values()].map((s) => characters(s.text)),
  );
  for (const [i, line] of statement.lines.entries()) {
    const version = result.segments.length > 1 ? ` [${line.version}]` : '';
    lines.push(`${pad(`${line.label}${version}`, 56)} ${left(amounts[i]!, width)}`);
    lines.push(...poolAwardLines(line));
    lines.push(...stepLines(line.trace));
    const subtotal = subtotals.get(i);
    if (subtotal !== undefined)
      lines.push(`${pad(`Subtotal: ${subtotal.label} (${subtotal.lines} lines)`, 56)} ${left(subtotal.text, width)}`);
  }
  lines.push(`${pad('Total (the sum of the lines above)', 56)} ${left(total, width)}`);
  lines.push(...targetLines(statement));
  lines.push(...carriedLines(result, statement.person, money));
  lines.push(...exclusionLines(result.exclusions, statement.person));
  return `${lines.join('\n')}\n`;
}

/**
 * The person's elastic targets (seed 004), one block per plan version with targets: the level and
 * score, then per metric the baseline, complexity, the rules that moved it, the target, the
 * measure and its score × weight.
 */
function targetLines(statement: PayStatement): string[] {
  return (statement.targets ?? []).flatMap((entry) => [
    '',
    `Elastic targets · level ${entry.level} · plan version ${entry.version} · target score ${entry.score ?? '— (nothing measured)'}`,
    ...entry.metrics.map((row) => {
      const scaled = row.complexity === '1' ? '' : ` × complexity ${row.complexity}`;
      const moved = row.adjustments
        .map((a) => `${a.adjust === 'relax' ? 'relaxed' : 'tightened'} by ${a.rule} after ${a.periods.join(', ')}`)
        .join('; ');
      const measured = row.measure === null ? 'not measured' : `measured ${row.measure} → score ${row.score!}`;
      const direction = row.direction === 'lowerIsBetter' ? 'lower is better' : 'higher is better';
      return `  ${row.metric} (${direction}): baseline ${row.baseline}${scaled}${moved === '' ? '' : `, ${moved}`} → target ${row.target}; ${measured} × weight ${row.weight}`;
    }),
  ]);
}

/** A trace's steps in words: the formula, then each input named in plain words with its value, → the result. */
function stepLines(trace: readonly TraceStep[]): string[] {
  return trace.flatMap((step) => {
    const inputs = Object.entries(step.inputs)
      .map(([key, value]) => `${traceInputWords(step.rule, key) ?? key}: ${value}`)
      .join('; ');
    return [`    ${step.formula}`, `      with ${inputs === '' ? 'no inputs' : inputs} → ${step.result}`];
  });
}

/**
 * The statement's subtotals to print, by the index of the last line of their kind: one for each
 * pay component with more than one line (split by plan version, or several rows).
 */
function subtotalsAfter(
  statement: PayStatement,
  money: MoneyFormat,
): Map<number, { label: string; lines: number; text: string }> {
  const after = new Map<number, { label: string; lines: number; text: string }>();
  for (const subtotal of statement.subtotals) {
    if (subtotal.lines < 2) continue;
    let last = statement.lines.length - 1;
    while (statement.lines[last]!.kind !== subtotal.kind) last--;
    after.set(last, { label: subtotal.label, lines: subtotal.lines, text: money.amount(subtotal.amount) });
  }
  return after;
}

/** CSV text: the header, then one row per record with the header's columns (quoted when needed). */
export function csv(header: readonly string[], records: Iterable<object>): string {
  const rows = [header.join(',')];
  for (const record of records) rows.push(csvRow(header, record));
  return `${rows.join('\n')}\n`;
}

/** One CSV row (no line end): the record's value of each column, quoted when needed; '' for other than a string or number. */
function csvRow(header: readonly string[], record: object): string {
  return header
    .map((column) => {
      const value = (record as Readonly<Record<string, unknown>>)[column];
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

const STATEMENT_COLUMNS = ['person', 'name', 'department', 'side', 'grade', 'employedDays', 'coefficient'];
const STATEMENT_HEADER = [...STATEMENT_COLUMNS, ...statementLineKinds, 'total'];

/**
 * Statements as CSV: one row per person, a column per line kind (summed over segments and rows),
 * then the total. Amounts are exact decimal strings.
 */
export function statementsCsv(result: RunPeriodResult): string {
  return [...statementsCsvLines(result.statements)].join('');
}

/** The CSV of {@link statementsCsv} line by line (each with its line end), reading the statements as they come. */
export function* statementsCsvLines(statements: Iterable<PayStatement>): Generator<string> {
  yield STATEMENTS_CSV_HEADER;
  for (const statement of statements) yield statementCsvLine(statement);
}

/** The header line of the statements' CSV. */
export const STATEMENTS_CSV_HEADER = `${STATEMENT_HEADER.join(',')}\n`;

/** One statement's CSV line (see {@link statementsCsvLines}), with its newline. */
export function statementCsvLine(statement: PayStatement): string {
  // Every amount of a run has the currency's minor digits: the total's say how many.
  const digits = statement.total.includes('.') ? statement.total.split('.')[1]!.length : 0;
  const sums = new Map<string, bigint>();
  for (const line of statement.lines) sums.set(line.kind, (sums.get(line.kind) ?? 0n) + toMinor(line.amount));
  const kinds = statementLineKinds.map((kind) => [kind, fromMinor(sums.get(kind) ?? 0n, digits)] as const);
  return `${csvRow(STATEMENT_HEADER, { ...statement, ...Object.fromEntries(kinds) })}\n`;
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

/** Whether a value is a plain object (not null, not an array). */
const isRecord = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The length beyond which {@link jsonChunks} writes an array one element a line. */
export const LONG_ARRAY = 64;

/**
 * JSON text of `value` in chunks: long arrays (the statements, a scenario's tickets) are written
 * one element at a time, one per line, so no single string has to hold a 100,000-person result
 * (V8 strings stop at about 512 MB). Parsing the concatenation gives `value` back. `newline`
 * `''` keeps the text on one line (the summary line of an NDJSON statement file).
 */
export function* jsonChunks(value: unknown, depth = 0, newline = '\n'): Generator<string> {
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    yield `[${newline}`;
    for (let i = 0; i < value.length; i++) yield `${i === 0 ? '' : `,${newline}`}${JSON.stringify(value[i])}`;
    yield `${newline}]`;
    return;
  }
  // A short list of objects (the input ledger's sections) may hold long lists (their used rows): recurse.
  if (Array.isArray(value) && value.length > 0 && depth < 3 && value.every(isRecord)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonChunks(value[i], depth + 1, newline);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    yield '{';
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      yield `${first ? '' : ','}${newline}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(item, depth + 1, newline);
    }
    yield `${newline}}`;
    return;
  }
  yield JSON.stringify(value);
}
