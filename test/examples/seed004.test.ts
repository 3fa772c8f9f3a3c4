/**
 * `examples/scenarios/seed-004.json` (issue 19): seed 004's R&D people of two levels (senior 4
 * weeks / 1.2 %, junior 6 weeks / 3 %) scored against their elastic targets, one relaxed by three
 * months of low bug rates — run by `synergy-pay run` with every check holding, and `explain`
 * showing the target, the measure and the rule.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const FILE = 'examples/scenarios/seed-004.json';

describe('examples/scenarios/seed-004.json', () => {
  it('runs from the CLI with every check holding and every data row used', () => {
    const { code, out } = cli('run', FILE);
    expect(code).toBe(0);
    const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(out) ?? [];
    expect(holding).toBe(all);
    expect(out).toContain('Mechanisms: pool, targets');
    expect(out).toMatch(/measureHistory +7 rows: 7 used, 0 excluded/);
  });

  it('explain shows the target, the measure and the rule that relaxed it', () => {
    const { code, out } = cli('explain', FILE, 'rd-wang');
    expect(code).toBe(0);
    expect(out).toContain('Elastic targets · level senior · plan version rd-2026 · target score 88.55');
    expect(out).toContain(
      'bugRate (lower is better): baseline 0.012, relaxed by steady-quality after 2026-01, 2026-02, 2026-03 → target 0.017; measured 0.02 → score 85.00 × weight 40',
    );
    expect(out).toContain('cycleWeeks (lower is better): baseline 4 × complexity 1.25 → target 5');
  });
});
