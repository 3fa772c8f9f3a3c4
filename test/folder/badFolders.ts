/**
 * Scenario folders with one thing wrong (issue 18 point 2): a bad cell, or a bad file, each with
 * the line the CLI prints for it. Used by bad-cells.test.ts (the CLI refuses each with its file,
 * line and column) and readAsync.prop.test.ts (the streamed reader refuses each as the whole-file
 * reader does).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { demoScenario } from '../../src/index.js';
import { writeScenarioFolder } from '../../src/folder/index.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-bad-cells-'));
let count = 0;

/** A fresh folder of the 30-person demo scenario. */
export function demoFolder(): string {
  const dir = join(root, `case-${++count}`);
  writeScenarioFolder(demoScenario({ people: 30 }), dir);
  return dir;
}

/** Sets the raw text of one cell (data row `row`, 0-based; the header is line 1). */
export function setCell(dir: string, file: string, row: number, column: string, text: string): void {
  const records: string[][] = parse(readFileSync(join(dir, file)), { bom: true });
  const k = records[0]!.indexOf(column);
  if (k === -1) throw new Error(`${file} has no column ${column}`);
  records[row + 1]![k] = text;
  writeFileSync(join(dir, file), stringify(records, { bom: true, record_delimiter: 'windows' }));
}

/** Replaces text in a file. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${String(from)} not in ${file}`);
  writeFileSync(join(dir, file), edited);
}

export interface BadCell {
  readonly name: string;
  readonly change: (dir: string) => void;
  /** The line the CLI prints: location, code (and the start of the message). */
  readonly expected: string;
}

export const cell = (file: string, row: number, column: string, text: string) => (dir: string) => {
  setCell(dir, file, row, column, text);
};

export const cases: BadCell[] = [
  {
    name: 'a decimal with letters',
    change: cell('commissions.csv', 1, 'amount', 'abc'),
    expected: 'commissions.csv line 3 column amount  INVALID_DECIMAL',
  },
  {
    name: 'a decimal with a thousands separator',
    change: cell('commissions.csv', 0, 'amount', '1,234.50'),
    expected: 'commissions.csv line 2 column amount  INVALID_DECIMAL',
  },
  {
    name: 'a padded decimal',
    change: cell('commissions.csv', 2, 'amount', ' 100.00'),
    expected: 'commissions.csv line 4 column amount  INVALID_DECIMAL',
  },
  {
    name: 'an amount with too many decimals',
    change: cell('commissions.csv', 0, 'amount', '100.005'),
    expected: 'commissions.csv line 2 column amount  INVALID_AMOUNT',
  },
  {
    name: 'a missing amount',
    change: cell('commissions.csv', 1, 'amount', ''),
    expected: 'commissions.csv line 3 column amount  INVALID_INPUT  required',
  },
  {
    name: 'an unknown person',
    change: cell('commissions.csv', 1, 'person', 'ghost'),
    expected: 'commissions.csv line 3 column person  UNKNOWN_REFERENCE',
  },
  {
    name: 'an impossible date',
    change: cell('commissions.csv', 0, 'date', '2026-13-01'),
    expected: 'commissions.csv line 2 column date  INVALID_INPUT',
  },
  {
    name: 'a repeated row id',
    change: cell('commissions.csv', 1, 'id', 'E01-C1'),
    expected: 'commissions.csv line 3 column id  DUPLICATE_ID',
  },
  {
    name: 'a negative deduction',
    change: cell('deductions.csv', 0, 'amount', '-5.00'),
    expected: 'deductions.csv line 2 column amount  NEGATIVE_VALUE',
  },
  {
    name: 'an empty reason',
    change: cell('deductions.csv', 1, 'reason', ''),
    expected: 'deductions.csv line 3 column reason  INVALID_INPUT',
  },
  {
    name: 'an unknown department',
    change: cell('people.csv', 2, 'department', 'nowhere'),
    expected: 'people.csv line 4 column department  UNKNOWN_REFERENCE',
  },
  {
    name: 'a missing grade',
    change: cell('people.csv', 0, 'grade', ''),
    expected: 'people.csv line 2 column grade  INVALID_INPUT  required',
  },
  {
    name: 'a date in another format',
    change: cell('people.csv', 3, 'start', '2026/05/01'),
    expected: 'people.csv line 5 column start  INVALID_INPUT',
  },
  {
    name: 'NaN as base pay',
    change: cell('people.csv', 4, 'basePay', 'NaN'),
    expected: 'people.csv line 6 column basePay  INVALID_DECIMAL',
  },
  {
    name: 'a side that does not exist',
    change: cell('departments.csv', 1, 'side', 'left'),
    expected: 'departments.csv line 3 column side  INVALID_INPUT',
  },
  {
    name: 'a negative coefficient',
    change: cell('departmentCoefficients.csv', 0, 'coefficient', '-0.5'),
    expected: 'departmentCoefficients.csv line 2 column coefficient  NEGATIVE_VALUE',
  },
  {
    name: 'an instant that is not one',
    change: cell('tickets.csv', 2, 'opened', 'yesterday'),
    expected: 'tickets.csv line 4 column opened  INVALID_INPUT',
  },
  {
    name: 'a JSON cell that is not JSON',
    change: cell('tickets.csv', 0, 'pauses', '[{start: 1}]'),
    expected: 'tickets.csv line 2 column pauses  INVALID_INPUT  not JSON',
  },
  {
    name: 'a JSON cell of the wrong shape',
    change: cell('tickets.csv', 1, 'pauses', '[{"start":"2026-04-19T04:00:00Z"}]'),
    expected: 'tickets.csv line 3 column pauses (at [0].end in the cell)  INVALID_INPUT',
  },
  {
    name: 'a ticket of an unknown unit',
    change: cell('tickets.csv', 0, 'unit', 'ghost'),
    expected: 'tickets.csv line 2 column unit  UNKNOWN_REFERENCE',
  },
  {
    name: 'a score in words',
    change: cell('ratings.csv', 3, 'score', 'high'),
    expected: 'ratings.csv line 5 column score  INVALID_DECIMAL',
  },
  {
    name: 'an unknown rater',
    change: cell('ratings.csv', 0, 'rater', 'ghost'),
    expected: 'ratings.csv line 2 column rater  UNKNOWN_REFERENCE',
  },
  {
    name: 'members that are not JSON',
    change: cell('revenueFacts.csv', 0, 'members', '{"region":'),
    expected: 'revenueFacts.csv line 2 column members  INVALID_INPUT  not JSON',
  },
  {
    name: 'a lower-case currency',
    change: cell('revenueFacts.csv', 2, 'currency', 'cny'),
    expected: 'revenueFacts.csv line 4 column currency  UNKNOWN_CURRENCY',
  },
  {
    name: 'a negative support score',
    change: cell('supportScores.csv', 1, 'score', '-1'),
    expected: 'supportScores.csv line 3 column score  NEGATIVE_VALUE',
  },
  {
    name: 'a KPI actual in words',
    change: cell('companyKpis.csv', 0, 'actual', 'lots'),
    expected: 'companyKpis.csv line 2 column actual  INVALID_DECIMAL',
  },
  {
    name: 'a bad cell after a name with a line break (lines count the break)',
    change: (dir) => {
      setCell(dir, 'people.csv', 0, 'name', 'Zhang\r\nSan');
      setCell(dir, 'people.csv', 1, 'grade', 'P99');
    },
    expected: 'people.csv line 4 column grade  UNKNOWN_REFERENCE',
  },
  {
    name: 'a bad cell after blank rows (they are skipped, and counted)',
    change: (dir) => {
      setCell(dir, 'commissions.csv', 1, 'amount', 'x');
      edit(dir, 'commissions.csv', /\r\nE01-C2,/, '\r\n\r\n,,,,\r\nE01-C2,');
    },
    expected: 'commissions.csv line 5 column amount  INVALID_DECIMAL',
  },
];

