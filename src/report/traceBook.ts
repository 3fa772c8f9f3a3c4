/**
 * The steps of the statement lines, written once. In a large company most lines share their steps
 * with others (everyone of a grade employed the whole period has the same base-pay step, everyone
 * of a department the same coefficient steps): a trace that several lines share is written once,
 * as a page of its own (`#steps-<n>`) that those lines link to; a trace of one line only is written
 * inside it. This keeps the 5,000-person report within its size budget.
 */
import type { TraceStep } from '../core/trace.js';
import type { PayStatement } from '../period/types.js';
import type { ReportLabels } from './labels.js';
import { escapeHtml } from './html.js';

/** The shared traces of a set of statements and how to write each line's. */
export interface TraceBook {
  /** The id of the shared page of these steps, or `undefined` when this trace is one line's own. */
  readonly sharedId: (trace: readonly TraceStep[]) => string | undefined;
  /** A line's own steps as a list: rule, inputs and result (the formulas are on the formulas page). */
  readonly steps: (trace: readonly TraceStep[]) => string;
  /** The pages of the shared traces, and the page of the formulas (`#formulas`). */
  readonly pages: () => string;
}

/** One step as a list item: rule, formula (unless `short`), inputs and result. */
function stepItem(step: TraceStep, short: boolean): string {
  const inputs = Object.entries(step.inputs)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const formula = short ? '' : `: ${escapeHtml(step.formula)}`;
  return `<li>${short ? escapeHtml(step.rule) : `<code>${escapeHtml(step.rule)}</code>`}${formula}${inputs === '' ? '' : ` (${escapeHtml(inputs)})`} → ${escapeHtml(step.result)}</li>`;
}

/** Lines that must share a step before it gets a page of its own. */
const STEP_SHARED = 8;

/** A trace or a step, counted over every line, numbered when more than one line has it. */
interface Counted<T> {
  count: number;
  readonly item: T;
  id: number;
}

function count<T>(seen: Map<string, Counted<T>>, key: string, item: T): void {
  const entry = seen.get(key);
  if (entry === undefined) seen.set(key, { count: 1, item, id: 0 });
  else entry.count += 1;
}

function number<T>(seen: Map<string, Counted<T>>, least: number): Counted<T>[] {
  const shared = [...seen.values()].filter((entry) => entry.count >= least);
  for (const [i, entry] of shared.entries()) entry.id = i + 1;
  return shared;
}

/**
 * Counts every line's trace of `statements` and every step of them, and numbers the traces and
 * the steps that more than one line has. A line's own trace lists its steps, linking those
 * written elsewhere (`#step-<n>`) when that is shorter.
 */
export function traceBook(statements: readonly PayStatement[], labels: ReportLabels): TraceBook {
  const traces = new Map<string, Counted<readonly TraceStep[]>>();
  const steps = new Map<string, Counted<TraceStep>>();
  const formulas = new Map<string, Set<string>>();
  for (const statement of statements)
    for (const line of statement.lines) {
      if (line.trace.length === 0) continue;
      count(traces, JSON.stringify(line.trace), line.trace);
      for (const step of line.trace) {
        count(steps, JSON.stringify(step), step);
        const known = formulas.get(step.rule);
        if (known === undefined) formulas.set(step.rule, new Set([step.formula]));
        else known.add(step.formula);
      }
    }
  const sharedTraces = number(traces, 2);
  // A step page pays for itself only when several lines link to it.
  const sharedSteps = number(steps, STEP_SHARED);
  const own = (step: TraceStep) => {
    const item = stepItem(step, true);
    const id = steps.get(JSON.stringify(step))?.id ?? 0;
    const link = `<li><a href="#step-${id}">${escapeHtml(step.rule)}</a> → ${escapeHtml(step.result)}</li>`;
    return id > 0 && link.length < item.length ? link : item;
  };
  const back = `<p><a href="#statements">← ${escapeHtml(labels.back)}</a></p>`;
  const list = (trace: readonly TraceStep[], short: boolean) =>
    `<ol class="steps">${trace.map((step) => (short ? own(step) : stepItem(step, false))).join('')}</ol>`;
  const page = (id: string, title: string, body: string) =>
    `<section class="steps-page" id="${id}">${back}<h2>${escapeHtml(title)}</h2>${body}</section>`;
  return {
    sharedId: (trace) => {
      const id = trace.length === 0 ? 0 : (traces.get(JSON.stringify(trace))?.id ?? 0);
      return id === 0 ? undefined : `steps-${id}`;
    },
    steps: (trace) => (trace.length === 0 ? '' : list(trace, true)),
    pages: () =>
      [
        ...sharedTraces.map((e) => page(`steps-${e.id}`, `${labels.trace} #${e.id}`, list(e.item, false))),
        ...sharedSteps.map((e) => page(`step-${e.id}`, `${labels.rule} ${e.item.rule}`, list([e.item], false))),
        page('formulas', labels.formula, formulaTable(formulas, labels)),
      ].join('\n'),
  };
}

/** Every rule's formula(s), by rule. */
function formulaTable(formulas: ReadonlyMap<string, ReadonlySet<string>>, labels: ReportLabels): string {
  const rows = [...formulas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([rule, texts]) =>
        `<tr><th scope="row"><code>${escapeHtml(rule)}</code></th><td>${[...texts].map(escapeHtml).join('<br>')}</td></tr>`,
    );
  return `<table><caption>${escapeHtml(labels.formula)}</caption><thead><tr><th scope="col">${escapeHtml(labels.rule)}</th><th scope="col">${escapeHtml(labels.formula)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
