/**
 * A streamed run given its scenario as a function (issue 20): the run holds no reference to the
 * scenario once parsed, runs the response-time mechanisms (the tickets' only readers) for every
 * segment first, and lets the tickets go before the other mechanisms run. Observed from inside
 * the run: the ratings mechanism (which runs after) is wrapped to count, after a full collection,
 * how many tickets are still alive.
 */
import { describe, expect, it, vi } from 'vitest';
import { demoScenario, runPeriod, runPeriodStream, type RunPeriodInput } from '../../src/index.js';
import { fullCollection } from '../helpers.js';

const probe = vi.hoisted(() => ({
  alive: [] as number[],
  refs: [] as WeakRef<object>[],
  gc: (): void => undefined,
}));

vi.mock('../../src/period/ratingsStage.js', async (original) => {
  const module = await original<typeof import('../../src/period/ratingsStage.js')>();
  return {
    ...module,
    ratingsStage: (...args: Parameters<typeof module.ratingsStage>) => {
      probe.gc();
      probe.alive.push(probe.refs.filter((ref) => ref.deref() !== undefined).length);
      return module.ratingsStage(...args);
    },
  };
});

probe.gc = fullCollection();

/** A scenario whose tickets are watched (weakly), made in a frame of its own. */
function watchedScenario(): RunPeriodInput {
  const scenario = demoScenario({ people: 60, seed: 3 });
  probe.refs = scenario.data!.tickets!.map((ticket) => new WeakRef(ticket));
  expect(probe.refs.length).toBeGreaterThan(0);
  return scenario;
}

describe('a streamed run given its scenario as a function', () => {
  it('lets the tickets go before the ratings are scored; the result is runPeriod’s', async () => {
    let scenario: RunPeriodInput | undefined = watchedScenario();
    // A WeakRef keeps its target to the end of the job that made it: the run starts in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    probe.alive = [];
    const stream = runPeriodStream(() => {
      const given = scenario!;
      scenario = undefined;
      return given;
    });
    expect(probe.alive.length).toBeGreaterThan(0);
    expect(
      probe.alive.every((alive) => alive === 0),
      `tickets alive: ${probe.alive.join(', ')}`,
    ).toBe(true);
    const { statements, ...summary } = runPeriod(demoScenario({ people: 60, seed: 3 }));
    expect(JSON.stringify([...stream.statements]) === JSON.stringify(statements), 'the statements differ').toBe(true);
    expect(JSON.stringify(stream.summary()) === JSON.stringify(summary), 'the summaries differ').toBe(true);
  });

  it('a scenario the caller still holds keeps its tickets (what the function form avoids)', async () => {
    const scenario = watchedScenario();
    await new Promise((resolve) => setTimeout(resolve, 0));
    probe.alive = [];
    runPeriodStream(scenario);
    expect(probe.alive.length).toBeGreaterThan(0);
    expect(probe.alive.every((alive) => alive === probe.refs.length)).toBe(true);
  });

  it('calls the function once', () => {
    const make = vi.fn(() => demoScenario({ people: 20, seed: 1 }));
    const stream = runPeriodStream(make);
    expect([...stream.statements]).toHaveLength(20);
    expect(make).toHaveBeenCalledTimes(1);
  });
});
