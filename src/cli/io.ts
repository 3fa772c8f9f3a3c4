/**
 * The CLI's contact with the outside world, passed in so the commands can be tested without a
 * process: output streams, whether stderr is a terminal, and file access; and the reading and
 * writing of files the commands share.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputProblem, ioError } from './problems.js';

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

/** Writes a progress line to stderr when it is a terminal. */
export function progress(io: CliIo, message: string): void {
  if (io.progress) io.err(`synergy-pay: ${message}\n`);
}

/**
 * Reads and parses a JSON file (a leading byte-order mark is skipped); problems become
 * {@link InputProblem}s naming the file. `detailed` (run, explain) shows progress and where in
 * the file a JSON error is; the what-if commands print neither.
 */
export function readJson(file: string, io: CliIo, detailed: boolean): unknown {
  if (detailed) progress(io, `reading ${file}…`);
  let text: string;
  try {
    text = io.readText(file);
  } catch (error) {
    throw new InputProblem(`synergy-pay: cannot read ${file}: ${ioError(error)}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    throw new InputProblem(
      `synergy-pay: ${file} is not valid JSON: ${detailed ? jsonErrorWhere(text, message) : message}`,
    );
  }
}

/** The JSON parser's message with a line and column added when it gives a position. */
function jsonErrorWhere(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (match === null) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Writes a file whole or not at all; `detailed` shows progress (run, demo, schema). */
export function writeOut(out: string, chunks: Iterable<string>, io: CliIo, detailed: boolean): void {
  if (detailed) progress(io, `writing ${out}…`);
  try {
    io.writeTextAtomically(out, chunks);
  } catch (error) {
    throw new InputProblem(`synergy-pay: cannot write ${out}: ${ioError(error)}`);
  }
}
