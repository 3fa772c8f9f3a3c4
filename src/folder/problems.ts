/**
 * The problems found while reading a scenario folder, gathered and thrown together (with where
 * each part of the folder came from, for {@link scenarioFolderLocation}).
 */
import { SynergyPayError, type Issue, type IssuePath } from '../index.js';
import { rememberLocations, type FolderLayout } from './locations.js';

/** At most this many issues are kept: a file with a broken column would otherwise list a million. */
const MAX_ISSUES = 200;

/** The issues found while reading, in the order they were found. */
export class Problems {
  readonly issues: Issue[] = [];

  add(path: IssuePath, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code: 'INVALID_INPUT', path, message });
  }

  /** How many issues there are now: {@link rollBack} to it forgets those found since. */
  mark(): number {
    return this.issues.length;
  }

  /**
   * Forgets the issues found since `mark`: a file refused as a whole (a CSV syntax error) is that
   * one problem, not its rows' problems found before it — read whole, its rows are never reached.
   */
  rollBack(mark: number): void {
    this.issues.length = mark;
  }
}

/** The issues as one error, which {@link scenarioFolderLocation} locates in the folder's files. */
export function folderError(problems: Problems, layout: FolderLayout): SynergyPayError {
  const error = new SynergyPayError(problems.issues);
  rememberLocations(error, layout);
  return error;
}
