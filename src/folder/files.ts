/**
 * Reading an input file safely: only a regular file (never a FIFO, a device such as
 * `/dev/urandom`, or a directory, which would block or read forever), and only up to
 * {@link MAX_INPUT_BYTES}.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SynergyPayError } from '../index.js';

/**
 * The largest input file read: 500 MiB, below the longest string V8 can hold (2^29 − 24
 * characters), so a file that passes can be decoded as one text. The 100,000-person demo scenario
 * is 455 MB as indented JSON.
 */
export const MAX_INPUT_BYTES = 500 * 1024 * 1024;

/**
 * What a file that is not a regular file is, in words — for a message that says why a path was
 * refused (the CLI's `--out` and input checks use it).
 *
 * @param stats - The file's `fs.Stats` (from `statSync` or `lstatSync`).
 * @returns `"a directory"`, `"a FIFO (named pipe)"`, `"a character device"`, `"a block device"`,
 *   `"a socket"`, else `"not a regular file"`.
 *
 * @example
 * ```ts
 * import { statSync } from 'node:fs';
 * import { fileKind } from 'synergy-pay/folder';
 * fileKind(statSync('/dev/null')); // "a character device"
 * ```
 */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file whole. Refuses (`INVALID_INPUT`) anything else — a directory, a FIFO, a
 * device — and a file larger than {@link MAX_INPUT_BYTES}; a missing or unreadable file throws
 * Node's error (`ENOENT`, `EACCES`).
 *
 * @param path - The file; a symbolic link is followed.
 * @returns The file's bytes.
 * @throws `SynergyPayError` `INVALID_INPUT` for a file that is not regular or too large.
 * @example
 * ```ts
 * import { readInputFile, parseJsonBytes } from 'synergy-pay/folder';
 * const scenario = parseJsonBytes(readInputFile('scenario.json'));
 * ```
 */
export function readInputFile(path: string): Uint8Array {
  const fd = openInputFile(path);
  try {
    const stats = fstatSync(fd);
    if (stats.size > MAX_INPUT_BYTES)
      refuse(`${path} is ${stats.size} bytes, more than the ${MAX_INPUT_BYTES} bytes (500 MiB) an input may have`);
    const bytes = new Uint8Array(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function refuse(message: string): never {
  throw new SynergyPayError([{ code: 'INVALID_INPUT', path: [], message }]);
}

/**
 * Opens a regular file for reading (of any size: the caller reads it whole or in chunks); refuses
 * anything else — a directory, a FIFO, a device — as {@link readInputFile} does. The caller closes it.
 */
export function openInputFile(path: string): number {
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) refuse(`${path} is ${fileKind(stats)}, not a regular file`);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** {@link openInputFile} for asynchronous reading: a file handle, which the caller closes. */
export async function openInputHandle(path: string): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) refuse(`${path} is ${fileKind(stats)}, not a regular file`);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
