import { writeTextAtomically, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readInputFile } from '../../src/folder/index.js';

/** Runs the CLI in this process with `argv`, files on disk and the output captured: its exit code, stdout and stderr. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progress: false,
    readBytes: readInputFile,
    writeTextAtomically,
  };
  return { code: main(argv, io), out, err };
}
