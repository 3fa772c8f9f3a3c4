/**
 * `synergy-pay correct <paid.json> <corrected-scenario.json>`: the correction lines (arrears and
 * recoveries) that bring a paid period to its re-run on corrected inputs. `paid.json` is a paid
 * record `{ "scenario": …, "result": … }` (the scenario and the `run --out` result as paid), or
 * just the paid scenario (its result is then recomputed). The re-run uses the plan as paid.
 * `--format json|csv` with `--out FILE` writes the corrections.
 */
import { correctPeriod } from '../whatif/correctPeriod.js';
import type { CorrectPeriodInput, PeriodCorrection } from '../whatif/types.js';
import type { RunPeriodInput } from '../period/types.js';
import { csvCell, guarded, library, readJson, WhatIfProblem, writeFile } from './compare.js';
import type { CliIo } from './io.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The `correct` command. `format` is summary, json or csv. */
export function correctCommand(files: readonly string[], format: string, out: string | undefined, io: CliIo): number {
  return guarded(io, () => {
    if (files.length !== 2)
      throw new WhatIfProblem('synergy-pay correct: expected <paid.json> <corrected-scenario.json>');
    const [paidFile, correctedFile] = files as [string, string];
    const paidJson = readJson(paidFile, io);
    const corrected = readJson(correctedFile, io);
    const record = isObject(paidJson) && 'scenario' in paidJson;
    const paid = (record ? paidJson : { scenario: paidJson }) as CorrectPeriodInput['paid'];
    const correction = library(`${paidFile} and ${correctedFile}`, () =>
      correctPeriod({ paid, corrected: corrected as RunPeriodInput }),
    );
    const text =
      format === 'csv'
        ? correctionCsv(correction)
        : format === 'json'
          ? `${JSON.stringify(correction, null, 2)}\n`
          : correctionTable(correction, paidFile, correctedFile);
    if (out === undefined) io.out(text);
    else {
      writeFile(out, text, io);
      io.out(correctionTable(correction, paidFile, correctedFile));
      io.out(`Wrote the corrections (${format === 'csv' ? 'CSV' : format === 'json' ? 'JSON' : 'table'}) to ${out}\n`);
    }
    return 0;
  });
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const left = (text: string, width: number) => ' '.repeat(Math.max(0, width - [...text].length)) + text;
const LISTED = 20;

/** The readable correction table. */
export function correctionTable(c: PeriodCorrection, paidFile: string, correctedFile: string): string {
  const lines: string[] = [];
  lines.push(
    `synergy-pay correct · plan ${c.plan} · ${c.period.unit} ${c.period.start} … ${c.period.end} · ${c.currency}`,
  );
  lines.push(
    `Paid:      ${paidFile} (version ${c.paidVersion}${c.paidReproduced === false ? "; NOTE: today's library computes other figures from the paid inputs" : ''})`,
  );
  lines.push(
    `Corrected: ${correctedFile} (re-run ${c.planUsed === 'asPaid' ? 'with the plan as paid' : 'with the corrected plan'}, version ${c.rerunVersion})`,
  );
  lines.push('', `Input changes (${c.inputChanges.length})`);
  for (const change of c.inputChanges.slice(0, LISTED))
    lines.push(`  ${change.path}: ${JSON.stringify(change.base)} → ${JSON.stringify(change.proposed)}`);
  if (c.inputChanges.length > LISTED) lines.push(`  … and ${c.inputChanges.length - LISTED} more`);
  if (c.planChanges.length > 0 && c.planUsed === 'asPaid')
    lines.push(
      `  (${c.planChanges.length} plan change${c.planChanges.length === 1 ? '' : 's'} in the corrected file not applied: the period is corrected under the plan as paid)`,
    );
  if (c.people.length === 0) {
    lines.push('', 'No corrections: every line of the re-run equals what was paid.');
    return `${lines.join('\n')}\n`;
  }
  const width = Math.max(10, ...c.people.flatMap((p) => [p.paid.length, p.rerun.length]));
  lines.push(
    '',
    `Corrections: ${c.counts.lines} lines for ${c.counts.people} people (${c.counts.arrears} arrears, ${c.counts.recoveries} recoveries)`,
  );
  lines.push(
    `  ${pad('person', 14)} ${left('paid', width)} ${left('arrears', width)} ${left('recoveries', width)} ${left('re-run', width)}`,
  );
  for (const person of c.people.slice(0, LISTED)) {
    lines.push(
      `  ${pad(person.person, 14)} ${left(person.paid, width)} ${left(person.arrears, width)} ${left(person.recoveries, width)} ${left(person.rerun, width)}`,
    );
    for (const line of person.lines)
      lines.push(
        `      ${pad(line.label, 50)} ${left(line.paid, 12)} → ${left(line.rerun, 12)}  ${line.type} ${line.amount}`,
      );
  }
  if (c.people.length > LISTED)
    lines.push(`  … and ${c.people.length - LISTED} more (--format json or csv with --out lists them all)`);
  const t = c.totals;
  lines.push(
    `  ${pad('total', 14)} ${left(t.paid, width)} ${left(t.arrears, width)} ${left(t.recoveries, width)} ${left(t.rerun, width)}`,
  );
  lines.push('', `Check: paid ${t.paid} + arrears ${t.arrears} + recoveries ${t.recoveries} = re-run ${t.rerun}`);
  return `${lines.join('\n')}\n`;
}

/** The corrections as CSV: one row per correction line. */
export function correctionCsv(c: PeriodCorrection): string {
  const rows = ['person,department,kind,version,source,label,paid,rerun,amount,type'];
  for (const person of c.people)
    for (const line of person.lines)
      rows.push(
        [
          person.person,
          person.department,
          line.kind,
          line.version,
          line.source,
          line.label,
          line.paid,
          line.rerun,
          line.amount,
          line.type,
        ]
          .map(csvCell)
          .join(','),
      );
  return `${rows.join('\n')}\n`;
}
