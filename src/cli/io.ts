/**
 * The CLI's contact with the outside world, passed in so the commands can be tested without a
 * process: output streams, whether stderr is a terminal, and file access; and the reading and
 * writing of files the commands share.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { SynergyPayError, type RunPeriodInput } from '../index.js';
import {
  fileKind,
  MAX_INPUT_BYTES,
  parseJsonBytes,
  readInputFile,
  readScenarioFolder,
  scenarioFolderLocation,
  scenarioFolderLocator,
} from '../folder/index.js';
import { heapMegabytes, heapNeed, inputSize, type InputSize } from './heap.js';
import { describeProblems, InputProblem, ioError, jsonPath } from './problems.js';

export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal (progress is shown only then). */
  readonly progress: boolean;
  /** Reads an input file's bytes (a regular file only, up to a size limit: `readInputFile`). */
  readonly readBytes: (path: string) => Uint8Array;
  /** Writes a file, from text chunks, completely or not at all. */
  readonly writeTextAtomically: (path: string, chunks: Iterable<string | Uint8Array>) => void;
  /**
   * A scenario folder read ahead (the executable reads a command's folders as streams first:
   * `mainAsync`), or `undefined`: then it is read when the command comes to it, whole. Throws
   * what reading the folder threw.
   */
  readonly folderReadAhead?: (dir: string) => RunPeriodInput | undefined;
}

/** The file a path names after following its symbolic links (the path itself when it is not a link). */
function followLinks(path: string): string {
  let target = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const stats = lstatSync(target, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isSymbolicLink()) return target;
    target = resolve(dirname(target), readlinkSync(target));
  }
  throw new InputProblem(`synergy-pay: cannot write ${path}: too many levels of symbolic links`);
}

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader (or a
 * crash) never sees half a file, and on error nothing is left behind. Only a regular file is
 * replaced (keeping its permissions): a directory, a FIFO or a device at `path` is refused, never
 * replaced. A symbolic link is written through: its target is replaced, the link kept.
 */
export function writeTextAtomically(path: string, chunks: Iterable<string | Uint8Array>): void {
  const file = temporaryBeside(path);
  try {
    // Chunks, not one string: a 100,000-person result is larger than V8's longest string.
    for (const chunk of chunks) {
      if (typeof chunk === 'string') writeSync(file.fd, chunk);
      else writeSync(file.fd, chunk);
    }
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}

/**
 * {@link writeTextAtomically} for a file written by `fill` through its descriptor (positional
 * writes, from several worker threads of this process; `synergy-pay run --workers`).
 */
export async function writeFileAtomically(path: string, fill: (fd: number) => Promise<void>): Promise<void> {
  const file = temporaryBeside(path);
  try {
    await fill(file.fd);
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}

/** A new temporary file beside `path` (checked as {@link writeTextAtomically} says): renamed over it, or removed. */
function temporaryBeside(path: string): { fd: number; commit: () => void; abandon: () => void } {
  const target = followLinks(path);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isFile())
    throw new InputProblem(
      `synergy-pay: will not write ${path}: it is ${fileKind(existing)}, not a regular file (use --out - for standard output)`,
    );
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  let open = true;
  const abandon = () => {
    if (open) closeSync(fd);
    open = false;
    rmSync(temporary, { force: true });
  };
  try {
    if (existing !== undefined) fchmodSync(fd, existing.mode & 0o7777);
  } catch (error) {
    abandon();
    throw error;
  }
  const commit = () => {
    try {
      closeSync(fd);
      open = false;
      renameSync(temporary, target);
    } catch (error) {
      abandon();
      throw error;
    }
  };
  return { fd, commit, abandon };
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY,
    readBytes: readInputFile,
    writeTextAtomically,
  };
}

/** Writes a progress line to stderr when it is a terminal. */
export function progress(io: CliIo, message: string): void {
  if (io.progress) io.err(`synergy-pay: ${message}\n`);
}

/**
 * A warning when an input is so large that a run of it would likely exhaust Node's heap (`limit`
 * bytes) — V8 then stops the process with a fatal error and no word of the CLI's — with the
 * option that gives Node more; `undefined` when it fits.
 */
export function heapWarning(file: string, input: InputSize, limit: number): string | undefined {
  const need = heapNeed([input]);
  if (need <= limit) return undefined;
  const suggested = heapMegabytes(need);
  return (
    `synergy-pay: warning: ${file} holds ${size(input.bytes)} of input; running it may take about ${size(need)} ` +
    `of heap, and Node's heap is limited to ${size(limit)} here. If it runs out of memory, give Node more: ` +
    `NODE_OPTIONS=--max-old-space-size=${suggested} (see docs/scale.md).\n`
  );
}

