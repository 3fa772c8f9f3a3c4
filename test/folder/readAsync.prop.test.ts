/**
 * Issue 20 §1: a scenario folder read as streams (`readScenarioFolderAsync`: csv-parse's stream
 * parser, records dropped as they become rows) gives the same scenario, byte for byte, and the
 * same refusals — issues, order, file, line and column — as the folder read whole, for every way
 * of cutting its files into chunks; `readScenarioFolderRows` gives the same rows one at a time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod, SynergyPayError, type RunPeriodInput } from '../../src/index.js';
import {
  readScenarioFolder,
  readScenarioFolderAsync,
  readScenarioFolderRows,
  scenarioFolderLocation,
  writeScenarioFolder,
  type ScenarioFolderRow,
} from '../../src/folder/index.js';
import { hasQuotedSpecialCell, QuotedCellScan } from '../../src/folder/csvRows.js';
import { readFolderInChunks } from '../../src/folder/readScenarioFolderAsync.js';
import { checkUtf8, Utf8Check } from '../../src/folder/strictJson.js';
import { fullScenarioArb } from '../arbitraries/scenario.js';
import { golden } from '../period/golden.js';
import { cases, demoFolder, edit, fileCases, setCell } from './badFolders.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-read-async-'));
let count = 0;
const freshDir = () => join(root, `folder-${++count}`);

/** What reading a folder gives: the scenario's JSON, or the refusal — each issue with where it is in the folder. */
type Outcome =
  { scenario: string } | { issues: { code: string; path: unknown[]; message: string; at: string | undefined }[] };

function refusal(error: unknown): Outcome {
  if (!(error instanceof SynergyPayError)) throw error;
  return {
    issues: error.issues.map((issue) => ({
      code: issue.code,
      path: [...issue.path],
      message: issue.message,
      at: scenarioFolderLocation(error, issue.path),
    })),
  };
}

function readWhole(dir: string): Outcome {
  try {
    return { scenario: JSON.stringify(readScenarioFolder(dir)) };
  } catch (error) {
    return refusal(error);
  }
}

async function readStreamed(dir: string, chunkBytes?: number): Promise<Outcome> {
  try {
    const scenario =
      chunkBytes === undefined ? await readScenarioFolderAsync(dir) : await readFolderInChunks(dir, chunkBytes);
    return { scenario: JSON.stringify(scenario) };
  } catch (error) {
    return refusal(error);
  }
}

/** The run's refusal of a folder's scenario, each issue located in the folder (the layouts of the two readers agree). */
function runRefusal(scenario: RunPeriodInput): string[] {
  try {
    runPeriod(scenario);
    return [];
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    return error.issues.map(
      (issue) => `${scenarioFolderLocation(scenario, issue.path)} ${issue.code} ${issue.message}`,
    );
  }
}

/** Chunk sizes that cut lines, cells, quotes and multi-byte characters in every place. */
const CHUNKS = [1, 2, 3, 5, 7, 13, 64, 4096, 1 << 20];

