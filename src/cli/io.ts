/**
 * The CLI's contact with the outside world, passed in so the commands can be tested without a
 * process: output streams, whether stderr is a terminal, and file access.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
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
  /** Writes a file, from text chunks, completely or not at all. */
  readonly writeTextAtomically: (path: string, chunks: Iterable<string>) => void;
}

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader (or a
 * crash) never sees half a file, and on error nothing is left behind.
 */
export function writeTextAtomically(path: string, chunks: Iterable<string>): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    // Chunks, not one string: a 100,000-person result is larger than V8's longest string.
    for (const chunk of chunks) writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY,
    readText: (path) => readFileSync(path, 'utf8'),
    writeTextAtomically,
  };
}
