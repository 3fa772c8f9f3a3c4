import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/interlock.ts', () => {
  it('reproduces "region = Σ product lines, product line = Σ regions" and settles the 5G indicator', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/interlock.ts'], { encoding: 'utf8' });
    // Rows: East 100 + 50 + 30 = 180, West 70 + 20 + 40 = 130, South 60 + 80 + 10 = 150.
    expect(output).toMatch(/East\s+100\.00\s+50\.00\s+30\.00\s+180\.00/);
    expect(output).toMatch(/West\s+70\.00\s+20\.00\s+40\.00\s+130\.00/);
    expect(output).toMatch(/South\s+60\.00\s+80\.00\s+10\.00\s+150\.00/);
    // Columns: 5G 100 + 70 + 60 = 230, Broadband 50 + 20 + 80 = 150, Cloud 30 + 40 + 10 = 80; total 460.
    expect(output).toMatch(/product\s+230\.00\s+150\.00\s+80\.00\s+460\.00/);
    expect(output).toContain('dimension product: credited 460.00, conserved true');
    expect(output).toContain('dimension region: credited 460.00, conserved true');
    expect(output).toContain('facts total 460.00, credited 920.00, double-count factor 2.0000');
    // 230 / 200 = 1.15 ≥ 1 → score 100, reward 9000 split 0.5 / 0.3 / 0.2 = 4500 / 2700 / 1800.
    expect(output).toContain(
      'actual 230.00 / target 200.00 = achievement 1.1500, score 100.00; reward 9000.00, deduction 0.00, review false',
    );
    expect(output).toMatch(/sales\s+weight 0\.5\s+score 100\.00\s+reward\s+4500\.00/);
    expect(output).toMatch(/product\s+weight 0\.3\s+score 100\.00\s+reward\s+2700\.00/);
    expect(output).toMatch(/delivery\s+weight 0\.2\s+score 100\.00\s+reward\s+1800\.00/);
  });
});