/** File-level problems: the file, the line where it has one, and the code. */
export const fileCases: BadCell[] = [
  {
    name: 'an unknown column',
    change: (dir) => {
      edit(dir, 'commissions.csv', 'id,person,amount', 'id,person,amonut');
    },
    expected: 'commissions.csv  INVALID_INPUT  line 1: unknown column "amonut"',
  },
  {
    name: 'a column twice',
    change: (dir) => {
      edit(dir, 'people.csv', 'id,name,', 'id,id,');
    },
    expected: 'people.csv  INVALID_INPUT  line 1: the column "id" appears twice',
  },
  {
    name: 'a row with a cell too many',
    change: (dir) => {
      edit(dir, 'people.csv', /\r\nE03,([^\r]*)/, '\r\nE03,$1,extra');
    },
    // people.csv has 9 columns since `level` (issue 19 §3).
    expected: 'people.csv  INVALID_INPUT  line 4 has 10 cells; the header has 9',
  },
  {
    name: 'a quote never closed',
    change: (dir) => {
      edit(dir, 'deductions.csv', /\r\nE23-D1,/, '\r\n"E23-D1,');
    },
    expected: 'deductions.csv  INVALID_INPUT  Quote Not Closed',
  },
  {
    name: 'invalid UTF-8',
    change: (dir) => {
      writeFileSync(
        join(dir, 'departments.csv'),
        Buffer.concat([Buffer.from('id,name,side\r\nx,'), Buffer.from([0xe5, 0x28]), Buffer.from(',front\r\n')]),
      );
    },
    expected: 'departments.csv  INVALID_INPUT  the file is not valid UTF-8: byte 0xe5 at byte offset 16',
  },
  {
    name: 'a misspelt file name',
    change: (dir) => {
      writeFileSync(join(dir, 'comissions.csv'), 'id\r\n');
    },
    expected: 'the folder  INVALID_INPUT  comissions.csv: not a file of a scenario folder',
  },
  {
    name: 'a plan with a trailing comma',
    change: (dir) => {
      edit(dir, 'plan.json', /\n\}\n$/, ',\n}\n');
    },
    expected: 'plan.json  INVALID_INPUT  a trailing comma is not allowed in JSON (line',
  },
  {
    name: 'a period with a duplicate key',
    change: (dir) => {
      edit(dir, 'period.json', '{', '{\n  "unit": "month",');
    },
    expected: 'period.json at unit  INVALID_INPUT  duplicate key "unit" (line 3, column 3)',
  },
];
