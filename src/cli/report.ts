/**
 * The `report` command: `report <scenario.json> [--compare <proposed.json>] [--out FILE]
 * [--locale TAG]` writes one self-contained HTML file — a period's dashboard, or with `--compare`
 * a what-if between two runs. Each file is a scenario (run first) or a result (`run --out`). The
 * renderer is the `synergy-pay/report` entry, which draws its charts with the optional packages
 * d3-scale and d3-shape: it is loaded (asynchronously, by the executable, before the command runs)
 * only for this command, so every other command works without them.
 */
import { runPeriod, type RunPeriodInput, type RunPeriodResult } from '../index.js';
import type * as ReportEntry from '../report/index.js';
import { progress, readJson, writeOut, type CliIo } from './io.js';
import { InputProblem, library } from './problems.js';

/** What `npm install` adds for reports. */
export const REPORT_PACKAGES = 'd3-scale@^4.0.2 d3-shape@^3.2.0';

let renderer: typeof ReportEntry | Error | undefined;

/**
 * Loads the report renderer (`import('../report/index.js')`, or `load` in tests); a failure is
 * kept and reported when the command runs.
 */
export async function loadReportRenderer(
  load: () => Promise<typeof ReportEntry> = () => import('../report/index.js'),
): Promise<void> {
  try {
    renderer = await load();
  } catch (error) {
    renderer = error instanceof Error ? error : new Error(String(error));
  }
}

/** The renderer, or the reason there is none: a missing d3 package is bad set-up (exit 2), anything else a bug. */
function loadedRenderer(): typeof ReportEntry {
  if (renderer === undefined) throw new Error('synergy-pay report: the renderer was not loaded (loadReportRenderer)');
  if (!(renderer instanceof Error)) return renderer;
  const code = (renderer as NodeJS.ErrnoException).code;
  if (code === 'ERR_MODULE_NOT_FOUND' && /d3-|internmap/.test(renderer.message))
    throw new InputProblem(
      `synergy-pay report: the HTML reports draw their charts with d3-scale and d3-shape, optional packages that are not installed.\n` +
        `Install them beside synergy-pay:\n\n  npm install ${REPORT_PACKAGES}\n\n(${renderer.message.split('\n')[0]})`,
    );
  throw renderer;
}

/** How the report is written: `--out` (else stdout), `--locale`, and `--compare <proposed>`. */
export interface ReportCommandOptions {
  readonly out: string | undefined;
  readonly locale: string;
  readonly compare: string | undefined;
}

/** A result file as it is, or a scenario file run (its problems reported for its file). */
function resultOf(file: string, io: CliIo): RunPeriodResult {
  const value = readJson(file, io, true);
  const isResult =
    value !== null && typeof value === 'object' && Array.isArray((value as Record<string, unknown>)['statements']);
  if (isResult) return value as RunPeriodResult;
  progress(io, `validating and running ${file}…`);
  return library(file, () => runPeriod(value as RunPeriodInput));
}

/** The `report` command. */
export function reportCommand(files: readonly string[], options: ReportCommandOptions, io: CliIo): number {
  if (files.length !== 1)
    throw new InputProblem(
      'synergy-pay report: expected <scenario.json> (a scenario or a result; --compare <proposed.json> for a what-if)',
    );
  const { renderReport, renderWhatIfReport } = loadedRenderer();
  const file = files[0]!;
  const base = resultOf(file, io);
  const locale = { locale: options.locale };
  let html: string;
  if (options.compare === undefined) html = library(file, () => renderReport(base, locale));
  else {
    const proposed = resultOf(options.compare, io);
    html = library(`${file} and ${options.compare}`, () => renderWhatIfReport({ base, proposed }, locale));
  }
  if (options.out === undefined) io.out(html);
  else {
    writeOut(options.out, [html], io, true);
    io.out(`Wrote the ${options.compare === undefined ? 'report' : 'what-if report'} (HTML) to ${options.out}\n`);
  }
  return 0;
}
