import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/uniform-vs-matrix.ts', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/uniform-vs-matrix.ts'], {
    encoding: 'utf8',
  });
  it('derives the company coefficient 0.8 from 80 % achievement', () => {
    expect(output).toContain('achievement 0.8 → company coefficient C = 0.8');
  });
  it('prints the five departments with uniform and matrix figures', () => {
    // sales: 0.75·0.85 + 0.25·0.8 = 0.6375 + 0.2 = 0.8375; uniform 0.85·0.8 = 0.68
    expect(output).toContain('| sales | strong | 0.25 | 0.85 | 0.68 | 0.8375 | 0.1575 |');
    // production: 0.75·0.9 + 0.2 = 0.875; uniform 0.72
    expect(output).toContain('| production | strong | 0.25 | 0.9 | 0.72 | 0.875 | 0.155 |');
    // marketing: 0.88·0.95 + 0.12·0.8 = 0.836 + 0.096 = 0.932; uniform 0.76
    expect(output).toContain('| marketing | medium | 0.12 | 0.95 | 0.76 | 0.932 | 0.172 |');
    // hr: 0.97·1 + 0.03·0.8 = 0.994; uniform 0.8
    expect(output).toContain('| hr | weak | 0.03 | 1 | 0.8 | 0.994 | 0.194 |');
    // finance: 0.97·1.05 + 0.024 = 1.0185 + 0.024 = 1.0425; uniform 0.84
    expect(output).toContain('| finance | weak | 0.03 | 1.05 | 0.84 | 1.0425 | 0.2025 |');
  });
});
