/**
 * Node's heap sized for a large input (issue 20; docs/scale.md, "How much heap"). V8 fixes its
 * heap's sizes when Node starts: a running process cannot change them. So the executable looks at
 * the inputs a command names before it reads any, and when they are large enough to need more
 * than Node's defaults give — and the operator has not chosen the sizes — it runs the command in
 * a Node process of its own, started with the sizes the inputs need, its standard streams the
 * same, its exit code passed on. `SYNERGY_PAY_HEAP=keep` turns this off.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

/**
 * The heap a run takes per byte of its input, measured (docs/scale.md, "How much heap"): the
 * 1,000,000-person CSV folder (782 MiB) runs in one piece with Node's heap limited to 3,300 MB
 * (in 183 s; in 153 s with 4,000 MB); the 100,000-person folder (76 MiB) with 300 MB, not 280;
 * the 100,000-person JSON file (125 MiB) with 500 MB, not 450 (the text is held while it is
 * parsed). With some room: near the limit a run collects garbage all along.
 */
export const HEAP_PER_INPUT_BYTE = { folder: 4.5, json: 4.5 } as const;

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** A scenario input by its size: a JSON file or a folder (of CSV files). */
export interface InputSize {
  readonly bytes: number;
  readonly kind: keyof typeof HEAP_PER_INPUT_BYTE;
}

/** The heap a run of these inputs is estimated to take, in bytes ({@link HEAP_PER_INPUT_BYTE}). */
export function heapNeed(inputs: readonly InputSize[]): number {
  let need = 0;
  for (const input of inputs) need += input.bytes * HEAP_PER_INPUT_BYTE[input.kind];
  return need;
}

/** A heap limit for `--max-old-space-size`, in MB, that holds `need` bytes: rounded up to a whole GB. */
export function heapMegabytes(need: number): number {
  return Math.ceil(need / GIB) * 1024;
}

/** The bytes of a JSON file, or of a folder's files (not its subfolders'); `undefined` when there is nothing to read. */
export function inputSize(file: string): InputSize | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isDirectory()) return { bytes: stat.size, kind: 'json' };
    let bytes = 0;
    for (const entry of readdirSync(file, { withFileTypes: true }))
      if (entry.isFile()) bytes += statSync(join(file, entry.name)).size;
    return { bytes, kind: 'folder' };
  } catch {
    return undefined;
  }
}

/** The environment variable that turns the sizing off (`keep`), and that marks a process started sized. */
export const HEAP_ENV = 'SYNERGY_PAY_HEAP';

/**
 * From this much input on, a run gets a larger young generation (`--max-semi-space-size=64`: 64 MB
 * semi-spaces, V8's default 16 MB): it allocates a statement's lines, traces and JSON as it goes,
 * and with the default a scavenge runs every few milliseconds, each costing more the larger the old
 * generation — at 1,000,000 people 5,390 scavenges took 46.8 s, with 64 MB 1,401 took 18.8 s
 * (docs/scale.md, "Where the time goes"). At 300,000 people (a 231 MiB folder) the run takes
 * 47–48 s instead of 53–58 s; at 100,000 (76 MiB) the gain is within the noise (8 % one day, none
 * the next), so a smaller input starts no second process.
 */
export const LARGE_INPUT_BYTES = 128 * 2 ** 20;

/** The young generation's semi-space, in MB, for a large input. */
export const SEMI_SPACE_MB = 64;

/** At most this share of the machine's (or the container's) memory is asked for the heap. */
export const MEMORY_SHARE = 0.75;

/** What the sizing decides from: the inputs, the Node options already given, the limits. */
export interface HeapSituation {
  /** The inputs the command names, each a JSON file or a folder, by their bytes. */
  readonly inputs: readonly InputSize[];
  /** The Node options this process was started with: its `execArgv`, then `NODE_OPTIONS`' words. */
  readonly nodeOptions: readonly string[];
  /** `SYNERGY_PAY_HEAP`: `keep` (never resize) or `sized` (this process was started sized). */
  readonly setting: string | undefined;
  /** Node's heap limit in this process, in bytes. */
  readonly heapLimit: number;
  /** The memory this process may use, in bytes (the machine's, or its container's). */
  readonly memory: number;
}

/**
 * The Node options a command's process should be started with for its inputs (see the module's
 * comment); none when Node's defaults will do, when the operator gave the option (in the command
 * line or `NODE_OPTIONS`: theirs stands), or when `SYNERGY_PAY_HEAP` says not to.
 *
 * - a young generation of {@link SEMI_SPACE_MB} MB a semi-space from {@link LARGE_INPUT_BYTES} of input;
 * - a heap limit of the measured need ({@link HEAP_PER_INPUT_BYTE} of the inputs, rounded up to a
 *   GB) when it is above Node's, at most {@link MEMORY_SHARE} of the memory.
 */
export function heapOptions(situation: HeapSituation): string[] {
  if (situation.setting === 'keep' || situation.setting === 'sized') return [];
  const given = (name: string) =>
    situation.nodeOptions.some((option) => option.replaceAll('_', '-').startsWith(`--${name}`));
  const bytes = situation.inputs.reduce((sum, input) => sum + input.bytes, 0);
  const need = heapNeed(situation.inputs);
  const options: string[] = [];
  if (bytes >= LARGE_INPUT_BYTES && !given('max-semi-space-size'))
    options.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  if (need > situation.heapLimit && !given('max-old-space-size')) {
    const megabytes = Math.min(heapMegabytes(need), Math.floor((situation.memory * MEMORY_SHARE) / MIB));
    if (megabytes * MIB > situation.heapLimit) options.push(`--max-old-space-size=${megabytes}`);
  }
  return options;
}

/** The signals passed on to the sized process (a terminal's Ctrl-C reaches both; a `kill` of this one, only this one). */
const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `script` with `args` in a new Node process started with this one's options and `options`
 * (`SYNERGY_PAY_HEAP=sized` in its environment, so that it does not size itself again), its
 * standard streams this process's; resolves to its exit code (128 + the signal's number when a
 * signal ended it). The signals this process receives are passed on to it.
 */
export function runSized(options: readonly string[], script: string, args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...options, script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [HEAP_ENV]: 'sized' },
  });
  const passOn = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  for (const signal of PASSED_ON) process.on(signal, passOn);
  return new Promise((resolve, reject) => {
    const done = () => {
      for (const signal of PASSED_ON) process.off(signal, passOn);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}

/** The words of `NODE_OPTIONS` (split at spaces; Node also reads quoted words, which no heap option needs). */
export function nodeOptionWords(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word !== '');
}
