/**
 * The CLI's contact with the outside world, passed in so the commands can be tested without a
 * process: output streams, whether stderr is a terminal, and file access.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal (progress is shown only then). */
  readonly progress: boolean;
  /** Reads a UTF-8 text file. */
  readonly readText: (path: string) => string;
  /** Writes a file completely or not at all. */
  readonly writeTextAtomically: (path: string, text: string) => void;
}

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader (or a
 * crash) never sees half a file, and on error nothing is left behind.
 */
export function writeTextAtomically(path: string, text: string): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY === true,
    readText: (path) => readFileSync(path, 'utf8'),
    writeTextAtomically,
  };
}
