import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { loadCorpus } from './load.js';

const corpus = loadCorpus();
const callable = api as unknown as Record<string, unknown>;

describe('bad-input corpus: every malformed input gives its documented code and path', () => {
  it.each(corpus.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const target = callable[entry.target];
    expect(typeof target, `unknown target ${entry.target}`).toBe('function');
    let caught: unknown;
    try {
      (target as (input: unknown) => unknown)(entry.input);
    } catch (error) {
      caught = error;
    }
    expect(caught, entry.description).toBeInstanceOf(api.SynergyPayError);
    const error = caught as api.SynergyPayError;
    const match = error.issues.some(
      (issue) =>
        issue.code === entry.expect.code &&
        (entry.expect.path === undefined || JSON.stringify(issue.path) === JSON.stringify(entry.expect.path)),
    );
    expect(match, `${entry.description}: got ${JSON.stringify(error.issues).slice(0, 500)}`).toBe(true);
    expect(error.message).not.toMatch(/NaN|undefined is not|Cannot read/);
  });

  it('covers every code in the error catalogue', () => {
    const covered = new Set(corpus.map((entry) => entry.expect.code));
    // Codes no input can produce by design, each with the reason. Keep this list short: a new
    // entry needs the same argument.
    // (RECONCILIATION_FAILED was listed here until scenarios could declare control totals: the
    // runPeriod-controls-* cases now produce it from input, like every other code.)
    const unreachable: Record<string, string> = {};
    const uncovered = Object.keys(api.errorCatalogue).filter((code) => !covered.has(code) && !(code in unreachable));
    expect(uncovered, 'codes no corpus file expects').toEqual([]);
    for (const code of Object.keys(unreachable))
      expect(api.errorCatalogue, `${code} left the catalogue: drop it from the unreachable list`).toHaveProperty(code);
    // And no case expects a code the catalogue does not know.
    expect(corpus.filter((entry) => !(entry.expect.code in api.errorCatalogue)).map((entry) => entry.file)).toEqual([]);
  });

  it('holds at least 100 malformed inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });
});