const GIB = 2 ** 30;

/** A size in MB, or in GB with one decimal from 1 GB. */
function size(bytes: number): string {
  return bytes < GIB ? `${Math.ceil(bytes / 2 ** 20)} MB` : `${(bytes / GIB).toFixed(1)} GB`;
}

/** Warns on standard error (see {@link heapWarning}) before a large scenario file or folder is read. */
export function warnIfLarge(file: string, io: CliIo): void {
  const input = inputSize(file);
  // A file beyond what an input may have is refused before it is read: no warning for it.
  const warning =
    input === undefined || (input.kind === 'json' && input.bytes > MAX_INPUT_BYTES)
      ? undefined
      : heapWarning(file, input, getHeapStatistics().heap_size_limit);
  if (warning !== undefined) io.err(warning);
}

/**
 * Reads and parses a JSON file strictly (see `parseJsonBytes`: UTF-8 with or without a byte-order
 * mark, no duplicate keys); problems become {@link InputProblem}s naming the file, with the line
 * and column of a syntax error. `detailed` (run, explain) shows progress.
 */
export function readJson(file: string, io: CliIo, detailed: boolean): unknown {
  if (detailed) progress(io, `reading ${file}…`);
  warnIfLarge(file, io);
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch (error) {
    const reason = error instanceof SynergyPayError ? error.issues[0]!.message : ioError(error);
    throw new InputProblem(`synergy-pay: cannot read ${file}: ${reason}`);
  }
  try {
    return parseJsonBytes(bytes);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    const [issue] = error.issues;
    const duplicate = issue!.path.length > 0 ? ` at ${jsonPath(issue!.path)}` : '';
    throw new InputProblem(`synergy-pay: ${file} is not valid JSON: ${issue!.message}${duplicate}`);
  }
}

/** A scenario (or a result) read from a JSON file or a scenario folder, with where each part came from. */
export interface ScenarioInput {
  readonly value: unknown;
  /** A folder's file, line and column of an issue path (`commissions.csv line 14 column amount`). */
  readonly locate: ((path: readonly (string | number)[]) => string | undefined) | undefined;
}

/** Reads a scenario file, or a scenario folder (`readScenarioFolder`, or read ahead: `folderReadAhead`) when `file` is a directory. */
export function readScenario(file: string, io: CliIo, detailed: boolean): ScenarioInput {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory() !== true)
    return { value: readJson(file, io, detailed), locate: undefined };
  try {
    // A folder read ahead was announced when it was read.
    let value = io.folderReadAhead?.(file);
    if (value === undefined) {
      if (detailed) progress(io, `reading the folder ${file}…`);
      warnIfLarge(file, io);
      value = readScenarioFolder(file);
    }
    // The locator holds the rows' line numbers, not the scenario: a run lets go of the rows it has read.
    return { value, locate: scenarioFolderLocator(value) };
  } catch (error) {
    if (!(error instanceof SynergyPayError))
      throw new InputProblem(`synergy-pay: cannot read ${file}: ${ioError(error)}`);
    throw new InputProblem(describeProblems(file, error, (path) => scenarioFolderLocation(error, path)));
  }
}

/**
 * {@link readScenario} for a run that takes the scenario over: `take()` gives it (once) and keeps
 * no reference of its own, so that the run can let go of the rows it has read.
 */
export function readScenarioToTake(
  file: string,
  io: CliIo,
): { readonly take: () => RunPeriodInput; readonly locate: ScenarioInput['locate'] } {
  const read = readScenario(file, io, true);
  let value = read.value as RunPeriodInput | undefined;
  const take = () => {
    const scenario = value!;
    value = undefined;
    return scenario;
  };
  return { take, locate: read.locate };
}

/** Writes a file whole or not at all; `detailed` shows progress (run, demo, schema). */
export function writeOut(out: string, chunks: Iterable<string | Uint8Array>, io: CliIo, detailed: boolean): void {
  if (detailed) progress(io, `writing ${out}…`);
  try {
    io.writeTextAtomically(out, chunks);
  } catch (error) {
    // The chunks of a streamed run are computed while they are written: the run's own errors pass through.
    if (error instanceof InputProblem || error instanceof SynergyPayError) throw error;
    throw new InputProblem(`synergy-pay: cannot write ${out}: ${ioError(error)}`);
  }
}
