/**
 * A thin layer over tinybench: each suite is a list of tasks measured in one process, one after
 * the other, reported as medians and ratios to the suite's first task (its reference).
 */
import { Bench } from 'tinybench';

export interface BenchTask {
  readonly name: string;
  readonly run: () => unknown;
  /** Iterations for this task (default: the suite's). Slow references may take fewer. */
  readonly iterations?: number;
  /**
   * Collect garbage before each sample, outside the timed window (needs `node --expose-gc`, which
   * `npm run bench` passes): a task whose result is hundreds of megabytes otherwise pays, in its
   * next sample, for collecting the previous sample's result — a cost a single call never has.
   */
  readonly collectBefore?: boolean;
}

/** The median of one task, in milliseconds. */
export interface BenchFigure {
  readonly name: string;
  readonly medianMs: number;
  readonly samples: number;
}

/**
 * Measures each task (`iterations` samples after one warm-up call), prints a table of medians
 * and ratios to the first task, and returns the figures.
 */
export async function benchSuite(title: string, tasks: readonly BenchTask[], iterations = 5): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const task of tasks) {
    const bench = new Bench({
      iterations: task.iterations ?? iterations,
      time: 0,
      warmup: true,
      warmupIterations: 1,
      warmupTime: 0,
    });
    const collect = (globalThis as { gc?: () => void }).gc;
    if (task.collectBefore === true && collect === undefined)
      console.warn(`${task.name}: no collection between samples; run with node --expose-gc (npm run bench does)`);
    bench.add(task.name, task.run, {
      async: false,
      ...(task.collectBefore === true ? { beforeEach: () => collect?.() } : {}),
    });
    await bench.run();
    const result = bench.tasks[0]?.result as
      { latency?: { p50?: number; samplesCount?: number }; error?: Error } | undefined;
    if (result?.error !== undefined) throw result.error;
    figures.push({
      name: task.name,
      medianMs: result?.latency?.p50 ?? Number.NaN,
      samples: result?.latency?.samplesCount ?? 0,
    });
  }
  const reference = figures[0]?.medianMs ?? Number.NaN;
  console.log(`\n## ${title}`);
  console.log('| task | median | × first | samples |');
  console.log('|---|---:|---:|---:|');
  for (const figure of figures) {
    console.log(
      `| ${figure.name} | ${formatMs(figure.medianMs)} | ${(figure.medianMs / reference).toFixed(2)} | ${figure.samples} |`,
    );
  }
  return figures;
}

/** `12.3 ms`, `1.84 s`, `65 µs`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

/** A small deterministic PRNG (mulberry32) so every run measures the same data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
