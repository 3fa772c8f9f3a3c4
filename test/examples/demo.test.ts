import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/demo.ts (npm run demo)', () => {
  it('prints the demo company summary with every check holding', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts', '--people', '500'], {
      encoding: 'utf8',
    });
    expect(out).toContain('plan broadcast-network · quarter 2026-04-01 … 2026-06-30 (91 days) · CNY');
    expect(out).toContain('People: 500 (front 300, middle 0, back 200) in 10 departments');
    const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(out) ?? [];
    expect(holding).toBe(all);
    // The quick start ends at a printed pay statement whose total is the sum of its lines.
    const statement = out.slice(out.indexOf('One pay statement, explained'));
    expect(statement.length).toBeGreaterThan(100);
    // Amounts are printed as `CN¥1,234.56` / `-CN¥200.00`; read back as fen.
    // (Subtotal lines repeat a component's sum: not lines of their own.)
    const lineAmounts = [...statement.matchAll(/^(?!Subtotal: )\S.*?\s(-?CN¥[\d,]+\.\d{2})$/gm)].map(
      (m) => m[1] as string,
    );
    const total = lineAmounts.pop();
    expect(statement).toMatch(/^Total \(the sum of the lines above\)\s+-?CN¥[\d,]+\.\d{2}$/m);
    const fen = (text: string) => BigInt(text.replace(/CN¥|,|\./g, ''));
    expect(lineAmounts.reduce((sum, amount) => sum + fen(amount), 0n)).toBe(fen(total as string));
  });
});
