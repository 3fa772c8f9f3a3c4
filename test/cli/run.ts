import { writeTextAtomically, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readInputFile } from '../../src/folder/index.js';

/** The CLI's I/O with files on disk and stdout and stderr captured (`captured()` reads them). */
export function capturedIo(progress = false): { io: CliIo; captured: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progress,
    readBytes: readInputFile,
    writeTextAtomically,
  };
  return { io, captured: () => ({ out, err }) };
}

/** Runs the CLI in this process with `argv`, files on disk and the output captured: its exit code, stdout and stderr. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  const { io, captured } = capturedIo();
  const code = main(argv, io);
  return { code, ...captured() };
}
