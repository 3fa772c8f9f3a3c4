/**
 * Issue 20: `bench/bigFolder.ts` writes the demo company as a folder row by row (the input of the
 * million-person benchmark) — the same folder, byte for byte, as `writeScenarioFolder` writes
 * from `demoScenario`, whatever the batches.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, issueRatios, writeDemoFolder } from '../../bench/bigFolder.js';
import { writeScenarioFolder } from '../../src/folder/index.js';
import { demoScenario, type DemoScenarioInput } from '../../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-big-folder-'));
let count = 0;

/** Every file of a folder and its bytes. */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('hex')]),
  );

describe('writeDemoFolder (bench/bigFolder.ts)', () => {
  const companies: [string, DemoScenarioInput, number][] = [
    ["the issue's ratios, 300 people, batches of 7 rows", issueRatios(300), 7],
    ["the issue's ratios, 1,000 people, one batch", issueRatios(1000), 20_000],
    ["the demo's own ratios, 40 people (a walk of ratings that comes back)", { people: 40 }, 3],
    ['one person', { people: 1 }, 1],
    ['a front line of everyone, another seed', { people: 25, frontShare: 1, seed: 7 }, 5],
  ];

  it.each(companies)('%s: the folder writeScenarioFolder writes', async (_name, options, batch) => {
    const streamed = join(root, `streamed-${++count}`);
    const written = await writeDemoFolder(streamed, options, batch);
    const whole = join(root, `whole-${count}`);
    const scenario = demoScenario(options);
    writeScenarioFolder(scenario, whole);
    expect(contents(streamed)).toEqual(contents(whole));
    expect(written.people).toBe(scenario.org.people.length);
    expect(written.tickets).toBe(scenario.data!.tickets!.length);
    expect(folderBytes(streamed)).toBe(folderBytes(whole));
  });

  it('refuses a folder that is not empty', async () => {
    const dir = join(root, `streamed-${++count}`);
    await writeDemoFolder(dir, { people: 2 });
    await expect(writeDemoFolder(dir, { people: 2 })).rejects.toThrow('exists and is not an empty folder');
  });
});
