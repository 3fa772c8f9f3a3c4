import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/index.js';

/**
 * Independent oracle for the support-pool carve on the demo company, from the scenario's own
 * rows with BigInt fen: under clawbackPolicy "net", pool = Σ round_halfUp(p · max(net commission
 * of a front-line person dated in the segment, 0)), one carve per plan segment.
 */
const scenario = demoScenario({ people: 200 });
const sideOf = new Map(scenario.org.departments.map((d) => [d.id, d.side]));
const front = new Set(scenario.org.people.filter((p) => sideOf.get(p.department) === 'front').map((p) => p.id));
const fenOf = (amount: string | number): bigint => {
  const text = String(amount);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const value = BigInt(whole + fraction.padEnd(2, '0'));
  return negative ? -value : value;
};
const text = (fen: bigint): string => {
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
/** Σ round_halfUp(percent/100 · max(person's rows in [from, to), 0)) over the front-line people. */
function carve(
  rows: { person: string; amount: string | number; date?: string | undefined }[],
  from: string,
  to: string,
  percent: bigint,
): bigint {
  const perPerson = new Map<string, bigint>();
  for (const row of rows)
    if (front.has(row.person) && row.date! >= from && row.date! < to)
      perPerson.set(row.person, (perPerson.get(row.person) ?? 0n) + fenOf(row.amount));
  // Each contribution rounded half-up on its own (SPEC §3.5's default), the pool their sum.
  let pool = 0n;
  for (const net of perPerson.values()) if (net > 0n) pool += (2n * net * percent + 100n) / 200n;
  return pool;
}

describe('examples/what-if.ts', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/what-if.ts'], { encoding: 'utf8' });
  const commissions = scenario.data!.commissions!;

  it('compares the quarter under the live plan (10 % April, 15 % from May) and the 5G push from 1 April (15 %)', () => {
    expect(out).toContain('plan version at the quarter start: base-2026 → 5g-push');
    const live =
      carve(commissions, '2026-04-01', '2026-05-01', 10n) + carve(commissions, '2026-05-01', '2026-07-01', 15n);
    const proposed = carve(commissions, '2026-04-01', '2026-07-01', 15n);
    expect(proposed).toBeGreaterThan(live);
    const line = (name: string) =>
      new RegExp(`${name}\\s+(-?\\d+\\.\\d\\d) →\\s+(-?\\d+\\.\\d\\d)\\s+\\((-?\\d+\\.\\d\\d)\\)`).exec(out);
    const pool = line('pool')!;
    expect([pool[1], pool[2], pool[3]]).toEqual([text(live), text(proposed), text(proposed - live)]);
    // No floor leaves anything unallocated here: every fen of the pool is awarded.
    const awards = line('poolAwards')!;
    expect([awards[1], awards[2]]).toEqual([text(live), text(proposed)]);
    // What the pool gains the front line's net commission loses, to the fen.
    const net = line('netCommission')!;
    expect(fenOf(net[3]!)).toBe(-(proposed - live));
    expect(out).toContain(`pool at 10 %: ${text(live)}`);
    expect(out).toContain(`pool at 15 %: ${text(proposed)}`);
    const counts = /gainers (\d+), losers (\d+), unchanged (\d+) of 200/.exec(out)!;
    expect(Number(counts[1]) + Number(counts[2]) + Number(counts[3])).toBe(200);
  });

  it('corrects a refunded sale and a backdated promotion, paid + corrections = re-run', () => {
    const refunded = commissions.find((row) => row.id === 'E001-C2')!;
    expect(out).toContain(`refunded sale E001-C2: ${String(refunded.amount)}`);
    // The refund (dated 28 June) falls in the 15 % segment: the pool carved there shrinks by
    // round(0.15 · base) − round(0.15 · (base − refund)), computed by the oracle.
    const refund = { id: 'E001-C2-refund', person: 'E001', amount: `-${String(refunded.amount)}`, date: '2026-06-28' };
    const poolDrop =
      carve(commissions, '2026-05-01', '2026-07-01', 15n) -
      carve([...commissions, refund], '2026-05-01', '2026-07-01', 15n);
    // E001 keeps 85 % of the refunded sale: its net commission falls by refund − its carve share,
    // which the largest-remainder split fixes to within one fen of 0.85 · 5402.03 = 4591.7255.
    const e001 = /E001: paid [\d.]+, arrears 0\.00, recoveries (-\d+\.\d\d)/.exec(out)!;
    const e001Recovery = -fenOf(e001[1]!);
    expect(e001Recovery >= 459172n && e001Recovery <= 459173n).toBe(true);
    // E121, P4 → P5 for the whole quarter: base 3 × (8800.00 − 7200.00) = 4800.00, split by the
    // prorate at 1 May over two basePay lines.
    const basePay = [...out.matchAll(/basePay\s+(\d+\.\d\d) →\s+(\d+\.\d\d)\s+arrears (\d+\.\d\d)/g)];
    expect(basePay).toHaveLength(2);
    expect(basePay.reduce((sum, m) => sum + fenOf(m[1]!), 0n)).toBe(3n * 720000n);
    expect(basePay.reduce((sum, m) => sum + fenOf(m[2]!), 0n)).toBe(3n * 880000n);
    expect(basePay.reduce((sum, m) => sum + fenOf(m[3]!), 0n)).toBe(480000n);
    // Every pool award that moved moved down, and together they give back exactly the pool's drop
    // (the pool has no floor remainder to absorb it).
    const awards = [...out.matchAll(/poolAward\s+(\d+\.\d\d) →\s+(\d+\.\d\d)\s+(arrears|recovery) (-?\d+\.\d\d)/g)];
    expect(awards.length).toBeGreaterThan(0);
    expect(awards.every((m) => m[3] === 'recovery')).toBe(true);
    expect(awards.reduce((sum, m) => sum + fenOf(m[4]!), 0n)).toBe(-poolDrop);
    const [, paid, arrears, recoveries, rerun] =
      /paid (\d+\.\d\d) \+ arrears (\d+\.\d\d) \+ recoveries (-?\d+\.\d\d) = re-run (\d+\.\d\d)/.exec(out) ?? [];
    expect(fenOf(paid!) + fenOf(arrears!) + fenOf(recoveries!)).toBe(fenOf(rerun!));
  });

  it('corrects after one rating review overturns a flag: the ratee gives back, the pool is only re-shared', () => {
    expect(out).toContain('A rating review keeps flagged rating R0039 (E099 gave E159 10 for responseSpeed)');
    // E159's ratings (demo data), weights 0.3 / 0.3 / 0.2 / 0.2, means and score rounded to 2 dp:
    // paid, R0039 pending (left out): responseSpeed {91, 92, 76} = 259/3 = 86.33, solution
    // {87, 86, 70} = 81.00, cooperation {74, 83, 72} = 76.33, completeness {91, 77, 78} = 82.00;
    // 0.3·86.33 + 0.3·81.00 + 0.2·76.33 + 0.2·82.00 = 25.899 + 24.3 + 15.266 + 16.4 = 81.865 → 81.87.
    // re-run, R0039 kept: responseSpeed {10, 91, 92, 76} = 269/4 = 67.25;
    // 0.3·67.25 + 24.3 + 15.266 + 16.4 = 76.141 → 76.14.
    expect(out).toContain("E159's peripheral score: 81.87 → 76.14");
    const section = out.slice(out.indexOf('3. A rating review'));
    const lines = [
      ...section.matchAll(/E159 poolAward (\S+)\s+(\d+\.\d\d) →\s+(\d+\.\d\d)\s+(arrears|recovery) (-?\d+\.\d\d)/g),
    ];
    // One award line per plan segment (prorated at 1 May), both lower after the review.
    expect(lines.map((m) => m[1]).sort()).toEqual(['5g-push', 'base-2026']);
    for (const m of lines) {
      expect(m[4]).toBe('recovery');
      expect(fenOf(m[5]!)).toBe(fenOf(m[3]!) - fenOf(m[2]!));
    }
    const [, paid, arrears, recoveries, rerun] =
      /paid (\d+\.\d\d) \+ arrears (\d+\.\d\d) \+ recoveries (-?\d+\.\d\d) = re-run (\d+\.\d\d)/.exec(section) ?? [];
    // No commission moved, so the pool is the same size: what E159 gives back is exactly what the
    // others get, and E159 is the only one giving back.
    expect(fenOf(arrears!) + fenOf(recoveries!)).toBe(0n);
    expect(fenOf(recoveries!)).toBe(lines.reduce((sum, m) => sum + fenOf(m[5]!), 0n));
    expect(paid).toBe(rerun);
  });
});
