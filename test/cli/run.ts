import { readFileSync } from 'node:fs';
import { writeTextAtomically, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in this process with `argv`, files on disk and the output captured: its exit code, stdout and stderr. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progress: false,
    readText: (path) => readFileSync(path, 'utf8'),
    writeTextAtomically,
  };
  return { code: main(argv, io), out, err };
}
