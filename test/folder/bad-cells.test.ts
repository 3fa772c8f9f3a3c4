/**
 * Issue 18 point 2: every bad cell of a scenario folder is refused with its file, line, column and
 * the library's usual code — by the CLI (`synergy-pay run <folder>`, exit 2) and by the library
 * (`scenarioFolderLocation` of each issue).
 */
import { describe, expect, it } from 'vitest';
import { runPeriod } from '../../src/index.js';
import { readScenarioFolder, scenarioFolderLocation } from '../../src/folder/index.js';
import { cli } from '../cli/run.js';
import { refusalOf } from '../helpers.js';
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
