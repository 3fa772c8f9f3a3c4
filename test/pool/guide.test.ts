import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allocatePool, carvePool, computeCommissions } from '../../src/index.js';

const guide = readFileSync(new URL('../../docs/pool.md', import.meta.url), 'utf8');

describe('docs/pool.md worked example', () => {
  it('its code block runs and gives the figures the guide states', () => {
    const code = /```ts\n([\s\S]*?)```/.exec(guide)?.[1] as string;
    const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'pool-guide-'));
    try {
      const file = join(dir, 'guide.ts');
      writeFileSync(
        file,
        `${code.replace("'synergy-pay'", JSON.stringify(index))}\nconsole.log(JSON.stringify({ pool: carve.pool, awards: shared.awards.map((row) => [row.id, row.award]) }));\n`,
      );
      const output = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });
      expect(JSON.parse(output)).toEqual({
        pool: '8800.00',
        awards: [
          ['tech-li', '4141.18'],
          ['tech-wang', '4658.82'],
          ['tech-zhao', '0.00'],
        ],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its tables: commissions, contributions, awards, and the 10 % / 15 % variants', () => {
    const commissions = computeCommissions({
      currency: 'CNY',
      method: 'retroactive',
      rateTable: { direction: 'higherIsBetter', bands: [{ bound: 200000, score: '0.12' }, { score: '0.10' }] },
      modifierTable: {
        direction: 'higherIsBetter',
        bands: [{ bound: '0.95', score: '1.16' }, { bound: '0.90', score: '1.08' }, { score: '1' }],
      },
      people: [
        { id: 'cs-chen', base: '250000.00', measure: '0.88' },
        { id: 'cs-liu', base: '192901.23', measure: '0.92' },
        { id: 'cs-zhou', base: '158045.95', measure: '0.96' },
      ],
    });
    expect(commissions.people.map((row) => [row.adjustedBase, row.commission])).toEqual([
      ['250000.00', '30000.00'],
      ['208333.33', '25000.00'],
      ['183333.30', '18333.33'],
    ]);
    const rows = commissions.people.map((row) => ({ id: row.id, amount: row.commission }));
    const carve = carvePool({ currency: 'CNY', rate: '0.12', commissions: rows });
    expect(carve.contributions.map((row) => [row.contribution, row.net])).toEqual([
      ['3600.00', '26400.00'],
      ['3000.00', '22000.00'],
      ['2200.00', '16133.33'],
    ]);
    const recipients = [
      { id: 'tech-wang', score: 90 },
      { id: 'tech-li', score: 80 },
      { id: 'tech-zhao', score: 50 },
    ];
    const shares = allocatePool({ pool: carve.pool, currency: 'CNY', floor: 60, recipients });
    expect(shares.awards.map((row) => row.share)).toEqual(['0.4705886364', '0.5294113636', '0.0000000000']);
    const at = (rate: string) => {
      const pool = carvePool({ currency: 'CNY', rate, commissions: rows }).pool;
      return [pool, ...allocatePool({ pool, currency: 'CNY', floor: 60, recipients }).awards.map((row) => row.award)];
    };
    expect(at('0.10')).toEqual(['7333.33', '3450.98', '3882.35', '0.00']);
    expect(at('0.15')).toEqual(['11000.00', '5176.47', '5823.53', '0.00']);
    const elastic = allocatePool({
      pool: '8800.00',
      currency: 'CNY',
      weighting: { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
      recipients: recipients.slice(0, 2),
    });
    expect(elastic.awards.map((row) => row.weight)).toEqual(['617.577062', '734.008714']);
    for (const figure of [
      '8,800.00',
      '4,658.82',
      '4,141.18',
      '7,333.33',
      '11,000.00',
      '734.008714',
      '617.577062',
      '1.4664',
    ])
      expect(guide).toContain(figure);
  });
});
