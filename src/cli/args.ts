/**
 * The command line as the executable reads it before anything else (`bin.ts`): the options every
 * command takes, which arguments of each command are scenarios, and `--workers` taken out. Light
 * on purpose — it imports nothing of the library — so that the process that sizes Node's heap for
 * a large input (`heap.ts`) and then only waits for the sized one stays small.
 */
import { parseArgs } from 'node:util';

/** The options of every command (`node:util` `parseArgs`; each command checks its own in main.ts). */
export const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  locale: { type: 'string' },
  people: { type: 'string' },
  scenario: { type: 'boolean' },
  compare: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** For each command that reads scenarios: how many positional arguments it takes, and which are scenarios. */
export const SCENARIO_ARGUMENTS: Readonly<
  Record<string, { readonly count: number; readonly scenarios: readonly number[] }>
> = {
  run: { count: 1, scenarios: [0] },
  explain: { count: 2, scenarios: [0] },
  compare: { count: 2, scenarios: [0, 1] },
  correct: { count: 2, scenarios: [0, 1] },
  report: { count: 1, scenarios: [0] },
  export: { count: 2, scenarios: [0] },
};

/** `argv` without `--workers` and the count after it (`given`; `undefined` for a bare `--workers`). */
export function withoutWorkers(argv: readonly string[]): { given: string | undefined; rest: string[] } {
  const at = argv.indexOf('--workers');
  const next = argv[at + 1];
  const bare = next === undefined || next.startsWith('-');
  return { given: bare ? undefined : next, rest: [...argv.slice(0, at), ...argv.slice(at + (bare ? 1 : 2))] };
}

/** The command line parsed with {@link OPTIONS}: throws `node:util`'s error for an unknown option or a missing value. */
export function parseOptions(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
}

/**
 * The scenario files and folders a parsed command line names (`report --compare` too): none for
 * `--help` and `--version`, for a wrong number of arguments and for commands that read no scenario.
 */
export function scenariosOf({ values, positionals }: ReturnType<typeof parseOptions>): string[] {
  const [command, ...rest] = positionals;
  const reads = command === undefined ? undefined : SCENARIO_ARGUMENTS[command];
  if (values.version === true || values.help === true || reads === undefined || rest.length !== reads.count) return [];
  const compare = command === 'report' && values.compare !== undefined ? [values.compare] : [];
  return [...reads.scenarios.map((k) => rest[k]!), ...compare];
}

/**
 * The scenario files and folders a command line names ({@link scenariosOf}; `run --workers`
 * included), read without checking the options' values: none when the command line does not parse.
 */
export function namedScenarios(argv: readonly string[]): string[] {
  try {
    return scenariosOf(parseOptions(argv.includes('--workers') ? withoutWorkers(argv).rest : argv));
  } catch {
    return [];
  }
}
