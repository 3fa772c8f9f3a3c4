/**
 * `examples/scenarios/seed-001.json` (issue 19): seed 001's broadcast network in one quarter —
 * the back-office and front-line cards, per-person support scores from assigned tickets (the
 * support card), commissions computed from sales with the base modifier, and the 5G plan change
 * (pool 10 % → 15 % on 1 May, prorated) — run by `synergy-pay run` with every check holding, and
 * its key figures derived by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput } from '../../src/index.js';
import { cli } from '../cli/run.js';

const FILE = 'examples/scenarios/seed-001.json';
const result = runPeriod(JSON.parse(readFileSync(FILE, 'utf8')) as RunPeriodInput);
const department = (id: string) => result.departments.find((d) => d.id === id)!;

describe('examples/scenarios/seed-001.json', () => {
  it('runs from the CLI with every check holding', () => {
    const { code, out } = cli('run', FILE);
    expect(code).toBe(0);
    const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(out) ?? [];
    expect(holding).toBe(all);
    expect(result.exclusions).toEqual([]);
  });

  it('tech on the back-office card: 0.4·88 + 0.3·85 (its response score) + 0.3·95 (1.9 M of 2 M) = 89.2', () => {
    expect(department('tech').scorecard).toMatchObject({ score: '89.2', coefficient: '0.892' });
  });

  it('cs on the front-line card: 0.5·86 + 0.2·85 (support received from tech) + 0.3·70 = 81', () => {
    expect(department('cs').scorecard).toMatchObject({ score: '81', coefficient: '0.81' });
  });

  it('April’s commissions from sales: cs-li 120,000 × 1.16 × 5 % = 6,960.00, sa-chen 80,000 × 1.08 × 5 % = 4,320.00', () => {
    expect(result.pools.map((pool) => [pool.version, pool.rate, pool.gross, pool.pool])).toEqual([
      ['base-2026', '0.10', '11280.00', '1128.00'],
      ['5g-push', '0.15', '37560.00', '5634.00'],
    ]);
  });

  it('every back-office award weighs the person’s own support card', () => {
    const awards = result.statements.flatMap((s) => s.lines.filter((l) => l.kind === 'poolAward'));
    expect(awards.length).toBe(6);
    expect(new Set(awards.map((l) => l.score!.source))).toEqual(new Set(['supportCard']));
  });
});
