/**
 * The texts a folder's CSV files share (`FolderTexts`, src/folder/csvRows.ts): a column of person
 * ids holds the people's own strings. Which string a row holds cannot be seen from JavaScript (equal
 * strings are equal), so these tests hold the rows to what the cells say, on both sides of the
 * switch to the people's ids, and the people's ids to people.csv's.
 */
import { describe, expect, it } from 'vitest';
import { CsvRowReader, FolderTexts } from '../../src/folder/csvRows.js';
import { Problems } from '../../src/folder/problems.js';
import { scenarioTables } from '../../src/folder/tables.js';

const table = (key: string) => scenarioTables().find((t) => t.key === key)!;
const person = (k: number) => `E${String(k).padStart(6, '0')}`;

/** Reads `records` (a header first) as the list `key`, with the folder's shared texts. */
function readList(key: string, records: string[][], texts?: FolderTexts) {
  const problems = new Problems();
  const reader = new CsvRowReader(table(key), problems, texts);
  const rows = records.flatMap((record): Record<string, unknown>[] => {
    const read = reader.read(record);
    return read === undefined ? [] : [read.row];
  });
  reader.end();
  expect(problems.issues).toEqual([]);
  return rows;
}

describe('person ids shared between the files of a folder', () => {
  const people = 6000;
  const texts = new FolderTexts();
  readList(
    'people',
    [['id', 'department', 'grade'], ...Array.from({ length: people }, (_, k) => [person(k), 'ops', 'P1'])],
    texts,
  );

  it('people.csv gives the people’s ids', () => {
    expect(texts.people.size).toBe(people);
    expect(texts.people.get(person(4321))).toBe(person(4321));
  });

  it('a column of person ids reads as its cells say, past the distinct texts a column keeps and with ids of nobody', () => {
    // 5,500 ratings: the rater a person (and, every 25th, an id nobody has); the ratee a person.
    const records = Array.from({ length: 5500 }, (_, k) => [
      `R${k}`,
      k % 25 === 0 ? `X${k}` : person(k),
      person((k * 7) % people),
      'speed',
      '80',
    ]);
    const header = ['id', 'rater', 'ratee', 'dimension', 'score'];
    const shared = readList('ratings', [header, ...records], texts);
    const alone = readList('ratings', [header, ...records]);
    expect(shared).toEqual(alone);
    expect(shared.map((row) => [row.id, row.rater, row.ratee])).toEqual(records.map((r) => [r[0], r[1], r[2]]));
  });

  it('a person’s rows together (three commissions each, an id of nobody between) read as their cells say', () => {
    const records = Array.from({ length: 15000 }, (_, k) => [
      `C${k}`,
      k % 50 === 49 ? `X${k}` : person(Math.floor(k / 3)),
      '10.00',
      '2026-04-01',
    ]);
    const header = ['id', 'person', 'amount', 'date'];
    const shared = readList('commissions', [header, ...records], texts);
    expect(shared).toEqual(readList('commissions', [header, ...records]));
    expect(shared.map((row) => row.person)).toEqual(records.map((r) => r[1]));
  });

  it('a column that is mostly not person ids (commission ids) reads as its cells say', () => {
    const records = Array.from({ length: 5000 }, (_, k) => [
      k % 2 === 0 ? person(k) : `C${k}`,
      person(k % people),
      '10.00',
      '2026-04-01',
    ]);
    const header = ['id', 'person', 'amount', 'date'];
    expect(readList('commissions', [header, ...records], texts)).toEqual(readList('commissions', [header, ...records]));
  });
});