describe('readScenarioFolderAsync: the same scenario as the folder read whole', () => {
  it('for generated scenarios, read in chunks of every size (a property)', async () => {
    await fc.assert(
      fc.asyncProperty(fullScenarioArb, fc.constantFrom(...CHUNKS), async (scenario, chunkBytes) => {
        const dir = freshDir();
        writeScenarioFolder(scenario as unknown as RunPeriodInput, dir);
        expect(await readStreamed(dir, chunkBytes)).toEqual(readWhole(dir));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every text exactly: quotes, line breaks, "null", "", Chinese, in chunks of every size (a property)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('', 'null', '""', 'a,b', 'say "hi"', 'two\r\nlines', 'cr\ronly', ' padded ', '张三', '"null"'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...CHUNKS),
        async (names, chunk) => {
          const base = golden();
          const people = names.map((name, i) => ({ id: `p${i}`, name, department: 'tech', grade: 'P5' }));
          const dir = freshDir();
          writeScenarioFolder({ ...base, org: { ...base.org, people } }, dir);
          const streamed = await readFolderInChunks(dir, chunk);
          expect(streamed.org.people.map((person) => person.name)).toEqual(names);
          expect(JSON.stringify(streamed)).toBe(JSON.stringify(readScenarioFolder(dir)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each(readdirSync('examples/scenarios').filter((name) => name.endsWith('.json')))(
    'examples/scenarios/%s as a folder',
    async (name) => {
      const dir = freshDir();
      writeScenarioFolder(JSON.parse(readFileSync(join('examples/scenarios', name), 'utf8')) as RunPeriodInput, dir);
      const whole = readWhole(dir);
      expect(whole).toHaveProperty('scenario');
      for (const chunk of [1, 7, 1 << 20]) expect(await readStreamed(dir, chunk)).toEqual(whole);
    },
  );

  it('the 300-person demo company, NDJSON lists and blank rows included, runs to the same result', async () => {
    const dir = freshDir();
    const scenario = demoScenario({ people: 300 });
    writeScenarioFolder(scenario, dir);
    rmSync(join(dir, 'ratings.csv'));
    writeFileSync(
      join(dir, 'ratings.ndjson'),
      scenario.data!.ratings!.map((row) => JSON.stringify(row)).join('\r\n\n'),
    );
    edit(dir, 'commissions.csv', /\r\n/, '\r\n\r\n,,,,,,\r\n');
    const streamed = await readScenarioFolderAsync(dir);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(readScenarioFolder(dir)));
    expect(JSON.stringify(runPeriod(streamed))).toBe(JSON.stringify(runPeriod(scenario)));
  });

  it('makes each CSV row a plain object: Object.prototype, only its non-empty cells as own fields, in column order', async () => {
    const dir = freshDir();
    writeScenarioFolder(demoScenario({ people: 40 }), dir);
    for (const read of [readScenarioFolder(dir), await readScenarioFolderAsync(dir)]) {
      const lists = [read.org.people, read.data!.tickets!, read.data!.commissions!];
      for (const row of lists.flat()) {
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
        expect((row as object).constructor).toBe(Object);
      }
      // Each ticket's fields: the header's columns whose cells on its line are not empty, in header order.
      const [header, ...lines] = readFileSync(join(dir, 'tickets.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const columns = header!.split(',');
      read.data!.tickets!.forEach((ticket, i) => {
        const cells = lines[i]!.split(',');
        expect(Object.keys(ticket)).toEqual(columns.filter((_, k) => cells[k] !== ''));
        expect(structuredClone(ticket)).toEqual(ticket);
      });
    }
  });
});

/** More folders with one thing wrong, where reading in parts could go wrong. */
const streamCases: { name: string; change: (dir: string) => void }[] = [
  {
    name: 'bad cells, then a quote never closed (the file is one problem)',
    change: (dir) => {
      setCell(dir, 'tickets.csv', 0, 'pauses', '[');
      setCell(dir, 'tickets.csv', 3, 'pauses', '{');
      edit(dir, 'tickets.csv', /\r\n(T\d+,)([^\r]*)\r\n$/, '\r\n"$1$2\r\n');
    },
  },
  {
    name: 'a quote never closed, then invalid UTF-8 near the end (UTF-8 is told first)',
    change: (dir) => {
      edit(dir, 'tickets.csv', /\r\nT0*2,/, '\r\n"T2,');
      const bytes = readFileSync(join(dir, 'tickets.csv'));
      writeFileSync(join(dir, 'tickets.csv'), Buffer.concat([bytes, Buffer.from([0x78, 0xc3])]));
    },
  },
  {
    name: 'a character cut at the end of the file',
    change: (dir) => {
      writeFileSync(join(dir, 'departments.csv'), Buffer.from([0x69, 0x64, 0x0d, 0x0a, 0xe5, 0xbc]));
    },
  },
  {
    name: 'a NUL byte near the start, invalid UTF-8 before it',
    change: (dir) => {
      writeFileSync(
        join(dir, 'departments.csv'),
        Buffer.concat([Buffer.from('id\r\n'), Buffer.from([0xff, 0x41, 0x00])]),
      );
    },
  },
  {
    name: 'a UTF-16 file',
    change: (dir) => {
      writeFileSync(join(dir, 'people.csv'), Buffer.from('\ufeffid,name\r\n', 'utf16le'));
    },
  },
  {
    name: 'an empty file',
    change: (dir) => {
      writeFileSync(join(dir, 'people.csv'), '');
    },
  },
  {
    name: 'a byte-order mark alone',
    change: (dir) => {
      writeFileSync(join(dir, 'people.csv'), '\ufeff');
    },
  },
  {
    name: 'an unknown column, and a quote never closed below it (the quote is the problem)',
    change: (dir) => {
      edit(dir, 'commissions.csv', 'id,person,amount', 'id,person,amonut');
      edit(dir, 'commissions.csv', /\r\nE0*5-C1,/, '\r\n"E05-C1,');
    },
  },
  {
    name: 'more than 200 bad cells (the issues are cut at the same one)',
    change: (dir) => {
      const text = readFileSync(join(dir, 'tickets.csv'), 'utf8');
      writeFileSync(join(dir, 'tickets.csv'), text.replace(/,,,,\r\n/g, ',[,,,\r\n'));
    },
  },
  {
    name: 'a quoted "" and "null" cell (the slow path of csv-parse)',
    change: (dir) => {
      edit(dir, 'people.csv', /\r\nE0*3,[^,\r]*,/, '\r\nE03,"null",');
      edit(dir, 'people.csv', /\r\nE0*4,[^,\r]*,/, '\r\nE04,"",');
    },
  },
  {
    name: 'an NDJSON list with bad lines, then a line too long',
    change: (dir) => {
      rmSync(join(dir, 'ratings.csv'));
      writeFileSync(join(dir, 'ratings.ndjson'), `{"id":1}\n[1]\n{"id": "x",}\n`);
    },
  },
  {
    name: 'an NDJSON list that is a folder',
    change: (dir) => {
      rmSync(join(dir, 'ratings.csv'));
      mkdirSync(join(dir, 'ratings.ndjson'));
    },
  },
  {
    name: 'a file named twice, a misspelt file, a bad plan',
    change: (dir) => {
      writeFileSync(join(dir, 'tickets.ndjson'), '{}\n');
      writeFileSync(join(dir, 'tikets.csv'), 'id\r\n');
      edit(dir, 'plan.json', /\n\}\n$/, ',\n}\n');
    },
  },
];

describe('readScenarioFolderAsync: the same refusals as the folder read whole', () => {
  const all = [...cases, ...fileCases, ...streamCases].map(({ name, change }) => ({ name, change }));

  // Cut small enough to split cells, quotes and characters, large enough to keep 60 folders quick
  // (the properties above, and those of the byte checks below, cut files into single bytes).
  it.each(all)('$name', async ({ change }) => {
    const dir = demoFolder();
    change(dir);
    const whole = readWhole(dir);
    for (const chunk of [61, 1 << 20]) expect(await readStreamed(dir, chunk), `chunks of ${chunk}`).toEqual(whole);
    // A folder that reads but does not validate: the run's issues are located the same way.
    if ('scenario' in whole)
      expect(runRefusal(await readScenarioFolderAsync(dir))).toEqual(runRefusal(readScenarioFolder(dir)));
  });

  it('reads a quoted "" and "null" cell as the texts, an unquoted null as null', async () => {
    const dir = demoFolder();
    edit(dir, 'people.csv', /\r\nE0*3,[^,\r]*,/, '\r\nE03,"null",');
    edit(dir, 'people.csv', /\r\nE0*4,[^,\r]*,/, '\r\nE04,"",');
    setCell(dir, 'tickets.csv', 0, 'responded', 'null');
    const scenario = await readScenarioFolderAsync(dir);
    expect(scenario.org.people.slice(2, 4).map((person) => person.name)).toEqual(['null', '']);
    expect(scenario.data!.tickets![0]!.responded).toBeNull();
    expect(runRefusal(scenario)).toEqual([]);
  });

  it('refuses a path that is not a folder, or is missing, as the whole-file reader does', async () => {
    const file = join(root, 'plain.json');
    writeFileSync(file, '{}');
    await expect(readScenarioFolderAsync(file)).rejects.toThrow(`${file} is not a regular file, not a folder`);
    await expect(readScenarioFolderAsync(join(root, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

describe('readScenarioFolderRows: the rows one at a time', () => {
  it('gives every row of every list, with its index, file and line, and builds no scenario', async () => {
    const dir = freshDir();
    const scenario = demoScenario({ people: 60 });
    writeScenarioFolder(scenario, dir);
    edit(dir, 'people.csv', /\r\n/, '\r\n\r\n'); // a blank line: the people start on line 3
    const rows: ScenarioFolderRow[] = [];
    for await (const row of readScenarioFolderRows(dir)) rows.push(row);
    const read = readScenarioFolder(dir) as unknown as Record<'org' | 'data', Record<string, object[]>>;
    const lists = [...new Set(rows.map((row) => `${row.section}.${row.list}`))];
    expect(lists.slice(0, 2)).toEqual(['org.departments', 'org.people']);
    for (const key of lists) {
      const [section, list] = key.split('.') as ['org' | 'data', string];
      const mine = rows.filter((row) => row.section === section && row.list === list);
      expect(mine.map((row) => row.row)).toEqual(read[section][list]);
      expect(mine.map((row) => row.index)).toEqual(mine.map((_, k) => k));
      for (const row of mine)
        expect(`${row.file} line ${row.line}`).toBe(scenarioFolderLocation(read, [section, list, row.index]));
    }
    expect(rows.find((row) => row.list === 'people')).toMatchObject({ index: 0, file: 'people.csv', line: 3 });
    expect(rows.length).toBe(Object.values(read.org).flat().length + Object.values(read.data).flat().length);
  });

  it('throws the folder problems after the last row, located in the folder', async () => {
    const dir = demoFolder();
    setCell(dir, 'tickets.csv', 4, 'pauses', '[');
    writeFileSync(join(dir, 'comissions.csv'), 'id\r\n');
    let rows = 0;
    let caught: unknown;
    try {
      for await (const _row of readScenarioFolderRows(dir)) rows++;
    } catch (error) {
      caught = error;
    }
    expect(rows).toBeGreaterThan(100);
    const { issues } = refusal(caught) as { issues: { at: string | undefined; path: unknown[] }[] };
    expect(issues.map((issue) => issue.at)).toEqual(['the folder', 'tickets.csv line 6 column pauses']);
    expect(issues.map((issue) => issue.path)).toEqual([[], ['data', 'tickets', 4, 'pauses']]);
  });

  it('locates each problem as the whole-file reader does (200 bad cells, a line too long, a misspelt file)', async () => {
    const dir = demoFolder();
    const tickets = readFileSync(join(dir, 'tickets.csv'), 'utf8');
    writeFileSync(join(dir, 'tickets.csv'), tickets.replace(/,,,,\r\n/g, ',[,,,\r\n'));
    edit(dir, 'people.csv', /\r\nE0*3,([^\r]*)/, '\r\nE03,$1,extra');
    writeFileSync(join(dir, 'comissions.csv'), 'id\r\n');
    let caught: unknown;
    try {
      for await (const _row of readScenarioFolderRows(dir));
    } catch (error) {
      caught = error;
    }
    const expected = readWhole(dir);
    expect((expected as { issues: unknown[] }).issues).toHaveLength(200);
    expect(refusal(caught)).toEqual(expected);
  });

  it('closes the file it reads when the loop is left early', async () => {
    const dir = freshDir();
    writeScenarioFolder(demoScenario({ people: 300 }), dir);
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for await (const row of readScenarioFolderRows(dir)) if (row.list === 'tickets' && row.index === 10) break;
    expect(openFiles()).toBe(before);
  });
});

describe('the checks of a file read in parts agree with the file read whole', () => {
  /** The file's bytes cut at the given places. */
  const cut = (bytes: Uint8Array, cuts: readonly number[]) => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    return [...at, bytes.length].map((end, k) => bytes.subarray(k === 0 ? 0 : at[k - 1], end));
  };

  it('QuotedCellScan finds a quoted "" or "null" cell exactly where hasQuotedSpecialCell does (a property)', () => {
    const bytes = fc
      .array(fc.constantFrom(...'"",nulNx\r\n'.split('')), { maxLength: 40 })
      .map((chars) => Buffer.from(chars.join('')));
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const scan = new QuotedCellScan();
        for (const part of cut(text, cuts)) scan.push(part);
        scan.push(new Uint8Array(0), true);
        expect(scan.found).toBe(hasQuotedSpecialCell(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('Utf8Check refuses exactly what checkUtf8 refuses, at the same byte (a property)', () => {
    const pieces = fc.constantFrom(
      ...[
        [0x61],
        [0xe5, 0xbc, 0xa0],
        [0xc3, 0xa9],
        [0xf0, 0x9f, 0x98, 0x80],
        [0xe5],
        [0x80],
        [0xff],
        [0x00],
        [0xed, 0xa0, 0x80],
        new Array<number>(1500).fill(0x61),
      ],
    );
    const bytes = fc.array(pieces, { maxLength: 30 }).map((list) => Uint8Array.from(list.flat()));
    const outcome = (check: () => void) => {
      try {
        check();
        return 'valid';
      } catch (error) {
        return (error as SynergyPayError).issues[0]!.message;
      }
    };
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 6 }), (file, cuts) => {
        const parts = outcome(() => {
          const check = new Utf8Check();
          for (const part of cut(file, cuts)) check.push(part);
          check.end();
        });
        expect(parts).toBe(
          outcome(() => {
            checkUtf8(file);
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
