/**
 * Issue 18 point 2: every bad cell of a scenario folder is refused with its file, line, column and
 * the library's usual code — by the CLI (`synergy-pay run <folder>`, exit 2) and by the library
 * (`scenarioFolderLocation` of each issue).
 */
import { describe, expect, it } from 'vitest';
import { runPeriod } from '../../src/index.js';
import { readScenarioFolder, scenarioFolderLocation, scenarioFolderLocator } from '../../src/folder/index.js';
import { cli } from '../cli/run.js';
import { collectionWatch, refusalOf } from '../helpers.js';
import { cases, demoFolder, fileCases, setCell } from './badFolders.js';

describe('a scenario folder with a bad cell', () => {
  it.each(cases)('refuses $name with file, line, column and code (exit 2)', ({ change, expected }) => {
    const dir = demoFolder();
    change(dir);
    const { code, out, err } = cli('run', dir);
    expect(code, out).toBe(2);
    expect(err).toContain(`has 1 problem`);
    expect(err).toContain(`\n  ${expected}`);
  });

  it('has more than twenty cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('locates the issues runPeriod reports through scenarioFolderLocation', () => {
    const dir = demoFolder();
    setCell(dir, 'commissions.csv', 12, 'amount', '1.2.3');
    const scenario = readScenarioFolder(dir);
    const error = refusalOf(() => runPeriod(scenario));
    const [issue] = error.issues;
    expect(issue!.path).toEqual(['data', 'commissions', 12, 'amount']);
    expect(scenarioFolderLocation(scenario, issue!.path)).toBe('commissions.csv line 14 column amount');
    expect(scenarioFolderLocation({}, issue!.path)).toBeUndefined();
  });

  it('locates them through scenarioFolderLocator as well, which does not hold the scenario', async () => {
    const dir = demoFolder();
    setCell(dir, 'commissions.csv', 12, 'amount', '1.2.3');
    const paths = [
      ['data', 'commissions', 12, 'amount'],
      ['data', 'tickets', 3, 'pauses', 0, 'end'],
      ['org', 'people', 0],
      ['plan', 'versions', 1, 'effective'],
      ['data', 'commissions'],
      [],
    ];
    const watch = collectionWatch();
    // The scenario is read, compared and watched inside this function: only the locator is left.
    const locate = (() => {
      const scenario = readScenarioFolder(dir);
      const locator = scenarioFolderLocator(scenario);
      for (const path of paths) expect(locator(path)).toBe(scenarioFolderLocation(scenario, path));
      watch.watch(scenario);
      return locator;
    })();
    expect(locate(paths[0]!)).toBe('commissions.csv line 14 column amount');
    expect(scenarioFolderLocator({})(paths[0]!)).toBeUndefined();
    // The scenario can be collected, and the locator still answers.
    await watch.expectCollected();
    expect(locate(paths[0]!)).toBe('commissions.csv line 14 column amount');
  });
});

describe('a scenario folder with a bad file', () => {
  it.each(fileCases)('refuses $name, naming the file (exit 2)', ({ change, expected }) => {
    const dir = demoFolder();
    change(dir);
    const { code, out, err } = cli('run', dir);
    expect(code, out).toBe(2);
    expect(err).toContain(`\n  ${expected}`);
  });

  it('locates a read error through scenarioFolderLocation of the error', () => {
    const dir = demoFolder();
    setCell(dir, 'tickets.csv', 4, 'pauses', '[');
    const error = refusalOf(() => readScenarioFolder(dir));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_INPUT', ['data', 'tickets', 4, 'pauses']],
    ]);
    expect(scenarioFolderLocation(error, error.issues[0]!.path)).toBe('tickets.csv line 6 column pauses');
  });
});
